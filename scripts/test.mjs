// npm test: typecheck, lint, build the web UI (the browser tests serve it), then every Vitest project.
// Ends with one "tests: N passed, N failed, N skipped; test files: N passed, N failed" line (a file that fails to
// load counts as failed), a line per failed file, and a line when the PostgreSQL variants did not run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const extraArgs = process.argv.slice(2);

function step(label, command, args) {
  process.stdout.write(`\n▶ ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stdout.write(`\n✗ ${label} failed (exit ${result.status ?? result.signal})\n`);
    process.exit(result.status ?? 1);
  }
}

step('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
step('lint', bin('eslint'), ['.', '--max-warnings', '0']);
step('build web UI', bin('vite'), ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);

mkdirSync(path.join(root, '.tmp'), { recursive: true });
const reportFile = path.join(root, '.tmp/vitest-report.json');
process.stdout.write('\n▶ tests (unit, integration, browser)\n');
const run = spawnSync(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...extraArgs], { cwd: root, stdio: 'inherit' });
let summary;
try {
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  const files = report.testResults ?? [];
  const failedFiles = files.filter((file) => file.status === 'failed');
  // A file that fails to load or whose hooks fail has no failed test, yet it failed: count it.
  const failedFilesWithoutFailedTests = failedFiles.filter((file) => !(file.assertionResults ?? []).some((test) => test.status === 'failed'));
  const failed = report.numFailedTests + failedFilesWithoutFailedTests.length;
  const skipped = report.numPendingTests + report.numTodoTests;
  summary = `tests: ${report.numPassedTests} passed, ${failed} failed, ${skipped} skipped; test files: ${files.length - failedFiles.length} passed, ${failedFiles.length} failed`;
  for (const file of failedFiles) summary += `\n  ✗ ${path.relative(root, file.name)}${file.message ? `: ${file.message.split('\n')[0]}` : ''}`;
} catch {
  summary = 'tests: the report could not be read';
}
if (!process.env.TEST_DATABASE_URL) summary += '\nPostgreSQL variants skipped: TEST_DATABASE_URL is unset, so database tests ran on PGlite only.';
process.stdout.write(`\n${summary}\n`);
process.exit(run.status ?? 1);
