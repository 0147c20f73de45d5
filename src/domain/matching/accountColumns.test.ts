import { describe, expect, it } from 'vitest';
import { recogniseAccountColumns, recogniseMasterColumns } from './accountColumns';
import { CsvFormatError } from './csv';

describe('recogniseAccountColumns', () => {
  it.each([
    [['row_id', 'name', 'domain', 'country'], { rowId: 0, name: 1, domain: 2, email: -1, country: 3 }],
    [['Id', 'Account Name', 'Website', 'Billing Country'], { rowId: 0, name: 1, domain: 2, email: -1, country: 3 }],
    [['COMPANY NAME', 'URL', 'Country Code'], { rowId: -1, name: 0, domain: 1, email: -1, country: 2 }],
    [['company', 'email'], { rowId: -1, name: 0, domain: -1, email: 1, country: -1 }],
  ])('maps %j', (header, expected) => {
    expect(recogniseAccountColumns(header)).toEqual(expected);
  });

  it('rejects a header with nothing that identifies a company', () => {
    expect(() => recogniseAccountColumns(['id', 'owner', 'stage'], 1)).toThrow(CsvFormatError);
  });
});

describe('recogniseMasterColumns', () => {
  it('requires company_id, name, domain and country', () => {
    expect(recogniseMasterColumns(['company_id', 'name', 'domain', 'country', 'industry'])).toEqual({ companyId: 0, name: 1, domain: 2, country: 3 });
    expect(() => recogniseMasterColumns(['company_id', 'name'])).toThrow(/lacks domain, country/);
  });
});
