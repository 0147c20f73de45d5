// Accuracy of our engine on the labelled dev set, with the rows it gets wrong (for development, not tuning targets).
// The dev set is split in two halves (devSetSplit.ts, fixed seed): thresholds are tuned on the tuning half
// (bench/matching/tuneThreshold.ts) and accuracy is reported on the validation half.
// Run: npx tsx bench/matching/evaluateDevSet.ts [--half tuning|validation|all] [--errors]
import { buildExclusionSet } from '../../src/domain/matching/excludedDomains';
import { defaultMatchThreshold, matchAccounts } from '../../src/domain/matching/matchAccounts';
import { loadMasterFile, readAccountFile } from '../../src/apps/cli/commands/matchFiles';
import { devSetFiles, isDevSetPresent, readTruth, scoreAgainstTruth } from './devSet';
import { selectDevSetHalf, type DevSetHalf } from './devSetSplit';

if (!isDevSetPresent()) {
  console.error(`dev set not found in ${devSetFiles.master}`);
  process.exit(1);
}
const halfArgument = process.argv[process.argv.indexOf('--half') + 1];
const half = process.argv.includes('--half') ? halfArgument : 'validation';
if (half !== 'tuning' && half !== 'validation' && half !== 'all') {
  console.error(`--half must be tuning, validation or all (got ${halfArgument ?? 'nothing'})`);
  process.exit(2);
}
const indexStart = performance.now();
const index = await loadMasterFile(devSetFiles.master);
const indexMs = performance.now() - indexStart;
const allAccounts = await readAccountFile(devSetFiles.accounts);
const allTruth = readTruth();
const { accounts, truth } = half === 'all' ? { accounts: allAccounts, truth: allTruth } : selectDevSetHalf(allAccounts, allTruth, half as DevSetHalf);
const matchStart = performance.now();
const threshold = Number(process.env.MATCH_THRESHOLD ?? String(defaultMatchThreshold));
const results = matchAccounts(index, accounts, { excludedDomains: buildExclusionSet(), matchThreshold: threshold });
const matchMs = performance.now() - matchStart;
const accuracy = scoreAgainstTruth(new Map(results.map((r) => [r.rowId, r])), truth);
console.log(JSON.stringify({ half, rows: accounts.length, threshold, ...accuracy, indexMs: Math.round(indexMs), matchMs: Math.round(matchMs) }));
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
