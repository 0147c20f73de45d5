import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { main } from '../apps/cli/main';

/**
 * Running the `openabm` CLI in tests. Every spawned `bin/openabm.mjs` costs a Node start and a tsx compile of the
 * whole program (about 5 CPU-seconds each), so tests run the CLI in their own process through `main()` (what the bin
 * calls) and spawn the bin once per file at most, where start-up and the exit code of the real process matter.
 */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const root = path.resolve(import.meta.dirname, '../..');

/**
 * `openabm <args>` in this process: the environment variables given are set for the run only ('' = unset, as
 * loadConfig reads it), and what the CLI writes to stdout and stderr is captured instead of printed. Runs must not
 * overlap (no describe.concurrent): process.env and the standard streams are the process's own.
 */
export async function runCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CliResult> {
  const savedEnv = Object.entries(env).map(([key]) => [key, process.env[key]] as const);
  for (const [key, value] of Object.entries(env)) process.env[key] = value;
  const output = { stdout: '', stderr: '' };
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  const capture = (stream: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      output[stream] += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture('stdout');
  process.stderr.write = capture('stderr');
  try {
    const code = await main([process.execPath, 'openabm', ...args]);
    return { code, ...output };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    for (const [key, value] of savedEnv) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/** `openabm <args>` as a user runs it: a new Node process through bin/openabm.mjs (Node check, tsx, exit code). */
export function spawnCli(args: readonly string[], env: Readonly<Record<string, string>> = {}): CliResult {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/openabm.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
