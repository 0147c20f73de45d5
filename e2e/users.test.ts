import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { currentPassword, logIn, newPage, saveScreenshot, useOpenabmAndBrowser } from './harness';

const e2e = useOpenabmAndBrowser();

/** Adds a user through the API as the page's logged-in administrator (set-up for a test of its own). */
async function addUserThroughApi(page: Page, name: string, email: string): Promise<void> {
  await page.evaluate(
    async (user) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch('/api/users', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify({ ...user, role: 'marketing_user' }) });
      if (!response.ok) throw new Error(`adding ${user.email}: ${response.status} ${await response.text()}`);
    },
    { name, email },
  );
}

describe('Settings > Users as an administrator', () => {
  it('adds a user, changes their role and deactivates them; the new user logs in and sets a password', async () => {
    const page = await e2e.logInAs('primary_admin');
    await page.goto(`${e2e.openabm.url}/settings/users`);

    await page.getByRole('button', { name: 'Add user' }).click();
    const addDialog = page.getByRole('dialog', { name: 'Add user' });
    await addDialog.getByLabel('Name').fill('Ada Lovelace');
    await addDialog.getByLabel('E-mail').fill('ada@demo.openabm.example');
    await addDialog.getByRole('button', { name: 'Add user' }).click();
    const addedDialog = page.getByRole('dialog', { name: 'User added' });
    const oneTimePassword = (await addedDialog.getByTestId('shown-once-secret').textContent())?.trim() ?? '';
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    await saveScreenshot(page, 'user-added');
    await addedDialog.getByRole('button', { name: 'Done' }).click();

    const row = page.getByTestId('user-row-ada@demo.openabm.example');
    await row.waitFor();
    expect(await row.getByRole('combobox', { name: 'Role of Ada Lovelace' }).inputValue()).toBe('Marketing User');

    await row.getByRole('combobox', { name: 'Role of Ada Lovelace' }).click();
    await page.getByRole('option', { name: 'ABM Administrator' }).click();
    const confirmRole = page.getByRole('dialog', { name: 'Change role' });
    await confirmRole.getByRole('button', { name: 'Change role' }).click();
    await confirmRole.waitFor({ state: 'hidden' });
    await expect.poll(() => row.getByRole('combobox', { name: 'Role of Ada Lovelace' }).inputValue()).toBe('ABM Administrator');

    // The new user logs in with the one-time password and replaces it.
    const newUserPage = await newPage(e2e.browser);
    await logIn(newUserPage, e2e.openabm.url, 'ada@demo.openabm.example', oneTimePassword, { isKeepingPrompt: true });
    expect(await newUserPage.getByTestId('user-role').textContent()).toBe('ABM Administrator');
    const prompt = newUserPage.getByRole('dialog', { name: 'Change your one-time password' });
    await prompt.waitFor();
    await saveScreenshot(newUserPage, 'change-password-prompt');
    await prompt.getByLabel('One-time password').fill(oneTimePassword);
    await prompt.getByRole('textbox', { name: 'New password', exact: true }).fill('a much longer password');
    await prompt.getByLabel('Repeat new password').fill('a much longer password');
    await prompt.getByRole('button', { name: 'Change password' }).click();
    await prompt.waitFor({ state: 'hidden' });

    // Back as the primary administrator: deactivate, after confirming.
    const adminPage = await e2e.logInAs('primary_admin');
    await adminPage.goto(`${e2e.openabm.url}/settings/users`);
    const adminRow = adminPage.getByTestId('user-row-ada@demo.openabm.example');
    await adminRow.getByRole('button', { name: 'Deactivate Ada Lovelace' }).click();
    const confirmDeactivate = adminPage.getByRole('dialog', { name: 'Deactivate user' });
    await confirmDeactivate.getByRole('button', { name: 'Deactivate' }).click();
    await confirmDeactivate.waitFor({ state: 'hidden' });
    await expect.poll(() => adminRow.getByText('Deactivated').count()).toBe(1);

    const refusedPage = await newPage(e2e.browser);
    await refusedPage.goto(`${e2e.openabm.url}/login`);
    await refusedPage.getByLabel('E-mail').fill('ada@demo.openabm.example');
    await refusedPage.getByRole('textbox', { name: 'Password', exact: true }).fill('a much longer password');
    await refusedPage.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => refusedPage.getByTestId('login-error').textContent()).toMatch(/deactivated/);
  });

  it('creates an API key, shows its secret once and revokes it after confirmation', async () => {
    const page = await e2e.logInAs('abm_admin');
    await page.goto(`${e2e.openabm.url}/settings/users`);

    await page.getByRole('button', { name: 'Create API key' }).click();
    const createDialog = page.getByRole('dialog', { name: 'Create API key' });
    await createDialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Warehouse export');
    await createDialog.getByRole('button', { name: 'Create key' }).click();
    const createdDialog = page.getByRole('dialog', { name: 'API key created' });
    const secret = (await createdDialog.getByTestId('shown-once-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^oabm_/);
    await saveScreenshot(page, 'api-key-created');
    await createdDialog.getByRole('button', { name: 'Done' }).click();

    const row = page.getByTestId('api-key-row-Warehouse export');
    await row.waitFor();
    expect(await row.textContent()).not.toContain(secret);
    await row.getByRole('button', { name: 'Revoke API key Warehouse export' }).click();
    const confirm = page.getByRole('dialog', { name: 'Revoke API key' });
    await confirm.getByRole('button', { name: 'Revoke key' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => row.getByText('Revoked').count()).toBe(1);
    await saveScreenshot(page, 'users-after-revoke');
  });

  it('logs out back to the log-in page', async () => {
    const page = await e2e.logInAs('marketing_user');
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${e2e.openabm.url}/settings/users`);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
  });

  it('returns to the log-in page when the session ends while the app is open, then back to the page', async () => {
    const page = await e2e.logInAs('view_only');
    await page.context().clearCookies();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.waitForURL(/\/login\?next=%2Fsettings%2Fusers$/);
    await page.getByLabel('E-mail').fill(e2e.openabm.demo.emails.view_only);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(currentPassword(e2e.openabm.url, e2e.openabm.demo.emails.view_only, e2e.openabm.demo.password));
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/settings\/users$/);
    await page.getByRole('table', { name: 'Users' }).waitFor();
  });

  it('resets a user’s password: the new one-time password is shown once, and the user must choose a password before anything else', async () => {
    const admin = await e2e.logInAs('primary_admin');
    await addUserThroughApi(admin, 'Grace Hopper', 'grace@demo.openabm.example');
    await admin.goto(`${e2e.openabm.url}/settings/users`);
    await admin.getByRole('button', { name: 'Reset password of Grace Hopper' }).click();
    await admin.getByRole('dialog', { name: 'Reset password' }).getByRole('button', { name: 'Reset password' }).click();
    const shown = admin.getByRole('dialog', { name: 'New one-time password' });
    const oneTimePassword = (await shown.getByTestId('shown-once-secret').textContent())?.trim() ?? '';
    expect(oneTimePassword.length).toBeGreaterThanOrEqual(12);
    await saveScreenshot(admin, 'user-password-reset');
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'hidden' });

    const grace = await newPage(e2e.browser);
    await logIn(grace, e2e.openabm.url, 'grace@demo.openabm.example', oneTimePassword, { isKeepingPrompt: true });
    const prompt = grace.getByRole('dialog', { name: 'Change your one-time password' });
    await prompt.waitFor();
    // The prompt cannot be put off: no "Later", no close button, Escape does nothing, and no page shows behind it.
    expect(await prompt.getByRole('button', { name: 'Later' }).count()).toBe(0);
    expect(await prompt.getByRole('button', { name: 'Log out' }).count()).toBe(1);
    await grace.keyboard.press('Escape');
    await prompt.waitFor({ state: 'visible' });
    expect(await grace.getByRole('heading', { level: 1 }).count()).toBe(0);
    await prompt.getByLabel('One-time password').fill(oneTimePassword);
    await prompt.getByRole('textbox', { name: 'New password', exact: true }).fill('graces own password');
    await prompt.getByLabel('Repeat new password').fill('graces own password');
    await prompt.getByRole('button', { name: 'Change password' }).click();
    await prompt.waitFor({ state: 'hidden' });
    // The same session goes on: the home page loads.
    await grace.getByRole('heading', { name: 'Home', level: 1 }).waitFor();
  });

  it('shows the server’s sentence under the e-mail field', async () => {
    const page = await e2e.logInAs('primary_admin');
    await page.goto(`${e2e.openabm.url}/settings/users`);
    await page.getByRole('button', { name: 'Add user' }).click();
    const addDialog = page.getByRole('dialog', { name: 'Add user' });
    await addDialog.getByLabel('Name').fill('No Address');
    await addDialog.getByLabel('E-mail').fill('not-an-address');
    await addDialog.getByRole('button', { name: 'Add user' }).click();
    await addDialog.getByText('Enter a valid e-mail address.').waitFor();
  });

  it('opens the API documentation under the Content-Security-Policy', async () => {
    const page = await newPage(e2e.browser);
    await page.goto(`${e2e.openabm.url}/api/docs`);
    await page.getByRole('heading', { name: /openabm API/ }).waitFor();
    await page.getByText('/api/auth/login').first().waitFor();
  });
});
