import type pg from 'pg';

/** The part of node-postgres' connection a COPY FROM STDIN writes to (the calls pg-copy-streams makes). */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * `COPY … FROM STDIN` of one buffer already in COPY's text format, as a node-postgres submittable: the client sends
 * the statement, PostgreSQL answers CopyInResponse, the data goes as CopyData messages (one a buffer) and CopyDone. The
 * statement is atomic like an INSERT (all rows or none). node-postgres has no COPY of its own and the project does
 * not depend on pg-copy-streams; this is the small part of it a buffer in memory needs.
 */
class CopyFromText {
  readonly done: Promise<void>;
  private settle!: (error: Error | undefined) => void;

  constructor(
    private readonly text: string,
    private readonly data: Buffer | readonly Buffer[],
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.settle = (error) => (error ? reject(error) : resolve());
    });
  }

  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    if (Buffer.isBuffer(this.data)) connection.sendCopyFromChunk(this.data);
    else for (const chunk of this.data) connection.sendCopyFromChunk(chunk);
    connection.endCopyFrom();
  }

  // Settled on the first error: when the connection breaks, no ReadyForQuery follows it.
  handleError(error: Error): void {
    this.settle(error);
  }

  handleReadyForQuery(): void {
    this.settle(undefined);
  }

  handleCommandComplete(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/**
 * Runs `copyStatement` (a `COPY table (columns) FROM STDIN`) with `data` on a connection of the pool: one buffer, or
 * several sent one after the other as one statement's data (a CopyData message each).
 */
export async function copyFromText(pool: pg.Pool, copyStatement: string, data: Buffer | readonly Buffer[]): Promise<void> {
  const client = await pool.connect();
  const copy = new CopyFromText(copyStatement, data);
  // A connection that breaks is also an 'error' event on its client, which the pool listens to only while the client
  // is idle: unlistened here, it would end the process (pool.query listens the same way).
  const onError = (error: Error) => copy.handleError(error);
  client.on('error', onError);
  try {
    (client as unknown as { query(submittable: CopyFromText): void }).query(copy);
    await copy.done;
  } catch (error) {
    // The connection may be mid-protocol after a failure: the pool closes it instead of handing it out again.
    client.release(error instanceof Error ? error : true);
    throw error;
  } finally {
    client.off('error', onError);
  }
  client.release();
}
