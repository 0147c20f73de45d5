import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { emulatorDefinitions } from '../../adapters/emulators/index';
import { sandboxProviders } from './commands/sandboxProviders';

const root = path.resolve(import.meta.dirname, '../../..');
const mainUrl = pathToFileURL(path.join(root, 'src/apps/cli/main.ts')).href;

/**
 * What building the program loads must stay light: the database, use cases, adapters, the matching engine and the
 * servers are loaded by a command's action when it runs (`await import(...)`), so that `openabm --help`, `openabm
 * users add …` or `openabm match …` do not pay ~2 s of imports of every other command first.
 */
const heavyModules: readonly RegExp[] = [
  /\/node_modules\/(drizzle-orm|@electric-sql\/pglite|pg|pg-pool|fastify|nodemailer|smtp-server|mailparser|cli-progress|i18n-iso-countries)\//,
  /\/src\/(adapters|usecases)\//,
  /\/src\/domain\/matching\//,
  /\/src\/apps\/(runtime|api|web)/,
];

/**
 * Command files that still import heavy modules at their top: what is reached only through them is not checked.
 * Remove a file from here once its command loads its implementation in its action (the test says when).
 */
const notYetLazy: readonly string[] = [];

/**
 * A new Node process (tsx, as bin/openabm.mjs runs it) imports main.ts and calls buildProgram(); a module resolve hook
 * records every import it makes, from which module to which (Node built-ins left out).
 */
function importsOfBuildProgram(): Array<readonly [from: string, to: string]> {
  const child = `
    import { registerHooks } from 'node:module';
    const edges = [];
    registerHooks({
      resolve(specifier, context, nextResolve) {
        const result = nextResolve(specifier, context);
        if (!result.url.startsWith('node:')) edges.push([context.parentURL ?? '', result.url]);
        return result;
      },
    });
    const { register } = await import('tsx/esm/api');
    register();
    const { buildProgram } = await import(${JSON.stringify(mainUrl)});
    buildProgram();
    process.stdout.write(JSON.stringify(edges));
  `;
  const result = spawnSync(process.execPath, ['--input-type=module', '--eval', child], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`the child process failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as Array<[string, string]>;
}

const relative = (url: string): string => (url.startsWith('file:') ? path.relative(root, new URL(url).pathname) : url);

describe('openabm CLI start-up', () => {
  it('builds the program without loading the database, use cases, adapters or the matching engine', { timeout: 60_000 }, () => {
    const edges = importsOfBuildProgram().map(([from, to]) => [relative(from), relative(to)] as const);
    const importsOf = new Map<string, string[]>();
    for (const [from, to] of edges) importsOf.set(from, [...(importsOf.get(from) ?? []), to]);
    // Every module reached from main.ts without going through a file of notYetLazy, and the chain that reached it.
    const chainTo = new Map<string, string[]>([['src/apps/cli/main.ts', ['src/apps/cli/main.ts']]]);
    const queue = ['src/apps/cli/main.ts'];
    for (let module = queue.shift(); module !== undefined; module = queue.shift()) {
      if (notYetLazy.includes(module)) continue;
      for (const imported of importsOf.get(module) ?? []) {
        if (chainTo.has(imported)) continue;
        chainTo.set(imported, [...(chainTo.get(module) ?? []), imported]);
        queue.push(imported);
      }
    }
    // The hook saw the program being built: commander and every command file.
    expect([...chainTo.keys()].some((module) => module.includes('node_modules/commander/'))).toBe(true);
    for (const command of ['start', 'worker', 'migrate', 'users', 'orgs', 'companies', 'match', 'sandbox', 'notifications']) {
      expect(chainTo.has(`src/apps/cli/commands/${command}.ts`)).toBe(true);
    }
    // Where a light module imports a heavy one (not what the heavy one imports in turn), with the chain from main.ts.
    const isHeavy = (module: string | undefined): boolean => module !== undefined && heavyModules.some((pattern) => pattern.test(`/${module}`));
    const heavy = [...chainTo.values()].filter((chain) => isHeavy(chain.at(-1)) && !isHeavy(chain.at(-2))).map((chain) => chain.join(' -> '));
    expect(heavy, 'heavy modules imported at the top of a CLI command file (load them in its action with await import(...))').toEqual([]);
    // A file of notYetLazy that has become light must leave the list, so that it is checked again.
    const stillHeavy = notYetLazy.filter((file) => {
      const reached = new Set<string>();
      const pending = [file];
      for (let module = pending.shift(); module !== undefined; module = pending.shift()) {
        for (const imported of importsOf.get(module) ?? []) {
          if (reached.has(imported)) continue;
          reached.add(imported);
          pending.push(imported);
        }
      }
      return [...reached].some(isHeavy);
    });
    expect(stillHeavy, 'files of notYetLazy that load nothing heavy any more: remove them from the list').toEqual(notYetLazy);
  });

  it('lists the providers of every sandbox emulator in its help, in their order', () => {
    expect(sandboxProviders).toEqual(emulatorDefinitions.map((definition) => definition.provider));
  });
});
