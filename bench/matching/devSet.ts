// Shared by the bench scripts and the accuracy test: where the labelled dev set lives and how to score results.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../src/domain/matching/csv';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const devSetDir = path.resolve(repoRoot, '../shared/data/matching');
export const devSetFiles = {
  master: path.join(devSetDir, 'master.csv'),
  accounts: path.join(devSetDir, 'dev-accounts.csv'),
  truth: path.join(devSetDir, 'dev-truth.csv'),
};

export function isDevSetPresent(): boolean {
  return Object.values(devSetFiles).every((file) => existsSync(file));
}

/** Tests on the dev set skip only outside CI when it is absent; in CI (CI=true) an absent dev set fails them. */
export function mayTestsSkipDevSet(): boolean {
  return !isDevSetPresent() && process.env.CI !== 'true' && process.env.CI !== '1';
}

export interface Truth {
  status: string;
  companyId: string;
}

export function readTruth(filePath = devSetFiles.truth): Map<string, Truth> {
  const truth = new Map<string, Truth>();
  for (const record of parseCsv(readFileSync(filePath, 'utf8')).slice(1)) {
    truth.set(record.fields[0] ?? '', { status: record.fields[1] ?? '', companyId: record.fields[2] ?? '' });
  }
  return truth;
}

export interface Accuracy {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predicted: number;
  expected: number;
  /** Rows whose status (matched/duplicate/unmatched) equals the truth. */
  statusAgreement: number;
}

/**
 * Precision and recall of company assignments: a prediction is a row given a company (matched or duplicate);
 * it is right when the truth gives that row the same company.
 */
export function scoreAgainstTruth(predictions: ReadonlyMap<string, { status: string; companyId: string | null }>, truth: ReadonlyMap<string, Truth>): Accuracy {
  let truePositives = 0;
  let predicted = 0;
  let expected = 0;
  let statusAgreement = 0;
  for (const [rowId, expectedRow] of truth) {
    const prediction = predictions.get(rowId);
    const hasExpected = expectedRow.status !== 'unmatched' && expectedRow.companyId !== '';
    if (hasExpected) expected++;
    if (prediction?.companyId) {
      predicted++;
      if (hasExpected && prediction.companyId === expectedRow.companyId) truePositives++;
    }
    if ((prediction?.status ?? 'unmatched') === expectedRow.status) statusAgreement++;
  }
  const precision = predicted === 0 ? 0 : truePositives / predicted;
  const recall = expected === 0 ? 0 : truePositives / expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives, predicted, expected, statusAgreement: statusAgreement / truth.size };
}
