// The brand-vs-legal test set (src/domain/matching/testdata/brand-legal-*.csv, see its README): well-known brand
// names matched, without a domain, against a registry of registered legal names.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../src/domain/matching/csv';
import { buildMasterIndex, type MasterIndex } from '../../src/domain/matching/masterIndex';
import type { AccountInput, MasterCompanyInput, MatchResult } from '../../src/domain/matching/types';

export const brandLegalDir = path.resolve(import.meta.dirname, '../../src/domain/matching/testdata');

export interface BrandLegalSet {
  /** The registry: one company per legal name (id "L<line>"). */
  registry: MasterCompanyInput[];
  /** One row per brand (present: expected company id; absent: expected null). */
  rows: AccountInput[];
  expected: ReadonlyMap<string, string | null>;
}

function readRecords(file: string): string[][] {
  return parseCsv(readFileSync(path.join(brandLegalDir, file), 'utf8'))
    .slice(1)
    .map((record) => record.fields)
    .filter((fields) => fields.some((field) => field.length > 0));
}

export function readBrandLegalSet(): BrandLegalSet {
  const registry: MasterCompanyInput[] = [];
  const rows: AccountInput[] = [];
  const expected = new Map<string, string | null>();
  readRecords('brand-legal-pairs.csv').forEach(([brand = '', legalName = '', country = ''], line) => {
    const companyId = `L${line + 1}`;
    registry.push({ companyId, name: legalName, domain: '', country });
    rows.push({ rowId: `P${line + 1}`, name: brand, country });
    expected.set(`P${line + 1}`, companyId);
  });
  readRecords('brand-legal-absent.csv').forEach(([brand = '', country = ''], line) => {
    rows.push({ rowId: `A${line + 1}`, name: brand, country });
    expected.set(`A${line + 1}`, null);
  });
  return { registry, rows, expected };
}

/** The registry's index, optionally with background companies (other legal names that must not be chosen). */
export function buildBrandLegalIndex(set: BrandLegalSet, background: readonly MasterCompanyInput[] = []): MasterIndex {
  return buildMasterIndex([...set.registry, ...background]);
}

export interface BrandLegalAccuracy {
  pairs: number;
  absent: number;
  recall: number;
  precision: number;
  truePositives: number;
  predicted: number;
  /** Absent brands given a company. */
  absentMatched: number;
  misses: string[];
  wrong: string[];
}

export function scoreBrandLegal(set: BrandLegalSet, results: readonly MatchResult[]): BrandLegalAccuracy {
  const byRow = new Map(set.rows.map((row) => [row.rowId, row]));
  const misses: string[] = [];
  const wrong: string[] = [];
  let truePositives = 0;
  let predicted = 0;
  let pairs = 0;
  let absent = 0;
  let absentMatched = 0;
  for (const result of results) {
    const want = set.expected.get(result.rowId);
    if (want === undefined) continue;
    if (want === null) absent++;
    else pairs++;
    const row = byRow.get(result.rowId);
    if (result.companyId) {
      predicted++;
      if (result.companyId === want) truePositives++;
      else {
        if (want === null) absentMatched++;
        wrong.push(`${row?.name} (${row?.country}) → ${result.companyId} ${result.score}, want ${want ?? 'none'}`);
      }
    } else if (want !== null) {
      misses.push(`${row?.name} (${row?.country}): ${result.reason} ${result.score ?? ''} ${result.candidates.map((c) => `${c.companyId}:${c.score}`).join(' ')} want ${want}`);
    }
  }
  return { pairs, absent, recall: pairs === 0 ? 0 : truePositives / pairs, precision: predicted === 0 ? 0 : truePositives / predicted, truePositives, predicted, absentMatched, misses, wrong };
}
