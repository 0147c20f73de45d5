// One thread of the parallel master index build (buildIndexInParallel.ts): parses and normalises its byte range of
// MASTER.csv (read from the shared file buffer) into a part of the index.
import { parentPort } from 'node:worker_threads';
import { CsvFormatError } from '../../domain/matching/csv';
import type { IndexBuildReply, IndexBuildRequest } from './buildIndexInParallel';
import { buildPart, partBuffers } from './buildIndexInParallel';

const port = parentPort;
if (!port) throw new Error('indexBuildWorker.ts runs as a worker thread (buildIndexInParallel.ts starts it)');

port.once('message', (request: IndexBuildRequest) => {
  let reply: IndexBuildReply;
  try {
    const part = buildPart(request);
    reply = { type: 'part', part };
    port.postMessage(reply, partBuffers(part));
  } catch (error) {
    reply = error instanceof CsvFormatError ? { type: 'csvError', detail: error.detail, line: error.line } : { type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    port.postMessage(reply);
  }
});
