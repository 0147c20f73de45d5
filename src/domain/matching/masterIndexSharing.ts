// The master index on shared memory and in transferable parts: worker threads read one index instead of copies.
import type { MasterIndex } from './masterIndex';
import { StringStore } from './stringStore';

/** Bytes held by the index's arrays (what memory-per-company figures count). */
export function masterIndexBytes(index: MasterIndex): number {
  return index.rows.byteLength + index.companyIdBytes.byteLength + index.wordWeights.byteLength + index.nameWords.byteLength + index.keyDirectory.byteLength + index.keyHashes.byteLength + index.keyCompanies.byteLength + (index.primaryRows?.byteLength ?? 0);
}

/**
 * The index on SharedArrayBuffers: worker threads given it (masterIndexToParts) read the same memory instead of
 * each holding a copy. Arrays already shared are kept; the others are copied once.
 */
export function shareMasterIndex(index: MasterIndex): MasterIndex {
  const shared: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(index)) {
    if (value instanceof StringStore) {
      const { bytes, offsets } = value.toParts();
      shared[key] = StringStore.fromParts(toSharedArray(bytes), toSharedArray(offsets));
    } else if (ArrayBuffer.isView(value)) {
      shared[key] = toSharedArray(value);
    } else {
      shared[key] = value;
    }
  }
  // The same fields as `index`, each of the same type.
  return shared as unknown as MasterIndex;
}

/** True when every array of the index lies on a SharedArrayBuffer (a worker can be given it without a copy). */
export function isSharedMasterIndex(index: MasterIndex): boolean {
  return Object.values(index).every((value) => {
    if (value instanceof StringStore) {
      const { bytes, offsets } = value.toParts();
      return bytes.buffer instanceof SharedArrayBuffer && offsets.buffer instanceof SharedArrayBuffer;
    }
    return !ArrayBuffer.isView(value) || value.buffer instanceof SharedArrayBuffer;
  });
}

/** A shared index as a structured-clone message: typed arrays keep pointing at the shared memory; string stores travel as their parts. */
export type MasterIndexParts = Readonly<Record<string, unknown>>;

interface StringStoreParts {
  readonly stringStore: { bytes: Uint8Array; offsets: Uint32Array };
}

export function masterIndexToParts(index: MasterIndex): MasterIndexParts {
  const parts: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(index)) {
    if (value instanceof StringStore) {
      const stored: StringStoreParts = { stringStore: value.toParts() };
      parts[key] = stored;
    } else {
      parts[key] = value;
    }
  }
  return parts;
}

export function masterIndexFromParts(parts: MasterIndexParts): MasterIndex {
  const index: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parts)) {
    const store = typeof value === 'object' && value !== null && 'stringStore' in value ? (value as StringStoreParts).stringStore : undefined;
    index[key] = store ? StringStore.fromParts(store.bytes, store.offsets) : value;
  }
  // masterIndexToParts of a MasterIndex, field for field.
  return index as unknown as MasterIndex;
}

function toSharedArray<T extends ArrayBufferView>(array: T): T {
  if (array.buffer instanceof SharedArrayBuffer) return array;
  const Constructor = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const shared = new Constructor(new SharedArrayBuffer(array.byteLength));
  new Uint8Array(shared.buffer, 0, array.byteLength).set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
  return shared;
}

