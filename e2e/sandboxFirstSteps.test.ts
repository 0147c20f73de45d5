import { describe, expect, it } from 'vitest';
import { callApiAs } from './apiAs';
import { useOpenabmAndBrowser } from './harness';

/**
 * A new user's first steps in the sandbox, before and after connecting a system: Orchestrations asked for the fields
 * of a Salesforce nobody had connected and showed a 404 panel, and Conversational Email showed campaign states as
 * stored values (`draft`). The tests run in order: the first one needs the organisation with nothing connected.
 */
// This file's openabm starts as `npm start` does the first time (initdb, migrations, demo companies seeded by the
// start); the other browser test files start on a copy of the tests' template.
const e2e = useOpenabmAndBrowser({ isStartingFromScratch: true, hookTimeoutMs: 240_000 });

describe('a new user in the sandbox', () => {
  it('Orchestrations with no CRM connected says a connection is needed and links to Integrations, without an error', async () => {
    const page = await e2e.logInAs('abm_admin');
    const failedRequests: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/') && response.status() >= 400) failedRequests.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(`${e2e.openabm.url}/settings/orchestrations`);
    await page.getByRole('heading', { name: 'Connect a CRM first', level: 2 }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'System', exact: true }).count()).toBe(0);
    expect(failedRequests).toEqual([]);
    await page.getByRole('link', { name: 'Go to Integrations' }).click();
    await page.waitForURL(/\/settings\/integrations$/);
    await page.getByRole('heading', { name: 'Salesforce', level: 2 }).waitFor();
  });

  it('Orchestrations offers the connected system first, by its product name, and names the ones not connected', async () => {
    const page = await e2e.logInAs('abm_admin');
    await callApiAs(page, 'POST', '/api/integrations/map/marketo/connect', { environment: 'emulator' });
    await page.goto(`${e2e.openabm.url}/settings/orchestrations`);
    await page.getByRole('heading', { name: 'Orchestrations', level: 1 }).waitFor();
    const system = page.getByRole('combobox', { name: 'System', exact: true });
    await expect.poll(async () => system.inputValue()).toBe('Marketo');
    await page.getByText('Not connected: Salesforce, HubSpot, Pardot, Eloqua').waitFor();
    await system.click();
    expect(await page.getByRole('option').allTextContents()).toEqual(['Salesforce', 'HubSpot', 'Marketo', 'Pardot', 'Eloqua']);
    expect(await page.getByRole('option', { name: 'Salesforce' }).getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByRole('option', { name: 'Marketo' }).getAttribute('aria-disabled')).toBeNull();
  });

  it('Conversational Email names campaign states in words on the list and the campaign page', async () => {
    const page = await e2e.logInAs('marketing_user');
    const assistant = await callApiAs<{ id: string }>(page, 'POST', '/api/ce/assistants', { name: 'Ava Assistant', email: 'ava@openabm-demo.example', dailySendCap: 50 });
    const campaign = await callApiAs<{ id: string }>(page, 'POST', '/api/ce/campaigns', {
      name: 'Hand-picked leads',
      assistantId: assistant.id,
      mainSequence: [{ subject: 'Hello {{FirstName}}', body: 'Hi {{FirstName}}, a quick question.', delayDays: 0 }],
      followUpSequences: [],
      businessHours: { timeZone: 'UTC', startHour: 9, endHour: 17, weekdays: [1, 2, 3, 4, 5] },
      reportId: null,
      startsAt: null,
    });
    await page.goto(`${e2e.openabm.url}/conversational-email`);
    const row = page.getByRole('table', { name: 'Campaigns' }).getByRole('row').filter({ hasText: 'Hand-picked leads' });
    await row.waitFor();
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('Draft');
    await page.goto(`${e2e.openabm.url}/conversational-email/campaigns/${campaign.id}`);
    expect(await page.getByLabel('Campaign status').textContent()).toBe('Draft');
  });
});
