// A worker thread started from one compiled JavaScript file instead of through tsx: a thread that registers tsx and
// loads ~40 TypeScript modules (and the JSON and packages they import) spends ~120 ms of CPU on it before it runs a
// line of its own, on every start. The bundle is built once by esbuild (tsx's own compiler) into a private cache
// directory under the temp dir, with a manifest of the files it was built from and a hash of their contents; a start
// whose files all hash the same runs the bundle. Anything else (no bundle yet, a file changed, the cache unusable,
// esbuild missing) starts the thread through tsx as before; a missing or stale bundle is then rebuilt in the
// background for the next start.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { startTsWorker } from './tsWorker';

interface BundleManifest {
  /** The files the bundle was built from, absolute. */
  inputs: string[];
  /** contentHash(inputs) when it was built. */
  hash: string;
  /** The bundle's file name in the cache directory. */
  bundle: string;
}

/** The subset of esbuild's API used here (it is tsx's dependency, loaded only when a bundle is built). */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ outputFiles?: { contents: Uint8Array }[]; metafile?: { inputs: Record<string, unknown> } }>;
}

/** Changed whenever the build settings below change, so that bundles built otherwise are not used. */
const bundleSettingsKey = 'esm-node-bundle-1';
/**
 * Bundled CommonJS packages may require() Node's modules, and an ES module has no require: esbuild's shim then looks
 * for a global one (a global, so that a bundled module's own top-level `require` cannot collide with it).
 */
const requireBanner = "import { createRequire as __bundleCreateRequire } from 'node:module'; globalThis.require ??= __bundleCreateRequire(import.meta.url);";
const building = new Map<string, Promise<string | null>>();

/** A worker thread running the TypeScript module at `moduleUrl`: from its cached bundle when it is up to date, otherwise through tsx. */
export function startCompiledWorker(moduleUrl: URL, cacheDir = defaultCacheDir()): Worker {
  const entry = fileURLToPath(moduleUrl);
  const bundle = cacheDir === null ? null : upToDateBundle(entry, cacheDir);
  if (bundle) return new Worker(bundle);
  if (cacheDir !== null && !building.has(entry)) {
    const done = buildWorkerBundle(entry, cacheDir).catch(() => null);
    building.set(entry, done);
    void done.finally(() => building.delete(entry));
  }
  return startTsWorker(moduleUrl);
}

/** The background builds started (tests wait for them). */
export function pendingWorkerBundles(): Promise<(string | null)[]> {
  return Promise.all(building.values());
}

/** A private directory of this user's under the temp dir, or null when it cannot be made private (then no bundles). */
export function defaultCacheDir(parent = tmpdir()): string | null {
  const uid = process.getuid?.() ?? 'user';
  const dir = path.join(parent, `openabm-workers-${uid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stats = statSync(dir);
    // Another user's directory, or one others can write to, could hold code planted for this process to run.
    if (!stats.isDirectory() || (process.getuid && stats.uid !== process.getuid()) || (stats.mode & 0o022) !== 0) return null;
    return dir;
  } catch {
    return null;
  }
}

/** The cached bundle of `entry` if every file it was built from still has the contents it was built from. */
export function upToDateBundle(entry: string, cacheDir: string): string | null {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath(entry, cacheDir), 'utf8')) as BundleManifest;
    if (!Array.isArray(manifest.inputs) || manifest.inputs.length === 0 || !manifest.inputs.includes(entry)) return null;
    if (contentHash(manifest.inputs) !== manifest.hash) return null;
    const bundle = path.join(cacheDir, path.basename(manifest.bundle));
    return statSync(bundle).isFile() ? bundle : null;
  } catch {
    return null;
  }
}

/** Bundles `entry` and its imports (packages included) into one ES module in `cacheDir`; its path. */
export async function buildWorkerBundle(entry: string, cacheDir: string): Promise<string> {
  const esbuild = loadEsbuild();
  const result = await esbuild.build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: `node${process.versions.node}`, metafile: true, write: false, logLevel: 'silent', banner: { js: requireBanner }, absWorkingDir: path.dirname(entry) });
  const contents = result.outputFiles?.[0]?.contents;
  if (!contents || !result.metafile) throw new Error(`esbuild gave no bundle for ${entry}`);
  const inputs = Object.keys(result.metafile.inputs).map((input) => path.resolve(path.dirname(entry), input));
  if (!inputs.includes(entry)) throw new Error(`esbuild's inputs for ${entry} leave it out`);
  const hash = contentHash(inputs);
  const stem = bundleStem(entry);
  const bundle = `${stem}-${hash.slice(0, 16)}.mjs`;
  const previous = upToDateBundleName(entry, cacheDir);
  writeAtomically(path.join(cacheDir, bundle), contents);
  writeAtomically(manifestPath(entry, cacheDir), JSON.stringify({ inputs, hash, bundle } satisfies BundleManifest));
  if (previous && previous !== bundle) rmSync(path.join(cacheDir, previous), { force: true });
  return path.join(cacheDir, bundle);
}

function upToDateBundleName(entry: string, cacheDir: string): string | null {
  try {
    return path.basename((JSON.parse(readFileSync(manifestPath(entry, cacheDir), 'utf8')) as BundleManifest).bundle);
  } catch {
    return null;
  }
}

function loadEsbuild(): Esbuild {
  const require = createRequire(import.meta.url);
  try {
    return require('esbuild') as Esbuild;
  } catch {
    // Not hoisted: tsx's own copy.
    return createRequire(require.resolve('tsx/esm/api'))('esbuild') as Esbuild;
  }
}

/** A hash of the files' paths and contents (and of the bundler's settings), so that any edit gives a new one. */
function contentHash(inputs: readonly string[]): string {
  const hash = createHash('sha256').update(bundleSettingsKey).update(process.versions.node);
  for (const input of inputs) hash.update(input).update('\0').update(readFileSync(input)).update('\0');
  return hash.digest('hex');
}

/** Where the entry's bundle and manifest are named from: its file name and a hash of its full path. */
function bundleStem(entry: string): string {
  return `${path.basename(entry).replace(/\.[^.]+$/, '')}-${createHash('sha256').update(entry).digest('hex').slice(0, 12)}`;
}

function manifestPath(entry: string, cacheDir: string): string {
  return path.join(cacheDir, `${bundleStem(entry)}.json`);
}

/** Written whole or not at all: two processes building at once each rename a complete file into place. */
function writeAtomically(file: string, contents: string | Uint8Array): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, contents, { mode: 0o600 });
  renameSync(temporary, file);
}
