import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CRM_MESSAGES } from '../../../domain/crmSources/messages';
import { startDynamicsTestBed, type DynamicsTestBed } from './testSetup';

let bed: DynamicsTestBed;
beforeAll(async () => {
  bed = await startDynamicsTestBed({ accountCount: 40, inactiveAccountCount: 0, connector: { requestTimeoutMs: 100 } });
});
afterEach(() => bed.clearFaults());
afterAll(() => bed.close());

const allAccounts = { objectType: 'account', modifiedSince: undefined, pageToken: undefined } as const;

describe('Dynamics connector: provider faults', () => {
  it.each(['0x80072322', '0x80072321', '0x80072326'] as const)('waits the whole Retry-After of a %s service-protection 429, then succeeds', async (code) => {
    const test = await bed.connect();
    bed.inject('throttled', { code, retryAfterSeconds: 7 });
    const page = await bed.connector.readChanges(test.ctx, allAccounts);
    expect(page.records).toHaveLength(40);
    expect(test.sleeps).toEqual([7000]);
    expect(test.statuses).toEqual([429, 200]);
  });

  it('gives up with a retry error carrying Retry-After when throttling outlasts its attempts', async () => {
    const test = await bed.connect();
    bed.inject('throttled', { retryAfterSeconds: 3, times: 10 });
    const error = await bed.connector.readChanges(test.ctx, allAccounts).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'retry', retryAfterMs: 3000, message: 'Dynamics 365 is busy or unavailable; the call will be retried later.' });
    expect(test.statuses).toEqual([429, 429, 429, 429]);
  });

  it.each([500, 503] as const)('backs off after a %s and succeeds on the next attempt', async (status) => {
    const test = await bed.connect();
    bed.inject('serverError', { status, times: 2 });
    const page = await bed.connector.readChanges(test.ctx, allAccounts);
    expect(page.records).toHaveLength(40);
    expect(test.sleeps).toEqual([1000, 2000]);
  });

  it('stops for the day with the specification message when the daily quota is exhausted', async () => {
    const test = await bed.connect();
    bed.inject('dailyQuotaExhausted');
    const error = await bed.connector.readChanges(test.ctx, allAccounts).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'api_limit', message: CRM_MESSAGES.apiLimitReached });
    expect(test.sleeps).toEqual([]);
  });

  it('never calls past the organisation allowance (beforeCall refuses)', async () => {
    const test = await bed.connect({ allowance: 0 });
    const error = await bed.connector.readChanges(test.ctx, allAccounts).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'api_limit', message: CRM_MESSAGES.apiLimitReached });
    expect(bed.emulator.server.requestsTo('/api/data')).toHaveLength(0);
  });

  it('reports a missing read privilege as a permanent 0x80040220 error', async () => {
    const test = await bed.connect();
    bed.inject('permissionDenied', { entitySets: ['contacts'] });
    const error = await bed.connector.readChanges(test.ctx, { ...allAccounts, objectType: 'contact' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'permanent', code: '0x80040220' });
    expect((error as Error).message).toContain('prvReadContact');
  });

  it('retries a response slower than the request timeout', async () => {
    const test = await bed.connect();
    bed.inject('slow', { delayMs: 400, times: 1 });
    const page = await bed.connector.readChanges(test.ctx, allAccounts);
    expect(page.records).toHaveLength(40);
    expect(test.sleeps).toEqual([1000]);
  });
});
