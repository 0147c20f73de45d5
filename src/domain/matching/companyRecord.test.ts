import { describe, expect, it } from 'vitest';
import { toCompanyRecord } from './companyRecord';

const header = ['company_id', 'name', 'domain', 'country', 'industry', 'founded'];

describe('toCompanyRecord', () => {
  it('normalises domain and country and keeps unknown columns as firmographics', () => {
    const result = toCompanyRecord(header, ['C1', ' Acme Ltd ', 'https://www.Acme.co.uk/', 'United Kingdom', 'Software', '1999']);
    expect(result).toEqual({
      isValid: true,
      company: { id: 'C1', name: 'Acme Ltd', domain: 'acme.co.uk', otherDomains: [], country: 'GB', region: null, city: null, industry: 'Software', employeeRange: null, revenueRange: null, firmographics: { founded: '1999' } },
    });
  });

  it.each([
    [['', 'Acme', '', ''], 'company_id is empty'],
    [['C1', '', '', ''], 'name is empty'],
    [['C1', 'Acme', 'not a domain', ''], 'domain "not a domain" is not a website or domain name'],
    [['C1', 'Acme', '', 'Atlantis'], 'country "Atlantis" is not a recognised country name or ISO code'],
  ])('rejects %j: %s', (fields, reason) => {
    expect(toCompanyRecord(header, fields)).toEqual({ isValid: false, reason });
  });

  it('reads other_domains (separated by ";", "|" or spaces) normalised, without the main domain or repeats, and rejects the row for one that is not a domain', () => {
    const withOthers = ['company_id', 'name', 'domain', 'other_domains'];
    const read = (others: string) => toCompanyRecord(withOthers, ['C1', 'Acme', 'acme.com', others]);
    expect(read('https://www.acme.de/; acme.com|ACME.fr  acme.de')).toMatchObject({ isValid: true, company: { otherDomains: ['acme.de', 'acme.fr'] } });
    expect(read('')).toMatchObject({ isValid: true, company: { otherDomains: [] } });
    expect(read('acme.de; not_a_domain')).toEqual({ isValid: false, reason: 'other_domains "not_a_domain" is not a website or domain name' });
  });
});
