import { EmulatorServer } from '../kit/emulatorServer';
import type { EmulatorDefinition, RunningEmulator } from '../kit/registry';
import { registerFaultControl, type MapFaultOptions } from '../mapKit/faultControl';
import { createPardotDemoBusinessUnit, pardotDemoCredentials, type PardotDemoOptions } from './demoOrg';
import { injectPardotFault, pardotFaultNames, type PardotFaultName } from './faults';
import { registerPardotOAuthRoutes } from './oauthRoutes';
import { registerPardotRoutes } from './routes';
import type { PardotBusinessUnitState } from './state';

export { pardotDemoCredentials } from './demoOrg';
export { pardotFaultNames, type PardotFaultName } from './faults';
export type { PardotBusinessUnitState } from './state';

export interface PardotEmulatorOptions extends PardotDemoOptions {
  readonly port?: number;
  readonly isLogging?: boolean;
  /** HTTP status sent with codes 66 and 122 (unknown in the docs; default 400). */
  readonly limitStatus?: number;
}

export interface PardotEmulator extends RunningEmulator {
  readonly provider: 'pardot';
  readonly server: EmulatorServer;
  readonly state: PardotBusinessUnitState;
  injectFault(name: PardotFaultName, options?: MapFaultOptions): () => void;
}

/** Starts the Pardot (Account Engagement) emulator: Salesforce-style OAuth and the v5 prospects API on one host. */
export async function startPardotEmulator(options: PardotEmulatorOptions = {}): Promise<PardotEmulator> {
  const state = createPardotDemoBusinessUnit(options);
  const server = new EmulatorServer({ name: 'pardot', isLogging: options.isLogging ?? false });
  registerPardotOAuthRoutes(server, state);
  registerPardotRoutes(server, state, { limitStatus: options.limitStatus ?? 400 });
  const injectFault = (name: PardotFaultName, faultOptions?: MapFaultOptions) => injectPardotFault(server, state, name, faultOptions);
  registerFaultControl(server, pardotFaultNames, injectFault);
  server.app.get('/__emulator/business-unit', async () => ({ businessUnitId: state.businessUnitId, prospects: state.prospects.size, apiUsedToday: state.quota.used }));
  const baseUrl = await server.listen(options.port ?? 0);
  const { token } = state.tokens.issueAccess('integration-user');
  return {
    provider: 'pardot',
    baseUrl,
    credentials: { ...pardotDemoCredentials, loginUrl: baseUrl, pardotUrl: baseUrl, accessToken: token },
    server,
    state,
    injectFault,
    close: () => server.close(),
  };
}

export const pardotEmulatorDefinition: EmulatorDefinition = {
  provider: 'pardot',
  displayName: 'Pardot',
  start: (options) => startPardotEmulator({ ...(options.port === undefined ? {} : { port: options.port }), ...(options.isLogging === undefined ? {} : { isLogging: options.isLogging }) }),
};
