/** Bytes of one chunk: about 1,100 visits of the usual size, what a 50 ms flush holds at 20,000 visits a second. */
export const VISIT_CHUNK_BYTES = 256 * 1024;
/** Free chunks kept for reuse (2 MB); more are left to the garbage collector once a backlog has drained. */
const FREE_CHUNKS_KEPT = 8;
/** UTF-8 takes at most 3 bytes a UTF-16 code unit (a surrogate pair, 2 units, takes 4). */
const MAX_BYTES_PER_UNIT = 3;

interface Chunk {
  readonly bytes: Buffer;
  /** Bytes written: whole lines only. */
  length: number;
  rows: number;
}

/**
 * Queued visits as COPY text lines, encoded when accepted into chunks of memory outside V8's heap, oldest first.
 * Queued as objects instead, a visit's parsed strings waited up to a flush interval for their statement: long
 * enough to survive two scavenges and be promoted, at 20,000 a second, filling the old generation for a
 * mark-compact every 0.7 s (10-24 ms each, the collection endpoint's p99). Encoded at once, they die young; a chunk's
 * bytes are not the garbage collector's to move or mark.
 *
 * A chunk takes lines until it is full, holds `maxRowsPerChunk` rows, or is taken for a statement (`next`), and is
 * kept until `stored` says its statement committed: a failed statement's chunks stay first in line for the retry.
 * Chunks go back to a small pool for reuse, so a steady load allocates no memory for its visits at all.
 */
export class VisitCopyChunks {
  /** Oldest first; only the last can be open (`open`). */
  private readonly chunks: Chunk[] = [];
  private open: Chunk | undefined;
  private readonly free: Buffer[] = [];
  private rows = 0;
  /** Chunks taken by the statement in flight (`next`), not yet stored. */
  private taken = 0;

  constructor(
    private readonly maxRowsPerChunk: number,
    private readonly chunkBytes = VISIT_CHUNK_BYTES,
  ) {
    if (!Number.isInteger(maxRowsPerChunk) || maxRowsPerChunk < 1) throw new Error(`maxRowsPerChunk must be a positive integer, not ${maxRowsPerChunk}`);
    if (!Number.isInteger(chunkBytes) || chunkBytes < 1) throw new Error(`chunkBytes must be a positive integer, not ${chunkBytes}`);
  }

  /** Visits queued, in flight included. */
  get size(): number {
    return this.rows;
  }

  /** Chunks queued (in flight included) and free for reuse: for tests and benches. */
  get chunkCounts(): { queued: number; free: number } {
    return { queued: this.chunks.length, free: this.free.length };
  }

  /** Appends one whole line (`visitCopyLine`: newline included). */
  append(line: string): void {
    let chunk = this.open;
    if (chunk === undefined || !fits(chunk, line)) chunk = this.openChunk(line);
    chunk.length += chunk.bytes.write(line, chunk.length, 'utf8');
    chunk.rows += 1;
    this.rows += 1;
    if (chunk.rows >= this.maxRowsPerChunk) this.open = undefined;
  }

  /**
   * The data of the next statement: the oldest chunks, as many as hold at most `maxRows` visits together (at least
   * one). The open chunk, when taken, is closed: later lines go to another. Undefined when nothing is queued. One
   * statement at a time: call `stored` when it committed, or `failed`.
   */
  next(maxRows: number): { data: Buffer[]; rows: number } | undefined {
    if (this.taken > 0) throw new Error('VisitCopyChunks.next: the previous statement is still in flight');
    const data: Buffer[] = [];
    let rows = 0;
    for (const chunk of this.chunks) {
      if (data.length > 0 && rows + chunk.rows > maxRows) break;
      data.push(chunk.bytes.subarray(0, chunk.length));
      rows += chunk.rows;
      if (chunk === this.open) this.open = undefined;
    }
    if (data.length === 0) return undefined;
    this.taken = data.length;
    return { data, rows };
  }

  /** The statement of the last `next` committed: its chunks leave the queue (their memory is reused). */
  stored(): void {
    const chunks = this.chunks.splice(0, this.taken);
    this.taken = 0;
    for (const chunk of chunks) {
      this.rows -= chunk.rows;
      if (chunk.bytes.length === this.chunkBytes && this.free.length < FREE_CHUNKS_KEPT) this.free.push(chunk.bytes);
    }
  }

  /** The statement of the last `next` failed: its chunks stay first in line, unchanged, for the next one. */
  failed(): void {
    this.taken = 0;
  }

  private openChunk(line: string): Chunk {
    // A line longer than a chunk (not one the beacon parser lets through: 3 URLs of 2,048 characters fit) gets its own.
    const needed = line.length * MAX_BYTES_PER_UNIT > this.chunkBytes ? Buffer.byteLength(line, 'utf8') : 0;
    const bytes = needed > this.chunkBytes ? Buffer.allocUnsafeSlow(needed) : (this.free.pop() ?? Buffer.allocUnsafeSlow(this.chunkBytes));
    const chunk: Chunk = { bytes, length: 0, rows: 0 };
    this.chunks.push(chunk);
    this.open = chunk;
    return chunk;
  }
}

/** Whether the line's UTF-8 fits in the chunk's room; its exact length is counted only near the chunk's end. */
function fits(chunk: Chunk, line: string): boolean {
  const room = chunk.bytes.length - chunk.length;
  return line.length * MAX_BYTES_PER_UNIT <= room || (line.length <= room && Buffer.byteLength(line, 'utf8') <= room);
}
