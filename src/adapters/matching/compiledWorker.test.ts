import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultCacheDir, pendingWorkerBundles, startCompiledWorker, upToDateBundle } from './compiledWorker';

const dir = mkdtempSync(path.join(tmpdir(), 'openabm-compiled-worker-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A TypeScript worker (types, an extensionless import of a .ts module, a CommonJS module that requires Node's) that reports what it runs as. */
function writeWorker(folder: string, greeting: string): URL {
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'greeting.ts'), `export const greeting: string = ${JSON.stringify(greeting)};\n`);
  writeFileSync(path.join(folder, 'domain.cjs'), `const path = require('node:path');\nmodule.exports = { domainOf: (file) => path.extname(file).slice(1) };\n`);
  writeFileSync(
    path.join(folder, 'entry.ts'),
    `import { parentPort } from 'node:worker_threads';
import { greeting } from './greeting';
import domain from './domain.cjs';
const reply: { greeting: string; url: string; domain: string } = { greeting, url: import.meta.url, domain: (domain as { domainOf: (file: string) => string }).domainOf('www.example.uk') };
parentPort?.postMessage(reply);
`,
  );
  return pathToFileURL(path.join(folder, 'entry.ts'));
}

async function replyOf(worker: Worker): Promise<{ greeting: string; url: string; domain: string }> {
  try {
    return await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`worker exited (code ${code})`)));
    });
  } finally {
    await worker.terminate();
  }
}

describe('a worker thread started from its compiled bundle', () => {
  it('runs through tsx until its bundle is built, then from the bundle, and again through tsx once a file it imports changes', async () => {
    const cache = path.join(dir, 'cache');
    mkdirSync(cache, { mode: 0o700 });
    const entry = writeWorker(path.join(dir, 'worker'), 'hello');

    const first = await replyOf(startCompiledWorker(entry, cache));
    expect(first).toEqual({ greeting: 'hello', url: entry.href, domain: 'uk' });
    await pendingWorkerBundles();
    const bundle = upToDateBundle(path.join(dir, 'worker', 'entry.ts'), cache);
    expect(bundle).toMatch(/entry-[0-9a-f]{12}-[0-9a-f]{16}\.mjs$/);

    const fromBundle = await replyOf(startCompiledWorker(entry, cache));
    expect(fromBundle).toEqual({ greeting: 'hello', url: pathToFileURL(bundle ?? '').href, domain: 'uk' });

    // An edit to an imported module makes the bundle stale: tsx runs the new code, and the bundle is rebuilt from it.
    writeWorker(path.join(dir, 'worker'), 'hello again');
    expect(upToDateBundle(path.join(dir, 'worker', 'entry.ts'), cache)).toBeNull();
    expect(await replyOf(startCompiledWorker(entry, cache))).toEqual({ greeting: 'hello again', url: entry.href, domain: 'uk' });
    await pendingWorkerBundles();
    const rebuilt = upToDateBundle(path.join(dir, 'worker', 'entry.ts'), cache);
    expect(rebuilt).not.toBe(bundle);
    expect((await replyOf(startCompiledWorker(entry, cache))).greeting).toBe('hello again');
    // The stale bundle is removed: one bundle and its manifest.
    expect(readdirSync(cache).sort()).toEqual([path.basename(rebuilt ?? ''), path.basename(rebuilt ?? '').replace(/-[0-9a-f]{16}\.mjs$/, '.json')].sort());
  });

  it('runs through tsx when there is no cache directory', async () => {
    const entry = writeWorker(path.join(dir, 'uncached'), 'no cache');
    expect(await replyOf(startCompiledWorker(entry, null))).toEqual({ greeting: 'no cache', url: entry.href, domain: 'uk' });
    expect(await pendingWorkerBundles()).toEqual([]);
  });

  it('uses no cache directory that other users can write to', () => {
    const parent = path.join(dir, 'shared-temp');
    const cache = defaultCacheDir(parent);
    expect(cache).toBe(path.join(parent, `openabm-workers-${process.getuid?.() ?? 'user'}`));
    chmodSync(cache ?? '', 0o777);
    expect(defaultCacheDir(parent)).toBeNull();
  });
});
