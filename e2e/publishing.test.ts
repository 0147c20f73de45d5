import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { insertTestSegment } from '../src/usecases/publishing/publishingTestKit';
import { saveScreenshot, useOpenabmAndBrowser } from './harness';
import { connectAndSyncSandboxSalesforce } from './sandboxCrm';

/**
 * Publishing in the browser: publish from Settings > Published Segments (confirmed), see it in the Activations column,
 * meet the 200-segment limit from a segment's Activate menu, and run Segment Name Enrichment into the sandbox Salesforce.
 * Segments are seeded through the running instance's database.
 */
// Seeding the demo organisation and starting the sandbox emulators on a loaded machine.
const e2e = useOpenabmAndBrowser({ hookTimeoutMs: 240_000 });
const database = () => e2e.openabm.deps.database;

async function openPage(page: Page, pathname: string, heading: string): Promise<void> {
  await page.goto(`${e2e.openabm.url}${pathname}`, { timeout: 60_000 });
  await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
}

describe('publishing segments as the demo administrator', () => {
  it('publishes from Settings > Published Segments, shows it in Activations, refuses the 201st, and enriches sandbox Salesforce leads', async () => {
    const page = await e2e.logInAs('primary_admin');
    await connectAndSyncSandboxSalesforce(page);

    // A segment of the companies the synced Salesforce leads belong to (by converted account or e-mail domain).
    const [org] = await database().query<{ id: string }>('SELECT id FROM organizations ORDER BY created_at LIMIT 1');
    const orgId = org?.id ?? '';
    const members = await database().query<{ id: string }>(
      `SELECT DISTINCT co.id FROM crm_leads l JOIN companies co ON co.domain = lower(split_part(l.email, '@', 2))
       WHERE l.org_id = $1 AND l.provider = 'salesforce' ORDER BY co.id LIMIT 40`,
      [orgId],
    );
    expect(members.length).toBeGreaterThan(0);
    await insertTestSegment(database(), orgId, { name: 'Enrichment Tier', memberCompanyIds: members.map((row) => row.id) });

    await openPage(page, '/settings/published-segments', 'Published Segments');
    await page.getByLabel('Search segments').fill('Enrichment Tier');
    const box = page.getByRole('checkbox', { name: 'Segment Name Enrichment: Enrichment Tier' });
    await box.click();
    const confirm = page.getByRole('dialog', { name: 'Publish Segment' });
    await confirm.getByText('Publish “Enrichment Tier” to Segment Name Enrichment?').waitFor();
    await confirm.getByRole('button', { name: 'Confirm' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await box.isChecked()).toBe(true);
    await saveScreenshot(page, 'published-segments');

    await openPage(page, '/segments', 'Segments');
    const row = page.getByTestId('segment-row-Enrichment Tier');
    await row.getByText('Published: Segment Name Enrichment').waitFor();

    // 199 more published segments make 200: publishing one more (the segment's actions > Activate) is refused with how to make room.
    await database().query(
      `WITH filler AS (INSERT INTO segments (org_id, name, source_type, status) SELECT $1, 'Filler ' || g, 'upload', 'ready' FROM generate_series(1, 199) g RETURNING id)
       INSERT INTO segment_publications (org_id, segment_id, use) SELECT $1, id, 'api' FROM filler`,
      [orgId],
    );
    const extra = await insertTestSegment(database(), orgId, { name: 'One Too Many' });
    await openPage(page, `/segments/${extra.id}`, 'One Too Many');
    await page.getByRole('button', { name: 'More segment actions' }).click();
    await page.getByRole('menuitem', { name: 'Publish Segment' }).click();
    const publish = page.getByRole('dialog', { name: 'Publish Segment' });
    await publish.getByRole('checkbox', { name: 'API', exact: true }).check();
    await publish.getByRole('button', { name: 'Publish Segment' }).click();
    const confirming = page.getByRole('dialog', { name: 'Confirm publishing' });
    await confirming.getByRole('button', { name: 'Confirm' }).click();
    const refusal = confirming.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('Up to 200 segments can be published at any given time, and 200 are published now. Unpublish segments in Settings > Published Segments to make room for new ones.');
    await saveScreenshot(page, 'publish-limit');
    await confirming.getByRole('button', { name: 'Back' }).click();
    await publish.getByRole('button', { name: 'Cancel' }).click();
    await publish.waitFor({ state: 'hidden' });

    // Segment Name Enrichment into Salesforce Leads: choose the long text field, run now, watch the run succeed.
    await openPage(page, '/settings/orchestrations', 'Orchestrations');
    await page.getByRole('combobox', { name: 'Field (a long text field is recommended)' }).click();
    await page.getByRole('option', { name: 'Segment Names (textarea, 131072) · Recommended' }).click();
    await page.getByRole('button', { name: 'Create orchestration' }).click();
    const card = page.getByTestId('orchestration-Segment Name Enrichment');
    await card.getByRole('button', { name: 'Run now' }).click();
    const runs = card.getByRole('table', { name: 'Runs of Segment Name Enrichment' });
    // The latest run's badge ends Succeeded, Failed or Interrupted (in words; its reason under the badge); only
    // Succeeded passes. Looked for in the run's Status cell: the table's "Failed" column header reads the same.
    const latestRun = runs.getByRole('row').nth(1);
    await latestRun.getByRole('cell').nth(1).getByText(/^(Succeeded|Failed|Interrupted)$/).waitFor({ timeout: 180_000 });
    const cells = await latestRun.getByRole('cell').allTextContents();
    expect(cells[1]).toBe('Succeeded');
    expect(Number(cells[3])).toBeGreaterThan(0);
    expect(Number(cells[5])).toBe(0);
    await saveScreenshot(page, 'enrichment-run');
  }, 420_000); // Salesforce's OAuth round trip and first full sync, then an enrichment run over every synced lead, on a loaded machine.
});
