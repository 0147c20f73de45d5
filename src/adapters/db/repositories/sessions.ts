import { and, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db } from '../database';
import { sessions } from '../schema/index';

export async function insertSession(
  db: Db,
  orgId: string,
  input: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db.insert(sessions).values({ orgId, ...input });
}

/** The live session for a token hash; the organisation comes from the session itself. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows[0];
}

export async function deleteSession(db: Db, orgId: string, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.orgId, orgId), eq(sessions.tokenHash, tokenHash)));
}

export async function deleteUserSessions(db: Db, orgId: string, userId: string, options: { exceptTokenHash?: string | undefined } = {}): Promise<void> {
  const keep = options.exceptTokenHash === undefined ? undefined : ne(sessions.tokenHash, options.exceptTokenHash);
  await db.delete(sessions).where(and(eq(sessions.orgId, orgId), eq(sessions.userId, userId), keep));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}
