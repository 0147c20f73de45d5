import { afterAll, describe, expect, it } from 'vitest';
import { generateAccountRows } from '../demo/demoAccountRows';
import { generateDemoCompanies } from '../demo/demoCompanies';
import { buildExclusionSet } from '../../domain/matching/excludedDomains';
import { buildMasterIndex } from '../../domain/matching/masterIndex';
import { matchAccounts } from '../../domain/matching/matchAccounts';
import type { AccountInput } from '../../domain/matching/types';
import { MatchWorkerPool } from './matchWorkerPool';

const companies = generateDemoCompanies(5_000, 9);
const master = buildMasterIndex(companies.map((c) => ({ companyId: c.companyId, name: c.name, domain: c.domain, country: c.country, completeness: 3 })));
const records: AccountInput[] = generateAccountRows(companies, 1_500, 13).map(({ rowId, name, domain, country }) => ({ rowId, name, domain, country }));
const pool = new MatchWorkerPool({ size: 2 });

afterAll(async () => {
  await pool.close();
});

/** resolveRows gives each row as resolved alone: matchAccounts row by row, nothing claimed. */
function alone(options: Parameters<typeof matchAccounts>[2]): ReturnType<typeof matchAccounts> {
  return records.map((record) => matchAccounts(master, [record], options)[0] as ReturnType<typeof matchAccounts>[number]);
}

describe('MatchWorkerPool', () => {
  it('warms up (threads started, index sent) and then matches as in-thread', async () => {
    pool.warmUp(master);
    const options = { excludedDomains: buildExclusionSet() };
    expect(await pool.resolveRows(master, records, options)).toStrictEqual(alone(options));
  });

  it('sends each option set to a worker once and still uses the right one after many others (the workers forget old ones)', async () => {
    // More option sets than a worker keeps, each used twice: a forgotten one must be sent again, not mixed up.
    const optionSets = Array.from({ length: 11 }, (_, n) => ({ excludedDomains: buildExclusionSet([`partner-${n}.com`]), matchThreshold: 0.8 + n / 100 }));
    const few = records.slice(0, 400);
    for (const round of [0, 1]) {
      for (const options of round === 0 ? optionSets : [...optionSets].reverse()) {
        const expected = few.map((record) => matchAccounts(master, [record], options)[0]);
        expect(await pool.resolveRows(master, few, options)).toStrictEqual(expected);
      }
    }
  });
});
