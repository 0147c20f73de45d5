// Test set-up shared by the segment route tests: the route fixture with FakeCrmSources as the CRM and a fixed clock.
import { fixedClock } from '../../../../ports/clock';
import type { Role } from '../../../../domain/permissions/roles';
import type { TestOrg } from '../../../../test/createTestOrg';
import type { TestDatabaseKind } from '../../../../test/databases';
import { useRouteFixture, type RouteFixture } from '../../../../test/routeFixture';
import { createTestDeps, type TestAppDeps } from '../../../../test/testApp';
import { FakeActivations, FakeCrmSources } from '../../../../usecases/segments/segmentTestKit';
import type { SegmentDeps } from '../../../../usecases/segments/segmentDeps';

export interface SegmentTestApp extends RouteFixture<TestAppDeps & SegmentDeps> {
  crm: FakeCrmSources;
  activations: FakeActivations;
  clock: ReturnType<typeof fixedClock>;
}

/** Registers the fixture's hooks in the calling describe block (see test/routeFixture.ts). */
export function useSegmentFixture(kind: TestDatabaseKind): SegmentTestApp {
  const clock = fixedClock(new Date('2026-11-23T08:00:00Z'));
  const crm = new FakeCrmSources();
  const activations = new FakeActivations();
  const fixture = useRouteFixture(kind, { deps: (database) => ({ ...createTestDeps(database, { clock }), segmentSources: crm, segmentActivations: activations }) });
  return Object.assign(Object.create(fixture) as RouteFixture<TestAppDeps & SegmentDeps>, { crm, activations, clock });
}

export async function sessionOf(t: SegmentTestApp, org: TestOrg, role: Role = 'marketing_user'): Promise<Record<string, string>> {
  return t.headersOf(org, role);
}
