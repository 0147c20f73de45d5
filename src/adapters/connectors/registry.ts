import type { CrmConnector, CrmProvider } from '../../ports/crmConnector';
import { dynamicsConnector } from './dynamics/index';
import { salesforceConnector } from './salesforce/index';

/** Every CRM connector by provider (STYLE.md §3.3: no switch on the provider). */
export const crmConnectors: Readonly<Record<CrmProvider, CrmConnector>> = {
  salesforce: salesforceConnector,
  dynamics: dynamicsConnector,
};
