import { startChannelEmulator } from '../kit/channelEmulator';
import type { ChannelFaultOptions } from '../kit/controlRoutes';
import type { EmulatorServer } from '../kit/emulatorServer';
import type { EmulatorDefinition, RunningEmulator } from '../kit/registry';
import { createMetaDemo, META_API_VERSION, metaDemoCredentials, type MetaDemoOptions } from './demoOrg';
import { injectMetaFault, metaFaultNames, type MetaFaultName } from './faults';
import { registerMetaRoutes } from './routes';
import type { MetaState } from './state';

export { META_API_VERSION, metaDemoCredentials } from './demoOrg';
export { metaFaultNames, type MetaFaultName } from './faults';
export type { MetaAudience, MetaState } from './state';

export interface MetaEmulatorOptions extends MetaDemoOptions {
  readonly port?: number;
  readonly isLogging?: boolean;
}

export interface MetaEmulator extends RunningEmulator {
  readonly provider: 'meta';
  /** The Graph host, e.g. http://127.0.0.1:40123 (calls go to `${baseUrl}/v24.0/…`); also serves the OAuth dialog. */
  readonly baseUrl: string;
  readonly credentials: {
    readonly clientId: string;
    readonly clientSecret: string;
    readonly accessToken: string;
    readonly adAccountId: string;
    readonly userId: string;
    readonly apiVersion: string;
    readonly graphUrl: string;
    readonly authorizeUrl: string;
    readonly tokenUrl: string;
  };
  readonly server: EmulatorServer;
  readonly state: MetaState;
  injectFault(name: MetaFaultName, options?: ChannelFaultOptions): () => void;
}

/** Starts the Meta Graph emulator (custom audiences) on 127.0.0.1 with the demo user and ad accounts. */
export async function startMetaEmulator(options: MetaEmulatorOptions = {}): Promise<MetaEmulator> {
  const { port, isLogging, ...demo } = options;
  const state = createMetaDemo(demo);
  const { server, baseUrl, injectFault, close } = await startChannelEmulator({
    provider: 'meta',
    state,
    clock: state.options.clock,
    port,
    isLogging,
    registerRoutes: registerMetaRoutes,
    faultNames: metaFaultNames,
    injectFault: injectMetaFault,
    audiences: (meta) =>
      [...meta.audiences.values()].map((audience) => ({
        id: audience.id,
        name: audience.name,
        adAccountId: `act_${audience.accountId}`,
        status: audience.isFlagged ? '471' : audience.members.isProcessing(meta.nowMs()) ? '300' : '200',
        isDeleted: audience.isDeleted,
        members: audience.members,
      })),
  });
  return {
    provider: 'meta',
    baseUrl,
    credentials: {
      clientId: metaDemoCredentials.clientId,
      clientSecret: metaDemoCredentials.clientSecret,
      accessToken: metaDemoCredentials.accessToken,
      adAccountId: metaDemoCredentials.adAccountId,
      userId: metaDemoCredentials.userId,
      apiVersion: META_API_VERSION,
      graphUrl: `${baseUrl}/${META_API_VERSION}`,
      authorizeUrl: `${baseUrl}/${META_API_VERSION}/dialog/oauth`,
      tokenUrl: `${baseUrl}/${META_API_VERSION}/oauth/access_token`,
    },
    server,
    state,
    injectFault,
    close,
  };
}

export const metaEmulatorDefinition: EmulatorDefinition = {
  provider: 'meta',
  displayName: 'Meta',
  start: (options) => startMetaEmulator(options),
};
