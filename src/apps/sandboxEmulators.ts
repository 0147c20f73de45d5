import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { EmulatorDefinition, RunningEmulator } from '../adapters/emulators/kit/registry';

/**
 * Sandbox mode remembers each emulator's port in the data directory, so a restart serves the providers where the saved
 * connections look for them; a port another program took meanwhile falls back to a free one (the connections are then
 * re-pointed: reattachSandboxConnections).
 */
export const SANDBOX_PORTS_FILE = 'sandbox-ports.json';

export function readSandboxPorts(dataDir: string): Record<string, number> {
  let text: string;
  try {
    text = readFileSync(path.join(dataDir, SANDBOX_PORTS_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {}; // a damaged file only costs new ports
  }
  const ports: Record<string, number> = {};
  if (typeof parsed !== 'object' || parsed === null) return ports;
  for (const [provider, port] of Object.entries(parsed)) if (typeof port === 'number' && Number.isInteger(port) && port > 0 && port < 65_536) ports[provider] = port;
  return ports;
}

export function writeSandboxPorts(dataDir: string, ports: Readonly<Record<string, number>>): void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, SANDBOX_PORTS_FILE);
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, `${JSON.stringify(ports, null, 2)}\n`);
  renameSync(partial, file);
}

/** Starts the emulator on its remembered port, or on a free one when there is none or it is taken. */
export async function startOnRememberedPort(definition: EmulatorDefinition, port: number | undefined, logger: Logger): Promise<RunningEmulator> {
  if (port === undefined) return definition.start({});
  try {
    return await definition.start({ port });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    logger.warn({ provider: definition.provider, port }, 'the sandbox emulator port of the last start is taken: a free one is used and the saved sandbox connections are pointed at it');
    return definition.start({});
  }
}

export function portOf(baseUrl: string): number {
  return Number(new URL(baseUrl).port);
}
