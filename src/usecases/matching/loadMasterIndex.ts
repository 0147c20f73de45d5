import type { Db } from '../../adapters/db/database';
import { companiesVersion, forEachMasterCompanyPage } from '../../adapters/db/repositories/companies';
import { MasterIndexBuilder, type MasterIndex } from '../../domain/matching/masterIndex';

interface CachedIndex {
  version: string;
  index: Promise<MasterIndex>;
}

// One index per process and database handle, rebuilt when the companies table changes (its version is a count
// and the latest updated_at, one cheap query per match).
const cache = new WeakMap<Db, CachedIndex>();

/** The master index of the database's companies, built on first use and reused until companies change. */
export async function loadMasterIndex(db: Db): Promise<MasterIndex> {
  const version = await companiesVersion(db);
  const cached = cache.get(db);
  if (cached && cached.version === version) return cached.index;
  const index = buildFromDatabase(db);
  cache.set(db, { version, index });
  try {
    return await index;
  } catch (error) {
    cache.delete(db);
    throw error;
  }
}

async function buildFromDatabase(db: Db): Promise<MasterIndex> {
  const builder = new MasterIndexBuilder(1024);
  await forEachMasterCompanyPage(db, (page) => {
    for (const company of page) builder.add(company);
  });
  return builder.finish();
}
