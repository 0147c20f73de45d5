import { startChannelEmulator } from '../kit/channelEmulator';
import type { ChannelFaultOptions } from '../kit/controlRoutes';
import type { EmulatorServer } from '../kit/emulatorServer';
import type { EmulatorDefinition, RunningEmulator } from '../kit/registry';
import { createGoogleDemo, GOOGLE_ADS_API_VERSION, googleDemoCredentials, type GoogleDemoOptions } from './demoOrg';
import { googleFaultNames, injectGoogleFault, type GoogleFaultName } from './faults';
import { registerGoogleRoutes } from './routes';
import type { GoogleState } from './state';

export { GOOGLE_ADS_API_VERSION, googleDemoCredentials } from './demoOrg';
export { googleFaultNames, type GoogleFaultName } from './faults';
export type { GoogleState, GoogleUserList } from './state';

export interface GoogleEmulatorOptions extends GoogleDemoOptions {
  readonly port?: number;
  readonly isLogging?: boolean;
}

export interface GoogleEmulator extends RunningEmulator {
  readonly provider: 'google';
  /** Serves datamanager.googleapis.com (`/v1/…`), googleads.googleapis.com (`/v22/…`), oauth2.googleapis.com and accounts.google.com. */
  readonly baseUrl: string;
  readonly credentials: {
    readonly clientId: string;
    readonly clientSecret: string;
    readonly accessToken: string;
    readonly refreshToken: string;
    readonly developerToken: string;
    readonly adAccountId: string;
    readonly googleAdsApiVersion: string;
    readonly dataManagerUrl: string;
    readonly googleAdsUrl: string;
    readonly authorizeUrl: string;
    readonly tokenUrl: string;
  };
  readonly server: EmulatorServer;
  readonly state: GoogleState;
  injectFault(name: GoogleFaultName, options?: ChannelFaultOptions): () => void;
}

/** Starts the Google emulator (Data Manager API audiences + Google Ads API user lists) on 127.0.0.1. */
export async function startGoogleEmulator(options: GoogleEmulatorOptions = {}): Promise<GoogleEmulator> {
  const { port, isLogging, ...demo } = options;
  const state = createGoogleDemo(demo);
  const { server, baseUrl, injectFault, close } = await startChannelEmulator({
    provider: 'google',
    state,
    clock: state.options.clock,
    port,
    isLogging,
    registerRoutes: registerGoogleRoutes,
    faultNames: googleFaultNames,
    injectFault: injectGoogleFault,
    audiences: (google) =>
      [...google.userLists.values()].map((list) => ({
        id: list.id,
        name: list.name,
        adAccountId: list.customerId,
        status: list.members.isProcessing(google.nowMs()) ? 'PROCESSING' : list.membershipStatus,
        isDeleted: list.isDeleted,
        members: list.members,
      })),
  });
  return {
    provider: 'google',
    baseUrl,
    credentials: {
      clientId: googleDemoCredentials.clientId,
      clientSecret: googleDemoCredentials.clientSecret,
      accessToken: googleDemoCredentials.accessToken,
      refreshToken: googleDemoCredentials.refreshToken,
      developerToken: googleDemoCredentials.developerToken,
      adAccountId: googleDemoCredentials.adAccountId,
      googleAdsApiVersion: GOOGLE_ADS_API_VERSION,
      dataManagerUrl: `${baseUrl}/v1`,
      googleAdsUrl: `${baseUrl}/${GOOGLE_ADS_API_VERSION}`,
      authorizeUrl: `${baseUrl}/o/oauth2/v2/auth`,
      tokenUrl: `${baseUrl}/token`,
    },
    server,
    state,
    injectFault,
    close,
  };
}

export const googleEmulatorDefinition: EmulatorDefinition = {
  provider: 'google',
  displayName: 'Google Ads',
  start: (options) => startGoogleEmulator(options),
};
