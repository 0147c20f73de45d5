import { OpenDataFormatError, type SecTickerEntry } from './openDataFormats';

/**
 * The entries of SEC's company_tickers.json ({"0": {"cik_str": …, "ticker": …, "title": …}, "1": …}) as text
 * arrives: only the entry being read is held, so a file of any size streams. Anything else (an array, the
 * company_tickers_exchange.json layout, broken JSON) is refused with where it went wrong.
 */
export async function* readSecTickerEntries(chunks: AsyncIterable<string>): AsyncGenerator<{ key: string; entry: SecTickerEntry }[]> {
  let depth = 0;
  let isInString = false;
  let isEscaped = false;
  let line = 1;
  let hasStarted = false;
  let isEnded = false;
  let entryText = '';
  let entryLine = 1;
  let keyText = '';
  let isReadingKey = false;
  let key = '';
  const notTickers = (what: string): OpenDataFormatError =>
    new OpenDataFormatError(`this is not SEC company_tickers.json (an object of {"cik_str", "ticker", "title"} entries): ${what} on line ${line}`);
  for await (const chunk of chunks) {
    const batch: { key: string; entry: SecTickerEntry }[] = [];
    for (let position = 0; position < chunk.length; position++) {
      const character = chunk[position] as string;
      if (character === '\n') line++;
      if (depth >= 2) {
        entryText += character;
        if (isInString) {
          if (isEscaped) isEscaped = false;
          else if (character === '\\') isEscaped = true;
          else if (character === '"') isInString = false;
        } else if (character === '"') isInString = true;
        else if (character === '{' || character === '[') depth++;
        else if (character === '}' || character === ']') {
          depth--;
          if (depth === 1) {
            let parsed: unknown;
            try {
              parsed = JSON.parse(entryText);
            } catch {
              throw new OpenDataFormatError(`company_tickers.json entry "${key}" (line ${entryLine}) is not valid JSON`);
            }
            batch.push({ key, entry: parsed as SecTickerEntry });
            entryText = '';
          }
        }
        continue;
      }
      if (isReadingKey) {
        if (isEscaped) isEscaped = false;
        else if (character === '\\') isEscaped = true;
        else if (character === '"') {
          isReadingKey = false;
          key = keyText;
          continue;
        }
        keyText += character;
        continue;
      }
      if (character === ' ' || character === '\n' || character === '\r' || character === '\t') continue;
      if (isEnded) throw notTickers(`text after the end of the object`);
      if (!hasStarted) {
        if (character === '\uFEFF') continue;
        if (character !== '{') throw notTickers(character === '[' ? 'the file is a JSON array' : `unexpected "${character}" at the start`);
        hasStarted = true;
        depth = 1;
        continue;
      }
      // Depth 1: "key" : { entry } , …  }
      if (character === '"') {
        isReadingKey = true;
        keyText = '';
      } else if (character === ':' || character === ',') {
        continue;
      } else if (character === '{') {
        depth = 2;
        entryText = '{';
        entryLine = line;
      } else if (character === '}') {
        depth = 0;
        isEnded = true;
      } else if (key === 'fields' || key === 'data') {
        throw new OpenDataFormatError(
          `this looks like SEC company_tickers_exchange.json (a "fields"/"data" layout), not company_tickers.json: import https://www.sec.gov/files/company_tickers.json instead (line ${line})`,
        );
      } else {
        throw notTickers(`the value of "${key}" is not an entry object`);
      }
    }
    if (batch.length > 0) yield batch;
  }
  if (!hasStarted) throw new OpenDataFormatError('the file is empty (expected SEC company_tickers.json)');
  if (!isEnded) throw new OpenDataFormatError(`company_tickers.json ends before its closing brace (line ${line}): the file is cut short`);
}
