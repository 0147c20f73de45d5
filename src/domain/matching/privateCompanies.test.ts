import { describe, expect, it } from 'vitest';
import { buildExclusionSet } from './excludedDomains';
import { buildMasterIndex } from './masterIndex';
import { matchAccounts } from './matchAccounts';
import { externalCompanyId, matchAccountsWithPrivate, privateCompanyId } from './privateCompanies';
import type { AccountInput, MasterCompanyInput } from './types';

const ORG = '11111111-2222-4333-8444-555555555555';
const filler = ['Acorn', 'Birch', 'Cedar', 'Dune', 'Ember', 'Fjord', 'Gale', 'Heath'].map((brand, n) => ({ companyId: `F${n}`, name: `${brand} Holdings`, domain: `${brand.toLowerCase()}holdings.com`, country: 'US' }));
const master = buildMasterIndex([{ companyId: 'M1', name: 'Northwind Analytics Inc.', domain: 'northwind-analytics.com', country: 'US' }, ...filler]);
const privateCompanies: MasterCompanyInput[] = [{ companyId: privateCompanyId(ORG, 'own-1'), name: 'Zephyrine Koval SAS', domain: 'zephyrine-koval.fr', country: 'FR' }];
const privateIndex = buildMasterIndex(privateCompanies);
const options = { excludedDomains: buildExclusionSet() };
const rows: AccountInput[] = [
  { rowId: '1', name: 'Northwind Analytics', domain: 'northwind-analytics.com', country: 'US' },
  { rowId: '2', name: 'Zephyrine Koval', domain: 'www.zephyrine-koval.fr', country: 'France' },
  { rowId: '3', name: 'ZEPHYRINE KOVAL', domain: 'zephyrine-koval.fr', country: 'FR' },
  { rowId: '4', name: 'Unknown Plumbing Co', domain: 'unknown-plumbing.com', country: 'US' },
];

describe('matchAccountsWithPrivate', () => {
  it('is exactly matchAccounts when the organisation has no private companies', () => {
    expect(matchAccountsWithPrivate(master, null, rows, options)).toEqual(matchAccounts(master, rows, options));
  });

  it.each([
    ['1', 'matched', 'M1'],
    ['2', 'matched', privateCompanyId(ORG, 'own-1')],
    ['3', 'duplicate', privateCompanyId(ORG, 'own-1')],
    ['4', 'unmatched', null],
  ])('row %s → %s %s', (rowId, status, companyId) => {
    const result = matchAccountsWithPrivate(master, privateIndex, rows, options).find((r) => r.rowId === rowId);
    expect(result).toMatchObject({ status, companyId });
  });
});

describe('private company ids', () => {
  it.each([
    [privateCompanyId(ORG, 'own-1'), 'own-1'],
    [privateCompanyId(ORG, 'a:b'), 'a:b'],
    ['M1', 'M1'],
    ['p:not-an-org:x', 'p:not-an-org:x'],
  ])('%s reads back as %s', (id, external) => {
    expect(externalCompanyId(id)).toBe(external);
  });
});
