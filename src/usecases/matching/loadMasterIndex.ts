import { existsSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../adapters/db/database';
import { forEachMasterCompanyPage } from '../../adapters/db/repositories/companies';
import { masterCompaniesVersion } from '../../adapters/db/repositories/masterCompaniesVersion';
import { isCurrentSnapshot, loadMasterIndexSnapshot, saveMasterIndexSnapshot } from '../../adapters/matching/masterIndexSnapshot';
import { MasterIndexBuilder, type MasterIndex } from '../../domain/matching/masterIndex';
import { shareMasterIndex } from '../../domain/matching/masterIndexSharing';

interface CachedIndex {
  version: string;
  index: Promise<MasterIndex>;
}

// One index per process and database handle, rebuilt when the master companies change (their version is one row
// that imports bump, migration 0930).
const cache = new WeakMap<Db, CachedIndex>();
const snapshotDirs = new WeakMap<Db, string>();
const sources = new WeakMap<MasterIndex, MasterIndexSource>();
/** Indexes this process obtained per database handle, by source (what a test checks a warmed-up process does not do again). */
const loads = new WeakMap<Db, Record<MasterIndexSource, number>>();
/** Handles whose warm-up was stopped (the process is shutting down): a build in progress gives up between pages. */
const stoppedWarmUps = new WeakSet<Db>();

/** Where an index came from: its saved snapshot or the companies table. */
export type MasterIndexSource = 'snapshot' | 'database';

export function masterIndexSource(index: MasterIndex): MasterIndexSource | undefined {
  return sources.get(index);
}

/** How many times this process loaded the index of this database handle from a snapshot, and built it from the companies table. */
export function masterIndexLoads(db: Db): Record<MasterIndexSource, number> {
  return { snapshot: 0, database: 0, ...loads.get(db) };
}

function countLoad(db: Db, source: MasterIndexSource): void {
  const counts = masterIndexLoads(db);
  counts[source]++;
  loads.set(db, counts);
}

export interface MasterIndexWarmUp {
  /** Where the index came from, once it is in memory; undefined when stopped first or when it failed (logged by onError). */
  done: Promise<MasterIndexSource | undefined>;
  /** Gives up a build in progress (at shutdown, before the database closes). */
  stop(): void;
}

/**
 * Loads the master index in the background as a server or worker starts, so the first match after a restart does
 * not pay for it: the snapshot of the current companies version when there is one (well under a second), else a
 * build from the companies table, saved as that version's snapshot. Never awaited by start-up (the HTTP listener is
 * not delayed); a match that arrives meanwhile waits for this same load instead of starting another.
 */
export function warmMasterIndex(db: Db, options: { onError?: (error: unknown) => void } = {}): MasterIndexWarmUp {
  stoppedWarmUps.delete(db);
  let isSettled = false;
  const done = (async () => {
    try {
      const index = await loadMasterIndex(db);
      return masterIndexSource(index);
    } catch (error) {
      if (!stoppedWarmUps.has(db)) options.onError?.(error);
      return undefined;
    } finally {
      isSettled = true;
      stoppedWarmUps.delete(db);
    }
  })();
  return {
    done,
    stop: () => {
      if (!isSettled) stoppedWarmUps.add(db);
    },
  };
}

/** Forgets the index held for this database handle (what a restarted process starts from). */
export function forgetMasterIndex(db: Db): void {
  cache.delete(db);
}

/**
 * Keep a snapshot of the master index per companies version in `dir` (the data directory): a process that starts
 * (or a worker that takes over) loads it in well under a second instead of rebuilding the index from the database
 * (about 10 s for 1,000,000 companies on PGlite). An import changes the version, so the snapshot of the old one is
 * never read again and is deleted once the new one is saved.
 */
export function keepMasterIndexSnapshots(db: Db, dir: string): void {
  snapshotDirs.set(db, dir);
}

/** The master index of the database's companies (on SharedArrayBuffers, for the match worker pool), built or loaded on first use and reused until companies change. */
export async function loadMasterIndex(db: Db): Promise<MasterIndex> {
  const version = await masterCompaniesVersion(db);
  const cached = cache.get(db);
  if (cached && cached.version === version) return cached.index;
  const index = obtainIndex(db, version);
  cache.set(db, { version, index });
  try {
    return await index;
  } catch (error) {
    cache.delete(db);
    throw error;
  }
}

/** The snapshot file of a companies version in `dir`. */
export function masterIndexSnapshotFile(dir: string, version: string): string {
  return path.join(dir, `master-${version.replace(/[^0-9a-zA-Z-]/g, '_')}.idx`);
}

async function obtainIndex(db: Db, version: string): Promise<MasterIndex> {
  const dir = snapshotDirs.get(db);
  const file = dir ? masterIndexSnapshotFile(dir, version) : undefined;
  if (file && existsSync(file)) {
    if (isCurrentSnapshot(file)) {
      try {
        const loaded = await loadMasterIndexSnapshot(file, { shared: true });
        sources.set(loaded, 'snapshot');
        countLoad(db, 'snapshot');
        return loaded;
      } catch {
        // A damaged snapshot (a disk filled up mid-write of an older version) is rebuilt below and replaced.
      }
    }
    await rm(file, { force: true });
  }
  const index = shareMasterIndex(await buildFromDatabase(db));
  sources.set(index, 'database');
  // Companies imported while the index was being built: it may hold part of them, so it is no snapshot of either version.
  if (dir && file && (await masterCompaniesVersion(db)) === version) await saveSnapshot(index, dir, file, version);
  return index;
}

async function saveSnapshot(index: MasterIndex, dir: string, file: string, version: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await saveMasterIndexSnapshot(index, file);
  // Older versions of this database's master are never read again.
  const instancePrefix = path.basename(masterIndexSnapshotFile(dir, `${version.split(':')[0] ?? ''}:`)).replace(/\.idx$/, '');
  const current = path.basename(file);
  for (const name of await readdir(dir)) {
    if (name !== current && name.startsWith(instancePrefix)) await rm(path.join(dir, name), { force: true });
  }
}

async function buildFromDatabase(db: Db): Promise<MasterIndex> {
  countLoad(db, 'database');
  const builder = new MasterIndexBuilder(1024);
  await forEachMasterCompanyPage(db, (page) => {
    if (stoppedWarmUps.has(db)) throw new Error('the master index build was stopped (shutting down)');
    for (const company of page) builder.add(company);
  });
  return builder.finish();
}
