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

  it('decodes ids of every length up to 17 characters', () => {
    const store = new StringStore();
    const texts = Array.from({ length: 18 }, (_, length) => 'C0123456789abcdefgh'.slice(0, length));
    const ids = texts.map((text) => store.add(text));
    expect(ids.map((id) => store.get(id))).toEqual(texts);
  });
});
