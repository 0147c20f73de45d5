const encoder = new TextEncoder();

/** A store's arrays: its strings' bytes, and where each starts. */
export interface StoreArrays {
  bytes: Uint8Array;
  offsets: Uint32Array;
}
const decoder = new TextDecoder();

/**
 * Many short strings in one UTF-8 byte array with offsets: about 1 byte per ASCII character plus 4 per string,
 * instead of ~40 bytes of overhead per V8 string. Append-only while building, then frozen.
 */
export class StringStore {
  private bytes: Uint8Array;
  private offsets: Uint32Array;
  private byteLength = 0;
  private count = 0;

  /** `reused`: arrays of a spent store to write into (what they hold is overwritten), when at least as large as needed. */
  constructor(expectedCount = 1024, expectedBytesEach = 16, reused?: StoreArrays) {
    const byteLength = Math.max(64, expectedCount * expectedBytesEach);
    const offsetCount = Math.max(2, expectedCount + 1);
    this.bytes = reused && reused.bytes.length >= byteLength ? reused.bytes : new Uint8Array(byteLength);
    this.offsets = reused && reused.offsets.length >= offsetCount ? reused.offsets : new Uint32Array(offsetCount);
    this.offsets[0] = 0;
  }

  /** Copies of what the store holds (toParts without compacting the store): its own arrays can then be reused. */
  copyParts(): StoreArrays {
    return { bytes: this.bytes.slice(0, this.byteLength), offsets: this.offsets.slice(0, this.count + 1) };
  }

  /** The store's own arrays, for a new store to reuse (new StringStore(…, reused)) once this one is spent. */
  arrays(): StoreArrays {
    return { bytes: this.bytes, offsets: this.offsets };
  }

  get size(): number {
    return this.count;
  }

  add(text: string): number {
    const worstCase = text.length * 3;
    if (this.byteLength + worstCase > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.byteLength + worstCase));
      grown.set(this.bytes.subarray(0, this.byteLength));
      this.bytes = grown;
    }
    const bytes = this.bytes;
    let position = this.byteLength;
    let isAscii = true;
    // ASCII (most ids and names) by hand: encodeInto costs more than the copy for short strings.
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code > 127) {
        isAscii = false;
        break;
      }
      bytes[position++] = code;
    }
    if (isAscii) this.byteLength = position;
    else this.byteLength += encoder.encodeInto(text, bytes.subarray(this.byteLength)).written;
    return this.closeString();
  }

  /**
   * Adds the string whose UTF-8 bytes are bytes[start, end) (add(text) of its text, without making the string): what
   * the master CSV build does with the ids it reads from the file.
   */
  addBytes(bytes: Uint8Array, start: number, end: number): number {
    const length = end - start;
    if (this.byteLength + length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.byteLength + length));
      grown.set(this.bytes.subarray(0, this.byteLength));
      this.bytes = grown;
    }
    const target = this.bytes;
    let position = this.byteLength;
    // Short ids: a loop costs less than set() of a subarray view.
    if (length <= 32) for (let at = start; at < end; at++) target[position++] = bytes[at] as number;
    else {
      target.set(bytes.subarray(start, end), position);
      position += length;
    }
    this.byteLength = position;
    return this.closeString();
  }

  /** Adds string `index` again (add(get(index)) without decoding it). */
  addCopyOf(index: number): number {
    const start = this.offsets[index] ?? 0;
    return this.addBytes(this.bytes, start, this.offsets[index + 1] ?? start);
  }

  private closeString(): number {
    if (this.count + 2 > this.offsets.length) {
      const grown = new Uint32Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    this.count++;
    this.offsets[this.count] = this.byteLength;
    return this.count - 1;
  }

  get(index: number): string {
    const start = this.offsets[index] ?? 0;
    return decodeUtf8(this.bytes, start, this.offsets[index + 1] ?? start);
  }

  /** Where string `index`'s bytes start (byteAt reads them): what a reader needs to read a string's memory ahead of decoding it. */
  startOf(index: number): number {
    return this.offsets[index] ?? 0;
  }

  byteAt(offset: number): number {
    return this.bytes[offset] ?? 0;
  }

  /** Drops spare capacity once building is done. */
  compact(): void {
    this.bytes = this.bytes.slice(0, this.byteLength);
    this.offsets = this.offsets.slice(0, this.count + 1);
  }

  /** The compacted arrays, for saving a snapshot. */
  toParts(): { bytes: Uint8Array; offsets: Uint32Array } {
    // Already compact (a loaded or shared store): the arrays themselves, not copies.
    if (this.bytes.length !== this.byteLength || this.offsets.length !== this.count + 1) this.compact();
    return { bytes: this.bytes, offsets: this.offsets };
  }

  /** A store over arrays from toParts() (a loaded snapshot). */
  static fromParts(bytes: Uint8Array, offsets: Uint32Array): StringStore {
    const store = new StringStore(1, 1);
    store.bytes = bytes;
    store.offsets = offsets;
    store.byteLength = bytes.length;
    store.count = Math.max(0, offsets.length - 1);
    return store;
  }

  get memoryBytes(): number {
    return this.bytes.byteLength + this.offsets.byteLength;
  }
}

/** The text of UTF-8 bytes [start, end): short ASCII strings (most names and ids) with String.fromCharCode, no decoder. */
export function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 64) {
    let isAscii = true;
    for (let position = start; position < end; position++) {
      if ((bytes[position] ?? 0) > 127) {
        isAscii = false;
        break;
      }
    }
    if (isAscii) return end - start <= 16 ? shortAscii(bytes, start, end - start) : String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  }
  return decoder.decode(bytes.subarray(start, end));
}

/**
 * ASCII bytes of up to 16 characters as a string: String.fromCharCode with the codes as arguments, eight at a time
 * (no subarray view, no apply: a company id decodes in a quarter of the time).
 */
function shortAscii(bytes: Uint8Array, start: number, length: number): string {
  return length <= 8 ? upToEight(bytes, start, length) : upToEight(bytes, start, 8) + upToEight(bytes, start + 8, length - 8);
}

function upToEight(b: Uint8Array, s: number, length: number): string {
  const code = String.fromCharCode;
  switch (length) {
    case 0:
      return '';
    case 1:
      return code(b[s] ?? 0);
    case 2:
      return code(b[s] ?? 0, b[s + 1] ?? 0);
    case 3:
      return code(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0);
    case 4:
      return code(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0);
    case 5:
      return code(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0);
    case 6:
      return code(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0);
    case 7:
      return code(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0, b[s + 6] ?? 0);
    default:
      return code(b[s] ?? 0, b[s + 1] ?? 0, b[s + 2] ?? 0, b[s + 3] ?? 0, b[s + 4] ?? 0, b[s + 5] ?? 0, b[s + 6] ?? 0, b[s + 7] ?? 0);
  }
}
