import { createHash, randomBytes } from 'node:crypto';
import { fixedClock } from '../../../ports/clock';
import type { CrmOAuthSettings } from '../../../ports/crmConnector';
import { startDynamicsEmulator, type DynamicsFaultName, type DynamicsFaultOptions, type RunningDynamicsEmulator } from '../../emulators/dynamics';
import { createDynamicsConnector, type DynamicsConnectorOptions } from './index';
import { createTestContext, type TestContext } from './testContext';

/** One emulator per test file, a connector whose waits advance the shared clock, and faults cleared after each test. */
export interface DynamicsTestBed {
  readonly emulator: RunningDynamicsEmulator;
  readonly clock: ReturnType<typeof fixedClock>;
  readonly settings: CrmOAuthSettings;
  readonly connector: ReturnType<typeof createDynamicsConnector>;
  readonly tokenSleeps: number[];
  connect(options?: { allowance?: number; isPersonWaiting?: boolean }): Promise<TestContext>;
  inject(name: DynamicsFaultName, options?: DynamicsFaultOptions): void;
  clearFaults(): void;
  close(): Promise<void>;
}

export async function startDynamicsTestBed(options: { accountCount?: number; inactiveAccountCount?: number; connector?: DynamicsConnectorOptions } = {}): Promise<DynamicsTestBed> {
  const clock = fixedClock(new Date('2026-03-02T09:00:00Z'));
  const emulator = await startDynamicsEmulator({
    clock,
    ...(options.accountCount !== undefined ? { accountCount: options.accountCount } : {}),
    ...(options.inactiveAccountCount !== undefined ? { inactiveAccountCount: options.inactiveAccountCount } : {}),
  });
  const settings: CrmOAuthSettings = {
    loginUrl: emulator.credentials.authorityUrl,
    clientId: emulator.credentials.clientId,
    clientSecret: emulator.credentials.clientSecret,
    redirectUri: 'http://127.0.0.1:9/integrations/dynamics/callback',
    resourceUrl: emulator.credentials.orgUrl,
  };
  const tokenSleeps: number[] = [];
  const connector = createDynamicsConnector({
    now: () => clock.now(),
    sleep: async (ms) => {
      tokenSleeps.push(ms);
      clock.advance(ms);
    },
    ...options.connector,
  });
  let clears: Array<() => void> = [];
  return {
    emulator,
    clock,
    settings,
    connector,
    tokenSleeps,
    async connect(connectOptions = {}) {
      const tokens = await connector.refreshToken(settings, emulator.credentials.refreshToken);
      return createTestContext({
        connector,
        settings,
        refreshToken: emulator.credentials.refreshToken,
        accessToken: tokens.accessToken,
        clock,
        ...(connectOptions.allowance !== undefined ? { allowance: connectOptions.allowance } : {}),
        ...(connectOptions.isPersonWaiting ? { isPersonWaiting: true } : {}),
      });
    },
    inject(name, faultOptions) {
      clears.push(emulator.injectFault(name, faultOptions));
    },
    clearFaults() {
      for (const clear of clears) clear();
      clears = [];
      emulator.server.clearFaults();
      emulator.server.requests.length = 0;
    },
    close: () => emulator.close(),
  };
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
