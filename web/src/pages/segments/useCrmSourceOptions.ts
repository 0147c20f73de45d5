import { listCrmConnections, listCrmSources } from '../../../../src/contracts/integrations';
import { useApiQuery } from '../../api/hooks';

/** Usable lists and reports of the connected CRMs, for the "Accounts in a CRM list or report" filter. */
export function useCrmSourceOptions() {
  const connections = useApiQuery(listCrmConnections, undefined);
  const salesforce = connections.data?.items.some((item) => item.provider === 'salesforce') === true;
  const sources = useApiQuery(listCrmSources, { params: { provider: 'salesforce' } }, { enabled: salesforce, retry: false, staleTime: 60_000 });
  return (sources.data?.items ?? [])
    .filter((source) => source.isUsable && (source.kind === 'report' || source.kind === 'list_view'))
    .map((source) => {
      const kind = source.kind === 'report' ? ('in_crm_report' as const) : ('in_crm_list' as const);
      return { value: `${kind}:salesforce:${source.id}`, label: `${source.kind === 'report' ? 'Salesforce Report' : 'Salesforce Account List'}: ${source.name}`, provider: 'salesforce' as const, kind, sourceName: source.name };
    });
}
