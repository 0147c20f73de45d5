import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { saveScreenshot, useOpenabmAndBrowser } from './harness';
import { openIntegrations, startConnectingSandboxSalesforce, waitForApp } from './sandboxCrm';

/**
 * Conversational Email in the sandbox, as a user does it: connect the Salesforce emulator, pass the pre-flight check
 * and set up the fields, create an assistant and a campaign on a Salesforce report, start it and watch the report's
 * leads enroll, send the first e-mail, answer it as the lead from the sandbox mailbox, and see the reply classified,
 * the conversation qualified and both written back to Salesforce (status field and Tasks). A second lead's reply that no
 * rule recognises goes to Human review, where it is read, opened and closed as Qualified, and leaves the list.
 */
const e2e = useOpenabmAndBrowser({ hookTimeoutMs: 240_000 });

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

/** On the campaign page: the lead's next e-mail goes out now instead of at its slot. */
async function sendNextEmailNow(page: Page, email: string): Promise<void> {
  await page.getByRole('table', { name: 'Conversations' }).getByRole('row').filter({ hasText: email }).getByRole('button').first().click();
  const drawer = page.getByRole('dialog', { name: 'Conversation' });
  await drawer.getByRole('button', { name: 'Send next e-mail now' }).click();
  await drawer.getByLabel('outbound e-mail').first().waitFor();
  await page.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
}

/** The lead's side: the sandbox mailbox shows the assistant's e-mail; the lead answers it. */
async function answerAsLead(page: Page, email: string, text: string): Promise<void> {
  await nav(page, 'Lead mailbox (sandbox)');
  await page.getByRole('navigation', { name: 'Leads' }).getByText(email, { exact: false }).click();
  await page.getByLabel('outbound e-mail').first().getByText('Quick question,', { exact: false }).waitFor();
  await page.getByLabel('Reply', { exact: true }).fill(text);
  await page.getByRole('button', { name: 'Send reply' }).click();
}

describe('Conversational Email as the demo administrator', () => {
  it('runs a campaign on a Salesforce report from set-up to a qualified reply written back to Salesforce, and a reply closed in Human review', async () => {
    const page = await e2e.logInAs('primary_admin');
    // Many steps wait on the worker (report poll, write-back): allow more than the harness's 15 s per step.
    page.setDefaultTimeout(30_000);
    await openIntegrations(page);
    await startConnectingSandboxSalesforce(page);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(/\/settings\/integrations\?connected=salesforce$/);
    await waitForApp(page);

    // Settings: the pre-flight check, then openabm's own fields created through the Tooling API.
    await nav(page, 'Email settings');
    await page.getByRole('button', { name: 'Run the check' }).click();
    await page.getByText('Ready: Salesforce gives openabm everything it needs.').waitFor();
    await page.getByRole('button', { name: 'Check and set up fields' }).click();
    await page.getByText(/^Fields ready; created .*Lead\.openabm_ce_status__c/).waitFor();
    await saveScreenshot(page, 'ce-settings');

    // An assistant, then a campaign on the "Webinar Leads to Follow Up" report, sending every day of the week.
    await nav(page, 'Campaigns');
    await page.getByRole('button', { name: 'New assistant' }).click();
    const assistantDialog = page.getByRole('dialog', { name: 'New e-mail assistant' });
    await assistantDialog.getByLabel('Name').fill('Ava Assistant');
    await assistantDialog.getByLabel('Sender address').fill('ava@openabm-demo.example');
    await assistantDialog.getByLabel('Time zone').fill('UTC');
    await assistantDialog.getByRole('button', { name: 'Create assistant' }).click();
    await assistantDialog.waitFor({ state: 'hidden' });
    await page.getByRole('table', { name: 'E-mail assistants' }).getByText('ava@openabm-demo.example').waitFor();

    await page.getByRole('button', { name: 'New campaign' }).click();
    const campaignDialog = page.getByRole('dialog', { name: 'New campaign' });
    await campaignDialog.getByLabel('Campaign name').fill('Webinar follow-up');
    await campaignDialog.getByRole('combobox', { name: 'E-mail assistant' }).click();
    await page.getByRole('option', { name: 'Ava Assistant <ava@openabm-demo.example>' }).click();
    await campaignDialog.getByRole('combobox', { name: 'Salesforce report to watch' }).click();
    await page.getByRole('option', { name: 'Webinar Leads to Follow Up' }).click();
    // A one-hour window half a day away: the 5-minute send cron sends nothing during the test, "Send now" does.
    const closedHour = Math.min((new Date().getUTCHours() + 12) % 24, 22);
    await campaignDialog.getByLabel('Time zone').fill('UTC');
    await campaignDialog.getByLabel('Sending from (hour)').fill(String(closedHour));
    await campaignDialog.getByLabel('Until (hour)').fill(String(closedHour + 1));
    await campaignDialog.getByText('Sat', { exact: true }).click();
    await campaignDialog.getByText('Sun', { exact: true }).click();
    expect(await campaignDialog.getByRole('checkbox', { name: 'Sun' }).isChecked()).toBe(true);
    await campaignDialog.getByRole('button', { name: 'Create campaign' }).click();
    await page.waitForURL(/\/conversational-email\/campaigns\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'Webinar follow-up' }).waitFor();

    // Start: the report is read at once and its leads enroll.
    await page.getByRole('button', { name: 'Start now' }).click();
    await page.getByLabel('Campaign status').filter({ hasText: 'running' }).waitFor();
    const conversations = page.getByRole('table', { name: 'Conversations' });
    await conversations.getByRole('row').nth(1).waitFor({ timeout: 30_000 });
    const enrolled = await conversations.getByRole('row').count();
    expect(enrolled - 1).toBeGreaterThanOrEqual(2);
    await saveScreenshot(page, 'ce-campaign-enrolled');

    // Rows move (newest change first): find them by e-mail. Column 0 holds the selection checkbox.
    const emailInRow = async (index: number) => (await conversations.getByRole('row').nth(index).getByRole('cell').nth(2).textContent()) ?? '';
    const leadEmail = await emailInRow(1);
    const pausedEmail = await emailInRow(2);
    expect([leadEmail, pausedEmail]).toEqual([expect.stringMatching(/@/), expect.stringMatching(/@/)]);

    // Pause one conversation from the list: the Paused badge, and Salesforce's status reads Paused; then resume it.
    // The Salesforce status (column 4) in words, never its stored value (paused, not_started).
    const salesforceStatusOf = (row: Locator) => row.getByRole('cell').nth(4);
    const pausedRow = conversations.getByRole('row').filter({ hasText: pausedEmail });
    await pausedRow.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Pause selected (1)' }).click();
    await salesforceStatusOf(pausedRow).filter({ hasText: /^Paused$/ }).waitFor();
    await pausedRow.getByRole('cell').nth(3).getByText('Paused', { exact: true }).first().waitFor();
    await pausedRow.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Resume selected (1)' }).click();
    await salesforceStatusOf(pausedRow).filter({ hasText: /^Not Started$/ }).waitFor();

    // The first lead's e-mail goes out now instead of at its slot, and the lead answers it.
    await sendNextEmailNow(page, leadEmail);
    await answerAsLead(page, leadEmail, "Sounds great, let's set up a call next week.");
    await page.getByLabel('Conversation status').filter({ hasText: 'Qualified' }).waitFor();
    await page.getByLabel('Reply class').filter({ hasText: /^Interested$/ }).waitFor();
    await saveScreenshot(page, 'ce-mailbox-qualified');

    // Back on the campaign: the funnel counts the reply, and Salesforce has the status and the Tasks.
    await nav(page, 'Campaigns');
    await page.getByRole('link', { name: 'Webinar follow-up' }).click();
    await page.getByTestId('count-Qualified').filter({ hasText: /^1$/ }).waitFor();
    expect(await page.getByTestId('count-Sent').textContent()).toBe('1');
    const qualifiedRow = page.getByRole('table', { name: 'Conversations' }).getByRole('row').filter({ hasText: leadEmail });
    await salesforceStatusOf(qualifiedRow).filter({ hasText: /^Qualified$/ }).waitFor();
    await qualifiedRow.getByRole('button').first().click();
    const writeBack = page.getByRole('dialog', { name: 'Conversation' }).getByRole('table', { name: 'Salesforce write-back' });
    await writeBack.getByRole('row').filter({ hasText: 'status=qualified' }).filter({ hasText: 'written' }).waitFor({ timeout: 30_000 });
    await writeBack.getByRole('row').filter({ hasText: /^Task.*Email: Quick question/ }).filter({ hasText: /Written \(00T/ }).waitFor({ timeout: 30_000 });
    await writeBack.getByRole('row').filter({ hasText: /^Task.*Reply: Re: Quick question/ }).filter({ hasText: /Written \(00T/ }).waitFor({ timeout: 30_000 });
    await saveScreenshot(page, 'ce-write-back');
    await page.keyboard.press('Escape');

    // The second lead answers with something no rule recognises: the conversation waits in Human review.
    await sendNextEmailNow(page, pausedEmail);
    const unclearReply = 'Which of our offices is this about? Our procurement runs through headquarters.';
    await answerAsLead(page, pausedEmail, unclearReply);
    await page.getByLabel('Conversation status').filter({ hasText: 'Human Review' }).waitFor();

    // A person reads the reply in Human review, opens the whole conversation, and closes the task as Qualified.
    await nav(page, 'Human review');
    await page.getByRole('heading', { name: 'Human review', level: 1 }).waitFor();
    const task = page.getByRole('region', { name: 'Review tasks' }).getByLabel(/^Review /).filter({ hasText: pausedEmail });
    await task.getByText(unclearReply).waitFor();
    expect(await task.textContent()).toContain('The reply needs a person: no rule recognised it');
    expect(await task.getByRole('link', { name: 'Webinar follow-up' }).count()).toBe(1);
    await task.getByRole('button', { name: 'Open the conversation' }).click();
    const taskDrawer = page.getByRole('dialog', { name: 'Conversation' });
    await taskDrawer.getByLabel('inbound e-mail').getByText(unclearReply, { exact: false }).waitFor();
    await taskDrawer.getByLabel('outbound e-mail').first().getByText('Quick question,', { exact: false }).waitFor();
    await saveScreenshot(page, 'ce-human-review-open');
    await page.keyboard.press('Escape');
    await taskDrawer.waitFor({ state: 'hidden' });
    const closeTask = task.getByRole('button', { name: 'Close the task' });
    expect(await closeTask.isDisabled()).toBe(true);
    await task.getByRole('radio', { name: 'Qualified' }).check();
    await closeTask.click();
    await task.waitFor({ state: 'detached' });
    await page.getByText('Nothing to review').waitFor();

    // The lead is handed off like a qualified reply: the campaign counts two qualified conversations.
    await nav(page, 'Campaigns');
    await page.getByRole('link', { name: 'Webinar follow-up' }).click();
    await page.getByTestId('count-Qualified').filter({ hasText: /^2$/ }).waitFor();
    await salesforceStatusOf(page.getByRole('table', { name: 'Conversations' }).getByRole('row').filter({ hasText: pausedEmail })).filter({ hasText: /^Qualified$/ }).waitFor();
  }, 300_000);
});
