import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../database';
import { organizations, sessions } from '../schema/index';

export type OrganizationRow = typeof organizations.$inferSelect;

/**
 * Organisations are the tenants themselves: these functions are the instance operator's (and the CLI's), never an
 * organisation's, so they take no orgId scope.
 */
export async function insertOrganization(db: Db, input: { name: string; isDemo?: boolean }): Promise<OrganizationRow> {
  const [row] = await db.insert(organizations).values({ name: input.name, isDemo: input.isDemo ?? false }).returning();
  if (!row) throw new Error('organisation insert returned nothing');
  return row;
}

export async function findOrganization(db: Db, orgId: string): Promise<OrganizationRow | undefined> {
  const rows = await db.select().from(organizations).where(eq(organizations.id, orgId)).limit(1);
  return rows[0];
}

export async function countOrganizations(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  return row?.n ?? 0;
}

export async function listOrganizationsWithUserCounts(db: Db): Promise<Array<OrganizationRow & { userCount: number }>> {
  const rows = await db
    .select({ org: organizations, userCount: sql<number>`(SELECT count(*)::int FROM users u WHERE u.org_id = organizations.id)` })
    .from(organizations)
    .orderBy(asc(organizations.createdAt), asc(organizations.name));
  return rows.map((row) => ({ ...row.org, userCount: Number(row.userCount) }));
}

/** Deactivates an organisation and ends its sessions (its users cannot log in again, its API keys stop working). */
export async function deactivateOrganizationRow(db: Db, orgId: string, now: Date): Promise<OrganizationRow | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx.update(organizations).set({ isActive: false, deactivatedAt: now }).where(eq(organizations.id, orgId)).returning();
    if (row) await tx.delete(sessions).where(eq(sessions.orgId, orgId));
    return row;
  });
}
