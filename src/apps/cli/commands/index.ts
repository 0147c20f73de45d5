import type { Command } from 'commander';
import { registerCompanies } from './companies';
import { registerMatch } from './match';
import { registerMigrate } from './migrate';
import { registerNotifications } from './notifications';
import { registerOrgs } from './orgs';
import { registerSandbox } from './sandbox';
import { registerStart } from './start';
import { registerUsers } from './users';
import { registerWorker } from './worker';

export type CommandRegistration = (program: Command) => void;

/** Every CLI command; each file adds its command (and sub-commands) to the program. */
export const commandRegistrations: readonly CommandRegistration[] = [
  registerStart,
  registerWorker,
  registerMigrate,
  registerUsers,
  registerOrgs,
  registerCompanies,
  registerMatch,
  registerSandbox,
  registerNotifications,
];
