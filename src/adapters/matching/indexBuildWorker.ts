// One thread of the parallel master index build (buildIndexInParallel.ts): parses and normalises chunks of MASTER.csv
// (read from the shared file buffer), taken from a counter shared by all threads, into parts of the index.
import { parentPort } from 'node:worker_threads';
import type { IndexBuildJob } from './buildIndexInParallel';
import { buildChunks, partBuffers } from './buildIndexInParallel';

const port = parentPort;
if (!port) throw new Error('indexBuildWorker.ts runs as a worker thread (buildIndexInParallel.ts starts it)');

port.once('message', (job: IndexBuildJob) => {
  buildChunks(job, (reply) => {
    if (reply.type === 'part') port.postMessage(reply, partBuffers(reply.part));
    else port.postMessage(reply);
  });
});
