import { describe, expect, it } from 'vitest';
import { renderNotification } from './render';

const APP = 'http://openabm.test';

describe('renderNotification wording', () => {
  it('says "1 day", not "1 days", for a credential about to expire, and "3 days" otherwise', () => {
    expect(renderNotification('credential_expiring', { provider: 'salesforce', daysLeft: 1, expiresOn: '2026-03-01' }, APP).title).toBe('Salesforce credentials expire in 1 day');
    expect(renderNotification('credential_expiring', { provider: 'eloqua', daysLeft: 3, expiresOn: '2026-03-01' }, APP).title).toBe('Oracle Eloqua credentials expire in 3 days');
  });

  it('counts one open privacy request in the singular and leaves out an unknown oldest date', () => {
    const one = renderNotification('privacy_opt_out_reminder', { openCount: 1, oldestReceivedOn: '2026-03-01', handledLastWeek: 1 }, APP);
    expect(one.title).toBe('Privacy opt-out requests: 1 open');
    expect(one.whatHappened).toBe('1 privacy opt-out request is open (received on 2026-03-01); 1 was handled in the last 7 days.');
    const several = renderNotification('privacy_opt_out_reminder', { openCount: 4, oldestReceivedOn: '2026-02-20', handledLastWeek: 0 }, APP);
    expect(several.whatHappened).toBe('4 privacy opt-out requests are open (the oldest received on 2026-02-20); 0 were handled in the last 7 days.');
    expect(renderNotification('privacy_opt_out_reminder', { openCount: 2, oldestReceivedOn: null, handledLastWeek: 0 }, APP).whatHappened).toBe(
      '2 privacy opt-out requests are open; 0 were handled in the last 7 days.',
    );
  });

  it('counts web pages, visits and hours in the singular when there is one', () => {
    expect(renderNotification('web_few_pages', { pagesSeen: 1, minPages: 5 }, APP).whatHappened).toBe(
      'Visits to only 1 web page of your website were tracked by the openabm web tag in the last 7 days.',
    );
    expect(renderNotification('web_few_pages', { pagesSeen: 3, minPages: 5 }, APP).whatHappened).toContain('only 3 web pages of your website');
    expect(renderNotification('web_visit_drop', { lastWeekVisits: 1, weeklyAverage: 40, thresholdPercent: 50 }, APP).whatHappened).toBe(
      'The web tag recorded 1 visit in the last 7 days, under 50 % of the weekly average of the 4 weeks before (40).',
    );
    expect(renderNotification('data_sync_delayed', { provider: 'salesforce', scheduledAt: '02:00 UTC', delayHours: 6 }, APP).whatHappened).toContain('has not completed 6 hours later');
  });

  it('gives every message what happened and what to do, in the text and the HTML part', () => {
    const rendered = renderNotification('api_limit_reached', { provider: 'hubspot', allowance: 15000 }, APP);
    expect(rendered.text).toContain(`What happened: ${rendered.whatHappened}`);
    expect(rendered.text).toContain(`What to do: ${rendered.whatToDo}`);
    expect(rendered.html).toContain('<strong>What to do:</strong>');
  });
});
