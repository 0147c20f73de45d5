import { EmulatorServer } from '../kit/emulatorServer';
import type { EmulatorDefinition, RunningEmulator } from '../kit/registry';
import { registerFaultControl, type MapFaultOptions } from '../mapKit/faultControl';
import { createMarketoDemoInstance, marketoDemoCredentials, type MarketoDemoOptions } from './demoOrg';
import { injectMarketoFault, marketoFaultNames, type MarketoFaultName } from './faults';
import { registerMarketoRoutes } from './routes';
import type { MarketoInstanceState } from './state';

export { marketoDemoCredentials } from './demoOrg';
export { marketoFaultNames, type MarketoFaultName } from './faults';
export type { MarketoInstanceState } from './state';

export interface MarketoEmulatorOptions extends MarketoDemoOptions {
  readonly port?: number;
  readonly isLogging?: boolean;
}

export interface MarketoEmulator extends RunningEmulator {
  readonly provider: 'marketo';
  readonly server: EmulatorServer;
  readonly state: MarketoInstanceState;
  injectFault(name: MarketoFaultName, options?: MapFaultOptions): () => void;
}

/** Starts the Marketo emulator: identity endpoint, lead describe, leads by filter, sync/push leads, 60x codes. */
export async function startMarketoEmulator(options: MarketoEmulatorOptions = {}): Promise<MarketoEmulator> {
  const state = createMarketoDemoInstance(options);
  const server = new EmulatorServer({ name: 'marketo', isLogging: options.isLogging ?? false });
  registerMarketoRoutes(server, state, marketoDemoCredentials);
  const injectFault = (name: MarketoFaultName, faultOptions?: MapFaultOptions) => injectMarketoFault(server, state, name, faultOptions);
  registerFaultControl(server, marketoFaultNames, injectFault);
  server.app.get('/__emulator/instance', async () => ({ munchkinId: state.munchkinId, leads: state.leads.size, apiUsedToday: state.quota.used }));
  const baseUrl = await server.listen(options.port ?? 0);
  // A ready token for `openabm sandbox marketo` users who skip the identity call.
  const { token } = state.tokens.issueAccess('api-user');
  return {
    provider: 'marketo',
    baseUrl,
    credentials: { ...marketoDemoCredentials, instanceUrl: baseUrl, identityUrl: `${baseUrl}/identity`, accessToken: token },
    server,
    state,
    injectFault,
    close: () => server.close(),
  };
}

export const marketoEmulatorDefinition: EmulatorDefinition = {
  provider: 'marketo',
  displayName: 'Marketo',
  start: (options) => startMarketoEmulator({ ...(options.port === undefined ? {} : { port: options.port }), ...(options.isLogging === undefined ? {} : { isLogging: options.isLogging }) }),
};
