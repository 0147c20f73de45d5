// Test set-up shared by the segment route tests: an app whose CRM is FakeCrmSources, a fixed clock, and helpers.
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../../adapters/db/database';
import { fixedClock } from '../../../../ports/clock';
import type { TestOrg } from '../../../../test/createTestOrg';
import { createTestDeps, logInAs, type TestAppDeps } from '../../../../test/testApp';
import { FakeActivations, FakeCrmSources } from '../../../../usecases/segments/segmentTestKit';
import type { SegmentDeps } from '../../../../usecases/segments/segmentDeps';
import { buildApp } from '../../buildApp';
import type { Role } from '../../../../domain/permissions/roles';

export interface SegmentTestApp {
  app: FastifyInstance;
  deps: TestAppDeps & SegmentDeps;
  crm: FakeCrmSources;
  activations: FakeActivations;
  clock: ReturnType<typeof fixedClock>;
}

export async function createSegmentTestApp(database: Database): Promise<SegmentTestApp> {
  const clock = fixedClock(new Date('2026-11-23T08:00:00Z'));
  const crm = new FakeCrmSources();
  const activations = new FakeActivations();
  const deps = { ...createTestDeps(database, { clock }), segmentSources: crm, segmentActivations: activations };
  const app = await buildApp(deps, { isServingWeb: false });
  await app.ready();
  return { app, deps, crm, activations, clock };
}

export async function sessionOf(t: SegmentTestApp, database: Database, org: TestOrg, role: Role = 'marketing_user'): Promise<Record<string, string>> {
  return (await logInAs(t.app, database, { orgId: org.orgId, userId: org.userIds[role], email: org.emails[role] })).headers;
}
