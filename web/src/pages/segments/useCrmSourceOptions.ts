import { listCrmConnections } from '../../../../src/contracts/integrations';
import type { CrmProviderId } from '../../../../src/contracts/integrations';
import { listSegmentCrmSources } from '../../../../src/contracts/segments';
import { useApiQuery } from '../../api/hooks';

const PROVIDER_WORDS: Readonly<Record<CrmProviderId, { report: string; list: string }>> = {
  salesforce: { report: 'Salesforce Report', list: 'Salesforce Account List' },
  dynamics: { report: 'Dynamics 365 Report', list: 'Dynamics 365 View' },
};

/** The connected CRM's cached lists and reports (GET /api/segments/crm-sources/:provider); nothing when not connected. */
function useCachedSources(provider: CrmProviderId, isConnected: boolean) {
  const query = useApiQuery(listSegmentCrmSources, { params: { provider } }, { enabled: isConnected, retry: false, staleTime: 60_000 });
  return isConnected ? (query.data?.items ?? []) : [];
}

/** Usable lists, views and reports of every connected CRM, for the "Accounts in a CRM list or report" filter. */
export function useCrmSourceOptions() {
  const connections = useApiQuery(listCrmConnections, undefined);
  const isConnected = (provider: CrmProviderId) => connections.data?.items.some((item) => item.provider === provider) === true;
  const byProvider: ReadonlyArray<[CrmProviderId, ReturnType<typeof useCachedSources>]> = [
    ['salesforce', useCachedSources('salesforce', isConnected('salesforce'))],
    ['dynamics', useCachedSources('dynamics', isConnected('dynamics'))],
  ];
  return byProvider.flatMap(([provider, items]) =>
    items
      .filter((source) => source.isUsable && (source.kind === 'report' || source.kind === 'list_view' || source.kind === 'saved_view'))
      .map((source) => {
        const kind = source.kind === 'report' ? ('in_crm_report' as const) : ('in_crm_list' as const);
        const words = PROVIDER_WORDS[provider];
        return { value: `${kind}:${provider}:${source.id}`, label: `${source.kind === 'report' ? words.report : words.list}: ${source.name}`, provider, kind, sourceName: source.name };
      }),
  );
}
