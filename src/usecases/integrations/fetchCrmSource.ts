import { findCrmConnection } from '../../adapters/db/repositories/crmConnections';
import { AppError } from '../../domain/appError';
import { CRM_MESSAGES } from '../../domain/crmSources/messages';
import type { Actor } from '../../domain/permissions/policy';
import type { CrmProvider, CrmSourceRecords, CrmSourceRef } from '../../ports/crmConnector';
import { assertCan } from './assertCan';
import { toAppError, withCrmSession } from './crmSession';
import type { IntegrationDeps } from './integrationDeps';

/**
 * The records of a list view / report, for segments. Checks the rules in order: valid credentials, the first full
 * sync has completed, then the source's own rules (checked by the connector; each failure is the spec's message).
 * Throws AppError whose message is the specification's text.
 */
export async function fetchCrmSource(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { provider: CrmProvider; source: CrmSourceRef } },
  deps: IntegrationDeps,
): Promise<CrmSourceRecords> {
  assertCan(actor, 'view', orgId);
  const connection = await findCrmConnection(deps.db, orgId, input.provider);
  if (!connection) throw new AppError('validation_failed', CRM_MESSAGES.noValidCredentials);
  if (connection.firstFullSyncAt === null) throw new AppError('validation_failed', CRM_MESSAGES.firstSyncNotCompleted);
  try {
    return await withCrmSession(orgId, input.provider, deps, (session) => session.connector.fetchSourceRecords(session.ctx, input.source));
  } catch (error) {
    throw toAppError(error);
  }
}
