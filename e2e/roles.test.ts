import { describe, expect, it } from 'vitest';
import { ROLE_LABELS } from '../src/contracts/permissions';
import type { Role } from '../src/contracts/permissions';
import { newPage, saveScreenshot, useOpenabmAndBrowser } from './harness';

const e2e = useOpenabmAndBrowser();

describe('log-in', () => {
  it('shows the server’s error on a wrong password and stays on the log-in page', async () => {
    const page = await newPage(e2e.browser);
    await page.goto(`${e2e.openabm.url}/segments`);
    await page.waitForURL(/\/login\?next=%2Fsegments$/);
    await page.getByLabel('E-mail').fill(e2e.openabm.demo.emails.primary_admin);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toBe('The e-mail or password is incorrect.');
    await saveScreenshot(page, 'login-error');
    expect(await page.getByTestId('user-menu').count()).toBe(0);
  });
});

/**
 * What each demo role must and must not see, from src/domain/permissions/policy.ts. The Conversational Email lead
 * mailbox answers as the lead (ce.manage, like its route): it is in the navigation of the roles that may do that only.
 */
const EXPECTED_CONTROLS: Record<Role, { canCreateSegment: boolean; canManageUsers: boolean; canAnswerAsLead: boolean }> = {
  primary_admin: { canCreateSegment: true, canManageUsers: true, canAnswerAsLead: true },
  abm_admin: { canCreateSegment: true, canManageUsers: true, canAnswerAsLead: true },
  marketing_user: { canCreateSegment: true, canManageUsers: false, canAnswerAsLead: true },
  view_only: { canCreateSegment: false, canManageUsers: false, canAnswerAsLead: false },
};

describe.each(Object.entries(EXPECTED_CONTROLS) as [Role, (typeof EXPECTED_CONTROLS)[Role]][])('as %s', (role, expected) => {
  it('shows the role in the user menu, the sandbox badge and the whole navigation', async () => {
    const page = await e2e.logInAs(role);
    await page.waitForURL(/\/home$/);
    expect(await page.getByTestId('user-role').textContent()).toBe(ROLE_LABELS[role]);
    await page.getByTestId('sandbox-badge').waitFor({ state: 'visible' });
    const navigation = page.getByRole('navigation', { name: 'Main' });
    for (const label of ['Segments', 'Accounts', 'Segment Syncs', 'Integrations', 'Published Segments', 'Notifications', 'Users']) {
      expect(await navigation.getByRole('link', { name: label, exact: true }).count(), label).toBe(1);
    }
    expect(await navigation.getByRole('link', { name: 'Lead mailbox (sandbox)', exact: true }).count()).toBe(expected.canAnswerAsLead ? 1 : 0);
    await saveScreenshot(page, `segments-${role}`);
  });

  it(expected.canCreateSegment ? 'offers Create segment' : 'offers no Create segment', async () => {
    const page = await e2e.logInAs(role);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments', exact: true }).click();
    await page.getByRole('heading', { name: 'No segments yet' }).waitFor();
    expect(await page.getByRole('link', { name: 'Create segment' }).count()).toBe(expected.canCreateSegment ? 1 : 0);
  });

  it(expected.canManageUsers ? 'offers the user and API key controls' : 'lists users without any edit control', async () => {
    const page = await e2e.logInAs(role);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('table', { name: 'Users' }).waitFor();
    await page.getByTestId(`user-row-${e2e.openabm.demo.emails.view_only}`).waitFor();
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

/** Every page of the navigation with its heading. */
const PAGES = [
  ['Segments', 'Segments'],
  ['Accounts', 'Accounts'],
  ['Segment Syncs', 'Segment Syncs'],
  ['Integrations', 'Integrations'],
  ['Published Segments', 'Published Segments'],
  ['Notifications', 'Notifications'],
  ['Users', 'Users'],
] as const;

/** Names of controls that change something; a view-only user must meet none of them anywhere. */
const EDIT_CONTROL_NAME = /^(create|add|edit|delete|deactivate|reactivate|revoke|connect|disconnect|publish|unpublish|change role|pause|activate|refresh)/i;

describe('as a view-only user, on every page', () => {
  it('shows the page and no control that changes anything', async () => {
    const page = await e2e.logInAs('view_only');
    const navigation = page.getByRole('navigation', { name: 'Main' });
    for (const [linkName, heading] of PAGES) {
      await navigation.getByRole('link', { name: linkName, exact: true }).click();
      await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
      // Wait for the page's content (an empty state's h2 or a table) rather than its loading skeleton.
      await page.getByRole('main').locator('h2, table').first().waitFor();
      const main = page.getByRole('main');
      const editControls = [
        ...(await main.getByRole('button', { name: EDIT_CONTROL_NAME }).all()),
        ...(await main.getByRole('link', { name: EDIT_CONTROL_NAME }).all()),
      ];
      expect(editControls.length, `edit controls on ${linkName}`).toBe(0);
      await saveScreenshot(page, `view-only-${linkName.toLowerCase().replaceAll(' ', '-')}`);
    }
  });
});

describe('on a phone-sized screen', () => {
  it('hides the navigation behind a menu button that opens it', async () => {
    const page = await e2e.logInAs('marketing_user');
    await page.setViewportSize({ width: 390, height: 800 });
    const usersLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' });
    // The collapsed navbar is moved off-screen to the left.
    const isOnScreen = async () => ((await usersLink.boundingBox())?.x ?? -1) >= 0;
    await expect.poll(isOnScreen).toBe(false);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await expect.poll(isOnScreen).toBe(true);
    await saveScreenshot(page, 'mobile-navigation');
    await usersLink.click();
    await page.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
    await expect.poll(isOnScreen).toBe(false);
    await saveScreenshot(page, 'mobile-users');
  });
});
