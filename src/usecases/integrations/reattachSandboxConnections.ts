import type { Db } from '../../adapters/db/database';
import {
  listEmulatorConnections,
  updateEmulatorAdChannelConnection,
  updateEmulatorCrmConnection,
  updateEmulatorMapConnection,
} from '../../adapters/db/repositories/emulatorConnections';
import { createSecretBox } from '../../adapters/crypto/secretBox';
import { isConnectionStatus, nextConnectionStatus } from '../../domain/integrations/connectionState';
import type { Clock } from '../../ports/clock';

/** One emulator as this start runs it: where it listens and its demo credentials (EmulatorDefinition.start). */
export interface RunningSandboxEmulator {
  readonly baseUrl: string;
  readonly credentials: Readonly<Record<string, string>>;
}

export interface ReattachDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly secretKey: string;
}

/** Loopback hosts only: the emulators listen on 127.0.0.1, and a URL elsewhere was never the sandbox's. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The URL on the emulator's new origin, its path kept (a Dynamics authority is `<origin>/<tenant>`); others unchanged. */
export function onEmulatorOrigin(url: string, emulatorBaseUrl: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'http:' || !LOOPBACK_HOSTS.has(parsed.hostname)) return url;
  const target = new URL(emulatorBaseUrl);
  parsed.protocol = target.protocol;
  parsed.host = target.host;
  // new URL('http://h:1').toString() adds a '/' the stored value did not have.
  return url.endsWith('/') || parsed.pathname !== '/' || parsed.search !== '' ? parsed.toString() : parsed.origin;
}

/**
 * An emulator keeps its state in memory: after a restart it listens on a port of this start (the same one when it was
 * free) and knows none of the tokens it issued before. The sandbox's own connections (environment 'emulator', on a
 * loopback URL) are re-pointed at it and given its demo login's tokens, as a sandbox one-click connect does, so
 * Integrations and the jobs reach them again. A connection to a real provider is never touched.
 */
export async function reattachSandboxConnections(emulators: Readonly<Record<string, RunningSandboxEmulator>>, deps: ReattachDeps): Promise<{ reattachedCount: number }> {
  const box = createSecretBox(deps.secretKey);
  const now = deps.clock.now();
  const connections = await listEmulatorConnections(deps.db);
  let reattachedCount = 0;
  const sealed = (value: string | undefined) => (value === undefined ? undefined : box.seal(value));
  // A placeholder the emulator refuses: the first call refreshes with the demo refresh token (or client credentials).
  const accessTokenOf = (emulator: RunningSandboxEmulator) => box.seal(emulator.credentials.accessToken ?? 'sandbox-restarted');
  const reconnected = (status: string) => (isConnectionStatus(status) ? (nextConnectionStatus(status, 'reconnected') ?? status) : status);

  for (const row of connections.crm) {
    const emulator = emulators[row.provider];
    if (!emulator || !isLoopback(row.instanceUrl)) continue;
    const { clientId, clientSecret, refreshToken } = emulator.credentials;
    const status = reconnected(row.status);
    await updateEmulatorCrmConnection(deps.db, row, {
      loginUrl: onEmulatorOrigin(row.loginUrl, emulator.baseUrl),
      instanceUrl: onEmulatorOrigin(row.instanceUrl, emulator.baseUrl),
      resourceUrl: row.resourceUrl === null ? null : onEmulatorOrigin(row.resourceUrl, emulator.baseUrl),
      ...(clientId && clientSecret ? { clientId, clientSecretSealed: box.seal(clientSecret) } : {}),
      accessTokenSealed: accessTokenOf(emulator),
      ...(refreshToken ? { refreshTokenSealed: box.seal(refreshToken) } : {}),
      ...(status === row.status ? {} : { status, statusReason: null, statusChangedAt: now }),
      updatedAt: now,
    });
    reattachedCount += 1;
  }

  for (const row of connections.map) {
    const emulator = emulators[row.provider];
    if (!emulator || !isLoopback(row.loginUrl)) continue;
    const { clientId, clientSecret, refreshToken, password } = emulator.credentials;
    const extra = Object.fromEntries(Object.entries(row.extra).map(([key, value]) => [key, key.endsWith('Url') ? onEmulatorOrigin(value, emulator.baseUrl) : value]));
    const status = reconnected(row.status);
    await updateEmulatorMapConnection(deps.db, row, {
      loginUrl: onEmulatorOrigin(row.loginUrl, emulator.baseUrl),
      instanceUrl: onEmulatorOrigin(row.instanceUrl, emulator.baseUrl),
      extra,
      ...(clientId && clientSecret ? { clientId, clientSecretSealed: box.seal(clientSecret) } : {}),
      accessTokenSealed: accessTokenOf(emulator),
      ...(refreshToken ? { refreshTokenSealed: box.seal(refreshToken) } : {}),
      ...(row.passwordSealed !== null && password ? { passwordSealed: box.seal(password) } : {}),
      // Due now: the first call gets a token of this start (refresh token, client credentials or password).
      tokenExpiresAt: now,
      ...(status === row.status ? {} : { status, statusReason: null, statusChangedAt: now }),
      updatedAt: now,
    });
    reattachedCount += 1;
  }

  for (const row of connections.adChannel) {
    const emulator = emulators[row.channel];
    if (!emulator || !isLoopback(row.apiBaseUrl)) continue;
    const { clientId, clientSecret, refreshToken, developerToken } = emulator.credentials;
    await updateEmulatorAdChannelConnection(deps.db, row, {
      authBaseUrl: onEmulatorOrigin(row.authBaseUrl, emulator.baseUrl),
      apiBaseUrl: onEmulatorOrigin(row.apiBaseUrl, emulator.baseUrl),
      ...(clientId && clientSecret ? { clientId, clientSecretSealed: box.seal(clientSecret) } : {}),
      accessTokenSealed: accessTokenOf(emulator),
      refreshTokenSealed: sealed(refreshToken) ?? null,
      ...(row.developerTokenSealed !== null && developerToken ? { developerTokenSealed: box.seal(developerToken) } : {}),
      accessExpiresAt: null,
      ...(row.status === 'connected' ? {} : { status: 'connected', statusReason: null, statusChangedAt: now }),
      updatedAt: now,
    });
    reattachedCount += 1;
  }
  return { reattachedCount };
}

function isLoopback(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname);
  } catch {
    return false;
  }
}
