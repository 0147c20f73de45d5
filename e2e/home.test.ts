import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoCompanies } from '../src/adapters/demo/demoCompanies';
import { saveScreenshot, useOpenabmAndBrowser } from './harness';

/**
 * The home page (checklist, segments by size and freshness, match rates), segment insights, the bulk accept of
 * suggested matches on the confirmation page, and dark mode.
 */
// Start-up seeds 50,000 demo companies: allow for a loaded machine.
const e2e = useOpenabmAndBrowser({ hookTimeoutMs: 300_000 });

/** Set-up through the API as the page's logged-in user (session cookie + CSRF token). */
async function callApiAs<T>(page: Page, url: string, body: unknown): Promise<T> {
  return page.evaluate(
    async (request) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(request.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify(request.body) });
      if (!response.ok) throw new Error(`POST ${request.url}: ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    { url, body },
  );
}

const countOf = async (page: Page, testId: string) => Number((await page.getByTestId(testId).textContent())?.replaceAll(',', ''));

let segmentCreated: Promise<string> | undefined;

/**
 * The segment the tests read, created once through the API: five rows that match demo companies as they are, and four
 * the matching engine leaves unmatched: a wrong country and a suffix (weak fit, 80% and 52%), a name alone that
 * several companies fit equally (95%: never accepted in bulk), and a name no company has.
 */
function tradeShowSegment(): Promise<string> {
  segmentCreated ??= (async () => {
    const companies = generateDemoCompanies(15);
    const company = (i: number) => companies[i] ?? { name: '', domain: '', country: '' };
    const elsewhere = (country: string) => (country === 'US' ? 'DE' : 'US');
    const rows = [
      ...companies.slice(10, 15).map((c) => [c.name, c.domain, c.country]),
      [`${company(5).name} Group`, '', elsewhere(company(5).country)],
      [`${company(4).name} Group`, '', elsewhere(company(4).country)],
      [company(1).name.split(' ')[0] ?? '', '', company(1).country],
      ['Zzyzx Qwertyuiop Holdings', '', ''],
    ];
    const csv = ['Account Name,Website,Country', ...rows.map((row) => row.map((cell) => `"${cell}"`).join(','))].join('\n');
    const page = await e2e.logInAs('marketing_user');
    const { upload } = await callApiAs<{ upload: { id: string } }>(page, '/api/segment-uploads', { fileName: 'home.csv', contentBase64: Buffer.from(csv).toString('base64') });
    const { segment } = await callApiAs<{ segment: { id: string } }>(page, '/api/segments', { name: 'Trade show leads', source: { type: 'upload', uploadId: upload.id } });
    await page.close();
    return segment.id;
  })();
  return segmentCreated;
}

describe('the home page', () => {
  it('lands on the checklist and draws the segments and match-rate charts from the data', async () => {
    await tradeShowSegment();
    const page = await e2e.logInAs('primary_admin');
    await page.waitForURL(/\/home$/);
    await page.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
    expect(await page.getByTestId('checklist-step-2').getAttribute('data-done')).toBe('true');
    expect(await page.getByTestId('checklist-step-3').getAttribute('data-done')).toBe('false');
    // Recharts drew one bar for the segment and a line through its match rate.
    await page.getByTestId('home-segments-chart').locator('.recharts-bar-rectangle path').first().waitFor();
    await page.getByTestId('home-match-rate-chart').locator('.recharts-line-dot, path.recharts-line-curve').first().waitFor();
    await page.getByTestId('home-freshness-chart').locator('.recharts-pie-sector').first().waitFor();
    expect(await page.getByTestId('home-match-rate-chart').getAttribute('aria-label')).toBe('Line chart of match rates: Trade show leads 55.6%');
    await page.getByRole('table', { name: 'Largest segments' }).getByRole('link', { name: 'Trade show leads' }).click();
    await page.getByRole('heading', { name: 'Trade show leads', level: 1 }).waitFor();
    await saveScreenshot(page, 'home');
  });
});

describe('suggested matches and insights', () => {
  it('groups unmatched rows by reason and accepts the suggestions scoring at least the chosen score', async () => {
    const segmentId = await tradeShowSegment();
    const viewer = await e2e.logInAs('view_only');
    await viewer.goto(`${e2e.openabm.url}/segments/${segmentId}/confirmation`);
    await viewer.getByRole('table', { name: 'Unmatched Accounts' }).getByRole('row').nth(4).waitFor();
    expect(await viewer.getByTestId('bulk-accept').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /^Fix row / }).count()).toBe(0);

    const page = await e2e.logInAs('marketing_user');
    await page.goto(`${e2e.openabm.url}/segments/${segmentId}/confirmation`);
    const table = page.getByRole('table', { name: 'Unmatched Accounts' });
    await table.getByRole('row').nth(4).waitFor();
    expect(await countOf(page, 'count-unmatched')).toBe(4);
    await page.getByTestId('unmatched-reasons').getByText('Weak fit (2)').click();
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    await page.getByTestId('unmatched-reasons').getByText(/^All reasons/).click();
    await expect.poll(() => table.getByRole('row').count()).toBe(5);

    // The row several companies fit equally (95%) is no suggestion to accept in bulk: the user picks one of them.
    const panel = page.getByTestId('bulk-accept');
    await panel.getByRole('button', { name: 'No suggestion to accept' }).waitFor();
    await panel.getByLabel('Accept suggestions scoring at least').fill('75');
    await panel.getByRole('button', { name: 'Accept 1 suggested match' }).click();
    await expect.poll(() => countOf(page, 'count-unmatched')).toBe(3);
    expect(await countOf(page, 'count-members')).toBe(6);
    await expect.poll(() => table.getByRole('row').count()).toBe(4);
    await table.getByText(/companies .*fit equally well/).first().waitFor();
    await saveScreenshot(page, 'confirmation-bulk-accept');

    // The segment's Insights tab: make-up charts and the membership over its two builds.
    await page.getByRole('link', { name: 'Open segment' }).click();
    await page.getByRole('tab', { name: 'Insights' }).click();
    await page.getByTestId('insights-industry-chart').locator('.recharts-bar-rectangle path').first().waitFor();
    await page.getByTestId('insights-country-chart').locator('.recharts-pie-sector').first().waitFor();
    await page.getByTestId('insights-membership-chart').locator('.recharts-area-area').first().waitFor();
    expect(await page.getByTestId('insights-match-rate').textContent()).toBe('66.7%');
    await saveScreenshot(page, 'segment-insights');
  });
});

describe('dark mode', () => {
  it('follows the system setting until the user menu picks one, and keeps the pick after a reload', async () => {
    const page = await e2e.logInAs('marketing_user');
    const scheme = () => page.locator('html').getAttribute('data-mantine-color-scheme');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(scheme).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(scheme).toBe('light');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Dark' }).click();
    await expect.poll(scheme).toBe('dark');
    await page.reload();
    await page.getByTestId('user-menu').waitFor();
    await expect.poll(scheme).toBe('dark');
    await saveScreenshot(page, 'home-dark');

    await page.getByTestId('user-menu').click();
    await expect.poll(() => page.getByRole('menuitem', { name: /^Dark/ }).textContent()).toBe('Dark, selected');
    await page.getByRole('menuitem', { name: 'Match system' }).click();
    await expect.poll(scheme).toBe('light');
  });
});
