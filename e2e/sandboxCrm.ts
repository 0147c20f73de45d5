import type { Page } from 'playwright-core';

/** Helpers of the browser tests that go through a CRM's OAuth round trip (integrations, segments from CRM sources). */

/** After a full-page return from a provider, the app is back (the harness already replaced one-time passwords). */
export async function waitForApp(page: Page): Promise<void> {
  await page.getByTestId('user-menu').waitFor();
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

/** Connects the sandbox Salesforce (Allow on the consent page) and waits for its first full sync, which connecting starts. */
export async function connectAndSyncSandboxSalesforce(page: Page): Promise<void> {
  await openIntegrations(page);
  await startConnectingSandboxSalesforce(page);
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL(/\/settings\/integrations\?connected=salesforce$/);
  await waitForApp(page);
  const card = page.getByTestId('connection-salesforce');
  await card.getByTestId('sync-state').filter({ hasText: /^Last sync completed/ }).waitFor({ timeout: 90_000 });
}
