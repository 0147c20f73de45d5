import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../src/apps/config';
import { startOpenabm, type RunningOpenabm } from '../src/apps/runtime';
import { raiseNotification } from '../src/usecases/notifications/raiseNotification';
import { assertWebBuilt, launchBrowser, logIn, newPage, saveScreenshot } from './harness';
import type { TestBrowser } from './harness';

// openabm started here rather than through startTestOpenabm: the test raises an alert through the running deps.
let running: RunningOpenabm;
let url: string;
let password: string;
let adminEmail: string;
let dataDir: string;
let browser: TestBrowser;
let customerSite: Server;
let customerSiteUrl: string;
let snippet = '';

const BROWSER_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

beforeAll(async () => {
  assertWebBuilt();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'openabm-e2e-notifications-'));
  running = await startOpenabm({ config: testConfig({ dataDir, port: 0 }), isSeedingDemo: true });
  if (!running.url || !running.demo) throw new Error('openabm started without a URL or the demo organisation');
  url = running.url;
  password = running.demo.password;
  adminEmail = running.demo.emails.primary_admin;
  // A customer's website on another origin, with the snippet Settings shows.
  customerSite = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html><head><title>Pricing</title>${snippet}</head><body><h1>Pricing</h1></body></html>`);
  });
  await new Promise<void>((resolve) => customerSite.listen(0, '127.0.0.1', resolve));
  customerSiteUrl = `http://127.0.0.1:${(customerSite.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (customerSite ? customerSite.close(() => resolve()) : resolve()));
  await running?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('web tag and notification centre', () => {
  it('counts a visit to a page carrying the tag in Settings > Web tag', async () => {
    const page = await newPage(browser);
    await logIn(page, url, adminEmail, password);
    await page.goto(`${url}/settings/web-tag`);
    snippet = ((await page.getByTestId('web-tag-snippet').textContent()) ?? '').trim();
    expect(snippet).toMatch(/^<script async src="http:\/\/127\.0\.0\.1:\d+\/t\/tag\.js" data-openabm-key="[\w-]+"><\/script>$/);
    expect(await page.getByTestId('visits-7d').textContent()).toBe('0');

    // The visitor: a normal browser (the collector drops headless and bot user agents).
    const visitor = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(visitor);
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
    await saveScreenshot(page, 'web-tag-health');
  });

  it('shows the sandbox mailbox to administrators only', async () => {
    const marketer = await newPage(browser);
    await logIn(marketer, url, running.demo?.emails.marketing_user ?? '', password);
    await marketer.goto(`${url}/settings/sandbox-mailbox`);
    await marketer.getByText('Not available to your role').waitFor();
    const nav = marketer.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Notifications' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Sandbox mailbox' }).count()).toBe(0);
    await marketer.close();
  });

  it('shows an alert in the notification centre with its unread count, and marks it read', async () => {
    const [org] = await running.deps.database.query<{ id: string }>(`SELECT id FROM organizations ORDER BY created_at LIMIT 1`);
    await raiseNotification(
      { orgId: org?.id ?? '', type: 'api_limit_reached', dedupeKey: 'e2e:api-limit', facts: { provider: 'salesforce', allowance: 15000 } },
      running.deps,
    );
    const page = await newPage(browser);
    await logIn(page, url, adminEmail, password);
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
