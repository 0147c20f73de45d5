import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoCompanies } from '../src/adapters/demo/demoCompanies';
import { callApiAs } from './apiAs';
import { saveScreenshot, useOpenabmAndBrowser } from './harness';
import { openIntegrations, startConnectingSandboxSalesforce, waitForApp } from './sandboxCrm';

/**
 * Issue 14 in the browser: list-view segments named by their list view, running work shown as it runs (first CRM
 * sync, "Refresh now") without a reload, undoing a hand fix, filters by country name and sizes in order, and the
 * Dynamics views among the CRM lists of the filters.
 */
const e2e = useOpenabmAndBrowser();

/** The sandbox Salesforce emulator's address, as the integrations page offers it. */
async function salesforceEmulatorUrl(page: Page): Promise<string> {
  const { providers } = await callApiAs<{ providers: Array<{ provider: string; loginOptions: Array<{ environment: string; loginUrl: string | null }> }> }>(page, 'GET', '/api/integrations/crm');
  const emulatorUrl = providers.find((option) => option.provider === 'salesforce')?.loginOptions.find((option) => option.environment === 'emulator')?.loginUrl;
  if (!emulatorUrl) throw new Error('the sandbox offers no Salesforce emulator');
  return emulatorUrl;
}

/** Slows the sandbox Salesforce's data API (POST /__emulator/faults) so running work lasts long enough to be seen. */
async function slowSalesforce(emulatorUrl: string, requests: number, delayMs: number): Promise<void> {
  const response = await fetch(`${emulatorUrl}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fault: 'slow', delayMs, times: requests }) });
  expect(response.ok).toBe(true);
}

async function openCreateSegment(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments', exact: true }).click();
  await page.getByRole('link', { name: 'Create segment' }).first().click();
  await page.getByRole('heading', { name: 'Create a Segment', level: 1 }).waitFor();
}

const SIZE_ORDER = ['1-10', '11-50', '51-200', '201-500', '501-1000', '1001-5000', '5001-10000', '10001+'];

describe('live states and names', () => {
  it('shows the first CRM sync and "Refresh now" running without a reload, and names a list-view segment by its list view', async () => {
    const admin = await e2e.logInAs('primary_admin');
    await openIntegrations(admin);
    const emulatorUrl = await salesforceEmulatorUrl(admin);
    await slowSalesforce(emulatorUrl, 4, 1_500);
    await startConnectingSandboxSalesforce(admin);
    await admin.getByRole('button', { name: 'Allow' }).click();
    await admin.waitForURL(/\/settings\/integrations\?connected=salesforce$/);
    await waitForApp(admin);
    expect(await admin.getByTestId('connect-notice').textContent()).toContain('Its first full sync has started');
    const syncState = admin.getByTestId('connection-salesforce').getByTestId('sync-state');
    // Not "Not synced yet": the sync connecting queued is shown starting or running, then done, with no reload.
    await syncState.filter({ hasText: /^(First full sync starting…|Full sync running: [\d,]+ records so far)/ }).waitFor();
    await saveScreenshot(admin, 'ux-first-sync-running');
    await syncState.filter({ hasText: /^Last sync completed/ }).waitFor({ timeout: 90_000 });

    // One page at a time (newPage closes the others): the administrator's part is done.
    const page = await e2e.logInAs('marketing_user');
    await openCreateSegment(page);
    await page.getByRole('radio', { name: 'Use a CRM Account List' }).click();
    await page.getByRole('radio', { name: 'Customers' }).check();
    await page.getByLabel('Segment name').fill('Direct and channel customers');
    await page.getByRole('button', { name: 'Create segment' }).click();
    await page.waitForURL(/\/segments\/[0-9a-f-]+\/confirmation$/, { timeout: 120_000 });
    const segmentId = /\/segments\/([0-9a-f-]+)\/confirmation$/.exec(page.url())?.[1] ?? '';
    const { segment } = await callApiAs<{ segment: { source: { sourceName: string | null; sourceId: string } } }>(page, 'GET', `/api/segments/${segmentId}`);
    expect(segment.source.sourceName).toBe('Customers');
    expect(segment.source.sourceId).toMatch(/^00B/);

    await page.getByRole('link', { name: 'Open segment' }).click();
    await page.getByRole('heading', { name: 'Direct and channel customers', level: 1 }).waitFor();
    const header = page.getByText('CRM Account List · Customers');
    await header.waitFor();
    expect(await header.textContent()).not.toContain(segment.source.sourceId);
    await page.getByRole('tab', { name: 'Source and filters' }).click();
    await page.getByText(segment.source.sourceId, { exact: true }).waitFor();
    expect(await page.getByText('Customers', { exact: true }).count()).toBeGreaterThan(0);

    // "Refresh now" while Salesforce answers slowly: the badge shows the work, then "Up to date", with no reload.
    await slowSalesforce(emulatorUrl, 2, 3_000);
    const badge = page.getByTestId('segment-status');
    expect(await badge.textContent()).toBe('Up to date');
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await badge.filter({ hasText: /^(Refresh queued|Refreshing)$/ }).waitFor();
    await saveScreenshot(page, 'ux-refresh-running');
    await badge.filter({ hasText: /^Up to date$/ }).waitFor({ timeout: 60_000 });

    // The list names the source too.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments', exact: true }).click();
    const row = page.getByRole('table', { name: 'Segments' }).getByRole('row').filter({ hasText: 'Direct and channel customers' });
    expect(await row.textContent()).toContain('CRM Account List · Customers');
  });
});

describe('hand fixes', () => {
  it('undoes a match fixed by hand, and the history shows who fixed and undid it', async () => {
    const page = await e2e.logInAs('marketing_user');
    const [company] = generateDemoCompanies(1);
    if (!company) throw new Error('the demo company generator returned nothing');
    const csv = ['Account Name,Website,Country', `"${company.name}","${company.domain}","${company.country}"`, '"Zzyzx Qwertyuiop Holdings","",""'].join('\n');
    const { upload } = await callApiAs<{ upload: { id: string } }>(page, 'POST', '/api/segment-uploads', { fileName: 'undo.csv', contentBase64: Buffer.from(csv).toString('base64') });
    const { segment } = await callApiAs<{ segment: { id: string } }>(page, 'POST', '/api/segments', { name: 'Undo a fix', source: { type: 'upload', uploadId: upload.id } });
    const found = await callApiAs<{ items: Array<{ companyId: string }> }>(page, 'GET', `/api/accounts?search=${encodeURIComponent('Birch Investments')}&pageSize=1`);
    const birch = found.items[0];
    if (!birch) throw new Error('no Birch Investments in the demo company database');
    const confirmation = await callApiAs<{ unmatched: { items: Array<{ rowNumber: number; name: string | null }> } }>(page, 'GET', `/api/segments/${segment.id}/confirmation`);
    const unknownRow = confirmation.unmatched.items.find((item) => item.name === 'Zzyzx Qwertyuiop Holdings')?.rowNumber;
    if (unknownRow === undefined) throw new Error('the unknown holding was matched');
    await callApiAs(page, 'POST', `/api/segments/${segment.id}/rows/${unknownRow}/match`, { companyId: birch.companyId });

    await page.goto(`${e2e.openabm.url}/segments/${segment.id}/confirmation`);
    const fixed = page.getByRole('table', { name: 'Fixed matches' });
    await fixed.waitFor();
    expect(await page.getByTestId('count-unmatched').textContent()).toBe('0');
    await fixed.getByRole('button', { name: `Undo the fix of row ${unknownRow}` }).click();
    await page.getByRole('dialog', { name: 'Undo the hand fix' }).getByRole('button', { name: 'Undo fix' }).click();
    await fixed.waitFor({ state: 'detached' });
    expect(await page.getByTestId('count-unmatched').textContent()).toBe('1');
    await page.getByRole('table', { name: 'Unmatched Accounts' }).getByRole('button', { name: `Fix row ${unknownRow}` }).waitFor();

    await page.getByRole('link', { name: 'Open segment' }).click();
    await page.getByRole('tab', { name: 'Refresh history' }).click();
    const entries = page.getByTestId('refresh-entry');
    await entries.first().waitFor();
    const texts = await entries.allTextContents();
    expect(texts[0]).toContain('Match fixed by hand');
    expect(texts[0]).toContain(`Row ${unknownRow}: hand fix undone`);
    expect(texts[1]).toContain(`Row ${unknownRow} matched to Birch Investments`);
    expect(texts[1]).toMatch(/· by \S/);
    expect(texts.join(' ')).not.toContain('Filters changed');
    await saveScreenshot(page, 'ux-hand-fix-history');
  });
});

describe('filters', () => {
  it('finds a country by its name, lists sizes in order, and offers the Dynamics views among the CRM lists', async () => {
    const admin = await e2e.logInAs('primary_admin');
    await openIntegrations(admin);
    await admin.getByRole('button', { name: 'Connect Microsoft Dynamics 365' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Connect Microsoft Dynamics 365' });
    await dialog.getByRole('radio', { name: 'Sandbox (emulator)' }).check();
    expect(await dialog.textContent()).not.toContain('My Domain');
    await dialog.getByRole('button', { name: 'Continue to Microsoft Dynamics 365' }).click();
    await admin.waitForURL(/\/settings\/integrations\?connected=dynamics$/);

    const page = await e2e.logInAs('marketing_user');
    await openCreateSegment(page);
    await page.getByRole('radio', { name: 'Use filters' }).click();
    const filters = page.getByRole('region', { name: 'Filters' });
    await filters.getByRole('button', { name: 'Add condition' }).click();
    await filters.getByRole('combobox', { name: 'Filter condition 1: field' }).click();
    await page.getByRole('option', { name: 'Country', exact: true }).click();
    const countries = filters.getByLabel('Filter condition 1: values', { exact: true });
    await countries.click();
    await countries.fill('Germ');
    await page.getByRole('option', { name: 'Germany (DE)' }).click();
    await page.keyboard.press('Escape');

    await filters.getByRole('button', { name: 'Add condition' }).click();
    await filters.getByRole('combobox', { name: 'Filter condition 2: field' }).click();
    await page.getByRole('option', { name: 'Employee Range', exact: true }).click();
    await filters.getByLabel('Filter condition 2: values', { exact: true }).click();
    await page.getByRole('option', { name: '10001+' }).waitFor();
    expect(await page.getByRole('listbox').getByRole('option').allTextContents()).toEqual(SIZE_ORDER);
    await page.getByRole('option', { name: '1-10', exact: true }).click();
    await page.keyboard.press('Escape');
    const liveCount = page.locator('[data-testid="live-count"][data-settled="true"]');
    await liveCount.waitFor();
    expect(Number((await liveCount.textContent())?.replaceAll(',', ''))).toBeGreaterThan(0);

    await filters.getByRole('button', { name: 'Add condition' }).click();
    await filters.getByRole('combobox', { name: 'Filter condition 3: field' }).click();
    await page.getByRole('option', { name: 'Accounts in a CRM list or report' }).click();
    await filters.getByRole('combobox', { name: 'Filter condition 3: list or report' }).click();
    await page.getByRole('option', { name: /^Dynamics 365 View: / }).first().waitFor();
    expect(await page.getByRole('option', { name: /^Salesforce Account List: Customers$/ }).count()).toBe(1);
    await saveScreenshot(page, 'ux-filters');
  });
});
