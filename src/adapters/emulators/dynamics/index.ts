import { systemClock, type Clock } from '../../../ports/clock';
import { EmulatorServer } from '../kit/emulatorServer';
import type { EmulatorDefinition, RunningEmulator } from '../kit/registry';
import { seedDemoOrg } from './demoOrg';
import { injectDynamicsFault, type DynamicsFaultName, type DynamicsFaultOptions } from './faults';
import { mulberry32, seededGuid } from './messySpellings';
import { registerDynamicsRoutes } from './routes';
import { DynamicsState } from './state';

export { DEMO_VIEW_NAMES } from './demoViews';
export { DYNAMICS_FAULT_NAMES, SERVICE_PROTECTION_ERRORS, type DynamicsFaultName, type DynamicsFaultOptions, type ServiceProtectionCode } from './faults';
export { DynamicsState, type ViewDefinition } from './state';

export interface DynamicsEmulatorOptions {
  readonly port?: number;
  /** Active accounts from the demo master database (default 3,000). */
  readonly accountCount?: number;
  /** Inactive imported accounts (default 25,000, so one system view holds more than 25,000 accounts). */
  readonly inactiveAccountCount?: number;
  readonly seed?: number;
  readonly isLogging?: boolean;
  /** Token expiry, throttling penalties and modifiedon stamps follow this clock (tests advance it). */
  readonly clock?: Clock;
}

export interface DynamicsCredentials {
  readonly tenantId: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** A refresh token of the demo integration user (scope user_impersonation offline_access). */
  readonly refreshToken: string;
  /** The org URL (the emulator itself): the Web API is at `${orgUrl}/api/data/v9.2/`. */
  readonly orgUrl: string;
  /** Entra ID authority: `${baseUrl}/${tenantId}` (authorize and token endpoints under /oauth2/v2.0/). */
  readonly authorityUrl: string;
}

export interface RunningDynamicsEmulator {
  readonly baseUrl: string;
  readonly credentials: DynamicsCredentials;
  readonly server: EmulatorServer;
  readonly state: DynamicsState;
  injectFault(name: DynamicsFaultName, options?: DynamicsFaultOptions): () => void;
  close(): Promise<void>;
}

const DEFAULT_SEED = 365;

/** Starts the Dynamics 365 / Dataverse emulator with its demo org on 127.0.0.1 (port 0 = any free port). */
export async function startDynamicsEmulator(options: DynamicsEmulatorOptions = {}): Promise<RunningDynamicsEmulator> {
  const seed = options.seed ?? DEFAULT_SEED;
  const random = mulberry32(seed ^ 0x5eed);
  const state = new DynamicsState({
    clock: options.clock ?? systemClock,
    tenantId: seededGuid(random),
    clientId: seededGuid(random),
    clientSecret: `dyn-secret-${seededGuid(random).replace(/-/g, '')}`,
    organizationId: seededGuid(random),
    businessUnitId: seededGuid(random),
    integrationUser: { systemuserid: seededGuid(random), fullname: 'openabm Integration', domainname: 'openabm.integration@contoso-demo.onmicrosoft.com' },
  });
  seedDemoOrg(state, { accountCount: options.accountCount ?? 3000, inactiveAccountCount: options.inactiveAccountCount ?? 25_000, seed });
  const server = new EmulatorServer({ name: 'dynamics', ...(options.isLogging !== undefined ? { isLogging: options.isLogging } : {}) });
  registerDynamicsRoutes(server, state);
  const baseUrl = await server.listen(options.port ?? 0);
  state.orgUrl = baseUrl;
  const refreshToken = state.issueRefreshToken(state.integrationUser.systemuserid, state.clientId);
  return {
    baseUrl,
    credentials: {
      tenantId: state.tenantId,
      clientId: state.clientId,
      clientSecret: state.clientSecret,
      refreshToken,
      orgUrl: baseUrl,
      authorityUrl: `${baseUrl}/${state.tenantId}`,
    },
    server,
    state,
    injectFault: (name, faultOptions) => injectDynamicsFault(server, state, name, faultOptions),
    close: async () => {
      const closing = server.close();
      // A request the client abandoned (timeout) can leave a keep-alive socket that would hold close() for 72 s.
      server.app.server.closeAllConnections();
      await closing;
    },
  };
}

export const dynamicsEmulatorDefinition: EmulatorDefinition = {
  provider: 'dynamics',
  displayName: 'Microsoft Dynamics 365',
  async start(options): Promise<RunningEmulator> {
    const running = await startDynamicsEmulator(options);
    return { provider: 'dynamics', baseUrl: running.baseUrl, credentials: { ...running.credentials }, close: running.close };
  },
};
