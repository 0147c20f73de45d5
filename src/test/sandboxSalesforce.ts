import { crmConnectors } from '../adapters/connectors/registry';
import { createSalesforceConnector } from '../adapters/connectors/salesforce/index';
import type { Db } from '../adapters/db/database';
import { testConfig } from '../apps/config';
import type { Actor } from '../domain/permissions/policy';
import { fixedClock } from '../ports/clock';
import { completeCrmOAuth } from '../usecases/integrations/completeCrmOAuth';
import type { IntegrationDeps } from '../usecases/integrations/integrationDeps';
import { startCrmConnection } from '../usecases/integrations/startCrmConnection';

/** Test wiring for the integration use cases against a running Salesforce emulator (tests only). */
export interface SandboxDeps extends IntegrationDeps {
  readonly clock: ReturnType<typeof fixedClock>;
  readonly sleeps: number[];
}

export function sandboxDeps(db: Db, emulator: { baseUrl: string; credentials: { clientId: string; clientSecret: string } }, start = new Date()): SandboxDeps {
  const sleeps: number[] = [];
  return {
    db,
    clock: fixedClock(start),
    config: testConfig(),
    sandboxUrls: { salesforce: emulator.baseUrl },
    sandboxCredentials: { salesforce: { clientId: emulator.credentials.clientId, clientSecret: emulator.credentials.clientSecret } },
    connectors: { ...crmConnectors, salesforce: createSalesforceConnector({ requestTimeoutMs: 10_000 }) },
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  };
}

export function adminActor(orgId: string, userId: string): Actor {
  return { orgId, userId, role: 'primary_admin', kind: 'user' };
}

/**
 * The browser's part of the OAuth dance: open the authorization URL, press Allow on the emulator's consent page,
 * and hand the redirect's code and state to the callback use case.
 */
export async function connectSalesforceThroughOAuth(
  deps: IntegrationDeps,
  actor: Actor,
  options: { credentialPolicy?: 'never_expire' | 'expire_every_90_days'; dailyApiAllowance?: number } = {},
) {
  const { authorizationUrl } = await startCrmConnection(
    {
      orgId: actor.orgId,
      actor,
      input: { provider: 'salesforce', environment: 'emulator', credentialPolicy: options.credentialPolicy ?? 'never_expire', ...(options.dailyApiAllowance === undefined ? {} : { dailyApiAllowance: options.dailyApiAllowance }) },
    },
    deps,
  );
  const consent = await fetch(authorizationUrl, { redirect: 'manual' });
  let location = consent.headers.get('location');
  if (!location) {
    const html = await consent.text();
    const form = new URLSearchParams({ decision: 'allow' });
    for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      form.set(match[1] ?? '', (match[2] ?? '').replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code))));
    }
    const allowed = await fetch(new URL('/services/oauth2/authorize', authorizationUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      redirect: 'manual',
    });
    location = allowed.headers.get('location');
  }
  if (!location) throw new Error('the emulator did not redirect back');
  const back = new URL(location);
  return completeCrmOAuth(
    { input: { state: back.searchParams.get('state') ?? '', code: back.searchParams.get('code') ?? undefined, error: back.searchParams.get('error') ?? undefined } },
    deps,
  );
}
