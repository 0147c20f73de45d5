// The dev set split in two halves with a fixed seed: thresholds and weights are tuned on the tuning half only, and
// accuracy is reported (and tested) on the validation half, which tuning never looks at.
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/domain/matching/csv';
import { hashString } from '../../src/domain/matching/hashString';
import type { AccountInput, MasterCompanyInput } from '../../src/domain/matching/types';
import type { Truth } from './devSet';

export type DevSetHalf = 'tuning' | 'validation';
/** Changing the seed changes both halves: it is fixed so that the validation half stays unseen. */
export const devSetSplitSeed = 0x5eed_2026;

/**
 * The half a dev-set row belongs to. Rows are split by the company they expect (unmatched rows by their own id), so
 * that a company's first row ("matched") and its later rows ("duplicate") stay in the same half.
 */
export function devSetHalfOf(rowId: string, truth: Truth | undefined): DevSetHalf {
  const key = truth && truth.companyId !== '' ? `company:${truth.companyId}` : `row:${rowId}`;
  return hashString(key, devSetSplitSeed) % 2 === 0 ? 'tuning' : 'validation';
}

/** The accounts and truth of one half, in file order. */
export function selectDevSetHalf(accounts: readonly AccountInput[], truth: ReadonlyMap<string, Truth>, half: DevSetHalf): { accounts: AccountInput[]; truth: Map<string, Truth> } {
  const selected = accounts.filter((account) => devSetHalfOf(account.rowId, truth.get(account.rowId)) === half);
  return { accounts: selected, truth: new Map(selected.flatMap((account) => { const row = truth.get(account.rowId); return row ? [[account.rowId, row] as const] : []; })) };
}

/** master.csv's rows (company_id,name,domain,country,…) as MasterCompanyInput, for scripts that combine masters. */
export function readMasterRows(filePath: string): MasterCompanyInput[] {
  return parseCsv(readFileSync(filePath, 'utf8'))
    .slice(1)
    .map((record) => ({ companyId: record.fields[0] ?? '', name: record.fields[1] ?? '', domain: record.fields[2] ?? '', country: record.fields[3] ?? '' }))
    .filter((company) => company.companyId !== '');
}
