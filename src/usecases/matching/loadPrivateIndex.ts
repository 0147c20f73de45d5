import type { Db } from '../../adapters/db/database';
import { listPrivateCompaniesForMatching, privateCompaniesVersion } from '../../adapters/db/repositories/privateCompanies';
import { buildMasterIndex, type MasterIndex } from '../../domain/matching/masterIndex';

interface CachedIndex {
  version: string;
  index: Promise<MasterIndex | null>;
}

// Per database handle and organisation, rebuilt when that organisation's private companies change.
const cache = new WeakMap<Db, Map<string, CachedIndex>>();

/** The index of one organisation's private companies (null when it has none); never another organisation's. */
export async function loadPrivateIndex(db: Db, orgId: string): Promise<MasterIndex | null> {
  const version = await privateCompaniesVersion(db, orgId);
  if (version.startsWith('0:')) return null;
  let byOrg = cache.get(db);
  if (!byOrg) {
    byOrg = new Map();
    cache.set(db, byOrg);
  }
  const cached = byOrg.get(orgId);
  if (cached && cached.version === version) return cached.index;
  const index = listPrivateCompaniesForMatching(db, orgId).then((companies) => buildMasterIndex(companies, companies.length));
  byOrg.set(orgId, { version, index });
  try {
    return await index;
  } catch (error) {
    byOrg.delete(orgId);
    throw error;
  }
}
