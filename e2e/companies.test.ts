import { describe, expect, it } from 'vitest';
import { saveScreenshot, useOpenabmAndBrowser } from './harness';

const e2e = useOpenabmAndBrowser();

describe('Settings > Companies as an administrator', () => {
  it('imports, adds, finds and deletes private companies, and keeps an exclusion list beside them', async () => {
    const page = await e2e.logInAs('primary_admin');
    await page.goto(`${e2e.openabm.url}/settings/companies`);
    await page.getByText('No private companies yet').waitFor();

    const csv = 'company_id,name,domain,country\nown-1,Zephyrine Koval,zephyrine-koval.com,FR\nown-2,,nameless.com,US\n';
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import CSV' }).click();
    await (await chooser).setFiles({ name: 'private.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const result = page.getByRole('status').filter({ hasText: 'private.csv: 1 company imported' });
    await result.waitFor();
    expect(await result.textContent()).toContain('Line 3: name is empty');

    await page.getByRole('button', { name: 'Add company' }).click();
    const addDialog = page.getByRole('dialog', { name: 'Add private company' });
    await addDialog.getByLabel('Company name').fill('Brevik Marine');
    await addDialog.getByLabel('Website or domain').fill('https://www.brevik-marine.com');
    await addDialog.getByLabel('Country').fill('Norway');
    await addDialog.getByRole('button', { name: 'Add company' }).click();
    await addDialog.waitFor({ state: 'hidden' });
    const table = page.getByRole('table', { name: 'Private companies' });
    await table.getByRole('cell', { name: 'Brevik Marine', exact: true }).waitFor();

    await page.getByLabel('Search private companies').fill('zephyrine');
    await expect.poll(async () => table.getByRole('row').count()).toBe(2);

    await page.getByRole('button', { name: 'Delete private company Zephyrine Koval' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete private company' });
    await confirm.getByRole('button', { name: 'Delete company' }).click();
    await page.getByText('No private company matches this search').waitFor();

    await page.getByLabel('Exclude domains').fill('ops@partner-mail.com');
    await page.getByRole('button', { name: 'Exclude', exact: true }).click();
    await page.getByRole('table', { name: 'Excluded domains' }).getByRole('cell', { name: 'partner-mail.com', exact: true }).waitFor();
    await saveScreenshot(page, 'settings-companies');
  });
});
