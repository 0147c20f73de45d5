import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCsvParser } from './csv';
import { buildMasterIndex, MasterIndexBuilder } from './masterIndex';
import { parseOtherDomains } from './companyRecord';
import { addMasterCsvBytes, addMasterCsvRecord, masterCsvColumns, parseOtherNames } from './masterCsvRows';
import type { MasterCompanyInput } from './types';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function fromText(csv: string) {
  const parser = createCsvParser();
  const [header, ...records] = [...parser.push(csv), ...parser.end()];
  const columns = masterCsvColumns(header?.fields ?? []);
  const builder = new MasterIndexBuilder(16);
  for (const record of records) addMasterCsvRecord(builder, columns, record);
  return builder.finish();
}

function fromBytes(csv: string) {
  const bytes = encoder.encode(csv);
  const headerEnd = bytes.indexOf(10) + 1;
  const columns = masterCsvColumns(csv.slice(0, csv.indexOf('\n')).split(','));
  const builder = new MasterIndexBuilder(16);
  const isRead = addMasterCsvBytes(builder, columns, bytes, headerEnd, bytes.length, (start, end) => decoder.decode(bytes.subarray(start, end)));
  return isRead ? builder.finish() : null;
}

describe('master rows read from bytes', () => {
  it('give the index the text parser gives (quotes, escapes, line ends, blank lines, white space, accents, short and long rows)', () => {
    const csv = [
      'industry,company_id,name,domain,country,notes',
      'Software,C1,Acme Inc,acme.com,US,',
      ',C2,"Müller & Söhne, GmbH",mueller.de,DE,"line one\nline ""two"""',
      '\u00a0,C3,"""Quoted"" Ltd",quoted.co.uk,GB, ',
      '',
      '\u3000,C4,Kestrel Foods (The),,United Kingdom,x\r',
      ' C5 ,Orbital Data,orbital.io,FR,"",extra,\u00a0',
      'Retail,C6,Short Row',
      '"",C7,BluePeak,bluepeak.com,DE,"  "\r\n\r\nMining,C8,"Étoile SA",etoile.fr,FR,',
      '"x",C9,"",,,',
    ].join('\n');
    const expected = fromText(csv);
    expect(expected.size).toBe(9);
    expect(fromBytes(csv)).toEqual(expected);
    expect(fromBytes(`${csv}\n`)).toEqual(fromText(`${csv}\n`));
  });

  it('copies ASCII company ids from the bytes, trimmed as the text parser trims them (tabs, vertical tabs, form feeds, spaces; quoted line ends)', () => {
    const header = 'company_id,name,domain,country';
    const id = fc.string({ unit: fc.constantFrom('C', '1', ' ', '\t', '\v', '\f', '\r', '\n', '\u00a0', 'é', '"'), minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(fc.array(id, { minLength: 1, maxLength: 5 }), (ids) => {
        const csv = [header, ...ids.map((text, row) => `"${text.replaceAll('"', '""')}",Acme ${row},acme${row}.com,US`)].join('\n');
        const isEveryIdFilled = ids.every((text) => text.trim().length > 0);
        const built = fromBytes(csv);
        if (isEveryIdFilled) expect(built).toEqual(fromText(csv));
        // An id of white space only is left to the text parser, which reports it.
        else expect(built).toBeNull();
      }),
    );
    expect(fromBytes(`${header}\n"\t C1 \f",Acme,acme.com,US\n`)).toEqual(fromBytes(`${header}\nC1,Acme,acme.com,US\n`));
  });

  it('leaves to the text parser what it would report (unclosed quote, text after a closing quote, empty company_id)', () => {
    const header = 'company_id,name,domain,country\n';
    expect(fromBytes(`${header}C1,"Acme,acme.com,US\n`)).toBeNull();
    expect(fromBytes(`${header}C1,"Acme"x,acme.com,US\n`)).toBeNull();
    expect(fromBytes(`${header} ,Acme,acme.com,US\n`)).toBeNull();
    expect(fromBytes(`${header}C1,Acme,acme.com,US\n`)?.size).toBe(1);
  });
});

describe('the other_names column of a master file', () => {
  // The companies as the database gives them to the builder (companies.other_names), and the same as a CSV file.
  const companies: MasterCompanyInput[] = [
    { companyId: 'lei:KESTREL', name: 'Kestrel Lebensmittel GmbH', domain: '', country: 'DE', completeness: 1, otherNames: ['Kestrel Foods', 'Kestrel Nahrung GmbH', 'KESTREL LEBENSMITTEL'] },
    { companyId: 'C-QUAY', name: 'Quayside Foods Ltd', domain: 'quaysidefoods.co.uk', country: 'GB', completeness: 1 },
    { companyId: 'lei:ORBITAL', name: 'Orbital Datensysteme AG', domain: 'orbital-data.de', country: 'DE', completeness: 0, otherNames: ['Orbital Data Systems', 'Orbital «Ünïcode» Daten'] },
  ];
  const csv = [
    'company_id,name,Other Names,domain,country,industry',
    'lei:KESTREL,Kestrel Lebensmittel GmbH," Kestrel Foods | Kestrel Nahrung GmbH|Kestrel Lebensmittel GmbH|KESTREL LEBENSMITTEL ",,DE,Food',
    'C-QUAY,Quayside Foods Ltd,,quaysidefoods.co.uk,GB,Food',
    'lei:ORBITAL,Orbital Datensysteme AG,Orbital Data Systems|Orbital «Ünïcode» Daten,orbital-data.de,DE,',
  ].join('\n');

  it('gives the rows of other names the database gives (and does not count towards completeness)', () => {
    const fromDatabase = buildMasterIndex(companies);
    expect(fromDatabase.size).toBe(7);
    expect(fromText(csv)).toEqual(fromDatabase);
    expect(fromBytes(csv)).toEqual(fromDatabase);
  });

  // parseOtherNames is the rule the database import of companies applies (importCompanies.ts uses it).
  it('refuses what the database import of companies refuses, with the line and the same reason', () => {
    const header = 'company_id,name,domain,country,other_names';
    const invalid = [' | Kestrel Foods', 'Kestrel Foods||KF Group', 'Kestrel Foods|', `Kestrel ${'x'.repeat(500)}`, Array.from({ length: 9 }, (_, n) => `Kestrel ${n}`).join('|')];
    for (const cell of invalid) {
      const parsed = parseOtherNames(cell, 'Kestrel GmbH');
      if (parsed.isValid) throw new Error(`the import accepts ${cell}`);
      const csv = `${header}\nC1,Acme Inc,acme.com,US,\nC2,Kestrel GmbH,kestrel.de,DE,"${cell}"\n`;
      expect(() => fromText(csv)).toThrow(`line 3: ${parsed.reason}`);
      // The byte reader leaves the row to the text parser (which reports it).
      expect(fromBytes(csv)).toBeNull();
    }
    expect(() => masterCsvColumns(['company_id', 'name', 'other_names', 'domain', 'country', 'Other Names'])).toThrow('line 1: the header has 2 other_names columns (columns 3 and 6)');
  });

  it('is optional: without it every row is its own company', () => {
    const without = fromText(['company_id,name,domain,country', 'C1,Acme Inc,acme.com,US'].join('\n'));
    expect(without.primaryRows).toBeUndefined();
    expect(masterCsvColumns(['company_id', 'name', 'domain', 'country']).otherNames).toBe(-1);
  });
});

describe('the other_domains column of a master file', () => {
  // The companies as the database gives them to the builder (companies.other_domains, as the import stored them).
  const companies: MasterCompanyInput[] = [
    { companyId: 'OD-1', name: 'Fennimore Outfitters', domain: 'fennimore.com', country: 'US', completeness: 1, otherDomains: ['fennimore-shop.co.uk', 'fennimore.de'] },
    { companyId: 'OD-2', name: 'Quillfeather Widgets', domain: 'quillfeather.com', country: 'GB', completeness: 0 },
    { companyId: 'OD-3', name: 'Barnes Advisors SAS', domain: '', country: 'FR', completeness: 0, otherDomains: ['barnes.eu'], otherNames: ['Barnes Conseil'] },
  ];
  const csv = [
    'company_id,name,domain,Other Domains,country,industry,other_names',
    'OD-1,Fennimore Outfitters,fennimore.com,"https://www.fennimore-shop.co.uk; fennimore.com|FENNIMORE.de fennimore-shop.co.uk",US,Retail,',
    'OD-2,Quillfeather Widgets,quillfeather.com,,GB,,',
    'OD-3,Barnes Advisors SAS,,barnes.eu,FR,,Barnes Conseil',
  ].join('\n');

  it('gives the keys the database gives (registrable, each once, the main domain left out; not counted towards completeness)', () => {
    const fromDatabase = buildMasterIndex(companies);
    expect(fromText(csv)).toEqual(fromDatabase);
    expect(fromBytes(csv)).toEqual(fromDatabase);
    expect(masterCsvColumns(csv.slice(0, csv.indexOf('\n')).split(',')).otherDomains).toBe(3);
  });

  // parseOtherDomains is the rule the database import of companies applies (toCompanyRecord uses it).
  it('refuses what the database import of companies refuses, with the line and the same reason', () => {
    const bad = 'company_id,name,domain,other_domains,country\nC1,Acme Inc,acme.com,,US\nC2,Kestrel GmbH,kestrel.de,"kestrel.com; not-a-domain",DE\n';
    const parsed = parseOtherDomains('kestrel.com; not-a-domain', 'kestrel.de');
    expect(parsed).toEqual({ isValid: false, reason: 'other_domains "not-a-domain" is not a website or domain name' });
    expect(() => fromText(bad)).toThrow('line 3: other_domains "not-a-domain" is not a website or domain name');
    expect(fromBytes(bad)).toBeNull();
    expect(() => masterCsvColumns(['company_id', 'name', 'domains', 'domain', 'country', 'other_domains'])).toThrow('line 1: the header has 2 other_domains columns (columns 3 and 6)');
  });
});
