#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the package needs no build step.
import { register } from 'tsx/esm/api';

const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(
    `openabm needs Node 24 or later (this is ${process.version}). Run it through npm (npm start, npx openabm), which uses the pinned node@24 from node_modules.\n`,
  );
  process.exit(1);
}
register();
// `openabm match --master FILE`: the index build threads start loading now, while the CLI loads (src/apps/cli/prestart.ts).
if (process.argv[2] === 'match') (await import('../src/apps/cli/prestart.ts')).prestartForCommand(process.argv);
const { main } = await import('../src/apps/cli/main.ts');
process.exitCode = await main(process.argv);
