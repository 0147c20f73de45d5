import { MAP_PROVIDERS, type MapProviderId } from '../../../ports/mapConnector';
import type { EnrichmentTarget } from '../../../ports/enrichmentTarget';
import { withMapSession, type MapIntegrationDeps } from '../../integrations/mapSession';

/**
 * A marketing-automation system as an enrichment target, through the org's MAP connection (its API budget, token
 * refresh, status): HubSpot contacts (or leads), Marketo leads, Pardot prospects, Eloqua contacts. Records link to
 * companies through the matcher (e-mail domain, company name, website). Each batch holds at most the connector's
 * `batchUpdateMax` records: one call for HubSpot (100) and Marketo (300), one call per record for Pardot and Eloqua
 * (their APIs write one record per request).
 */
export function withMapTarget<T>(provider: MapProviderId, orgId: string, deps: MapIntegrationDeps, work: (target: EnrichmentTarget) => Promise<T>): Promise<T> {
  return withMapSession(orgId, provider, deps, ({ connector, ctx, callCount }) =>
    work({
      system: provider,
      displayName: connector.displayName,
      linkage: 'matcher',
      objects: connector.objects,
      batchUpdateMax: connector.limits.batchUpdateMax,
      listFields: (object) => connector.listFields(ctx, object),
      describeField: (object, fieldName) => connector.describeField(ctx, object, fieldName),
      async listRecords(object, fieldName, cursor) {
        const page = await connector.listRecords(ctx, { object, fieldNames: [fieldName], cursor });
        return {
          records: page.records.map((record) => ({
            id: record.id,
            currentValue: record.fields[fieldName] ?? null,
            email: record.email,
            company: record.company,
            website: record.website,
          })),
          nextCursor: page.nextCursor,
        };
      },
      batchUpdate: (object, fieldName, updates) =>
        connector.batchUpdate(
          ctx,
          object,
          updates.map((update) => ({ id: update.id, fields: { [fieldName]: update.value }, ...(update.email === undefined ? {} : { email: update.email }) })),
        ),
      callCount,
    }),
  );
}

/** One opener per MAP provider, for enrichmentTargets.ts. */
export const MAP_TARGET_OPENERS = Object.fromEntries(
  MAP_PROVIDERS.map((provider) => [provider, <T>(orgId: string, deps: MapIntegrationDeps, work: (target: EnrichmentTarget) => Promise<T>) => withMapTarget(provider, orgId, deps, work)]),
) as Record<MapProviderId, <T>(orgId: string, deps: MapIntegrationDeps, work: (target: EnrichmentTarget) => Promise<T>) => Promise<T>>;
