import { randomUUID } from 'node:crypto';
import type { Database } from '../adapters/db/database';
import { organizations, users } from '../adapters/db/schema/index';
import type { Role } from '../domain/permissions/roles';

export interface TestOrg {
  orgId: string;
  /** One user per role, ids by role. */
  userIds: Record<Role, string>;
  emails: Record<Role, string>;
}

/** A fresh organisation with one user per role, so tests never need truncating and isolation is tested for free. */
export async function createTestOrg(database: Database, name = 'Test org'): Promise<TestOrg> {
  const [org] = await database.db.insert(organizations).values({ name }).returning({ id: organizations.id });
  if (!org) throw new Error('organisation insert returned nothing');
  const tag = randomUUID().slice(0, 8);
  const roles: Role[] = ['primary_admin', 'abm_admin', 'marketing_user', 'view_only'];
  const userIds = {} as Record<Role, string>;
  const emails = {} as Record<Role, string>;
  for (const role of roles) {
    const email = `${role.replace('_', '-')}.${tag}@example.test`;
    const [user] = await database.db
      .insert(users)
      .values({ orgId: org.id, email, name: `${role} ${tag}`, role })
      .returning({ id: users.id });
    if (!user) throw new Error('user insert returned nothing');
    userIds[role] = user.id;
    emails[role] = email;
  }
  return { orgId: org.id, userIds, emails };
}
