import { describe, expect, it } from 'vitest';
import { upsertCompanies } from '../src/adapters/db/repositories/companies';
import type { CompanyRecord } from '../src/domain/matching/companyRecord';
import { callApiAs } from './apiAs';
import { saveScreenshot, useOpenabmAndBrowser } from './harness';

/**
 * A row that several companies fit equally (the same name in the same country) on the confirmation page: the
 * reason says so in words, and the tied companies are the choices, each with what tells it apart; no lone "100%"
 * suggestion beside "Several fit" (it read as a bug: a perfect score and no match).
 */
const e2e = useOpenabmAndBrowser();

const company = (id: string, domain: string, city: string): CompanyRecord => ({
  id,
  name: 'Quennell & Co LLC',
  domain,
  otherDomains: [],
  country: 'US',
  region: null,
  city,
  industry: 'Consulting',
  employeeRange: null,
  revenueRange: null,
  firmographics: {},
});

describe('a row that two companies fit equally', () => {
  it('says how many fit and shows each with its website and city, and the fix dialog offers them as equal fits', async () => {
    // Two master companies of one name in one country (the operator's import; the UI offers no master writes).
    await upsertCompanies(e2e.openabm.deps.db, [company('e2e-tie-1', 'quennell-co.com', 'Boston'), company('e2e-tie-2', 'quennellandco.net', 'Denver')]);
    const page = await e2e.logInAs('marketing_user');
    const csv = ['Account Name,Website,Country', '"Quennell & Co LLC","","US"'].join('\n');
    const { upload } = await callApiAs<{ upload: { id: string } }>(page, 'POST', '/api/segment-uploads', { fileName: 'ties.csv', contentBase64: Buffer.from(csv).toString('base64') });
    const { segment } = await callApiAs<{ segment: { id: string } }>(page, 'POST', '/api/segments', { name: 'Ties', source: { type: 'upload', uploadId: upload.id } });
    await page.goto(`${e2e.openabm.url}/segments/${segment.id}/confirmation`);

    const row = page.getByRole('table', { name: 'Unmatched Accounts' }).getByRole('row').filter({ hasText: 'Quennell & Co LLC' });
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('2 companies named “Quennell & Co LLC” in United States of America fit equally well; choose one.');
    const fits = row.getByTestId('equal-fits');
    expect(await fits.textContent()).toContain('quennell-co.com · Boston, United States of America');
    expect(await fits.textContent()).toContain('quennellandco.net · Denver, United States of America');
    expect(text).not.toContain('100%');
    await saveScreenshot(page, 'segment-confirmation-equal-fits');

    await row.getByRole('button', { name: /^Fix row / }).click();
    const dialog = page.getByRole('dialog', { name: /^Match row / });
    await dialog.getByText('Companies that fit equally well: choose one').waitFor();
    expect(await dialog.getByRole('radio').count()).toBe(2);
    expect(await dialog.getByText('equal fit', { exact: true }).count()).toBe(2);
    expect(await dialog.textContent()).toContain('quennellandco.net · Denver, United States of America');
  });
});
