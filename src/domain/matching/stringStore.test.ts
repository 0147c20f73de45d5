import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringStore } from './stringStore';

describe('StringStore', () => {
  it('gives back every string it was given, short or long, ASCII or not', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.string({ minLength: 60, maxLength: 80 }))), (texts) => {
        const store = new StringStore(1, 1);
        const ids = texts.map((text) => store.add(text));
        expect(ids.map((id) => store.get(id))).toEqual(texts);
        const { bytes, offsets } = store.toParts();
        const loaded = StringStore.fromParts(bytes, offsets);
        expect(ids.map((id) => loaded.get(id))).toEqual(texts);
      }),
    );
  });

  it('addBytes adds the string of UTF-8 bytes as add adds its text; addCopyOf adds a string again', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }))), fc.nat(), (texts, pick) => {
        const byText = new StringStore(1, 1);
        const byBytes = new StringStore(1, 1);
        for (const text of texts) {
          // The bytes in the middle of a larger array, as a file's field is.
          const bytes = encoder.encode(`x,${text},y`);
          expect(byBytes.addBytes(bytes, 2, bytes.length - 2)).toBe(byText.add(text));
        }
        if (texts.length > 0) {
          const again = pick % texts.length;
          expect(byBytes.addCopyOf(again)).toBe(byText.add(texts[again] ?? ''));
        }
        expect(byBytes.toParts()).toEqual(byText.toParts());
      }),
    );
  });

  it('decodes ids of every length up to 17 characters', () => {
    const store = new StringStore();
    const texts = Array.from({ length: 18 }, (_, length) => 'C0123456789abcdefgh'.slice(0, length));
    const ids = texts.map((text) => store.add(text));
    expect(ids.map((id) => store.get(id))).toEqual(texts);
  });
});
