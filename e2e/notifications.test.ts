import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { raiseNotification } from '../src/usecases/notifications/raiseNotification';
import { saveScreenshot, useOpenabmAndBrowser } from './harness';

// The test raises an alert through the running instance's deps.
const e2e = useOpenabmAndBrowser();
let customerSite: Server;
let customerSiteUrl: string;
let snippet = '';

const BROWSER_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

beforeAll(async () => {
  // A customer's website on another origin, with the snippet Settings shows.
  customerSite = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html><head><title>Pricing</title>${snippet}</head><body><h1>Pricing</h1></body></html>`);
  });
  await new Promise<void>((resolve) => customerSite.listen(0, '127.0.0.1', resolve));
  customerSiteUrl = `http://127.0.0.1:${(customerSite.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (customerSite ? customerSite.close(() => resolve()) : resolve()));
});

describe('web tag and notification centre', () => {
  it('counts a visit to a page carrying the tag in Settings > Web tag', async () => {
    const page = await e2e.logInAs('primary_admin');
    await page.goto(`${e2e.openabm.url}/settings/web-tag`);
    snippet = ((await page.getByTestId('web-tag-snippet').textContent()) ?? '').trim();
    expect(snippet).toMatch(/^<script async src="http:\/\/127\.0\.0\.1:\d+\/t\/tag\.js" data-openabm-key="[\w-]+"><\/script>$/);
    expect(await page.getByTestId('visits-7d').textContent()).toBe('0');
    // Before any visit: what to do instead of a flat chart of zeros.
    expect(await page.getByTestId('web-tag-no-visits').textContent()).toContain('No visit recorded yet. Paste the snippet');
    expect(await page.getByRole('img', { name: 'Visits per day over the last 30 days' }).count()).toBe(0);

    // The visitor: a normal browser (the collector drops headless and bot user agents).
    const visitor = await e2e.browser.context.newPage();
    const cdp = await e2e.browser.context.newCDPSession(visitor);
    await cdp.send('Network.setUserAgentOverride', { userAgent: BROWSER_USER_AGENT });
    const beacon = visitor.waitForRequest((request) => request.url().endsWith('/t/collect') && request.method() === 'POST');
    await visitor.goto(`${customerSiteUrl}/pricing?campaign=spring`);
    expect(JSON.parse((await beacon).postData() ?? '{}')).toMatchObject({ u: `${customerSiteUrl}/pricing?campaign=spring` });
    await visitor.close();

    await expect
      .poll(
        async () => {
          await page.reload();
          return page.getByTestId('visits-7d').textContent();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe('1');
    expect(await page.getByTestId('pages-seen').textContent()).toBe('1');
    expect(await page.getByTestId('web-tag-no-visits').count()).toBe(0);
    // Whole visits on the chart's axis (no 0.25 of a visit).
    const chart = page.getByRole('img', { name: 'Visits per day over the last 30 days' });
    const ticks = (await chart.locator('text').allTextContents()).filter((label) => !/^\d{4}-\d\d-\d\d$/.test(label));
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.filter((tick) => !/^\d+$/.test(tick))).toEqual([]);
    await saveScreenshot(page, 'web-tag-health');
  });

  it('shows the sandbox mailbox to administrators only', async () => {
    const marketer = await e2e.logInAs('marketing_user');
    await marketer.goto(`${e2e.openabm.url}/settings/sandbox-mailbox`);
    await marketer.getByText('Not available to your role').waitFor();
    const nav = marketer.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Notifications' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Sandbox mailbox' }).count()).toBe(0);
    await marketer.close();
  });

  it('adds an outside recipient who confirms through the link of the e-mail in the sandbox mailbox', async () => {
    const page = await e2e.logInAs('abm_admin');
    await page.goto(`${e2e.openabm.url}/settings/notifications`);
    const card = page.getByRole('region', { name: 'API limits' });
    await card.getByLabel('Enter emails or distribution lists').fill('ops-list@partner.example');
    await card.getByRole('button', { name: 'Add Email' }).click();
    expect(await card.getByTestId('confirmation-sent').textContent()).toContain('A confirmation link was sent to ops-list@partner.example');
    await card.getByRole('listitem').filter({ hasText: 'ops-list@partner.example' }).getByText('Awaiting confirmation').waitFor();

    await page.goto(`${e2e.openabm.url}/settings/sandbox-mailbox`);
    await page.getByText('openabm: confirm that you want to receive “API limits” notifications').click();
    // The message's panel opens after the click (its text is in the page, hidden, before): wait until it is visible.
    const confirmLink = /http:\/\/\S+\/notifications\/confirm\?token=[\w-]+/;
    const message = page.getByText(confirmLink).first();
    await message.waitFor();
    const link = confirmLink.exec((await message.textContent()) ?? '')?.[0];
    expect(link).toBeDefined();
    await page.goto(link ?? '');
    await page.getByRole('button', { name: 'Confirm' }).click();
    expect(await page.getByTestId('recipient-confirmed').textContent()).toBe(
      'ops-list@partner.example is confirmed: it will receive openabm “API limits” notifications. You can close this page.',
    );
    await page.goto(`${e2e.openabm.url}/settings/notifications`);
    const row = page.getByRole('region', { name: 'API limits' }).getByRole('listitem').filter({ hasText: 'ops-list@partner.example' });
    await row.waitFor();
    expect(await row.getByText('Awaiting confirmation').count()).toBe(0);
  });

  it('shows an alert in the notification centre with its unread count, and marks it read', async () => {
    await raiseNotification(
      { orgId: e2e.openabm.demo.orgId, type: 'api_limit_reached', dedupeKey: 'e2e:api-limit', facts: { provider: 'salesforce', allowance: 15000 } },
      e2e.openabm.deps,
    );
    const page = await e2e.logInAs('primary_admin');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications: 1 unread');
    await bell.click();
    const item = page.getByRole('listitem').filter({ hasText: 'Daily API limit reached for Salesforce' });
    await item.waitFor();
    expect(await item.textContent()).toContain('Raise the daily API allowance in Settings > Integrations');
    await saveScreenshot(page, 'notification-centre');
    await item.click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sandbox mailbox' }).count()).toBe(1);
  });
});
