import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoCompanies } from '../src/adapters/demo/demoCompanies';
import { saveScreenshot, useOpenabmAndBrowser } from './harness';
import { callApiAs } from './apiAs';
import { connectAndSyncSandboxSalesforce } from './sandboxCrm';

/**
 * Segments in the browser: an uploaded CSV through the confirmation page (counts, fixing an unmatched row), and a
 * segment from the sandbox Salesforce's report down to an account's details page.
 */
const e2e = useOpenabmAndBrowser();
let fileDir: string;

beforeAll(() => {
  fileDir = mkdtempSync(path.join(os.tmpdir(), 'openabm-e2e-files-'));
});

afterAll(() => {
  if (fileDir !== undefined) rmSync(fileDir, { recursive: true, force: true });
});

async function openCreateSegment(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments', exact: true }).click();
  await page.getByRole('heading', { name: 'Segments', level: 1 }).waitFor();
  await page.getByRole('link', { name: 'Create segment' }).first().click();
  await page.getByRole('heading', { name: 'Create a Segment', level: 1 }).waitFor();
}

/** An uploaded segment with matched companies and unmatched rows, created without going through the UI. */
async function createUploadedSegmentThroughApi(page: Page, name: string, rows: string[][]): Promise<string> {
  const csv = ['Account Name,Website,Country', ...rows.map((row) => row.map((cell) => `"${cell}"`).join(','))].join('\n');
  const { upload } = await callApiAs<{ upload: { id: string } }>(page, 'POST', '/api/segment-uploads', { fileName: `${name}.csv`, contentBase64: Buffer.from(csv).toString('base64') });
  const { segment } = await callApiAs<{ segment: { id: string } }>(page, 'POST', '/api/segments', { name, source: { type: 'upload', uploadId: upload.id } });
  return segment.id;
}

/** Account Details lists only segments published to the Account Details use; publishing takes an administrator. */
async function publishToAccountDetailsAsAdmin(segmentId: string): Promise<Page> {
  const admin = await e2e.logInAs('primary_admin');
  await callApiAs(admin, 'POST', `/api/segments/${segmentId}/publications`, { uses: ['account_details'] });
  return admin;
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
      ['Jane Doe', 'gmail.com', 'US'],
      ['Zzyzx Qwertyuiop Holdings', '', ''],
    ];
    const csvPath = path.join(fileDir, 'target-accounts.csv');
    writeFileSync(csvPath, ['Account Name,Website,Country', ...rows.map((row) => row.map((cell) => `"${cell}"`).join(','))].join('\n'));

    const page = await e2e.logInAs('marketing_user');
    await openCreateSegment(page);
    await saveScreenshot(page, 'create-segment');
    await page.getByRole('radio', { name: 'Upload an account list' }).click();
    const fileChooser = page.waitForEvent('filechooser');
    await page.getByLabel('Account list file').click();
    await (await fileChooser).setFiles(csvPath);
    // "Account Name", "Website" and "Country" are headers the server recognises: no column-mapping step.
    const summary = page.getByTestId('upload-summary');
    await summary.waitFor();
    expect(await page.getByTestId('column-mapping').count()).toBe(0);
    expect(await summary.textContent()).toContain('8 rows');
    expect(await page.getByLabel('Segment name').inputValue()).toBe('target-accounts');
    await saveScreenshot(page, 'create-segment-upload');
    await page.getByRole('button', { name: 'Create segment' }).click();

    await page.waitForURL(/\/segments\/[0-9a-f-]+\/confirmation$/);
    await page.getByRole('heading', { name: 'target-accounts: confirmation' }).waitFor();
    await page.getByTestId('count-read').waitFor();
    expect(await countOf(page, 'count-read')).toBe(8);
    expect(await countOf(page, 'count-duplicates')).toBe(1);
    const unmatchedBefore = await countOf(page, 'count-unmatched');
    const membersBefore = await countOf(page, 'count-members');
    expect(unmatchedBefore).toBeGreaterThanOrEqual(2);
    // Matched counts each company once: the duplicate row is not in it.
    expect(await countOf(page, 'count-matched')).toBe(8 - unmatchedBefore - 1);
    expect(membersBefore).toBe(8 - unmatchedBefore - 1);
    await saveScreenshot(page, 'segment-confirmation');
    const unmatched = page.getByRole('table', { name: 'Unmatched Accounts' });
    expect(await unmatched.getByRole('row').filter({ hasText: 'gmail.com' }).textContent()).toContain('The provided domain is on the exclusion list.');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = await download;
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvText = readFileSync((await csv.path()) ?? '', 'utf8');
    expect(csvText).toContain('Zzyzx Qwertyuiop Holdings');
    expect(csvText).toContain('The provided domain is on the exclusion list.');

    // The user knows the unknown holding is Birch Investments, and matches the row by hand.
    const unknownRow = unmatched.getByRole('row').filter({ hasText: 'Zzyzx Qwertyuiop Holdings' });
    await unknownRow.getByRole('button', { name: /^Fix row / }).click();
    const dialog = page.getByRole('dialog', { name: /^Match row / });
    await dialog.getByLabel('Search the company database').fill('Birch Investments');
    const choice = dialog.getByRole('radio', { name: /^Birch Investments/ }).first();
    await choice.waitFor();
    await saveScreenshot(page, 'segment-fix-row');
    await choice.check();
    await dialog.getByRole('button', { name: 'Use this company' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => countOf(page, 'count-unmatched')).toBe(unmatchedBefore - 1);
    expect(await countOf(page, 'count-members')).toBe(membersBefore + 1);
    expect(await page.getByRole('table', { name: 'Fixed matches' }).getByRole('row').filter({ hasText: 'Birch Investments' }).count()).toBe(1);
    await saveScreenshot(page, 'segment-confirmation-fixed');

    // The segment's page holds the fixed company among its accounts.
    await page.getByRole('link', { name: 'Open segment' }).click();
    await page.getByRole('heading', { name: 'target-accounts', level: 1 }).waitFor();
    const accounts = page.getByRole('table', { name: 'Accounts' });
    await accounts.getByRole('link', { name: 'Birch Investments' }).first().waitFor();
    expect(await accounts.getByRole('row').count()).toBe(membersBefore + 2);
    await saveScreenshot(page, 'segment-detail');
  });
});

describe('a segment from filters', () => {
  it('builds nested AND/OR filters with a live count, then edits the filters, renames, duplicates and deletes', async () => {
    const page = await e2e.logInAs('marketing_user');
    await openCreateSegment(page);
    await page.getByRole('radio', { name: 'Use filters' }).click();
    const filters = page.getByRole('region', { name: 'Filters' });
    await filters.getByRole('button', { name: 'Add condition' }).click();
    // Condition 1: Industry is any of Software.
    await filters.getByRole('combobox', { name: 'Filter condition 1: field' }).click();
    await page.getByRole('option', { name: 'Industry', exact: true }).click();
    await filters.getByLabel('Filter condition 1: values', { exact: true }).click();
    await page.getByRole('option', { name: 'Software', exact: true }).click();
    await page.keyboard.press('Escape');
    // Group 2: Country is any of GB, OR Country is any of FR.
    await filters.getByRole('button', { name: 'Add group' }).click();
    const group = filters.getByRole('group', { name: 'Filter group 2', exact: true });
    await group.getByRole('combobox', { name: 'Filter group 2 condition 1: field' }).click();
    await page.getByRole('option', { name: 'Country', exact: true }).click();
    await group.getByLabel('Filter group 2 condition 1: values', { exact: true }).click();
    await page.getByRole('option', { name: 'United Kingdom (GB)', exact: true }).click();
    await page.keyboard.press('Escape');
    await group.getByRole('button', { name: 'Add condition' }).click();
    await group.getByRole('combobox', { name: 'Filter group 2 condition 2: field' }).click();
    await page.getByRole('option', { name: 'Country', exact: true }).click();
    await group.getByLabel('Filter group 2 condition 2: values', { exact: true }).click();
    await page.getByRole('option', { name: 'France (FR)', exact: true }).click();
    await page.keyboard.press('Escape');

    // The count follows the edits; once settled it is the count of the whole tree.
    const liveCount = page.locator('[data-testid="live-count"][data-settled="true"]');
    await liveCount.waitFor();
    const count = Number((await liveCount.textContent())?.replaceAll(',', ''));
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(50_000);
    await page.getByLabel('Segment name').fill('Software in GB or FR');
    await saveScreenshot(page, 'create-segment-filters');
    await page.getByRole('button', { name: 'Create segment' }).click();
    await page.getByRole('heading', { name: 'Software in GB or FR', level: 1 }).waitFor();
    expect(await countOf(page, 'segment-members')).toBe(count);
    await page.getByRole('tab', { name: 'Source and filters' }).click();
    await page.getByText('Industry is any of “Software”').waitFor();
    await saveScreenshot(page, 'segment-detail-filters');

    // Narrower filters rebuild the membership: drop France.
    await page.getByRole('button', { name: 'Edit filters' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit filters' });
    await editDialog.getByRole('button', { name: 'Remove Filter group 2 condition 2' }).click();
    await editDialog.getByRole('button', { name: 'Save filters' }).click();
    await editDialog.waitFor({ state: 'hidden' });
    await expect.poll(() => countOf(page, 'segment-members')).toBeLessThan(count);
    expect(await page.getByText('Country is any of “FR”').count()).toBe(0);

    // Rename, duplicate, and delete the copy, each through its dialog.
    await page.getByRole('button', { name: 'More segment actions' }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    const renameDialog = page.getByRole('dialog', { name: 'Rename segment' });
    await renameDialog.getByLabel('Segment name').fill('Software in GB');
    await renameDialog.getByRole('button', { name: 'Rename' }).click();
    await page.getByRole('heading', { name: 'Software in GB', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'More segment actions' }).click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await page.getByRole('dialog', { name: 'Duplicate segment' }).getByRole('button', { name: 'Duplicate' }).click();
    await page.getByRole('heading', { name: 'Copy of Software in GB', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'More segment actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const deleteDialog = page.getByRole('dialog', { name: 'Delete segment' });
    await saveScreenshot(page, 'segment-delete');
    await deleteDialog.getByRole('button', { name: 'Delete segment' }).click();
    await page.getByRole('heading', { name: 'Segments', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Segments' }).getByRole('link', { name: 'Software in GB', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Copy of Software in GB' }).count()).toBe(0);
  });
});

describe('segment folders', () => {
  it('creates a folder, moves a segment into it, filters the list by it and deletes it', async () => {
    const page = await e2e.logInAs('marketing_user');
    const segmentName = 'Companies in GB (folder test)';
    await callApiAs(page, 'POST', '/api/segments', { name: segmentName, source: { type: 'filters' }, filter: { kind: 'company_profile', field: 'country', operation: { op: 'in', values: ['GB'] } } });
    await page.goto(`${e2e.openabm.url}/segments`);
    await page.getByRole('table', { name: 'Segments' }).waitFor();
    await page.getByRole('button', { name: 'New folder' }).click();
    const folderDialog = page.getByRole('dialog', { name: 'New folder' });
    await folderDialog.getByLabel('Folder name').fill('EMEA campaigns');
    await folderDialog.getByRole('button', { name: 'Create folder' }).click();
    await folderDialog.waitFor({ state: 'hidden' });
    // The new folder shows at once, empty, before any segment is moved into it.
    await page.getByText('“EMEA campaigns” is empty').waitFor();
    await page.getByRole('group', { name: 'Folders' }).getByRole('button', { name: 'EMEA campaigns (0)' }).click();

    await page.getByRole('link', { name: segmentName, exact: true }).click();
    await page.getByRole('button', { name: 'More segment actions' }).click();
    await page.getByRole('menuitem', { name: 'Move to folder' }).click();
    const moveDialog = page.getByRole('dialog', { name: 'Move to folder' });
    await moveDialog.getByRole('combobox', { name: 'Folder' }).click();
    await page.getByRole('option', { name: 'EMEA campaigns' }).click();
    await moveDialog.getByRole('button', { name: 'Move' }).click();
    await moveDialog.waitFor({ state: 'hidden' });

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Segments', exact: true }).click();
    await page.getByRole('combobox', { name: 'Folder' }).click();
    await page.getByRole('option', { name: 'EMEA campaigns (1)' }).click();
    const table = page.getByRole('table', { name: 'Segments' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    expect(await table.getByRole('row').nth(1).textContent()).toContain('in EMEA campaigns');
    await saveScreenshot(page, 'segments-folder');

    await page.getByRole('button', { name: 'Delete folder EMEA campaigns' }).click();
    await page.getByRole('dialog', { name: 'Delete folder' }).getByRole('button', { name: 'Delete folder' }).click();
    await page.getByRole('dialog', { name: 'Delete folder' }).waitFor({ state: 'hidden' });
    await table.getByRole('link', { name: segmentName, exact: true }).waitFor();
    expect(await page.getByText('in EMEA campaigns').count()).toBe(0);
  });
});

describe('a segment from the sandbox Salesforce report', () => {
  it('creates the segment from a usable report and opens an account’s details page', async () => {
    const admin = await e2e.logInAs('primary_admin');
    await connectAndSyncSandboxSalesforce(admin);

    const page = await e2e.logInAs('marketing_user');
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
    const segmentId = /\/segments\/([0-9a-f-]+)\/confirmation$/.exec(page.url())?.[1];
    if (segmentId === undefined) throw new Error(`no segment id in ${page.url()}`);

    const publisher = await publishToAccountDetailsAsAdmin(segmentId);
    await publisher.goto(`${e2e.openabm.url}/segments/${segmentId}`);
    await publisher.getByRole('heading', { name: 'Converted Leads', level: 1 }).waitFor();
    const firstAccount = publisher.getByRole('table', { name: 'Accounts' }).getByRole('link').first();
    const companyName = (await firstAccount.textContent()) ?? '';
    await firstAccount.click();
    await publisher.getByRole('heading', { name: companyName, level: 1 }).waitFor();
    await publisher.getByRole('heading', { name: 'Firmographics' }).waitFor();
    const segments = publisher.getByRole('table', { name: 'Segments of this account' });
    await segments.getByRole('link', { name: 'Converted Leads' }).waitFor();
    expect(await segments.getByRole('link', { name: 'Converted Leads' }).count()).toBe(1);
    await saveScreenshot(publisher, 'account-details');
  }, 180_000); // The first full Salesforce sync alone may take up to 90 s on a loaded machine (connectAndSyncSandboxSalesforce).
});

describe('as a view-only user', () => {
  it('lists and opens segments without any control that changes them', async () => {
    const [company] = generateDemoCompanies(1);
    if (!company) throw new Error('the demo company generator returned nothing');
    const segmentId = await createUploadedSegmentThroughApi(await e2e.logInAs('marketing_user'), 'viewer-accounts', [[company.name, company.domain, company.country], ['Zzyzx Qwertyuiop Holdings', '', '']]);
    await publishToAccountDetailsAsAdmin(segmentId);
    const page = await e2e.logInAs('view_only');
    await page.getByRole('table', { name: 'Segments' }).waitFor();
    await saveScreenshot(page, 'segments-list');
    expect(await page.getByRole('link', { name: 'Create segment' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'New folder' }).count()).toBe(0);
    await page.getByRole('link', { name: 'viewer-accounts' }).click();
    await page.getByRole('heading', { name: 'viewer-accounts', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Accounts' }).waitFor();
    for (const name of ['Refresh now', 'More segment actions']) expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    expect(await page.getByRole('button', { name: 'Export CSV' }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Source and filters' }).click();
    await page.getByRole('link', { name: /confirmation/ }).click();
    await page.getByRole('table', { name: 'Unmatched Accounts' }).waitFor();
    expect(await page.getByRole('button', { name: /^Fix row / }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Download CSV' }).count()).toBe(1);

    // Accounts: search the company database and open an account.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByRole('textbox', { name: 'Search accounts' }).fill(company.name);
    await page.getByRole('table', { name: 'Accounts' }).getByRole('link', { name: company.name, exact: true }).click();
    await page.getByRole('heading', { name: company.name, level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Segments of this account' }).getByRole('link', { name: 'viewer-accounts' }).waitFor();
    await saveScreenshot(page, 'account-details-uploaded');
  });
});
