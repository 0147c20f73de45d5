// Work a command will need started before the CLI loads its modules (~1-2 s), on a core that would otherwise wait.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parallelBuildMinBytes, prestartIndexBuildThreads } from '../../adapters/matching/buildIndexInParallel';

/** The value of `--name VALUE` or `--name=VALUE` in argv (the first one), else undefined. */
function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let at = 0; at < argv.length; at++) {
    const argument = argv[at] ?? '';
    if (argument === name) return argv[at + 1];
    if (argument.startsWith(`${name}=`)) return argument.slice(name.length + 1);
  }
  return undefined;
}

/**
 * `openabm match --master FILE` with a file the build reads on every core (loadMasterFile's rule): the build threads
 * start now. Not when a saved index newer than the file will be loaded instead (--index-snapshot).
 */
export function prestartForCommand(argv: readonly string[]): boolean {
  const args = argv.slice(2);
  if (args[0] !== 'match' || availableParallelism() < 2) return false;
  const master = optionValue(args, '--master');
  if (master === undefined) return false;
  try {
    const masterStat = statSync(master);
    if (masterStat.size < parallelBuildMinBytes) return false;
    const snapshot = optionValue(args, '--index-snapshot');
    const snapshotTime = snapshot === undefined ? undefined : statSync(snapshot, { throwIfNoEntry: false })?.mtimeMs;
    if (snapshotTime !== undefined && snapshotTime >= masterStat.mtimeMs) return false;
  } catch {
    // No such file: the command says so itself.
    return false;
  }
  prestartIndexBuildThreads();
  return true;
}
