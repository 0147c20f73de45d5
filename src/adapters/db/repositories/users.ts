import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { organizations, users } from '../schema/index';
import type { Role } from '../../../domain/permissions/roles';

export type UserRow = typeof users.$inferSelect;

/** Log-in looks a user up by e-mail across organisations: e-mails are unique platform-wide. A deactivated organisation's users are not found. */
export async function findUserByEmailForLogin(db: Db, email: string): Promise<(UserRow & { orgName: string }) | undefined> {
  const rows = await db
    .select({ user: users, orgName: organizations.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(sql`lower(${users.email}) = lower(${email})`, eq(organizations.isActive, true)))
    .limit(1);
  const row = rows[0];
  return row ? { ...row.user, orgName: row.orgName } : undefined;
}

export async function findUser(db: Db, orgId: string, userId: string): Promise<(UserRow & { orgName: string }) | undefined> {
  const rows = await db
    .select({ user: users, orgName: organizations.name })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.orgId))
    .where(and(eq(users.orgId, orgId), eq(users.id, userId)))
    .limit(1);
  const row = rows[0];
  return row ? { ...row.user, orgName: row.orgName } : undefined;
}

export async function listUsers(db: Db, orgId: string): Promise<UserRow[]> {
  return db.select().from(users).where(eq(users.orgId, orgId)).orderBy(asc(users.createdAt), asc(users.email));
}

export async function isEmailTaken(db: Db, email: string): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = lower(${email})`).limit(1);
  return rows.length > 0;
}

export async function insertUser(
  db: Db,
  orgId: string,
  input: { email: string; name: string; role: Role; passwordHash: string; mustChangePassword: boolean },
): Promise<UserRow> {
  const [row] = await db.insert(users).values({ orgId, ...input }).returning();
  if (!row) throw new Error('user insert returned nothing');
  return row;
}

export async function updateUserRow(
  db: Db,
  orgId: string,
  userId: string,
  patch: Partial<Pick<UserRow, 'role' | 'isActive' | 'passwordHash' | 'mustChangePassword' | 'lastLoginAt' | 'name'>>,
): Promise<UserRow | undefined> {
  const [row] = await db.update(users).set(patch).where(and(eq(users.orgId, orgId), eq(users.id, userId))).returning();
  return row;
}

export async function countActivePrimaryAdmins(db: Db, orgId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(and(eq(users.orgId, orgId), eq(users.role, 'primary_admin'), eq(users.isActive, true)));
  return rows[0]?.n ?? 0;
}
