import { createSalesforceFieldWrites, SALESFORCE_WRITE_BACK } from '../../../adapters/connectors/salesforce/fieldWrites';
import type { EnrichmentTarget } from '../../../ports/enrichmentTarget';
import { withCrmSession } from '../../integrations/crmSession';
import type { IntegrationDeps } from '../../integrations/integrationDeps';

/** Salesforce Leads, Accounts and Contacts through the org's CRM connection (its API budget, token refresh, status). */
export function withSalesforceTarget<T>(orgId: string, deps: IntegrationDeps, work: (target: EnrichmentTarget) => Promise<T>): Promise<T> {
  return withCrmSession(orgId, 'salesforce', deps, (session) => {
    const writes = createSalesforceFieldWrites(session.ctx);
    return work({
      system: 'salesforce',
      displayName: 'Salesforce',
      linkage: 'crm_sync',
      objects: SALESFORCE_WRITE_BACK.objects,
      batchUpdateMax: SALESFORCE_WRITE_BACK.collectionRecordMax,
      listFields: (object) => writes.listFields(object),
      describeField: (object, fieldName) => writes.describeField(object, fieldName),
      async listRecords(object, fieldName, cursor) {
        const page = await writes.readFieldPage(object, fieldName, cursor);
        return {
          records: page.records.map((record) => ({ id: record.id, currentValue: record.value, email: undefined, company: undefined, website: undefined })),
          nextCursor: page.nextCursor,
        };
      },
      batchUpdate: (object, fieldName, updates) => writes.updateField(object, fieldName, updates),
      callCount: () => session.callCount(),
    });
  });
}
