import { Command, CommanderError } from 'commander';
import { commandRegistrations } from './commands/index';
import { CliError } from './cliError';

/** Builds the `openabm` program; each command lives in ./commands/<name>.ts and is listed in ./commands/index.ts. */
export function buildProgram(): Command {
  const program = new Command('openabm')
    .description('openabm — open-source account-based marketing')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of commandRegistrations) register(program);
  return program;
}

/** Runs the CLI and returns the process exit code: 0 ok, 1 failure, 2 usage error. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync([...argv]);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    // A configuration that cannot run (e.g. a public address without OPENABM_SANDBOX chosen) is a usage error: exit 2.
    // The configuration (zod) is loaded here, not at the top: only the commands that read it load it.
    const { ConfigError } = await import('../config');
    if (error instanceof ConfigError) {
      process.stderr.write(`error: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CliError) {
      process.stderr.write(`error: ${error.message}\n`);
      return error.exitCode;
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
