import type { EmulatorServer } from '../kit/emulatorServer';
import { DYNAMICS_FAULT_NAMES, injectDynamicsFault, type DynamicsFaultName, type DynamicsFaultOptions } from './faults';
import { registerOAuthRoutes } from './oauthRoutes';
import type { DynamicsState, SavedQueryPagingMode } from './state';
import { registerWebApiRoutes } from './webApiRoutes';

/** Every route of the Dynamics 365 emulator: Entra ID login, the Web API, and its control routes. */
export function registerDynamicsRoutes(server: EmulatorServer, state: DynamicsState): void {
  registerOAuthRoutes(server, state);
  registerWebApiRoutes(server, state);

  // Control routes for the standalone sandbox (tests call injectFault directly).
  server.app.post<{ Params: { name: string }; Body: DynamicsFaultOptions | undefined }>('/__emulator/dynamics/faults/:name', async (request, reply) => {
    const name = request.params.name;
    if (!(DYNAMICS_FAULT_NAMES as readonly string[]).includes(name)) {
      return reply.code(400).send({ error: `unknown fault '${name}'; known: ${DYNAMICS_FAULT_NAMES.join(', ')}` });
    }
    injectDynamicsFault(server, state, name as DynamicsFaultName, typeof request.body === 'object' && request.body !== null ? request.body : {});
    return { injected: name };
  });
  server.app.put<{ Body: { mode?: string } | undefined }>('/__emulator/dynamics/saved-query-paging', async (request, reply) => {
    const mode = request.body?.mode;
    if (mode !== 'nextLink' && mode !== 'cookieOnly') return reply.code(400).send({ error: "mode must be 'nextLink' or 'cookieOnly'" });
    state.savedQueryPagingMode = mode satisfies SavedQueryPagingMode;
    return { mode };
  });
}
