import type { CrmConnector, CrmProvider } from '../../ports/crmConnector';
import { salesforceConnector } from './salesforce/index';

/**
 * Every CRM connector by provider (STYLE.md §3.3: no switch on the provider). The Dynamics connector registers here
 * when its folder lands; until then the entry is a placeholder that refuses every call.
 */
const notYetAvailable = (provider: CrmProvider, displayName: string): CrmConnector => {
  const refuse = (): never => {
    throw new Error(`${displayName} connector is not available yet`);
  };
  return {
    provider,
    displayName,
    capabilities: { hasReports: false, hasListViews: false, hasPersonalViews: false },
    loginUrls: {},
    buildAuthorizationUrl: refuse,
    exchangeCode: refuse,
    refreshToken: refuse,
    readChanges: refuse,
    listSources: refuse,
    fetchSourceRecords: refuse,
  };
};

export const crmConnectors: Readonly<Record<CrmProvider, CrmConnector>> = {
  salesforce: salesforceConnector,
  dynamics: notYetAvailable('dynamics', 'Dynamics 365'),
};
