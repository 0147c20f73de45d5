import { EmulatorServer } from '../kit/emulatorServer';
import type { EmulatorDefinition, RunningEmulator } from '../kit/registry';
import { registerFaultControl, type MapFaultOptions } from '../mapKit/faultControl';
import { createHubSpotDemoPortal, hubSpotDemoCredentials, type HubSpotDemoOptions } from './demoOrg';
import { hubSpotFaultNames, injectHubSpotFault, type HubSpotFaultName } from './faults';
import { registerHubSpotOAuthRoutes } from './oauthRoutes';
import { registerHubSpotRoutes } from './routes';
import type { HubSpotPortalState } from './state';

export { hubSpotDemoCredentials, demoSegmentOptions } from './demoOrg';
export { hubSpotFaultNames, type HubSpotFaultName } from './faults';
export type { HubSpotPortalState } from './state';

export interface HubSpotEmulatorOptions extends HubSpotDemoOptions {
  readonly port?: number;
  readonly isLogging?: boolean;
}

export interface HubSpotEmulator extends RunningEmulator {
  readonly provider: 'hubspot';
  readonly server: EmulatorServer;
  readonly state: HubSpotPortalState;
  injectFault(name: HubSpotFaultName, options?: MapFaultOptions): () => void;
}

/** Starts the HubSpot emulator: OAuth, CRM objects (contacts, companies, leads), properties, batch, search, limits. */
export async function startHubSpotEmulator(options: HubSpotEmulatorOptions = {}): Promise<HubSpotEmulator> {
  const state = createHubSpotDemoPortal(options);
  const server = new EmulatorServer({ name: 'hubspot', isLogging: options.isLogging ?? false });
  registerHubSpotOAuthRoutes(server, state);
  registerHubSpotRoutes(server, state);
  const injectFault = (name: HubSpotFaultName, faultOptions?: MapFaultOptions) => injectHubSpotFault(server, state, name, faultOptions);
  registerFaultControl(server, hubSpotFaultNames, injectFault);
  server.app.get('/__emulator/portal', async () => ({ portalId: state.portalId, contacts: state.store('contacts')?.records.size ?? 0, apiUsedToday: state.quota.used }));
  const baseUrl = await server.listen(options.port ?? 0);
  return {
    provider: 'hubspot',
    baseUrl,
    credentials: { ...hubSpotDemoCredentials, loginUrl: baseUrl, instanceUrl: baseUrl, portalId: String(state.portalId) },
    server,
    state,
    injectFault,
    close: () => server.close(),
  };
}

export const hubSpotEmulatorDefinition: EmulatorDefinition = {
  provider: 'hubspot',
  displayName: 'HubSpot',
  start: (options) => startHubSpotEmulator({ ...(options.port === undefined ? {} : { port: options.port }), ...(options.isLogging === undefined ? {} : { isLogging: options.isLogging }) }),
};
