import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible, useOpenabmAndBrowser, waitForPageSettled } from './harness';

/**
 * Every page of web/src/routes.tsx, as an administrator in sandbox mode, scanned with axe-core in light and in dark
 * mode: no serious or critical WCAG 2.1 A/AA violation. Pages with an id in their path get a real object where the
 * sandbox has one (a segment, its company); otherwise an unknown id, which scans the page's "not found" state.
 * The skip link and keyboard reach are checked on the home page.
 */
const e2e = useOpenabmAndBrowser();
let page: Page;
const objectIds: Record<string, string> = { provider: 'salesforce' };

/** The paths of web/src/routes.tsx, read from its source so a new page is scanned without editing this test. */
function appRoutePaths(): string[] {
  const source = readFileSync(path.resolve(import.meta.dirname, '../web/src/routes.tsx'), 'utf8');
  return [...source.matchAll(/\{\s*path:\s*'([^']+)'/g)].map((match) => match[1] ?? '').filter((route) => route !== '');
}

/** Client-side navigation, as a click on a link does: no reload between pages. */
async function goTo(target: string): Promise<void> {
  await page.evaluate((url) => {
    window.history.pushState({}, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, target);
  await waitForPageSettled(page);
}

beforeAll(async () => {
  page = await e2e.logInAs('primary_admin');
  const ids = await page.evaluate(async () => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
    const post = async (url: string, body: unknown) => {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
      return response.json();
    };
    const segment = (await post('/api/segments', { name: 'Software in GB', source: { type: 'filters' }, filter: { kind: 'company_profile', field: 'country', operation: { op: 'in', values: ['GB'] } } })) as { segment: { id: string } };
    const members = (await (await fetch(`/api/segments/${segment.segment.id}/members?pageSize=1`)).json()) as { items: Array<{ companyId: string }> };
    return { segmentId: segment.segment.id, companyId: members.items[0]?.companyId ?? '' };
  });
  Object.assign(objectIds, ids);
});

describe('accessibility', () => {
  it('offers a skip link as the first stop of the keyboard that moves focus to the page', async () => {
    await page.goto(`${e2e.openabm.url}/home`);
    await waitForPageSettled(page);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect.poll(() => skip.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main-content');
  });

  it.each(['light', 'dark'] as const)('finds no serious or critical axe-core violation on any page in %s mode', async (colorScheme) => {
    await page.emulateMedia({ colorScheme });
    await page.goto(`${e2e.openabm.url}/home`);
    await waitForPageSettled(page);
    await expect.poll(() => page.locator('html').getAttribute('data-mantine-color-scheme')).toBe(colorScheme);
    const failures: string[] = [];
    const routes = appRoutePaths();
    expect(routes.length).toBeGreaterThan(20);
    for (const route of routes) {
      const target = route.replace(/:([A-Za-z]+)/g, (_: string, name: string) => encodeURIComponent(objectIds[name] || randomUUID()));
      await goTo(target);
      // Light mode runs every WCAG 2.1 A/AA rule; dark mode only the colour rules, the rest do not depend on the scheme.
      await expectAccessible(page, `${target} (${colorScheme})`, colorScheme === 'dark' ? { rules: ['color-contrast', 'link-in-text-block'] } : {}).catch((error: unknown) => failures.push(error instanceof Error ? error.message : String(error)));
    }
    expect(failures, failures.join('\n\n')).toEqual([]);
  });
});
