// A master index saved as one binary file (`openabm match --index-snapshot`, the worker's snapshot per companies
// version, the bench): loading 1,000,000 companies takes a fraction of a second instead of rebuilding the index.
// Layout: magic, header length (u32), JSON header (each array field's name, type and byte length, and every
// other field's value), then the arrays' bytes in header order. Every field of MasterIndex is written, whatever
// it holds, so a field added to the index is saved without touching this file.
import { closeSync, openSync, readSync } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import type { MasterIndex } from '../../domain/matching/masterIndex';
import { nameNormalizationVersion } from '../../domain/matching/normalizeName';
import { StringStore } from '../../domain/matching/stringStore';

// The format and the name normalisation the keys were made with: a snapshot from an older normaliser is rebuilt.
// Format 4: a fixed record per company (MasterIndex.rows); format 3 held separate arrays (and a word store) and is
// refused by its magic, so that an old snapshot is rebuilt, never misread.
const magic = `OABMIDX4-n${nameNormalizationVersion}`;
/** The snapshot format (with the normaliser's version): files named by it are never read by another format. */
export const snapshotFormat = magic;

type ArrayType = 'Uint8Array' | 'Uint32Array' | 'Int32Array' | 'Float64Array' | 'Float32Array' | 'Uint16Array';
const arrayTypes: Record<ArrayType, new (buffer: ArrayBufferLike) => ArrayBufferView> = {
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
};

type FieldEntry = { key: string; kind: 'array'; type: ArrayType; bytes: number } | { key: string; kind: 'strings'; bytes: number; offsetBytes: number } | { key: string; kind: 'value'; value: unknown };

/** True when the file is a snapshot in the current format (an older format is rebuilt, not read). */
export function isCurrentSnapshot(filePath: string): boolean {
  const handle = openSync(filePath, 'r');
  try {
    const head = Buffer.alloc(magic.length);
    readSync(handle, head, 0, magic.length, 0);
    return head.toString() === magic;
  } finally {
    closeSync(handle);
  }
}

/** Writes the snapshot to a temporary file and renames it into place: a reader never sees half a file. */
export async function saveMasterIndexSnapshot(index: MasterIndex, filePath: string): Promise<void> {
  const fields: FieldEntry[] = [];
  const parts: Uint8Array[] = [];
  for (const [key, value] of Object.entries(index)) {
    if (value instanceof StringStore) {
      const { bytes, offsets } = value.toParts();
      fields.push({ key, kind: 'strings', bytes: bytes.byteLength, offsetBytes: offsets.byteLength });
      parts.push(bytesOf(bytes), bytesOf(offsets));
    } else if (ArrayBuffer.isView(value)) {
      const type = value.constructor.name;
      if (!(type in arrayTypes)) throw new Error(`master index field ${key} is a ${type}, which snapshots do not store`);
      fields.push({ key, kind: 'array', type: type as ArrayType, bytes: value.byteLength });
      parts.push(bytesOf(value));
    } else {
      fields.push({ key, kind: 'value', value });
    }
  }
  const header = Buffer.from(JSON.stringify(fields));
  const length = Buffer.alloc(4);
  length.writeUInt32LE(header.length);
  const temporary = `${filePath}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, Buffer.concat([Buffer.from(magic), length, header, ...parts.map((part) => Buffer.from(part.buffer, part.byteOffset, part.byteLength))]));
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export interface LoadSnapshotOptions {
  /** Read the arrays straight into SharedArrayBuffers (for the worker pool: no second copy). */
  shared?: boolean;
}

export async function loadMasterIndexSnapshot(filePath: string, options: LoadSnapshotOptions = {}): Promise<MasterIndex> {
  const file = await open(filePath, 'r');
  try {
    const head = Buffer.alloc(magic.length + 4);
    await file.read(head, 0, head.length, 0);
    if (head.subarray(0, magic.length).toString() !== magic) throw new Error(`${filePath} is not a master index snapshot (or one of an older format)`);
    const headerLength = head.readUInt32LE(magic.length);
    const header = Buffer.alloc(headerLength);
    await file.read(header, 0, headerLength, head.length);
    const fields = JSON.parse(header.toString()) as FieldEntry[];
    let position = head.length + headerLength;
    // Each array in a buffer of its own (aligned for its type), read from the file straight into it.
    const readBytes = async (length: number): Promise<ArrayBufferLike> => {
      const buffer = options.shared ? new SharedArrayBuffer(length) : new ArrayBuffer(length);
      const view = new Uint8Array(buffer);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await file.read(view, done, length - done, position + done);
        if (bytesRead === 0) throw new Error(`${filePath} is truncated`);
        done += bytesRead;
      }
      position += length;
      return buffer;
    };
    const index: Record<string, unknown> = {};
    for (const field of fields) {
      if (field.kind === 'value') index[field.key] = field.value;
      else if (field.kind === 'array') index[field.key] = new arrayTypes[field.type](await readBytes(field.bytes));
      else index[field.key] = StringStore.fromParts(new Uint8Array(await readBytes(field.bytes)), new Uint32Array(await readBytes(field.offsetBytes)));
    }
    // Written by saveMasterIndexSnapshot from a MasterIndex, field for field.
    return index as unknown as MasterIndex;
  } finally {
    await file.close();
  }
}

function bytesOf(array: ArrayBufferView): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
