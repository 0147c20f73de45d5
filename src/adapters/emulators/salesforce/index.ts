import { EmulatorServer } from '../kit/emulatorServer';
import type { EmulatorDefinition, RunningEmulator } from '../kit/registry';
import { createDemoOrg, demoCredentials, type DemoOrgOptions } from './demoOrg';
import { injectSalesforceFault, isSalesforceFaultName, salesforceFaultNames, type SalesforceFaultName, type SalesforceFaultOptions } from './faults';
import { addConversationalEmailOrg } from './ceOrgSetup';
import { registerSalesforceRoutes } from './routes';
import type { SalesforceOrgState } from './state';

export { demoListViewIds, demoReportIds } from './demoSources';
export { demoCredentials } from './demoOrg';
export { addWebinarLead, ceReportIds, installCePackage, setObjectAccess, setOrganizationType, setUserPermission } from './ceOrgSetup';
export { salesforceFaultNames, type SalesforceFaultName, type SalesforceFaultOptions } from './faults';
export type { SalesforceOrgState, SObjectRecord } from './state';

export interface SalesforceEmulatorOptions extends DemoOrgOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly isLogging?: boolean;
  /** Leads in the Conversational Email "Webinar Leads to Follow Up" report at start (default 0; the sandbox has 4). */
  readonly ceWebinarLeadCount?: number;
}

export interface SalesforceEmulator extends RunningEmulator {
  readonly provider: 'salesforce';
  /** Both the login URL (OAuth) and the instance URL (REST), e.g. http://127.0.0.1:40123. */
  readonly baseUrl: string;
  readonly credentials: { readonly clientId: string; readonly clientSecret: string; readonly refreshToken: string; readonly username: string; readonly loginUrl: string; readonly instanceUrl: string; readonly apiVersion: string };
  readonly server: EmulatorServer;
  readonly state: SalesforceOrgState;
  /** Applies a named fault; returns a function lifting it (the token and quota faults change state and cannot be lifted). */
  injectFault(name: SalesforceFaultName, options?: SalesforceFaultOptions): () => void;
  close(): Promise<void>;
}

/** The API version the demo clients should use (any v31.0–v62.0 works). */
export const SALESFORCE_EMULATOR_API_VERSION = '62.0';

/**
 * Starts the Salesforce emulator on 127.0.0.1 with a deterministic demo org. Control routes besides the kit's:
 * `POST /__emulator/faults` `{fault, times?, pathPrefix?, retryAfterSeconds?, status?, delayMs?}`.
 */
export async function startSalesforceEmulator(options: SalesforceEmulatorOptions = {}): Promise<SalesforceEmulator> {
  const state = createDemoOrg(options);
  addConversationalEmailOrg(state, { webinarLeadCount: options.ceWebinarLeadCount ?? 0 });
  const server = new EmulatorServer({ name: 'salesforce', isLogging: options.isLogging ?? false });
  registerSalesforceRoutes(server, state);
  const injectFault = (name: SalesforceFaultName, faultOptions?: SalesforceFaultOptions) => injectSalesforceFault(server, state, name, faultOptions);
  server.app.post('/__emulator/faults', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (!isSalesforceFaultName(body.fault)) return reply.code(400).send({ error: `unknown fault; expected one of: ${salesforceFaultNames.join(', ')}` });
    const numberOrUndefined = (value: unknown) => (typeof value === 'number' ? value : undefined);
    injectFault(body.fault, {
      ...(numberOrUndefined(body.times) === undefined ? {} : { times: numberOrUndefined(body.times) }),
      ...(typeof body.pathPrefix === 'string' ? { pathPrefix: body.pathPrefix } : {}),
      ...(numberOrUndefined(body.retryAfterSeconds) === undefined ? {} : { retryAfterSeconds: numberOrUndefined(body.retryAfterSeconds) }),
      ...(body.status === 503 || body.status === 500 ? { status: body.status } : {}),
      ...(numberOrUndefined(body.delayMs) === undefined ? {} : { delayMs: numberOrUndefined(body.delayMs) }),
    } as SalesforceFaultOptions);
    return { injected: body.fault };
  });
  server.app.get('/__emulator/org', async () => ({
    orgId: state.options.orgId,
    accounts: state.count('Account'),
    contacts: state.count('Contact'),
    leads: state.count('Lead'),
    tasks: state.count('Task'),
    apiUsed: state.apiUsed(),
    dailyApiLimit: state.dailyApiLimit,
  }));
  const baseUrl = await server.listen(options.port ?? 0);
  return {
    provider: 'salesforce',
    baseUrl,
    credentials: { ...demoCredentials, loginUrl: baseUrl, instanceUrl: baseUrl, apiVersion: SALESFORCE_EMULATOR_API_VERSION },
    server,
    state,
    injectFault,
    close: () => server.close(),
  };
}

/** The sandbox profile also holds 25,500 "Legacy ERP Import" accounts, so its oversized list view is really oversized. */
export const SANDBOX_LEGACY_IMPORT_ACCOUNT_COUNT = 25_500;

export const salesforceEmulatorDefinition: EmulatorDefinition = {
  provider: 'salesforce',
  displayName: 'Salesforce',
  start: (options) =>
    startSalesforceEmulator({
      legacyImportAccountCount: SANDBOX_LEGACY_IMPORT_ACCOUNT_COUNT,
      ceWebinarLeadCount: 4,
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(options.isLogging === undefined ? {} : { isLogging: options.isLogging }),
    }),
};
