import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileEncodingError, formatHint, guessFormat, readUtf8Chunks, readUtf8CsvChunks } from './companyImportFiles';

const directory = mkdtempSync(path.join(tmpdir(), 'company-import-files-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));
const fileOf = (name: string, content: string | Buffer): string => {
  const file = path.join(directory, name);
  writeFileSync(file, content);
  return file;
};
const textOf = async (file: string): Promise<string> => {
  let text = '';
  for await (const chunk of readUtf8Chunks(file, undefined)) text += chunk;
  return text;
};

describe('reading company files as UTF-8', () => {
  it('refuses Latin-1 bytes with the line they are on, after quoted line breaks and in a later chunk', async () => {
    const latin1 = fileOf('latin1.csv', Buffer.concat([Buffer.from('qid,name\nQ1,"Two\nlines"\nQ2,Caf'), Buffer.from([0xe9]), Buffer.from(' GmbH\n')]));
    await expect(textOf(latin1)).rejects.toThrow(new FileEncodingError('line 4 has bytes that are not UTF-8 text (the file is probably Latin-1 or Windows-1252): save it as UTF-8 (for example: iconv -f windows-1252 -t utf-8 FILE > FILE.utf8.csv) and import that'));
    // 1 MiB chunks: the bad byte in the third.
    const filler = 'Q3,Filler Company\n'.repeat(130_000);
    const late = fileOf('late.csv', Buffer.concat([Buffer.from(`qid,name\n${filler}`), Buffer.from([0x51, 0x34, 0x2c, 0xfc, 0x0a])]));
    await expect(textOf(late)).rejects.toThrow(`line ${130_002} has bytes that are not UTF-8 text`);
    // UTF-16 (with its byte order mark), as Excel's "Unicode Text" saves a sheet.
    await expect(textOf(fileOf('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('qid\tname\n', 'utf16le')])))).rejects.toThrow(
      'the file is UTF-16 text (as Excel\'s "Unicode Text" saves it), not UTF-8: save it as "CSV UTF-8" (or convert it: iconv -f utf-16 -t utf-8 FILE > FILE.utf8.csv) and import that',
    );
    // Archives, as the golden copy downloads.
    await expect(textOf(fileOf('golden-copy.csv.zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])))).rejects.toThrow('the file is a ZIP archive (the GLEIF golden copy downloads as .csv.zip): unzip it and import the .csv inside');
    await expect(textOf(fileOf('tickers.json.gz', Buffer.from([0x1f, 0x8b, 0x08, 0x00])))).rejects.toThrow('the file is gzip-compressed: decompress it (gunzip) and import the file inside');
    // A file cut inside a character.
    await expect(textOf(fileOf('cut.csv', Buffer.from('qid,name\nQ1,Caf\u00e9', 'utf8').subarray(0, -1)))).rejects.toThrow('line 2 has bytes that are not UTF-8 text');
  });

  it('reads UTF-8 whole: characters cut across chunks, a U+FFFD the file itself holds, a byte order mark', async () => {
    // "é" (2 bytes) and "€" (3 bytes) straddling the 1 MiB chunk boundary.
    const head = 'a'.repeat((1 << 20) - 1);
    const text = `${head}é€ ok\nQ1,Ersatz \uFFFD Zeichen\n`;
    expect(await textOf(fileOf('split.csv', text))).toBe(text);
    const records = [];
    for await (const chunk of readUtf8CsvChunks(fileOf('bom.csv', '\uFEFFqid,name\r\nQ1,"Multi\r\nLine"\r\n'), undefined)) records.push(...chunk);
    expect(records).toEqual([
      { fields: ['qid', 'name'], line: 1 },
      { fields: ['Q1', 'Multi\r\nLine'], line: 2 },
    ]);
  });
});

describe('which format a file looks like', () => {
  it('recognises the four formats by their start', () => {
    expect(guessFormat('\n  {"0":{"cik_str":320193')).toBe('sec');
    expect(guessFormat('"LEI","Entity.LegalName","Entity.LegalName.xmllang"\n')).toBe('gleif');
    expect(guessFormat('item,itemLabel,officialWebsite\n')).toBe('wikidata');
    expect(guessFormat('company_id,name,domain,country\r\n')).toBe('csv');
    expect(guessFormat('name,website\n')).toBeUndefined();
  });

  it('says which --format fits, or that the file is not comma-separated; nothing when the format given fits', async () => {
    const gleif = fileOf('gleif.csv', '\uFEFF"LEI","Entity.LegalName"\n');
    expect(await formatHint(gleif, 'wikidata')).toBe('it looks like a GLEIF LEI golden-copy CSV: use --format gleif');
    expect(await formatHint(gleif, 'gleif')).toBeUndefined();
    expect(await formatHint(fileOf('tickers.json', '{"0":{}}'), 'gleif')).toBe('it looks like a JSON file (SEC company_tickers.json?): use --format sec');
    expect(await formatHint(fileOf('semicolons.csv', 'qid;name;website\n'), 'wikidata')).toBe('its columns are separated by ";": save it comma-separated');
    expect(await formatHint(fileOf('tabs.csv', 'LEI\tEntity.LegalName\n'), 'gleif')).toBe('its columns are separated by tabs: save it comma-separated');
  });
});
