// The set-up every route integration test shares: open the database, build the app, two organisations, log in.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Database } from '../adapters/db/database';
import { buildApp } from '../apps/server/buildApp';
import type { Role } from '../domain/permissions/roles';
import { createTestOrg, type TestOrg } from './createTestOrg';
import { openTestDatabase, type TestDatabaseKind } from './databases';
import { createTestDeps, logInAs, type TestAppDeps } from './testApp';

export interface RouteFixtureOptions<D extends TestAppDeps> {
  /** Names of the two organisations (default Acme and Globex). */
  readonly orgNames?: readonly [string, string];
  /** The dependencies the app gets; default createTestDeps(database). Runs after earlier beforeAll hooks (e.g. an emulator start). */
  readonly deps?: (database: Database) => D | Promise<D>;
}

export interface RouteFixture<D extends TestAppDeps = TestAppDeps> {
  readonly database: Database;
  readonly app: FastifyInstance;
  readonly deps: D;
  /** The organisation under test, and another one whose objects must never show. One user per role in each. */
  readonly org: TestOrg;
  readonly otherOrg: TestOrg;
  /** Logs a user of that organisation in (a fresh session each call) and returns the headers for app.inject. */
  headersOf(which: TestOrg, role?: Role): Promise<Record<string, string>>;
  logIn(which: TestOrg, role?: Role): ReturnType<typeof logInAs>;
}

/**
 * Registers beforeAll/afterAll hooks in the calling describe block and returns the fixture, readable inside tests
 * and later hooks. Use inside describe.each(testDatabaseKinds()).
 */
export function useRouteFixture<D extends TestAppDeps = TestAppDeps>(kind: TestDatabaseKind, options: RouteFixtureOptions<D> = {}): RouteFixture<D> {
  let state: { database: Database; app: FastifyInstance; deps: D; org: TestOrg; otherOrg: TestOrg } | undefined;
  const ready = () => {
    if (!state) throw new Error('The route fixture is read before its beforeAll hook ran.');
    return state;
  };
  let openedDatabase: Database | undefined;
  beforeAll(async () => {
    const database = await openTestDatabase(kind);
    openedDatabase = database;
    const deps = options.deps ? await options.deps(database) : (createTestDeps(database) as D);
    const app = await buildApp(deps, { isServingWeb: false });
    await app.ready();
    const [orgName, otherOrgName] = options.orgNames ?? ['Acme', 'Globex'];
    state = { database, app, deps, org: await createTestOrg(database, orgName), otherOrg: await createTestOrg(database, otherOrgName) };
  });
  afterAll(async () => {
    await state?.app.close();
    await openedDatabase?.close();
  });
  const logIn = (which: TestOrg, role: Role = 'primary_admin') => {
    const { app, database } = ready();
    return logInAs(app, database, { orgId: which.orgId, userId: which.userIds[role], email: which.emails[role] });
  };
  return {
    get database() {
      return ready().database;
    },
    get app() {
      return ready().app;
    },
    get deps() {
      return ready().deps;
    },
    get org() {
      return ready().org;
    },
    get otherOrg() {
      return ready().otherOrg;
    },
    logIn,
    headersOf: async (which, role) => (await logIn(which, role)).headers,
  };
}
