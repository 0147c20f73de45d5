/**
 * A SOQL subset, enough for what connectors send: SELECT fields (dotted relationships, toLabel(), COUNT()) FROM one
 * sObject [USING SCOPE] [WHERE …AND/OR/NOT, comparisons, LIKE, IN, date literals] [ORDER BY … NULLS …] [LIMIT] [OFFSET].
 * Anything else is a MALFORMED_QUERY, as Salesforce answers.
 */
export type SoqlLiteral =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'datetime'; ms: number }
  | { kind: 'date'; value: string }
  | { kind: 'dateRange'; name: string; n: number };

export type SoqlCondition =
  | { kind: 'and'; items: SoqlCondition[] }
  | { kind: 'or'; items: SoqlCondition[] }
  | { kind: 'not'; item: SoqlCondition }
  | { kind: 'compare'; path: string[]; operator: '=' | '!=' | '<' | '>' | '<=' | '>=' | 'LIKE'; value: SoqlLiteral }
  | { kind: 'in'; path: string[]; values: SoqlLiteral[]; isNegated: boolean };

export type SoqlSelectItem = { kind: 'field'; path: string[]; isToLabel: boolean } | { kind: 'count' };

export interface SoqlOrderItem {
  path: string[];
  isDescending: boolean;
  isNullsLast: boolean;
}

export interface SoqlQuery {
  select: SoqlSelectItem[];
  from: string;
  scope: string | undefined;
  where: SoqlCondition | undefined;
  orderBy: SoqlOrderItem[];
  limit: number | undefined;
  offset: number | undefined;
}

export class SoqlError extends Error {
  constructor(
    message: string,
    readonly errorCode: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE' = 'MALFORMED_QUERY',
  ) {
    super(message);
  }
}

type Token = { kind: 'word' | 'string' | 'number' | 'datetime' | 'symbol'; text: string };

const DATE_RANGE_NAMES = ['TODAY', 'YESTERDAY', 'TOMORROW', 'THIS_WEEK', 'LAST_WEEK', 'THIS_MONTH', 'LAST_MONTH', 'THIS_YEAR', 'LAST_N_DAYS', 'NEXT_N_DAYS'];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text.charAt(i);
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (char === "'") {
      let value = '';
      i++;
      while (i < text.length && text.charAt(i) !== "'") {
        if (text.charAt(i) === '\\') {
          const next = text.charAt(i + 1);
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
        } else value += text.charAt(i++);
      }
      if (i >= text.length) throw new SoqlError('unexpected token: end of query (unterminated string)');
      i++;
      tokens.push({ kind: 'string', text: value });
      continue;
    }
    const datetime = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:?\d{2}))?/.exec(text.slice(i));
    if (datetime) {
      tokens.push({ kind: 'datetime', text: datetime[0] });
      i += datetime[0].length;
      continue;
    }
    const number = /^-?\d+(\.\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ kind: 'number', text: number[0] });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(text.slice(i));
    if (word) {
      tokens.push({ kind: 'word', text: word[0] });
      i += word[0].length;
      continue;
    }
    const symbol = /^(<=|>=|!=|<>|[=<>(),:])/.exec(text.slice(i));
    if (symbol) {
      tokens.push({ kind: 'symbol', text: symbol[0] === '<>' ? '!=' : symbol[0] });
      i += symbol[0].length;
      continue;
    }
    throw new SoqlError(`unexpected token: '${char}'`);
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.position];
  }
  private next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw new SoqlError('unexpected token: end of query');
    return token;
  }
  private isKeyword(word: string, offset = 0): boolean {
    const token = this.tokens[this.position + offset];
    return token?.kind === 'word' && token.text.toUpperCase() === word;
  }
  private expectKeyword(word: string): void {
    const token = this.next();
    if (token.kind !== 'word' || token.text.toUpperCase() !== word) throw new SoqlError(`unexpected token: '${token.text}' (expecting ${word})`);
  }
  private expectSymbol(symbol: string): void {
    const token = this.next();
    if (token.kind !== 'symbol' || token.text !== symbol) throw new SoqlError(`unexpected token: '${token.text}' (expecting '${symbol}')`);
  }
  private path(): string[] {
    const token = this.next();
    if (token.kind !== 'word') throw new SoqlError(`unexpected token: '${token.text}'`);
    return token.text.split('.');
  }

  parse(): SoqlQuery {
    this.expectKeyword('SELECT');
    const select: SoqlSelectItem[] = [];
    do {
      if (this.isKeyword('COUNT') && this.tokens[this.position + 1]?.text === '(') {
        this.position += 2;
        this.expectSymbol(')');
        select.push({ kind: 'count' });
      } else if (this.isKeyword('TOLABEL')) {
        this.position++;
        this.expectSymbol('(');
        select.push({ kind: 'field', path: this.path(), isToLabel: true });
        this.expectSymbol(')');
      } else {
        if (this.peek()?.text === '(') throw new SoqlError('subqueries are not supported by this emulator');
        select.push({ kind: 'field', path: this.path(), isToLabel: false });
      }
    } while (this.peek()?.text === ',' && this.next());
    this.expectKeyword('FROM');
    const fromToken = this.next();
    if (fromToken.kind !== 'word') throw new SoqlError(`unexpected token: '${fromToken.text}'`);
    const query: SoqlQuery = { select, from: fromToken.text, scope: undefined, where: undefined, orderBy: [], limit: undefined, offset: undefined };
    if (this.isKeyword('USING')) {
      this.position++;
      this.expectKeyword('SCOPE');
      query.scope = this.next().text.toLowerCase();
    }
    if (this.isKeyword('WHERE')) {
      this.position++;
      query.where = this.orCondition();
    }
    if (this.isKeyword('ORDER')) {
      this.position++;
      this.expectKeyword('BY');
      do {
        const item: SoqlOrderItem = { path: this.path(), isDescending: false, isNullsLast: false };
        if (this.isKeyword('ASC')) this.position++;
        else if (this.isKeyword('DESC')) {
          this.position++;
          item.isDescending = true;
        }
        if (this.isKeyword('NULLS')) {
          this.position++;
          item.isNullsLast = this.next().text.toUpperCase() === 'LAST';
        }
        query.orderBy.push(item);
      } while (this.peek()?.text === ',' && this.next());
    }
    if (this.isKeyword('LIMIT')) {
      this.position++;
      query.limit = this.integer();
    }
    if (this.isKeyword('OFFSET')) {
      this.position++;
      query.offset = this.integer();
    }
    const rest = this.peek();
    if (rest) throw new SoqlError(`unexpected token: '${rest.text}'`);
    return query;
  }

  private integer(): number {
    const token = this.next();
    if (token.kind !== 'number' || !/^\d+$/.test(token.text)) throw new SoqlError(`unexpected token: '${token.text}' (expecting a number)`);
    return Number(token.text);
  }

  private orCondition(): SoqlCondition {
    const items = [this.andCondition()];
    while (this.isKeyword('OR')) {
      this.position++;
      items.push(this.andCondition());
    }
    return items.length === 1 ? (items[0] as SoqlCondition) : { kind: 'or', items };
  }

  private andCondition(): SoqlCondition {
    const items = [this.unaryCondition()];
    while (this.isKeyword('AND')) {
      this.position++;
      items.push(this.unaryCondition());
    }
    return items.length === 1 ? (items[0] as SoqlCondition) : { kind: 'and', items };
  }

  private unaryCondition(): SoqlCondition {
    if (this.isKeyword('NOT')) {
      this.position++;
      return { kind: 'not', item: this.unaryCondition() };
    }
    if (this.peek()?.text === '(') {
      this.position++;
      const inner = this.orCondition();
      this.expectSymbol(')');
      return inner;
    }
    const path = this.path();
    if (this.isKeyword('IN') || (this.isKeyword('NOT') && this.isKeyword('IN', 1))) {
      const isNegated = this.isKeyword('NOT');
      this.position += isNegated ? 2 : 1;
      this.expectSymbol('(');
      const values = [this.literal()];
      while (this.peek()?.text === ',') {
        this.position++;
        values.push(this.literal());
      }
      this.expectSymbol(')');
      return { kind: 'in', path, values, isNegated };
    }
    if (this.isKeyword('LIKE')) {
      this.position++;
      return { kind: 'compare', path, operator: 'LIKE', value: this.literal() };
    }
    const operator = this.next();
    if (operator.kind !== 'symbol' || !['=', '!=', '<', '>', '<=', '>='].includes(operator.text)) {
      throw new SoqlError(`unexpected token: '${operator.text}'`);
    }
    return { kind: 'compare', path, operator: operator.text as '=', value: this.literal() };
  }

  private literal(): SoqlLiteral {
    const token = this.next();
    if (token.kind === 'string') return { kind: 'string', value: token.text };
    if (token.kind === 'number') return { kind: 'number', value: Number(token.text) };
    if (token.kind === 'datetime') {
      if (token.text.length === 10) return { kind: 'date', value: token.text };
      const normalised = token.text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
      const ms = Date.parse(normalised);
      if (Number.isNaN(ms)) throw new SoqlError(`line 1:0 no viable alternative at character '${token.text}'`);
      return { kind: 'datetime', ms };
    }
    if (token.kind === 'word') {
      const upper = token.text.toUpperCase();
      if (upper === 'NULL') return { kind: 'null' };
      if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'boolean', value: upper === 'TRUE' };
      if (DATE_RANGE_NAMES.includes(upper)) {
        if (upper.includes('_N_')) {
          this.expectSymbol(':');
          return { kind: 'dateRange', name: upper, n: this.integer() };
        }
        return { kind: 'dateRange', name: upper, n: 0 };
      }
    }
    throw new SoqlError(`unexpected token: '${token.text}'`);
  }
}

export function parseSoql(text: string): SoqlQuery {
  return new Parser(tokenize(text)).parse();
}
