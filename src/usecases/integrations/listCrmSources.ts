import type { Actor } from '../../domain/permissions/policy';
import type { CrmProvider } from '../../ports/crmConnector';
import { assertCan } from './assertCan';
import { toAppError, withCrmSession } from './crmSession';
import type { IntegrationDeps } from './integrationDeps';

/** List views and reports with their rule checks (problems hold the spec's messages). */
export async function listCrmSources({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { provider: CrmProvider } }, deps: IntegrationDeps) {
  assertCan(actor, 'view', orgId);
  try {
    const sources = await withCrmSession(orgId, input.provider, deps, (session) => session.connector.listSources(session.ctx));
    return {
      items: sources.map((source) => ({ ...source, rowCount: source.rowCount ?? null, problems: [...source.problems], details: { ...source.details } })),
    };
  } catch (error) {
    throw toAppError(error);
  }
}
