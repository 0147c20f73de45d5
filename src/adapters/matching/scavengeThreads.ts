// V8's young-generation collections (scavenges) without helper threads while the master index is built on every
// core. A scavenge of the build's short-lived strings finds almost nothing alive (0.5 ms of work), but a parallel one
// hands pieces to V8's helper threads and waits for them: with every core running a build thread, a helper waits for
// a core, and the collection pauses its thread for 3-6 ms (median) instead of 0.5 ms — ~65 scavenges a thread in a
// first build of 1M companies, 650-770 ms of pauses against 300-370 ms single-threaded (--trace-gc-nvp, load 7.5).
import { setFlagsFromString } from 'node:v8';

/**
 * Whether node was started with a choice of its own about GC threads (then it is left as given). Only its command
 * line can have one: NODE_OPTIONS refuses V8 options of this kind.
 */
function isChosenAtStart(execArgv: readonly string[]): boolean {
  return execArgv.some((option) => /parallel[-_]scavenge|single[-_]threaded/.test(option));
}

let running = 0;

/**
 * Runs `build` with V8's --no-parallel-scavenge, set back to --parallel-scavenge (V8's default) once the last build
 * running ends. V8 reads the flag at each scavenge, so it holds from the next one on, in every thread of the process.
 */
export async function withSingleThreadedScavenges<T>(build: () => Promise<T>, setFlags: (flags: string) => void = setFlagsFromString, execArgv: readonly string[] = process.execArgv): Promise<T> {
  if (isChosenAtStart(execArgv)) return build();
  if (running++ === 0) setFlags('--no-parallel-scavenge');
  try {
    return await build();
  } finally {
    if (--running === 0) setFlags('--parallel-scavenge');
  }
}
