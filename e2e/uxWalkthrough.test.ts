import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { callApiAs } from './apiAs';
import { useOpenabmAndBrowser } from './harness';

/**
 * What a new marketing-ops user met walking through the sandbox: two navigation items lit at once, dialogs whose
 * close button had no name, an account "in no segment" while it was in one, and Settings > Privacy offered to roles
 * that may not read it. (The Orchestrations systems by their product names: sandboxFirstSteps.test.ts, once one is connected.)
 */
const e2e = useOpenabmAndBrowser();

/** The navigation items marked as the current page. */
async function currentNavItems(page: Page): Promise<string[]> {
  return page.getByRole('navigation', { name: 'Main' }).evaluate((nav) => [...nav.querySelectorAll('[aria-current="page"]')].map((item) => item.textContent ?? ''));
}

describe('walking through the sandbox as a new user', () => {
  it('marks one navigation item as the current page, the most specific one', async () => {
    const page = await e2e.logInAs('marketing_user');
    const expected: ReadonlyArray<readonly [string, string]> = [
      ['/advertising', 'Overview'],
      ['/advertising/segment-syncs', 'Segment Syncs'],
      ['/advertising/segment-syncs/new', 'Segment Syncs'],
      ['/conversational-email', 'Campaigns'],
      ['/conversational-email/reviews', 'Human review'],
      ['/conversational-email/settings', 'Email settings'],
    ];
    for (const [path, item] of expected) {
      await page.goto(`${e2e.openabm.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect({ path, current: await currentNavItems(page) }).toEqual({ path, current: [item] });
    }
  });

  it('offers Settings > Privacy only to the roles its requests are open to', async () => {
    const marketer = await e2e.logInAs('marketing_user');
    const navigation = marketer.getByRole('navigation', { name: 'Main' });
    await navigation.getByRole('link', { name: 'Integrations' }).waitFor();
    expect(await navigation.getByRole('link', { name: 'Privacy' }).count()).toBe(0);
    const admin = await e2e.logInAs('abm_admin');
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Privacy' }).click();
    await admin.getByRole('heading', { name: 'Privacy opt-out requests', level: 1 }).waitFor();
    await admin.getByRole('region', { name: 'Record a request' }).waitFor();
    expect(await admin.getByText('Not available to your role').count()).toBe(0);
  });

  it('names the close button of dialogs', async () => {
    const page = await e2e.logInAs('marketing_user');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments', exact: true }).click();
    await page.getByRole('button', { name: 'New folder' }).click();
    const dialog = page.getByRole('dialog', { name: 'New folder' });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('says an account is in no segment published to Account Details, not in no segment', async () => {
    const page = await e2e.logInAs('marketing_user');
    const { items } = await callApiAs<{ items: Array<{ companyId: string; name: string }> }>(page, 'GET', '/api/accounts?page=1&pageSize=1');
    const account = items[0];
    if (account === undefined) throw new Error('the sandbox master database lists no account');
    await page.goto(`${e2e.openabm.url}/accounts/${encodeURIComponent(account.companyId)}`);
    await page.getByRole('heading', { name: account.name, level: 1 }).waitFor();
    const section = page.getByRole('region', { name: 'Account Appears In These Segments' });
    await section.getByText('This account is in no segment published to Account Details.', { exact: false }).waitFor();
    expect(await section.textContent()).not.toContain('in no segment yet');
  });
});
