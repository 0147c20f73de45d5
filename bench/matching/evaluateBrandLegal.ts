// Recall and precision of brand names against registered legal names (no domains): the brand-vs-legal test set, on
// its own registry and, when the dev set is present, with its 100,000 synthetic companies as background.
// Run: npx tsx bench/matching/evaluateBrandLegal.ts [--errors]
import { buildExclusionSet } from '../../src/domain/matching/excludedDomains';
import { matchAccounts } from '../../src/domain/matching/matchAccounts';
import { readMasterRows } from './devSetSplit';
import { devSetFiles, isDevSetPresent } from './devSet';
import { buildBrandLegalIndex, readBrandLegalSet, scoreBrandLegal } from './brandLegalSet';

const set = readBrandLegalSet();
const showErrors = process.argv.includes('--errors');
const runs: [string, Parameters<typeof buildBrandLegalIndex>[1]][] = [['registry only', []]];
if (isDevSetPresent()) runs.push(['with 100,000 synthetic background companies', readMasterRows(devSetFiles.master).filter((company) => company.companyId.startsWith('syn-'))]);
for (const [label, background] of runs) {
  const index = buildBrandLegalIndex(set, background);
  const results = matchAccounts(index, set.rows, { excludedDomains: buildExclusionSet() });
  const accuracy = scoreBrandLegal(set, results);
  const { misses, wrong, ...figures } = accuracy;
  console.log(label, JSON.stringify({ ...figures, recall: Number(figures.recall.toFixed(3)), precision: Number(figures.precision.toFixed(3)) }));
  if (showErrors) for (const line of [...misses.map((m) => `miss  ${m}`), ...wrong.map((w) => `wrong ${w}`)]) console.log(`  ${line}`);
}
