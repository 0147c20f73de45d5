// npm test: typecheck, lint, build the web UI (the browser tests serve it), then every Vitest project.
// Ends with one "tests: N passed, N failed, N skipped" line; exits non-zero on any failure.
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
  summary = `tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests + report.numTodoTests} skipped`;
} catch {
  summary = 'tests: the report could not be read';
}
process.stdout.write(`\n${summary}\n`);
process.exit(run.status ?? 1);
