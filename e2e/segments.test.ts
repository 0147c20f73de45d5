import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoCompanies } from '../src/adapters/demo/demoCompanies';
import { launchBrowser, logIn, newPage, saveScreenshot } from './harness';
import type { OpenabmUnderTest, TestBrowser } from './harness';
import { connectAndSyncSandboxSalesforce, startTestOpenabmWithPublicUrl } from './sandboxCrm';

/**
 * Segments in the browser: an uploaded CSV through the confirmation page (counts, fixing an unmatched row), and a
 * segment from the sandbox Salesforce's report down to an account's details page.
 */
let openabm: OpenabmUnderTest;
let browser: TestBrowser;
let fileDir: string;

beforeAll(async () => {
  openabm = await startTestOpenabmWithPublicUrl();
  browser = await launchBrowser();
  fileDir = mkdtempSync(path.join(os.tmpdir(), 'openabm-e2e-files-'));
});

afterAll(async () => {
  await browser?.close();
  await openabm?.close();
  if (fileDir !== undefined) rmSync(fileDir, { recursive: true, force: true });
});

async function asMarketer(): Promise<Page> {
  const page = await newPage(browser);
  await logIn(page, openabm.url, openabm.demo.emails.marketing_user, openabm.demo.password);
  return page;
}

async function openCreateSegment(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments', exact: true }).click();
  await page.getByRole('heading', { name: 'Segments', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Create segment' }).first().click();
  await page.getByRole('heading', { name: 'Create a Segment', level: 1 }).waitFor();
}

const countOf = async (page: Page, testId: string) => Number((await page.getByTestId(testId).textContent())?.replaceAll(',', ''));

describe('a segment from an uploaded account list', () => {
  it('uploads a CSV, shows the confirmation counts, and fixes an unmatched row by picking its company', async () => {
    // Companies of the demo company database (seeded at start), one twice, and three rows that cannot match as they are.
    const companies = generateDemoCompanies(12);
    const matching = companies.slice(0, 5).map((company) => [company.name, company.domain, company.country]);
    const rows = [
      ...matching,
      matching[0] ?? [],
      ['Meadow Assurance', '', 'US'],
      ['Jane Doe', 'gmail.com', 'US'],
      ['Zzyzx Qwertyuiop Holdings', '', ''],
    ];
    const csvPath = path.join(fileDir, 'target-accounts.csv');
    writeFileSync(csvPath, ['Account Name,Website,Country', ...rows.map((row) => row.map((cell) => `"${cell}"`).join(','))].join('\n'));

    const page = await asMarketer();
    await openCreateSegment(page);
    await saveScreenshot(page, 'create-segment');
    await page.getByRole('radio', { name: 'Upload an account list' }).click();
    const fileChooser = page.waitForEvent('filechooser');
    await page.getByLabel('Account list file').click();
    await (await fileChooser).setFiles(csvPath);
    // The column-mapping step shows itself when the server is unsure of the columns.
    const mapping = page.getByTestId('column-mapping');
    const summary = page.getByTestId('upload-summary');
    await mapping.or(summary).waitFor();
    if (await mapping.isVisible()) {
      await saveScreenshot(page, 'create-segment-mapping');
      await mapping.getByRole('button', { name: 'Use these columns' }).click();
    }
    await summary.waitFor();
    expect(await summary.textContent()).toContain('9 rows');
    expect(await page.getByLabel('Segment name').inputValue()).toBe('target-accounts');
    await saveScreenshot(page, 'create-segment-upload');
    await page.getByRole('button', { name: 'Create segment' }).click();

    await page.waitForURL(/\/segments\/[0-9a-f-]+\/confirmation$/);
    await page.getByRole('heading', { name: 'target-accounts: confirmation' }).waitFor();
    await page.getByTestId('count-read').waitFor();
    expect(await countOf(page, 'count-read')).toBe(9);
    expect(await countOf(page, 'count-duplicates')).toBe(1);
    const unmatchedBefore = await countOf(page, 'count-unmatched');
    const membersBefore = await countOf(page, 'count-members');
    expect(unmatchedBefore).toBeGreaterThanOrEqual(2);
    // Matched counts each company once: the duplicate row is not in it.
    expect(await countOf(page, 'count-matched')).toBe(9 - unmatchedBefore - 1);
    expect(membersBefore).toBe(9 - unmatchedBefore - 1);
    await saveScreenshot(page, 'segment-confirmation');
    const unmatched = page.getByRole('table', { name: 'Unmatched Accounts' });
    expect(await unmatched.getByRole('row').filter({ hasText: 'gmail.com' }).textContent()).toContain('The provided domain is on the exclusion list.');

    // Row 7 ("Meadow Assurance", no domain) is matched by hand to the company it means.
    const meadowRow = unmatched.getByRole('row').filter({ hasText: 'Meadow Assurance' });
    expect(await meadowRow.count(), 'the name-only row is unmatched').toBe(1);
    await meadowRow.getByRole('button', { name: /^Fix row / }).click();
    const dialog = page.getByRole('dialog', { name: /^Match row / });
    await dialog.getByLabel('Search the company database').fill('Meadow Assurance');
    const choice = dialog.getByRole('radio', { name: /^Meadow Assurance Inc\./ }).first();
    await choice.waitFor();
    await saveScreenshot(page, 'segment-fix-row');
    await choice.check();
    await dialog.getByRole('button', { name: 'Use this company' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => countOf(page, 'count-unmatched')).toBe(unmatchedBefore - 1);
    expect(await countOf(page, 'count-members')).toBe(membersBefore + 1);
    expect(await page.getByRole('table', { name: 'Fixed matches' }).getByRole('row').filter({ hasText: 'Meadow Assurance Inc.' }).count()).toBe(1);
    await saveScreenshot(page, 'segment-confirmation-fixed');

    // The segment's page holds the fixed company among its accounts.
    await page.getByRole('link', { name: 'Open segment' }).click();
    await page.getByRole('heading', { name: 'target-accounts', level: 1 }).waitFor();
    const accounts = page.getByRole('table', { name: 'Accounts' });
    await accounts.getByRole('link', { name: 'Meadow Assurance Inc.' }).waitFor();
    expect(await accounts.getByRole('row').count()).toBe(membersBefore + 2);
    await saveScreenshot(page, 'segment-detail');
  });
});

describe('a segment from the sandbox Salesforce report', () => {
  it('creates the segment from a usable report and opens an account’s details page', async () => {
    const admin = await newPage(browser);
    await logIn(admin, openabm.url, openabm.demo.emails.primary_admin, openabm.demo.password);
    await connectAndSyncSandboxSalesforce(admin);

    const page = await asMarketer();
    await openCreateSegment(page);
    await page.getByRole('radio', { name: 'Use a CRM Report' }).click();
    const report = page.getByRole('radio', { name: 'Converted Leads' });
    await report.waitFor();
    // A report breaking a rule cannot be chosen.
    expect(await page.getByRole('radio', { name: 'All Leads (Global)' }).isDisabled()).toBe(true);
    await report.check();
    expect(await page.getByLabel('Segment name').inputValue()).toBe('Converted Leads');
    await saveScreenshot(page, 'create-segment-report');
    await page.getByRole('button', { name: 'Create segment' }).click();

    await page.waitForURL(/\/segments\/[0-9a-f-]+\/confirmation$/, { timeout: 60_000 });
    await page.getByTestId('count-read').waitFor();
    expect(await countOf(page, 'count-read')).toBeGreaterThan(0);
    expect(await countOf(page, 'count-members')).toBeGreaterThan(0);
    await saveScreenshot(page, 'segment-confirmation-report');

    await page.getByRole('link', { name: 'Open segment' }).click();
    await page.getByRole('heading', { name: 'Converted Leads', level: 1 }).waitFor();
    const firstAccount = page.getByRole('table', { name: 'Accounts' }).getByRole('link').first();
    const companyName = (await firstAccount.textContent()) ?? '';
    await firstAccount.click();
    await page.getByRole('heading', { name: companyName, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Firmographics' }).waitFor();
    const segments = page.getByRole('table', { name: 'Segments of this account' });
    expect(await segments.getByRole('link', { name: 'Converted Leads' }).count()).toBe(1);
    await saveScreenshot(page, 'account-details');
  });
});
