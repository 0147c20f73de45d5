import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DYNAMICS_UNREACHABLE_ADVICE } from './errors';
import { pkcePair, startDynamicsTestBed, type DynamicsTestBed } from './testSetup';

/**
 * A call a person waits on (CrmCallContext.isPersonWaiting, a check they started): Dynamics 365 and its login server
 * get one attempt and the short timeout (here 150 ms; the background timeout stays the production 120 s, which would
 * end these tests at their timeout), and the failure says what to do instead of promising a retry.
 */
let bed: DynamicsTestBed;
beforeAll(async () => {
  bed = await startDynamicsTestBed({ accountCount: 5, inactiveAccountCount: 0, connector: { personWaitingRequestTimeoutMs: 150 } });
});
afterEach(() => {
  bed.clearFaults();
  bed.tokenSleeps.length = 0;
});
afterAll(() => bed.close());

const allAccounts = { objectType: 'account', modifiedSince: undefined, pageToken: undefined } as const;
const isTokenCall = (request: { url: string }): boolean => request.url.includes('/oauth2/v2.0/token');

async function timed<T>(work: () => Promise<T>): Promise<{ outcome: unknown; elapsedMs: number }> {
  const startedAt = performance.now();
  const outcome = await work().catch((caught: unknown) => caught);
  return { outcome, elapsedMs: performance.now() - startedAt };
}

describe('Dynamics connector: a person waiting', () => {
  it('a Web API that does not answer ends the call after the short timeout, in one attempt, with the reason and what to do', async () => {
    const test = await bed.connect({ isPersonWaiting: true });
    bed.inject('slow', { delayMs: 5_000 });
    const { outcome, elapsedMs } = await timed(() => bed.connector.readChanges(test.ctx, allAccounts));
    expect(outcome).toMatchObject({ kind: 'retry', code: 'NETWORK_ERROR', message: `Dynamics 365 could not be reached (no answer in time). ${DYNAMICS_UNREACHABLE_ADVICE}` });
    expect(elapsedMs).toBeLessThan(4_000);
    expect(test.calls).toHaveLength(1);
    expect(test.sleeps).toEqual([]);
  });

  it('a busy Web API is not retried and is worded with what to do; a job retries it', async () => {
    const person = await bed.connect({ isPersonWaiting: true });
    bed.inject('serverError', { status: 503, times: 1 });
    const forPerson = await bed.connector.readChanges(person.ctx, allAccounts).catch((caught: unknown) => caught);
    expect(forPerson).toMatchObject({ kind: 'retry', message: 'Dynamics 365 is busy or unavailable; wait a few minutes, then try again.' });
    expect(person.statuses).toEqual([503]);
    expect(person.sleeps).toEqual([]);
    const job = await bed.connect();
    bed.inject('serverError', { status: 503, times: 1 });
    const page = await bed.connector.readChanges(job.ctx, allAccounts);
    expect(page.records).toHaveLength(5);
    expect(job.sleeps).toEqual([1000]);
  });

  it('a login server that does not answer a refresh ends the check after the short timeout, with the reason and what to do', async () => {
    const test = await bed.connect({ isPersonWaiting: true });
    bed.inject('expiredToken');
    bed.emulator.server.addFault({ label: 'silent login server', delayMs: 5_000, matches: isTokenCall });
    const { outcome, elapsedMs } = await timed(() => bed.connector.readChanges(test.ctx, allAccounts));
    expect(outcome).toMatchObject({ kind: 'retry', code: 'NETWORK_ERROR', message: `The Entra ID login server could not be reached (no answer in time). ${DYNAMICS_UNREACHABLE_ADVICE}` });
    expect(elapsedMs).toBeLessThan(4_000);
    expect(test.refreshCount).toBe(1);
    expect(bed.tokenSleeps).toEqual([]);
  });

  it('the connect dialog: a WhoAmI that does not answer ends after the short timeout, and the tokens are kept without the user’s ids', async () => {
    const pkce = pkcePair();
    const authorizeUrl = bed.connector.buildAuthorizationUrl(bed.settings, { state: 'state-1', codeChallenge: pkce.challenge });
    const redirect = new URL((await fetch(authorizeUrl, { redirect: 'manual' })).headers.get('location') ?? '');
    bed.emulator.server.addFault({ label: 'silent WhoAmI', delayMs: 5_000, matches: (request) => request.url.endsWith('/WhoAmI') });
    const { outcome, elapsedMs } = await timed(() => bed.connector.exchangeCode(bed.settings, { code: redirect.searchParams.get('code') ?? '', codeVerifier: pkce.verifier }));
    expect(outcome).toMatchObject({ instanceUrl: bed.emulator.credentials.orgUrl, externalUserId: undefined, externalOrgId: undefined });
    expect((outcome as { refreshToken?: string }).refreshToken).toBeTruthy();
    expect(elapsedMs).toBeLessThan(4_000);
  });

  it('a busy login server: a person waiting gets one attempt and what to do; a job’s refresh retries, then says it will be retried', async () => {
    bed.emulator.server.addFault({ label: 'busy login server', matches: isTokenCall, respond: (_request, reply) => reply.code(503).send('') });
    const forPerson = await bed.connector.refreshToken(bed.settings, bed.emulator.credentials.refreshToken, { isPersonWaiting: true }).catch((caught: unknown) => caught);
    expect(forPerson).toMatchObject({ kind: 'retry', message: 'Dynamics 365 is busy or unavailable; wait a few minutes, then try again.' });
    expect(bed.tokenSleeps).toEqual([]);
    const forJob = await bed.connector.refreshToken(bed.settings, bed.emulator.credentials.refreshToken).catch((caught: unknown) => caught);
    expect(forJob).toMatchObject({ kind: 'retry', message: 'Dynamics 365 is busy or unavailable; the call will be retried later.' });
    expect(bed.tokenSleeps).toHaveLength(3);
  });
});
