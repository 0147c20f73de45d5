// One thread of the parallel master index build (buildIndexInParallel.ts): parses and normalises ranges of MASTER.csv
// (indexBuildChunks.ts: each read from the file into the thread's own buffer), taken from a counter shared by all
// threads, into parts of the index; then,
// once every part is built, it sorts its share of the keys of all parts (in shared memory).
import { parentPort } from 'node:worker_threads';
import { sortPartitionedBuckets } from '../../domain/matching/masterIndexKeys';
import { buildChunks, partBuffers, type IndexBuildMessage, type IndexBuildReply } from './indexBuildChunks';

const port = parentPort;
if (!port) throw new Error('indexBuildWorker.ts runs as a worker thread (buildIndexInParallel.ts starts it)');

port.on('message', (message: IndexBuildMessage) => {
  if (message.type === 'build') {
    buildChunks(message.job, (reply) => {
      if (reply.type === 'part') port.postMessage(reply, partBuffers(reply.part));
      else port.postMessage(reply);
    });
    return;
  }
  const { parts, keyHashes, keyCompanies, fromBucket, toBucket } = message.job;
  let reply: IndexBuildReply;
  try {
    sortPartitionedBuckets(parts, keyHashes, keyCompanies, fromBucket, toBucket);
    reply = { type: 'sorted' };
  } catch (error) {
    reply = { type: 'error', chunk: -1, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
