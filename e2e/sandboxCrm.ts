import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { testConfig } from '../src/apps/config';
import { startOpenabm } from '../src/apps/runtime';
import { assertWebBuilt } from './harness';
import type { OpenabmUnderTest } from './harness';

/**
 * Helpers of the browser tests that go through a CRM's OAuth round trip (integrations, segments from CRM sources).
 *
 * The OAuth redirect URI is built from config.publicUrl, which startTestOpenabm() leaves at port 0; the provider would
 * send the browser to http://127.0.0.1:0. So these tests pick a free port first and start openabm on it.
 */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startTestOpenabmWithPublicUrl(): Promise<OpenabmUnderTest> {
  assertWebBuilt();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'openabm-e2e-'));
  const port = await freePort();
  const running = await startOpenabm({ config: testConfig({ dataDir, port, publicUrl: `http://127.0.0.1:${port}` }), isSeedingDemo: true });
  if (running.url === undefined || running.demo === undefined) {
    await running.close();
    throw new Error('openabm started without a URL or without seeding the demo organisation');
  }
  return {
    url: running.url,
    demo: running.demo,
    close: async () => {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** After a full page load (e.g. back from the provider) the demo users' "change your one-time password" prompt opens again. */
export async function postponePasswordPrompt(page: Page): Promise<void> {
  await page.getByTestId('user-menu').waitFor();
  const prompt = page.getByRole('dialog', { name: 'Change your one-time password' });
  if (await prompt.isVisible()) {
    await prompt.getByRole('button', { name: 'Later' }).click();
    await prompt.waitFor({ state: 'hidden' });
  }
}

/** Opens Settings > Integrations through the navigation (no reload) and waits for the Salesforce card. */
export async function openIntegrations(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Integrations' }).click();
  await page.getByRole('heading', { name: 'Salesforce', level: 2 }).waitFor();
}

/** From Settings > Integrations: "Connect Salesforce" with "Sandbox (emulator)", up to the emulator's consent page. */
export async function startConnectingSandboxSalesforce(page: Page, onDialog?: () => Promise<void>): Promise<void> {
  await page.getByRole('button', { name: 'Connect Salesforce' }).click();
  const dialog = page.getByRole('dialog', { name: 'Connect Salesforce' });
  await dialog.getByRole('radio', { name: 'Sandbox (emulator)' }).check();
  await onDialog?.();
  await dialog.getByRole('button', { name: 'Continue to Salesforce' }).click();
  await page.getByRole('heading', { name: 'Allow Access?' }).waitFor();
}

/** Connects the sandbox Salesforce (Allow on the consent page) and runs its first full sync through "Sync now". */
export async function connectAndSyncSandboxSalesforce(page: Page): Promise<void> {
  await openIntegrations(page);
  await startConnectingSandboxSalesforce(page);
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL(/\/settings\/integrations\?connected=salesforce$/);
  await postponePasswordPrompt(page);
  const card = page.getByTestId('connection-salesforce');
  await card.getByRole('button', { name: 'Sync now' }).click();
  await card.getByTestId('sync-state').filter({ hasText: /^Last sync completed/ }).waitFor({ timeout: 90_000 });
}
