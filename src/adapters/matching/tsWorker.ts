import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// The app runs TypeScript through tsx (bin/openabm.mjs), and so do the tests (vitest) and benches: a worker thread
// registers tsx itself before loading its TypeScript module.
const require = createRequire(import.meta.url);
const tsxApi = require.resolve('tsx/esm/api');
const bootstrapSource = `
const { workerData } = require('node:worker_threads');
require(workerData.tsxApi).register();
import(workerData.workerModule).catch((error) => { console.error(error); process.exit(1); });
`;

/** A worker thread running the TypeScript module at `moduleUrl` (new URL('./x.ts', import.meta.url)). */
export function startTsWorker(moduleUrl: URL): Worker {
  return new Worker(bootstrapSource, { eval: true, workerData: { tsxApi, workerModule: moduleUrl.href } });
}
