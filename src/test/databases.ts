import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, type Database } from '../adapters/db/database';

/**
 * The databases a database test runs on: PGlite always, and PostgreSQL too when TEST_DATABASE_URL is set.
 * Use with describe.each(testDatabaseKinds()).
 */
export type TestDatabaseKind = 'pglite' | 'postgres';

export function testDatabaseKinds(): TestDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export function testDatabaseUrl(kind: TestDatabaseKind): string | undefined {
  return kind === 'postgres' ? process.env.TEST_DATABASE_URL : undefined;
}

/** In-memory PGlite, or the shared test PostgreSQL; migrations applied. Tests isolate by organisation. */
export async function openTestDatabase(kind: TestDatabaseKind): Promise<Database> {
  if (kind === 'postgres') return openDatabase({ databaseUrl: testDatabaseUrl(kind) });
  // OPENABM_TEST_PGLITE_TEMPLATE=off migrates every PGlite from scratch, as the application does.
  if (process.env.OPENABM_TEST_PGLITE_TEMPLATE === 'off') return openDatabase({});
  // Migrations run again on the loaded template: a no-op unless the template lacks one.
  return openDatabase({ loadDataDir: await migratedPgliteTemplate() });
}

/**
 * For tests that start openabm on a PGlite data directory (browser tests, restarts): `<dataDir>/pgdata`, where
 * openDatabase({ dataDir }) keeps PGlite's files, made from the migrated template (or the given dump of one), so the
 * start finds every migration applied (measured: 1.5-1.7 CPU-s instead of 3.8-6.4 for initdb plus every migration on
 * a new folder). The data directory must not hold a database yet. OPENABM_TEST_PGLITE_TEMPLATE=off leaves it empty:
 * the start migrates from scratch, as the application does.
 */
export async function prepareMigratedPgliteDataDir(dataDir: string, template?: () => Promise<Blob>): Promise<void> {
  if (process.env.OPENABM_TEST_PGLITE_TEMPLATE === 'off') return;
  const pgdata = path.join(dataDir, 'pgdata');
  if (existsSync(pgdata)) throw new Error(`${pgdata} already exists: a template is only copied into a new data directory`);
  mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(pgdata, { loadDataDir: await (template ?? migratedPgliteTemplate)() });
  await pglite.close();
}

/**
 * Applying every migration to a new PGlite costs several CPU-seconds, and nearly every database test file opens one.
 * The first test to need PGlite migrates one and dumps it to a file named after the migrations and the PGlite version
 * (so a changed or added migration makes a new one); later test files, in this run and the next, load that dump.
 */
let templatePromise: Promise<Blob> | undefined;

export function migratedPgliteTemplate(): Promise<Blob> {
  templatePromise ??= (async () => {
    const migrationsDir = path.join(import.meta.dirname, '../adapters/db/migrations');
    const hash = createHash('sha256').update(readFileSync(path.join(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json')));
    hash.update(readFileSync(path.join(import.meta.dirname, '../adapters/db/migrate.ts')));
    for (const name of readdirSync(migrationsDir).sort()) hash.update(name).update(readFileSync(path.join(migrationsDir, name)));
    const file = path.join(tmpdir(), `${TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}.tar`);
    try {
      return new Blob([readFileSync(file)]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const database = await openDatabase({});
    try {
      const dump = await (database.pglite as PGlite).dumpDataDir('none');
      const bytes = Buffer.from(await dump.arrayBuffer());
      // Written whole, then renamed: a test file starting at the same moment never reads half a dump.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, bytes);
      renameSync(partial, file);
      // Templates of other migration sets made over a day ago go.
      for (const old of readdirSync(tmpdir())) {
        const oldFile = path.join(tmpdir(), old);
        const madeMs = statSync(oldFile, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
        if (old.startsWith(TEMPLATE_PREFIX) && oldFile !== file && Date.now() - madeMs > 86_400_000) rmSync(oldFile, { force: true });
      }
      return new Blob([bytes]);
    } finally {
      await database.close();
    }
  })();
  return templatePromise;
}

const TEMPLATE_PREFIX = 'openabm-test-pglite-';
