// RFC 4180 CSV, read incrementally: quoted fields with "" escapes and line breaks, CRLF/LF/CR, a UTF-8 byte order
// mark, blank lines skipped. Pure: the adapters feed it text chunks from files or uploads.

export interface CsvRecord {
  fields: string[];
  /** 1-based line number where the record starts, for error messages. */
  line: number;
}

export class CsvFormatError extends Error {
  override readonly name = 'CsvFormatError';
  constructor(
    readonly detail: string,
    readonly line: number,
    readonly filePath?: string,
  ) {
    super(`${filePath ? `${filePath}, ` : ''}line ${line}: ${detail}`);
  }

  /** The same error, naming the file it is in. */
  inFile(filePath: string): CsvFormatError {
    return new CsvFormatError(this.detail, this.line, filePath);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

export interface CsvParser {
  /** Records completed by this chunk (a record cut at the chunk's end waits for the next chunk). */
  push(chunk: string): CsvRecord[];
  /** The last record; throws CsvFormatError on an unterminated quoted field. */
  end(): CsvRecord[];
}

export function createCsvParser(delimiter = ','): CsvParser {
  const delimiterCode = delimiter.charCodeAt(0);
  let buffer = '';
  let line = 1;
  let isFirstChunk = true;

  function parse(isFinal: boolean): CsvRecord[] {
    const records: CsvRecord[] = [];
    const text = buffer;
    const length = text.length;
    let position = 0;
    while (position < length) {
      const recordStart = position;
      const recordLine = line;
      let lineCount = 0;
      const fields: string[] = [];
      for (;;) {
        // One field.
        if (position < length && text.charCodeAt(position) === QUOTE) {
          let value = '';
          let segmentStart = position + 1;
          let cursor = segmentStart;
          let isClosed = false;
          while (cursor < length) {
            const code = text.charCodeAt(cursor);
            if (code === QUOTE) {
              if (cursor + 1 < length && text.charCodeAt(cursor + 1) === QUOTE) {
                value += text.slice(segmentStart, cursor + 1);
                cursor += 2;
                segmentStart = cursor;
                continue;
              }
              if (cursor + 1 >= length && !isFinal) break;
              value += text.slice(segmentStart, cursor);
              isClosed = true;
              cursor++;
              break;
            }
            if (code === LF || (code === CR && text.charCodeAt(cursor + 1) !== LF)) lineCount++;
            cursor++;
          }
          if (!isClosed) {
            if (isFinal) throw new CsvFormatError('a quoted field is not closed (missing ")', recordLine + 0);
            return finish(records, recordStart);
          }
          position = cursor;
          fields.push(value);
          if (position < length) {
            const next = text.charCodeAt(position);
            if (next !== delimiterCode && next !== LF && next !== CR) {
              throw new CsvFormatError(`unexpected character "${text[position]}" after a closing quote (use "" for a quote inside a quoted field)`, recordLine + lineCount);
            }
          }
        } else {
          let cursor = position;
          while (cursor < length) {
            const code = text.charCodeAt(cursor);
            if (code === delimiterCode || code === LF || code === CR) break;
            cursor++;
          }
          fields.push(text.slice(position, cursor));
          position = cursor;
        }
        if (position >= length) {
          if (!isFinal) return finish(records, recordStart);
          break;
        }
        const code = text.charCodeAt(position);
        if (code === delimiterCode) {
          position++;
          if (position >= length && !isFinal) return finish(records, recordStart);
          continue;
        }
        // End of record: CRLF, LF or CR.
        if (code === CR) {
          if (position + 1 >= length && !isFinal) return finish(records, recordStart);
          position += text.charCodeAt(position + 1) === LF ? 2 : 1;
        } else {
          position++;
        }
        lineCount++;
        break;
      }
      // The loop only ends on a complete record (an incomplete one returned above).
      line = recordLine + lineCount;
      const isBlank = fields.length === 1 && fields[0] === '';
      if (!isBlank) records.push({ fields, line: recordLine });
    }
    buffer = '';
    return records;
  }

  function finish(records: CsvRecord[], recordStart: number): CsvRecord[] {
    buffer = buffer.slice(recordStart);
    return records;
  }

  return {
    push(chunk) {
      let text = chunk;
      if (isFirstChunk && text.length > 0) {
        isFirstChunk = false;
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      buffer += text;
      return parse(false);
    },
    end() {
      return buffer.length > 0 ? parse(true) : [];
    },
  };
}

/** Every record of a whole CSV text. */
export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const parser = createCsvParser(delimiter);
  return [...parser.push(text), ...parser.end()];
}

/** One CSV field, quoted when it holds a delimiter, quote or line break (or leading/trailing spaces). */
export function formatCsvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
