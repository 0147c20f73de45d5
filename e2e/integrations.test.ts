import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CRM_MESSAGES } from '../src/domain/crmSources/messages';
import { saveScreenshot, useOpenabmAndBrowser } from './harness';
import { openIntegrations, waitForApp, startConnectingSandboxSalesforce } from './sandboxCrm';

/**
 * Settings > Integrations against the sandbox's Salesforce emulator: the OAuth round trip through the emulator's
 * consent page, the status and counters, the first sync, and the list views and reports with their validity.
 */
const e2e = useOpenabmAndBrowser();

async function asAdmin(): Promise<Page> {
  const page = await e2e.logInAs('primary_admin');
  await openIntegrations(page);
  return page;
}

describe('Settings > Integrations as the demo administrator', () => {
  it('shows the provider’s refusal when access is denied on the consent page', async () => {
    const page = await asAdmin();
    await saveScreenshot(page, 'integrations-empty');
    await startConnectingSandboxSalesforce(page, () => saveScreenshot(page, 'integrations-connect-dialog'));
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL(/\/settings\/integrations\?error=/);
    await waitForApp(page);
    const notice = page.getByTestId('connect-notice');
    expect(await notice.textContent()).toContain('Salesforce did not grant access: end-user denied authorization.');
    // The cards load after the notice: wait for the status instead of counting before it is there.
    await page.getByTestId('connection-salesforce').getByText('Not connected').waitFor();
  });

  it('connects the sandbox Salesforce, syncs it, and lists its list views and reports with their validity', async () => {
    const page = await asAdmin();
    await startConnectingSandboxSalesforce(page, () => saveScreenshot(page, 'integrations-connect-dialog'));
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(/\/settings\/integrations\?connected=salesforce$/);
    await waitForApp(page);
    await page.getByText('Salesforce is connected').waitFor();
    const card = page.getByTestId('connection-salesforce');
    expect(await card.getByTestId('connection-status').textContent()).toBe('Connected');

    // The first full sync, which connecting starts (the card follows it), makes list views and reports usable.
    await expect.poll(() => card.getByTestId('sync-state').textContent(), { timeout: 60_000, interval: 500 }).toMatch(/^Last sync completed/);
    expect(await card.getByTestId('api-calls-today').textContent()).toMatch(/^[1-9][\d,]* of [\d,]+$/);
    await saveScreenshot(page, 'integrations-connected');

    await card.getByRole('link', { name: 'Browse sources' }).click();
    await page.getByRole('heading', { name: 'Salesforce sources', level: 1 }).waitFor();
    const listViews = page.getByRole('table', { name: 'List views' });
    await listViews.waitFor();
    await saveScreenshot(page, 'integrations-list-views');
    const emeaView = listViews.getByRole('row').filter({ hasText: 'EMEA Accounts' });
    expect(await emeaView.getByText('Usable', { exact: true }).count()).toBe(1);
    const legacyImport = listViews.getByRole('row').filter({ hasText: 'Legacy ERP Import (All Regions)' });
    expect(await legacyImport.getByTestId('source-problems').textContent()).toBe(CRM_MESSAGES.listViewTooLarge);
    const hiddenField = listViews.getByRole('row').filter({ hasText: 'Top Credit Rating' });
    expect(await hiddenField.getByText('Not usable').count()).toBe(1);
    expect(await hiddenField.getByTestId('source-problems').textContent()).toContain(CRM_MESSAGES.listViewFieldsNotPermitted);

    await page.getByRole('tab', { name: /Reports/ }).click();
    const reports = page.getByRole('table', { name: 'Reports' });
    await reports.waitFor();
    await saveScreenshot(page, 'integrations-reports');
    // The sandbox org is large: its account reports exceed 2,000 rows, its converted-leads report does not.
    const convertedLeads = reports.getByRole('row').filter({ hasText: 'Converted Leads' });
    expect(await convertedLeads.getByText('Usable', { exact: true }).count()).toBe(1);
    const allLeads = reports.getByRole('row').filter({ hasText: 'All Leads (Global)' });
    expect(await allLeads.getByTestId('source-problems').textContent()).toBe(CRM_MESSAGES.reportTooManyRecords);

    // A usable report previews its records; a broken one answers with its message.
    await convertedLeads.getByRole('button', { name: 'Preview Converted Leads' }).click();
    const preview = page.getByRole('dialog', { name: 'Preview: Converted Leads' });
    await preview.getByRole('table', { name: 'Records' }).waitFor();
    expect(await preview.getByRole('row').count()).toBeGreaterThan(1);
    await saveScreenshot(page, 'integrations-preview');
    await page.keyboard.press('Escape');
    await preview.waitFor({ state: 'hidden' });
    await allLeads.getByRole('button', { name: 'Preview All Leads (Global)' }).click();
    const broken = page.getByRole('dialog', { name: 'Preview: All Leads (Global)' });
    expect(await broken.getByTestId('preview-error').textContent()).toContain(CRM_MESSAGES.reportTooManyRecords);
  });

  it('connects the sandbox Dynamics 365 (the emulator consents at once) and lists its views', async () => {
    const page = await asAdmin();
    await page.getByRole('button', { name: 'Connect Microsoft Dynamics 365' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect Microsoft Dynamics 365' });
    await dialog.getByRole('radio', { name: 'Sandbox (emulator)' }).check();
    // The emulator is its own organisation URL, filled in for the user.
    expect(await dialog.getByLabel('Organisation URL').inputValue()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await dialog.getByRole('button', { name: 'Continue to Microsoft Dynamics 365' }).click();
    await page.waitForURL(/\/settings\/integrations\?connected=dynamics$/);
    await waitForApp(page);
    const card = page.getByTestId('connection-dynamics');
    expect(await card.getByTestId('connection-status').textContent()).toBe('Connected');
    await card.getByRole('link', { name: 'Browse sources' }).click();
    await page.getByRole('heading', { name: 'Microsoft Dynamics 365 sources', level: 1 }).waitFor();
    const systemViews = page.getByRole('table', { name: 'System views' });
    await systemViews.waitFor();
    expect(await systemViews.getByText('Usable', { exact: true }).count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'integrations-dynamics-views');
  });

  it('shows a view-only user the connection without any control that changes it', async () => {
    const page = await e2e.logInAs('view_only');
    await openIntegrations(page);
    const card = page.getByTestId('connection-salesforce');
    await card.getByTestId('connection-status').waitFor();
    for (const name of ['Sync now', 'Set API allowance', 'Disconnect', 'Reconnect', 'Connect Microsoft Dynamics 365']) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    expect(await card.getByRole('link', { name: 'Browse sources' }).count()).toBe(1);
    await saveScreenshot(page, 'integrations-view-only');
  });
});
