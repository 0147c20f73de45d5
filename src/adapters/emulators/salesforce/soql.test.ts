import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeId, toId18 } from './ids';
import { parseSoql, SoqlError } from './soql';

describe('parseSoql', () => {
  it('parses fields, relationships, toLabel, scope, nested conditions, order, limit and offset', () => {
    const query = parseSoql("SELECT Id, Owner.Name, toLabel(Type) FROM Account USING SCOPE mine WHERE (Name LIKE 'Ac%' OR Id IN ('001A', '001B')) AND NOT IsDeleted = true AND LastModifiedDate > 2025-01-01T00:00:00Z AND CreatedDate = LAST_N_DAYS:7 ORDER BY Name DESC NULLS LAST, Id LIMIT 10 OFFSET 5");
    expect(query.select).toEqual([
      { kind: 'field', path: ['Id'], isToLabel: false },
      { kind: 'field', path: ['Owner', 'Name'], isToLabel: false },
      { kind: 'field', path: ['Type'], isToLabel: true },
    ]);
    expect(query).toMatchObject({ from: 'Account', scope: 'mine', limit: 10, offset: 5 });
    expect(query.orderBy).toEqual([{ path: ['Name'], isDescending: true, isNullsLast: true }, { path: ['Id'], isDescending: false, isNullsLast: false }]);
    expect(query.where).toMatchObject({ kind: 'and', items: [{ kind: 'or' }, { kind: 'not' }, { kind: 'compare', value: { kind: 'datetime', ms: Date.UTC(2025, 0, 1) } }, { kind: 'compare', value: { kind: 'dateRange', name: 'LAST_N_DAYS', n: 7 } }] });
  });

  it('parses COUNT() and escaped quotes', () => {
    expect(parseSoql("SELECT COUNT() FROM Lead WHERE Company = 'O\\'Brien & Sons'").where).toEqual({ kind: 'compare', path: ['Company'], operator: '=', value: { kind: 'string', value: "O'Brien & Sons" } });
  });

  it.each(['SELECT FROM Account', 'SELECT Id Account', "SELECT Id FROM Account WHERE Name = 'x", 'SELECT Id FROM Account LIMIT ten', 'SELECT Id, (SELECT Id FROM Contacts) FROM Account'])('refuses %s with MALFORMED_QUERY', (text) => {
    expect(() => parseSoql(text)).toThrow(SoqlError);
  });

  it('never throws anything but SoqlError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        try {
          parseSoql(text);
        } catch (error) {
          expect(error).toBeInstanceOf(SoqlError);
        }
      }),
    );
  });
});

describe('Salesforce ids', () => {
  it('appends the case-insensitivity checksum of the 18-character form', () => {
    // Published example: 001A0000006Vm9r → 001A0000006Vm9rIAC.
    expect(toId18('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
    expect(makeId('001', 1)).toMatch(/^0015g0000000001[A-Z0-5]{3}$/);
  });
});
