// Test set-up shared by the publishing route tests (not used by the app): sessions per role. Segments of any source
// come from usecases/publishing/publishingTestKit.ts, so nothing in the routes folder touches the database adapters.
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../../../domain/permissions/roles';
import type { TestOrg } from '../../../../test/createTestOrg';
import { logInAs } from '../../../../test/testApp';

export async function sessionFor(app: FastifyInstance, database: Parameters<typeof logInAs>[1], org: TestOrg, role: Role): Promise<Record<string, string>> {
  return (await logInAs(app, database, { orgId: org.orgId, userId: org.userIds[role], email: org.emails[role] })).headers;
}
