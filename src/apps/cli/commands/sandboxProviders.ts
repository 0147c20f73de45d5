/**
 * The providers `openabm sandbox <provider>` can run, in the order of emulatorDefinitions (adapters/emulators/index.ts),
 * for its help text: listed here so that the CLI does not load every emulator (servers, demo data) to print its help.
 * cliLazyImports.test.ts checks that this list and emulatorDefinitions agree.
 */
export const sandboxProviders: readonly string[] = ['dynamics', 'salesforce', 'hubspot', 'marketo', 'pardot', 'eloqua', 'meta', 'linkedin', 'google'];
