import { count } from 'drizzle-orm';
import { generateOneTimePassword } from '../adapters/crypto-auth/passwords';
import { organizations } from '../adapters/db/schema/index';
import { ROLES, ROLE_LABELS, type Role } from '../domain/permissions/roles';
import { addUser } from '../usecases/users/addUser';
import type { AppDeps } from './deps';

export interface DemoLogins {
  orgId: string;
  emails: Record<Role, string>;
  /** Printed once at first start; each user must change it at first log-in. */
  password: string;
}

export const DEMO_ORG_NAME = 'Demo Company (sandbox)';

const DEMO_EMAILS: Record<Role, string> = {
  primary_admin: 'primary.admin@demo.openabm.example',
  abm_admin: 'abm.admin@demo.openabm.example',
  marketing_user: 'marketer@demo.openabm.example',
  view_only: 'viewer@demo.openabm.example',
};

/** On an empty database: a demo organisation with one user per role, sharing one one-time password. */
export async function seedDemoOrganisation(deps: Pick<AppDeps, 'db'>): Promise<DemoLogins | undefined> {
  const [row] = await deps.db.select({ n: count() }).from(organizations);
  if ((row?.n ?? 0) > 0) return undefined;
  const password = generateOneTimePassword();
  return deps.db.transaction(async (tx) => {
    const [org] = await tx.insert(organizations).values({ name: DEMO_ORG_NAME, isDemo: true }).returning({ id: organizations.id });
    if (!org) throw new Error('demo organisation insert returned nothing');
    for (const role of ROLES) {
      await addUser(
        { orgId: org.id, actor: undefined, input: { email: DEMO_EMAILS[role], name: `Demo ${ROLE_LABELS[role]}`, role, password, mustChangePassword: true } },
        { db: tx },
      );
    }
    return { orgId: org.id, emails: { ...DEMO_EMAILS }, password };
  });
}
