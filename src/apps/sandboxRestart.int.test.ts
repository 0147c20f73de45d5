import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findCrmConnection, upsertCrmConnection } from '../adapters/db/repositories/crmConnections';
import { createSecretBox } from '../adapters/crypto/secretBox';
import type { Actor } from '../domain/permissions/policy';
import { createTestOrg } from '../test/createTestOrg';
import { prepareMigratedPgliteDataDir } from '../test/databases';
import { connectSalesforceThroughOAuth } from '../test/sandboxSalesforce';
import { RecordingJobQueue } from '../test/testApp';
import { connectSandboxChannel } from '../usecases/adSyncs/connectChannel';
import { listAdAccounts } from '../usecases/adSyncs/listAdAccounts';
import { completeCrmOAuth } from '../usecases/integrations/completeCrmOAuth';
import { listCrmSources } from '../usecases/integrations/listCrmSources';
import { startCrmConnection } from '../usecases/integrations/startCrmConnection';
import { onEmulatorOrigin } from '../usecases/integrations/reattachSandboxConnections';
import { startMapConnection } from '../usecases/mapIntegrations/startMapConnection';
import { listTargetFields } from '../usecases/publishing/enrichment/listTargetFields';
import { testConfig } from './config';
import { startOpenabm, type RunningOpenabm } from './runtime';
import { readSandboxPorts } from './sandboxEmulators';

/**
 * `npm start` twice on one data directory (sandbox mode): the emulators come back where the saved sandbox connections
 * look for them, or those connections are re-pointed when a port was taken meanwhile, and the emulators (which forgot
 * every token they issued) accept them again. A connection to a real provider is left as it was.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'openabm-sandbox-restart-'));
const config = testConfig({ dataDir, port: 0, publicUrl: 'http://127.0.0.1:0', isSandbox: true });

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

function listenOn(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** The Dynamics emulator consents at once: its authorization URL redirects straight back with the code. */
async function connectSandboxDynamics(deps: RunningOpenabm['deps'] & { jobs: RecordingJobQueue }, actor: Actor): Promise<void> {
  const { authorizationUrl } = await startCrmConnection(
    { orgId: actor.orgId, actor, input: { provider: 'dynamics', environment: 'emulator', resourceUrl: deps.sandboxUrls.dynamics, credentialPolicy: 'never_expire' } },
    deps,
  );
  const location = (await fetch(authorizationUrl, { redirect: 'manual' })).headers.get('location');
  if (!location) throw new Error('the Dynamics emulator did not redirect back');
  const back = new URL(location);
  await completeCrmOAuth({ input: { state: back.searchParams.get('state') ?? '', code: back.searchParams.get('code') ?? undefined, error: back.searchParams.get('error') ?? undefined } }, deps);
}

describe('restarting openabm in sandbox mode', () => {
  it('keeps the saved sandbox connections working: same ports when free, re-pointed when taken, a real connection untouched', { timeout: 300_000 }, async () => {
    // The first start's PGlite folder made from the migrated template: restarting is the subject, not migrating.
    await prepareMigratedPgliteDataDir(dataDir);
    const first = await startOpenabm({ config, isSeedingDemo: false });
    let orgId: string;
    let admin: Actor;
    let marketer: Actor;
    let realOrgId: string;
    const firstUrls = { ...first.deps.sandboxUrls };
    try {
      const org = await createTestOrg(first.deps.database);
      orgId = org.orgId;
      admin = { orgId, userId: org.userIds.primary_admin, role: 'primary_admin', kind: 'user' };
      marketer = { orgId, userId: org.userIds.marketing_user, role: 'marketing_user', kind: 'user' };
      // No CRM data sync in the background: only the connections matter here.
      const deps = { ...first.deps, jobs: new RecordingJobQueue() };
      await connectSalesforceThroughOAuth(deps, admin);
      await connectSandboxDynamics(deps, admin);
      await connectSandboxChannel({ orgId, actor: marketer, input: { channel: 'meta' } }, deps);
      await startMapConnection({ orgId, actor: admin, input: { provider: 'marketo', environment: 'emulator', credentialPolicy: 'never_expire' } }, deps);
      // Before the restart, each answers.
      expect((await listCrmSources({ orgId, actor: admin, input: { provider: 'salesforce' } }, deps)).items.length).toBeGreaterThan(0);

      // Another organisation's Dynamics connection to a real host (a custom environment).
      const real = await createTestOrg(first.deps.database);
      realOrgId = real.orgId;
      const box = createSecretBox(config.secretKey ?? '');
      await upsertCrmConnection(first.deps.db, realOrgId, 'dynamics', {
        status: 'connected', environment: 'custom', loginUrl: 'https://login.microsoftonline.com/contoso.example', resourceUrl: 'https://contoso.crm.dynamics.com',
        instanceUrl: 'https://contoso.crm.dynamics.com', clientId: 'real-client', clientSecretSealed: box.seal('real-secret'), accessTokenSealed: box.seal('real-access'),
        refreshTokenSealed: box.seal('real-refresh'), credentialPolicy: 'never_expire', credentialsSetAt: new Date(), dailyApiAllowance: 1000,
      });
    } finally {
      await first.close();
    }
    expect(readSandboxPorts(dataDir).salesforce).toBe(Number(new URL(firstUrls.salesforce ?? '').port));

    // Meanwhile another program took the Salesforce emulator's port.
    const squatter = await listenOn(Number(new URL(firstUrls.salesforce ?? '').port));
    const second = await startOpenabm({ config, isSeedingDemo: false });
    try {
      const urls = second.deps.sandboxUrls;
      expect(urls.meta).toBe(firstUrls.meta);
      expect(urls.marketo).toBe(firstUrls.marketo);
      expect(urls.salesforce).not.toBe(firstUrls.salesforce);
      const deps = { ...second.deps, jobs: new RecordingJobQueue() };
      const salesforce = await findCrmConnection(second.deps.db, orgId, 'salesforce');
      expect({ instanceUrl: salesforce?.instanceUrl, loginUrl: salesforce?.loginUrl }).toEqual({ instanceUrl: urls.salesforce, loginUrl: urls.salesforce });

      expect((await listCrmSources({ orgId, actor: admin, input: { provider: 'salesforce' } }, deps)).items.length).toBeGreaterThan(0);
      expect((await listCrmSources({ orgId, actor: admin, input: { provider: 'dynamics' } }, deps)).items.length).toBeGreaterThan(0);
      expect((await listAdAccounts({ orgId, actor: marketer, input: { channel: 'meta' } }, deps)).items.length).toBeGreaterThan(0);
      expect((await listTargetFields({ orgId, actor: admin, input: { system: 'marketo', object: undefined } }, deps)).fields.length).toBeGreaterThan(0);
      expect((await findCrmConnection(second.deps.db, orgId, 'salesforce'))?.status).toBe('connected');

      const real = await findCrmConnection(second.deps.db, realOrgId, 'dynamics');
      expect({ loginUrl: real?.loginUrl, instanceUrl: real?.instanceUrl, resourceUrl: real?.resourceUrl, clientId: real?.clientId }).toEqual({
        loginUrl: 'https://login.microsoftonline.com/contoso.example', instanceUrl: 'https://contoso.crm.dynamics.com', resourceUrl: 'https://contoso.crm.dynamics.com', clientId: 'real-client',
      });
      expect(createSecretBox(config.secretKey ?? '').open(real?.refreshTokenSealed ?? '')).toBe('real-refresh');
    } finally {
      await second.close();
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});

describe('onEmulatorOrigin', () => {
  it.each([
    ['http://127.0.0.1:40123', 'http://127.0.0.1:40123'.replace('40123', '5001')],
    ['http://127.0.0.1:40123/', 'http://127.0.0.1:5001/'],
    ['http://127.0.0.1:40123/9f0c-tenant', 'http://127.0.0.1:5001/9f0c-tenant'],
    ['http://localhost:40123/v21.0', 'http://127.0.0.1:5001/v21.0'],
    ['https://acme.my.salesforce.com', 'https://acme.my.salesforce.com'],
    ['http://crm.internal.example:8080', 'http://crm.internal.example:8080'],
    ['not a url', 'not a url'],
  ])('%s → %s', (stored, expected) => {
    expect(onEmulatorOrigin(stored, 'http://127.0.0.1:5001')).toBe(expected);
  });
});
