import type { Command } from 'commander';

export type CommandRegistration = (program: Command) => void;

/** Every CLI command; each file adds its command (and sub-commands) to the program. */
export const commandRegistrations: readonly CommandRegistration[] = [];
