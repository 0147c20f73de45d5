import { startChannelEmulator } from '../kit/channelEmulator';
import type { ChannelFaultOptions } from '../kit/controlRoutes';
import type { EmulatorServer } from '../kit/emulatorServer';
import type { EmulatorDefinition, RunningEmulator } from '../kit/registry';
import { accountIdFromUrn } from './context';
import { createLinkedInDemo, LINKEDIN_VERSION, linkedInDemoCredentials, type LinkedInDemoOptions } from './demoOrg';
import { injectLinkedInFault, linkedInFaultNames, type LinkedInFaultName } from './faults';
import { registerLinkedInRoutes } from './routes';
import type { LinkedInState } from './state';

export { LINKEDIN_VERSION, linkedInDemoCredentials } from './demoOrg';
export { linkedInFaultNames, type LinkedInFaultName } from './faults';
export { MEMBERS_PER_MATCHED_COMPANY, type DmpSegment, type LinkedInState } from './state';

export interface LinkedInEmulatorOptions extends LinkedInDemoOptions {
  readonly port?: number;
  readonly isLogging?: boolean;
}

export interface LinkedInEmulator extends RunningEmulator {
  readonly provider: 'linkedin';
  /** Serves both www.linkedin.com/oauth/v2 and api.linkedin.com (`${baseUrl}/rest/…`). */
  readonly baseUrl: string;
  readonly credentials: {
    readonly clientId: string;
    readonly clientSecret: string;
    readonly accessToken: string;
    readonly refreshToken: string;
    readonly adAccountId: string;
    readonly adAccountUrn: string;
    readonly linkedInVersion: string;
    readonly restUrl: string;
    readonly authorizeUrl: string;
    readonly tokenUrl: string;
  };
  readonly server: EmulatorServer;
  readonly state: LinkedInState;
  injectFault(name: LinkedInFaultName, options?: ChannelFaultOptions): () => void;
}

/** Starts the LinkedIn Marketing API emulator (Matched Audiences) on 127.0.0.1 with the demo member and ad accounts. */
export async function startLinkedInEmulator(options: LinkedInEmulatorOptions = {}): Promise<LinkedInEmulator> {
  const { port, isLogging, ...demo } = options;
  const state = createLinkedInDemo(demo);
  const { server, baseUrl, injectFault, close } = await startChannelEmulator({
    provider: 'linkedin',
    state,
    clock: state.options.clock,
    port,
    isLogging,
    registerRoutes: registerLinkedInRoutes,
    faultNames: linkedInFaultNames,
    injectFault: injectLinkedInFault,
    audiences: (linkedIn) =>
      [...linkedIn.segments.values()].map((segment) => ({
        id: segment.id,
        name: segment.name,
        adAccountId: accountIdFromUrn(segment.account) ?? segment.account,
        status: linkedIn.statusOf(segment),
        isDeleted: segment.isDeleted,
        members: segment.members,
      })),
  });
  return {
    provider: 'linkedin',
    baseUrl,
    credentials: {
      clientId: linkedInDemoCredentials.clientId,
      clientSecret: linkedInDemoCredentials.clientSecret,
      accessToken: linkedInDemoCredentials.accessToken,
      refreshToken: linkedInDemoCredentials.refreshToken,
      adAccountId: linkedInDemoCredentials.adAccountId,
      adAccountUrn: `urn:li:sponsoredAccount:${linkedInDemoCredentials.adAccountId}`,
      linkedInVersion: LINKEDIN_VERSION,
      restUrl: `${baseUrl}/rest`,
      authorizeUrl: `${baseUrl}/oauth/v2/authorization`,
      tokenUrl: `${baseUrl}/oauth/v2/accessToken`,
    },
    server,
    state,
    injectFault,
    close,
  };
}

export const linkedInEmulatorDefinition: EmulatorDefinition = {
  provider: 'linkedin',
  displayName: 'LinkedIn',
  start: (options) => startLinkedInEmulator(options),
};
