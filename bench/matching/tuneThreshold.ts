// Threshold sweep on the dev set's TUNING half only (devSetSplit.ts): the threshold with the best recall at precision
// >= 0.99 there, then its figures on the validation half, which the sweep never looked at.
// Run: npx tsx bench/matching/tuneThreshold.ts
import { buildExclusionSet } from '../../src/domain/matching/excludedDomains';
import { defaultMatchThreshold, matchAccounts } from '../../src/domain/matching/matchAccounts';
import { loadMasterFile, readAccountFile } from '../../src/apps/cli/commands/matchFiles';
import { devSetFiles, isDevSetPresent, readTruth, scoreAgainstTruth } from './devSet';
import { selectDevSetHalf } from './devSetSplit';

if (!isDevSetPresent()) {
  console.error(`dev set not found in ${devSetFiles.master}`);
  process.exit(1);
}
const index = await loadMasterFile(devSetFiles.master);
const accounts = await readAccountFile(devSetFiles.accounts);
const truth = readTruth();
const tuning = selectDevSetHalf(accounts, truth, 'tuning');
const validation = selectDevSetHalf(accounts, truth, 'validation');
const excludedDomains = buildExclusionSet();
const evaluate = (half: typeof tuning, threshold: number) => scoreAgainstTruth(new Map(matchAccounts(index, half.accounts, { excludedDomains, matchThreshold: threshold }).map((r) => [r.rowId, r])), half.truth);
let chosen = defaultMatchThreshold;
let chosenRecall = -1;
for (let threshold = 0.75; threshold <= 0.951; threshold += 0.01) {
  const rounded = Math.round(threshold * 100) / 100;
  const accuracy = evaluate(tuning, rounded);
  console.log(`tuning half, threshold ${rounded.toFixed(2)}: precision ${accuracy.precision.toFixed(4)} recall ${accuracy.recall.toFixed(4)}`);
  if (accuracy.precision >= 0.99 && accuracy.recall > chosenRecall) {
    chosen = rounded;
    chosenRecall = accuracy.recall;
  }
}
const check = evaluate(validation, chosen);
console.log(`chosen on the tuning half: ${chosen.toFixed(2)} (default ${defaultMatchThreshold}); validation half: precision ${check.precision.toFixed(4)} recall ${check.recall.toFixed(4)} (${validation.accounts.length} rows)`);
