import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoCompanies } from '../src/adapters/demo/demoCompanies';
import { saveScreenshot, useOpenabmAndBrowser } from './harness';

/**
 * Segment syncs in the browser: an admin sets the contracted sync limit in Settings > Advertising; a marketing user
 * connects sandbox LinkedIn, starts Create Sync from the segment's actions menu, runs the dry run (which warns about the
 * limit), creates a sync and sees it go syncing → synced; the admin toggles it off; after an injected permission error the dashboard's Status = Failed
 * filter lists it. The fault is injected through the running instance's emulator URL.
 */
const e2e = useOpenabmAndBrowser();
const baseUrl = () => e2e.openabm.url;

async function api<T>(page: Page, method: 'GET' | 'POST', url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async (request) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(request.url, {
        method: request.method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      if (!response.ok) throw new Error(`${request.method} ${request.url}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { method, url, body },
  );
}

async function connectLinkedIn(page: Page): Promise<void> {
  await page.goto(`${baseUrl()}/advertising`);
  const card = page.getByTestId('channel-linkedin');
  await card.getByRole('button', { name: 'Connect LinkedIn (sandbox)' }).click();
  await card.getByText('Connected', { exact: true }).waitFor();
}

async function pick(page: Page, label: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).first().click();
}

describe('segment syncs to LinkedIn', () => {
  it('sets the limit, connects, dry-runs from the segment, creates a sync that goes synced, is toggled off by an admin, and shows under Failed after a permission error', async () => {
    const settingsAdmin = await e2e.logInAs('primary_admin');
    await settingsAdmin.goto(`${baseUrl()}/settings/advertising`);
    const limitInput = settingsAdmin.getByRole('textbox', { name: 'Contracted segment syncs' });
    await limitInput.fill('-3');
    await settingsAdmin.getByText('Enter a whole number of syncs from 0 to 100,000, or leave the field empty for no limit.').waitFor();
    await limitInput.fill('1');
    await expect.poll(async () => settingsAdmin.getByTestId('limit-rule').textContent()).toContain('refuses new syncs while 1 are turned on');
    await settingsAdmin.getByRole('button', { name: 'Save settings' }).click();
    const confirmSave = settingsAdmin.getByRole('dialog', { name: 'Save advertising settings?' });
    await expect.poll(async () => confirmSave.textContent()).toContain('The contracted sync limit becomes 1.');
    await confirmSave.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(async () => settingsAdmin.getByTestId('sync-usage').textContent()).toBe('0 of 1 contracted segment syncs turned on.');

    const marketer = await e2e.logInAs('marketing_user');
    await connectLinkedIn(marketer);

    // A segment of demo master companies, built by the worker.
    const rows = generateDemoCompanies(30).map((company) => [company.name, company.domain, company.country]);
    const csv = ['Account Name,Website,Country', ...rows.map((row) => row.map((cell) => `"${cell}"`).join(','))].join('\n');
    const { upload } = await api<{ upload: { id: string } }>(marketer, 'POST', '/api/segment-uploads', { fileName: 'linkedin-icp.csv', contentBase64: Buffer.from(csv).toString('base64') });
    const { segment } = await api<{ segment: { id: string } }>(marketer, 'POST', '/api/segments', { name: 'LinkedIn ICP', source: { type: 'upload', uploadId: upload.id } });
    await expect.poll(async () => (await api<{ segment: { memberCount: number } }>(marketer, 'GET', `/api/segments/${segment.id}`)).segment.memberCount, { timeout: 60_000 }).toBeGreaterThan(0);

    // Create Sync from the segment itself: the segment comes preselected.
    await marketer.goto(`${baseUrl()}/segments/${segment.id}`);
    await marketer.getByRole('button', { name: 'More segment actions' }).click();
    await marketer.getByRole('menuitem', { name: 'Create Sync' }).click();
    await expect.poll(async () => marketer.getByRole('combobox', { name: 'Segment', exact: true }).inputValue()).toMatch(/^LinkedIn ICP/);
    await pick(marketer, 'Channel', 'LinkedIn');
    await pick(marketer, 'Ad account', /\(/);
    await marketer.getByRole('button', { name: 'Dry run' }).click();
    await expect.poll(async () => marketer.getByTestId('dry-run').textContent()).toMatch(/accounts would be sent\.[\s\S]*Expected match rate[\s\S]*This sync will use 1 of your organisation's 1 contracted segment syncs/);
    await marketer.getByRole('button', { name: 'Create Sync' }).click();
    await marketer.getByRole('heading', { name: /LinkedIn ICP → LinkedIn/ }).waitFor();
    await expect.poll(async () => marketer.getByTestId('sync-status').first().textContent(), { timeout: 90_000, interval: 1_000 }).toBe('Synced');
    await saveScreenshot(marketer, 'ad-sync-detail');

    // A new log-in closes the other pages and clears cookies: the admin logs in again.
    const admin = await e2e.logInAs('primary_admin');
    await connectLinkedIn(admin);
    await admin.goto(`${baseUrl()}/advertising/segment-syncs`);
    const row = admin.getByTestId('sync-row').filter({ hasText: 'LinkedIn ICP' });
    await row.getByRole('switch').click({ force: true });
    const dialog = admin.getByRole('dialog', { name: 'Toggle off this sync?' });
    await expect.poll(async () => dialog.textContent()).toContain('stays available on LinkedIn in a stale state');
    await dialog.getByRole('button', { name: 'Toggle off' }).click();
    await expect.poll(async () => row.getByTestId('sync-status').textContent()).toBe('Inactive');

    // LinkedIn now refuses the ad account's audiences: toggling on runs the sync, which fails with the permission alert.
    const linkedInUrl = e2e.openabm.deps.sandboxUrls.linkedin ?? '';
    const fault = await fetch(`${linkedInUrl}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fault: 'permission_denied', pathPrefix: '/rest/dmpSegments' }) });
    expect(fault.ok).toBe(true);
    await row.getByRole('switch').click({ force: true });
    await admin.getByRole('dialog', { name: 'Toggle on this sync?' }).getByRole('button', { name: 'Toggle on' }).click();
    await expect.poll(async () => row.getByTestId('sync-status').textContent(), { timeout: 90_000, interval: 1_000 }).toBe('Failed');

    // The filtered list's first read must have arrived before a re-read is made to fail (a failed first read shows the error alone).
    const filteredRead = admin.waitForResponse((response) => response.url().includes('/api/syncs?') && response.url().includes('status=failed') && response.ok());
    await pick(admin, 'Status', 'Failed');
    await filteredRead;
    await expect.poll(async () => admin.getByTestId('sync-row').count()).toBe(1);

    // The list re-reads every 5 s: a failed re-read says so above the rows it had, and the next good one clears it.
    const refusal = JSON.stringify({ code: 'unavailable', message: 'The server is restarting.' });
    await admin.route('**/api/syncs?**', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: refusal }));
    const failedRead = admin.getByRole('alert').filter({ hasText: 'The server is restarting.' });
    await expect.poll(async () => failedRead.count(), { timeout: 20_000 }).toBe(1);
    expect(await admin.getByTestId('sync-row').count()).toBe(1);
    await admin.unroute('**/api/syncs?**');
    await expect.poll(async () => failedRead.count(), { timeout: 20_000 }).toBe(0);
    await admin.getByRole('link', { name: 'LinkedIn ICP' }).click();
    await expect.poll(async () => admin.getByTestId('sync-alert').first().textContent()).toContain('Missing permission on the ad account');
  });
});
