import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ROLE_LABELS } from '../src/contracts/permissions';
import type { Role } from '../src/contracts/permissions';
import { launchBrowser, logIn, newPage, saveScreenshot, startTestOpenabm } from './harness';
import type { OpenabmUnderTest, TestBrowser } from './harness';

let openabm: OpenabmUnderTest;
let browser: TestBrowser;

beforeAll(async () => {
  openabm = await startTestOpenabm();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await openabm?.close();
});

async function logInAs(role: Role): Promise<Page> {
  const page = await newPage(browser);
  await logIn(page, openabm.url, openabm.demo.emails[role], openabm.demo.password);
  return page;
}

describe('log-in', () => {
  it('shows the server’s error on a wrong password and stays on the log-in page', async () => {
    const page = await newPage(browser);
    await page.goto(`${openabm.url}/segments`);
    await page.waitForURL(/\/login\?next=%2Fsegments$/);
    await page.getByLabel('E-mail').fill(openabm.demo.emails.primary_admin);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('The e-mail or password is incorrect.');
    await saveScreenshot(page, 'login-error');
    expect(await page.getByTestId('user-menu').count()).toBe(0);
  });
});

/** What each demo role must and must not see, from src/domain/permissions/policy.ts. */
const EXPECTED_CONTROLS: Record<Role, { canCreateSegment: boolean; canManageUsers: boolean }> = {
  primary_admin: { canCreateSegment: true, canManageUsers: true },
  abm_admin: { canCreateSegment: true, canManageUsers: true },
  marketing_user: { canCreateSegment: true, canManageUsers: false },
  view_only: { canCreateSegment: false, canManageUsers: false },
};

describe.each(Object.entries(EXPECTED_CONTROLS) as [Role, (typeof EXPECTED_CONTROLS)[Role]][])('as %s', (role, expected) => {
  it('shows the role in the user menu, the sandbox badge and the whole navigation', async () => {
    const page = await logInAs(role);
    await page.waitForURL(/\/segments$/);
    expect(await page.getByTestId('user-role').textContent()).toBe(ROLE_LABELS[role]);
    expect(await page.getByTestId('sandbox-badge').isVisible()).toBe(true);
    const navigation = page.getByRole('navigation', { name: 'Main' });
    for (const label of ['Segments', 'Accounts', 'Segment Syncs', 'Integrations', 'Published Segments', 'Notifications', 'Users']) {
      expect(await navigation.getByRole('link', { name: label, exact: true }).count(), label).toBe(1);
    }
    await saveScreenshot(page, `segments-${role}`);
  });

  it(expected.canCreateSegment ? 'offers Create segment' : 'offers no Create segment', async () => {
    const page = await logInAs(role);
    await page.getByRole('heading', { name: 'No segments yet' }).waitFor();
    expect(await page.getByRole('link', { name: 'Create segment' }).count()).toBe(expected.canCreateSegment ? 1 : 0);
  });

  it(expected.canManageUsers ? 'offers the user and API key controls' : 'lists users without any edit control', async () => {
    const page = await logInAs(role);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('table', { name: 'Users' }).waitFor();
    await page.getByTestId(`user-row-${openabm.demo.emails.view_only}`).waitFor();
    const counts = {
      addUser: await page.getByRole('button', { name: 'Add user' }).count(),
      roleSelects: await page.getByRole('combobox', { name: /^Role of / }).count(),
      deactivate: await page.getByRole('button', { name: /^Deactivate / }).count(),
      apiKeys: await page.getByRole('button', { name: 'Create API key' }).count(),
    };
    await saveScreenshot(page, `users-${role}`);
    if (expected.canManageUsers) {
      expect(counts.addUser).toBe(1);
      expect(counts.roleSelects).toBeGreaterThan(0);
      expect(counts.deactivate).toBeGreaterThan(0);
      expect(counts.apiKeys).toBe(1);
    } else {
      expect(counts).toEqual({ addUser: 0, roleSelects: 0, deactivate: 0, apiKeys: 0 });
    }
  });
});
