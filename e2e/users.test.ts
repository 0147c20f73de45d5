import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('Settings > Users as an administrator', () => {
  it('adds a user, changes their role and deactivates them; the new user logs in and sets a password', async () => {
    const page = await newPage(browser);
    await logIn(page, openabm.url, openabm.demo.emails.primary_admin, openabm.demo.password);
    await page.goto(`${openabm.url}/settings/users`);

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
    const newUserPage = await newPage(browser);
    await logIn(newUserPage, openabm.url, 'ada@demo.openabm.example', oneTimePassword, { isKeepingPrompt: true });
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
    const adminPage = await newPage(browser);
    await logIn(adminPage, openabm.url, openabm.demo.emails.primary_admin, openabm.demo.password);
    await adminPage.goto(`${openabm.url}/settings/users`);
    const adminRow = adminPage.getByTestId('user-row-ada@demo.openabm.example');
    await adminRow.getByRole('button', { name: 'Deactivate Ada Lovelace' }).click();
    const confirmDeactivate = adminPage.getByRole('dialog', { name: 'Deactivate user' });
    await confirmDeactivate.getByRole('button', { name: 'Deactivate' }).click();
    await confirmDeactivate.waitFor({ state: 'hidden' });
    await expect.poll(() => adminRow.getByText('Deactivated').count()).toBe(1);

    const refusedPage = await newPage(browser);
    await refusedPage.goto(`${openabm.url}/login`);
    await refusedPage.getByLabel('E-mail').fill('ada@demo.openabm.example');
    await refusedPage.getByRole('textbox', { name: 'Password', exact: true }).fill('a much longer password');
    await refusedPage.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => refusedPage.getByTestId('login-error').textContent()).toMatch(/deactivated/);
  });

  it('creates an API key, shows its secret once and revokes it after confirmation', async () => {
    const page = await newPage(browser);
    await logIn(page, openabm.url, openabm.demo.emails.abm_admin, openabm.demo.password);
    await page.goto(`${openabm.url}/settings/users`);

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
    const page = await newPage(browser);
    await logIn(page, openabm.url, openabm.demo.emails.marketing_user, openabm.demo.password);
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${openabm.url}/settings/users`);
    await page.getByRole('button', { name: 'Log in' }).waitFor();
  });

  it('returns to the log-in page when the session ends while the app is open, then back to the page', async () => {
    const page = await newPage(browser);
    await logIn(page, openabm.url, openabm.demo.emails.view_only, openabm.demo.password);
    await page.context().clearCookies();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.waitForURL(/\/login\?next=%2Fsettings%2Fusers$/);
    await page.getByLabel('E-mail').fill(openabm.demo.emails.view_only);
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(openabm.demo.password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(/\/settings\/users$/);
    await page.getByRole('table', { name: 'Users' }).waitFor();
  });
});
