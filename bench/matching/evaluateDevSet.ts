// Accuracy of our engine on the labelled dev set, with the rows it gets wrong (for development, not tuning targets).
// Run: npx tsx bench/matching/evaluateDevSet.ts [--errors]
import { buildExclusionSet } from '../../src/domain/matching/excludedDomains';
import { matchAccounts } from '../../src/domain/matching/matchAccounts';
import { loadMasterFile, readAccountFile } from '../../src/apps/cli/commands/matchFiles';
import { devSetFiles, isDevSetPresent, readTruth, scoreAgainstTruth } from './devSet';

if (!isDevSetPresent()) {
  console.error(`dev set not found in ${devSetFiles.master}`);
  process.exit(1);
}
const indexStart = performance.now();
const index = await loadMasterFile(devSetFiles.master);
const indexMs = performance.now() - indexStart;
const accounts = await readAccountFile(devSetFiles.accounts);
const matchStart = performance.now();
const threshold = Number(process.env.MATCH_THRESHOLD ?? '0.85');
const results = matchAccounts(index, accounts, { excludedDomains: buildExclusionSet(), matchThreshold: threshold });
const matchMs = performance.now() - matchStart;
const truth = readTruth();
const accuracy = scoreAgainstTruth(new Map(results.map((r) => [r.rowId, r])), truth);
console.log(JSON.stringify({ ...accuracy, indexMs: Math.round(indexMs), matchMs: Math.round(matchMs) }));
if (process.argv.includes('--errors')) {
  const byRow = new Map(accounts.map((a) => [a.rowId, a]));
  for (const result of results) {
    const expected = truth.get(result.rowId);
    if (!expected) continue;
    const isRight = (result.companyId ?? '') === (expected.status === 'unmatched' ? '' : expected.companyId);
    if (isRight) continue;
    const account = byRow.get(result.rowId);
    console.log(
      [result.rowId, JSON.stringify(account?.name), account?.domain, account?.country, '=>', result.status, result.companyId, result.score, result.reason, '| want', expected.status, expected.companyId, '|', result.candidates.map((c) => `${c.companyId}:${c.score}`).join(' ')].join(' '),
    );
  }
}
