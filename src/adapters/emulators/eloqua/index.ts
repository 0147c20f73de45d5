import { EmulatorServer } from '../kit/emulatorServer';
import type { EmulatorDefinition, RunningEmulator } from '../kit/registry';
import { registerFaultControl, type MapFaultOptions } from '../mapKit/faultControl';
import { createEloquaDemoInstance, eloquaDemoCredentials, type EloquaDemoOptions } from './demoOrg';
import { eloquaFaultNames, injectEloquaFault, type EloquaFaultName } from './faults';
import { registerEloquaOAuthRoutes } from './oauthRoutes';
import { registerEloquaRoutes } from './routes';
import type { EloquaInstanceState } from './state';

export { eloquaDemoCredentials, eloquaDemoFields } from './demoOrg';
export { eloquaFaultNames, type EloquaFaultName } from './faults';
export type { EloquaInstanceState } from './state';

export interface EloquaEmulatorOptions extends EloquaDemoOptions {
  readonly port?: number;
  readonly isLogging?: boolean;
}

export interface EloquaEmulator extends RunningEmulator {
  readonly provider: 'eloqua';
  readonly server: EmulatorServer;
  readonly state: EloquaInstanceState;
  injectFault(name: EloquaFaultName, options?: MapFaultOptions): () => void;
}

/** Starts the Eloqua emulator: login host (/id, OAuth) and pod (REST contacts and fields) on one base URL. */
export async function startEloquaEmulator(options: EloquaEmulatorOptions = {}): Promise<EloquaEmulator> {
  const state = createEloquaDemoInstance(options);
  const server = new EmulatorServer({ name: 'eloqua', isLogging: options.isLogging ?? false });
  registerEloquaOAuthRoutes(server, state);
  registerEloquaRoutes(server, state);
  const injectFault = (name: EloquaFaultName, faultOptions?: MapFaultOptions) => injectEloquaFault(server, state, name, faultOptions);
  registerFaultControl(server, eloquaFaultNames, injectFault);
  server.app.get('/__emulator/instance', async () => ({ siteName: state.siteName, contacts: state.contacts.size, apiUsedToday: state.quota.used }));
  const baseUrl = await server.listen(options.port ?? 0);
  const { token } = state.tokens.issueAccess('integration-user');
  return {
    provider: 'eloqua',
    baseUrl,
    credentials: { ...eloquaDemoCredentials, loginUrl: baseUrl, accessToken: token },
    server,
    state,
    injectFault,
    close: () => server.close(),
  };
}

export const eloquaEmulatorDefinition: EmulatorDefinition = {
  provider: 'eloqua',
  displayName: 'Eloqua',
  start: (options) => startEloquaEmulator({ ...(options.port === undefined ? {} : { port: options.port }), ...(options.isLogging === undefined ? {} : { isLogging: options.isLogging }) }),
};
