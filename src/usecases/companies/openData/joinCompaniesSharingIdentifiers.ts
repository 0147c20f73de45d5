// Two master companies found to be one by an identifier a record of this import carries (importOpenData.ts): one
// is merged into the other, with its records, and every tenant row naming it follows at the end of the import.
import type { Db } from '../../../adapters/db/database';
import { upsertCompanies } from '../../../adapters/db/repositories/companies';
import { deleteMergedMasterCompanies } from '../../../adapters/db/repositories/companyReferences';
import { identifierCollisions, moveCompanyRecords, sourcesOfCompanies, type AttachedSourceRow } from '../../../adapters/db/repositories/companySources';
import type { ImportOpenDataOutput } from './importOpenData';
import { composeCompany } from './mergeOpenData';

/**
 * A record of this batch whose LEI or CIK is carried by another data set's record in another company (the
 * identifier arrived with a re-import, or the other record came when a merge was refused), or whose LEI, CIK or
 * Wikidata id an operator's CSV row of another company claims by its id (`lei:<LEI>`: the row came before the data
 * sets, and the record went to a company its other identifiers name): the companies are one, as a fresh import of
 * the files would have made them, unless that would put two records of one data set in a company or the
 * identifiers name several companies of data sets' records (reported as conflicts, as companyToMergeInto does). The
 * company that got its first record first survives: its records and the merged company's are composed again in
 * their order of attachment, and every reference to the merged company moves to it.
 */
export async function joinCompaniesSharingIdentifiers(
  tx: Db,
  source: string,
  written: readonly { line: number; sourceId: string }[],
  counts: Pick<ImportOpenDataOutput, 'identifierConflicts' | 'companiesJoined'>,
  mergedAwayInto: Map<string, string>,
): Promise<void> {
  const lineOf = new Map(written.map((entry) => [entry.sourceId, entry.line]));
  const collisions = await identifierCollisions(tx, source, [...lineOf.keys()]);
  if (collisions.length === 0) return;
  const current = (companyId: string): string => survivorOf(mergedAwayInto, companyId);
  // The records of every company involved, earliest attached first, kept up to date as companies join.
  const recordsOf = new Map<string, AttachedSourceRow[]>();
  for (const row of await sourcesOfCompanies(tx, [...new Set(collisions.flatMap((collision) => [current(collision.companyId), current(collision.otherCompanyId)]))])) {
    recordsOf.set(row.companyId, [...(recordsOf.get(row.companyId) ?? []), row]);
  }
  const joinedHere = new Set<string>();
  const bySourceId = new Map<string, typeof collisions>();
  for (const collision of collisions) bySourceId.set(collision.sourceId, [...(bySourceId.get(collision.sourceId) ?? []), collision]);
  for (const [sourceId, named] of bySourceId) {
    const line = lineOf.get(sourceId) ?? 0;
    const companyId = current(named[0]?.companyId ?? '');
    const others = new Map<string, string[]>();
    for (const collision of named) {
      const other = current(collision.otherCompanyId);
      if (other !== companyId) others.set(other, [...new Set([...(others.get(other) ?? []), collision.identifier])]);
    }
    if (others.size === 0) continue;
    // CSV records (an operator's rows of the companies) are not a data set's: a company may hold several.
    const sourcesOf = (id: string): string[] => (recordsOf.get(id) ?? []).flatMap((row) => (row.source === 'csv' ? [] : [row.source]));
    // A company of an operator's CSV rows only (their ids claim this record's identifiers) is joined whatever else
    // the identifiers name; two companies of data sets' records are a conflict.
    if ([...others.keys()].filter((other) => sourcesOf(other).length > 0).length > 1) {
      const describe = [...others].map(([other, identifiers]) => `${identifiers.join(', ')} → company ${other}`).join('; ');
      counts.identifierConflicts.push({ line, reason: `${sourceId}: its identifiers name different companies (${describe}), and it is part of company ${companyId}: the companies are not merged` });
      continue;
    }
    let joinedTo = companyId;
    for (const [otherId, identifiers] of others) {
      const describe = `${identifiers.join(', ')} → company ${otherId}`;
      const shared = sourcesOf(joinedTo).filter((held) => sourcesOf(otherId).includes(held));
      if (shared.length > 0) {
        counts.identifierConflicts.push({ line, reason: `${sourceId}: ${describe}, but both companies hold a ${[...new Set(shared)].join(' and ')} record (company ${joinedTo} and company ${otherId}): the companies are not merged` });
        continue;
      }
      const firstOf = (id: string): bigint => recordsOf.get(id)?.[0]?.seq ?? 0n;
      const [survivor, mergedAway] = firstOf(joinedTo) <= firstOf(otherId) ? [joinedTo, otherId] : [otherId, joinedTo];
      // In their order of attachment, as a fresh import would have attached them.
      recordsOf.set(survivor, [...(recordsOf.get(survivor) ?? []), ...(recordsOf.get(mergedAway) ?? [])].sort((a, b) => (a.seq < b.seq ? -1 : a.seq > b.seq ? 1 : 0)));
      recordsOf.delete(mergedAway);
      mergedAwayInto.set(mergedAway, survivor);
      joinedHere.add(mergedAway);
      counts.companiesJoined.push({ line, reason: `${sourceId}: ${describe}: company ${mergedAway} merged into company ${survivor}` });
      joinedTo = survivor;
    }
  }
  if (joinedHere.size === 0) return;
  // Written together: the master version is bumped per statement, and a row updated thousands of times in one
  // transaction gets slower with each update (a re-import joining 10,000 companies one by one took 70 s of CPU).
  const moves = new Map([...joinedHere].map((companyId) => [companyId, current(companyId)]));
  await moveCompanyRecords(tx, moves);
  await deleteMergedMasterCompanies(tx, [...joinedHere]);
  await upsertCompanies(
    tx,
    [...new Set(moves.values())].map((survivor) => composeCompany(survivor, (recordsOf.get(survivor) ?? []).map((row) => row.record))),
  );
}

/** Where a company merged away by this import is now (it may have been merged into one merged away later). */
export function survivorOf(mergedAwayInto: ReadonlyMap<string, string>, companyId: string): string {
  let id = companyId;
  for (let next = mergedAwayInto.get(id); next !== undefined; next = mergedAwayInto.get(id)) id = next;
  return id;
}
