import type { Actor } from '../../domain/permissions/policy';
import type { CrmProvider, CrmSourceKind } from '../../ports/crmConnector';
import { fetchCrmSource } from './fetchCrmSource';
import type { IntegrationDeps } from './integrationDeps';

export async function previewCrmSource(
  { orgId, actor, input }: { orgId: string; actor: Actor; input: { provider: CrmProvider; kind: CrmSourceKind; sourceId: string; limit: number } },
  deps: IntegrationDeps,
) {
  const { source, records } = await fetchCrmSource({ orgId, actor, input: { provider: input.provider, source: { kind: input.kind, id: input.sourceId } } }, deps);
  return {
    source: { ...source, rowCount: source.rowCount ?? null, problems: [...source.problems], details: { ...source.details } },
    totalRecords: records.length,
    records: records.slice(0, input.limit).map((record) => ({
      externalId: record.externalId,
      objectType: record.objectType,
      name: record.name ?? null,
      website: record.website ?? null,
      country: record.country ?? null,
      email: record.email ?? null,
      ownerName: record.ownerName ?? null,
      accountExternalId: record.accountExternalId ?? null,
      companyName: record.companyName ?? null,
    })),
  };
}
