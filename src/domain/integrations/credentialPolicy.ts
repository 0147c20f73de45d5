/**
 * Salesforce lets an org choose "Never Expire" or "Expire every 90 days" for passwords (system-notifications.txt);
 * we record the choice when connecting and predict the expiry from the day the credentials were entered.
 */
export const CREDENTIAL_POLICIES = ['never_expire', 'expire_every_90_days'] as const;
export type CredentialPolicy = (typeof CREDENTIAL_POLICIES)[number];

export const CREDENTIAL_POLICY_LABELS: Readonly<Record<CredentialPolicy, string>> = {
  never_expire: 'Never Expire',
  expire_every_90_days: 'Expire every 90 days',
};

const DAY_MS = 86_400_000;
export const CREDENTIAL_LIFETIME_DAYS = 90;
/** Warn this many days before the predicted expiry. */
export const CREDENTIAL_WARNING_DAYS = 14;

export function predictCredentialExpiry(policy: CredentialPolicy, credentialsSetAt: Date): Date | undefined {
  if (policy === 'never_expire') return undefined;
  return new Date(credentialsSetAt.getTime() + CREDENTIAL_LIFETIME_DAYS * DAY_MS);
}

export type CredentialHealth = 'valid' | 'expiring' | 'expired';

export function credentialHealth(policy: CredentialPolicy, credentialsSetAt: Date, now: Date): CredentialHealth {
  const expiresAt = predictCredentialExpiry(policy, credentialsSetAt);
  if (!expiresAt) return 'valid';
  if (now.getTime() >= expiresAt.getTime()) return 'expired';
  if (expiresAt.getTime() - now.getTime() <= CREDENTIAL_WARNING_DAYS * DAY_MS) return 'expiring';
  return 'valid';
}
