import { describe, expect, it } from 'vitest';
import { createCsvParser } from './csv';
import { MasterIndexBuilder } from './masterIndex';
import { addMasterCsvBytes, addMasterCsvRecord, masterCsvColumns } from './masterCsvRows';

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

  it('leaves to the text parser what it would report (unclosed quote, text after a closing quote, empty company_id)', () => {
    const header = 'company_id,name,domain,country\n';
    expect(fromBytes(`${header}C1,"Acme,acme.com,US\n`)).toBeNull();
    expect(fromBytes(`${header}C1,"Acme"x,acme.com,US\n`)).toBeNull();
    expect(fromBytes(`${header} ,Acme,acme.com,US\n`)).toBeNull();
    expect(fromBytes(`${header}C1,Acme,acme.com,US\n`)?.size).toBe(1);
  });
});
