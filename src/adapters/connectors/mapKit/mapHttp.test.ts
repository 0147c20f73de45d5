import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmConnectorError } from '../../../domain/integrations/crmErrors';
import type { MapCallContext } from '../../../ports/mapConnector';
import { requestHubSpotToken } from '../hubspot/oauth';
import { mapSend, tokenCall, type MapHttpOptions } from './mapHttp';

/**
 * The MAP connectors' shared call loop words its 'retry' failures for whoever waits: a job is told openabm tries again
 * later; a person waiting on the page (CrmCallContext.isPersonWaiting, the connect dialog) is told what to do, gets no
 * retries and a short timeout.
 */
let answer: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => response.end();
const server: Server = createServer((request, response) => answer(request, response));
let baseUrl: string;
let refusedUrl: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  refusedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise((resolve) => closed.close(resolve));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function context(instanceUrl: string, isPersonWaiting: boolean): MapCallContext & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    orgId: 'org',
    connectionId: 'connection',
    provider: 'hubspot',
    extra: {},
    instanceUrl,
    sleeps,
    accessToken: () => 'token',
    refreshAccessToken: () => Promise.reject(new Error('no refresh in this test')),
    beforeCall: async () => undefined,
    afterCall: async () => undefined,
    sleep: async (ms) => void sleeps.push(ms),
    now: () => new Date('2026-12-06T12:00:00Z'),
    ...(isPersonWaiting ? { isPersonWaiting } : {}),
  };
}

const options: MapHttpOptions = {
  providerName: 'Acme',
  requestTimeoutMs: 60_000,
  maxTransientRetries: 2,
  personWaitingRequestTimeoutMs: 200,
  classify: (response) => (response.status === 503 ? { kind: 'retry', code: 'HTTP_503', message: 'Acme answered HTTP 503', afterMs: undefined } : { kind: 'ok' }),
};

async function rejection(promise: Promise<unknown>): Promise<CrmConnectorError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  if (!(error instanceof CrmConnectorError)) throw new Error(`expected a CrmConnectorError, got ${String(error)}`);
  return error;
}

const unavailable = (_request: IncomingMessage, response: ServerResponse): void => {
  response.statusCode = 503;
  response.end('{}');
};

describe('mapSend', () => {
  it('a busy provider: a job retries and keeps the provider’s words; a person waiting is not retried and is told what to do', async () => {
    answer = unavailable;
    const job = context(baseUrl, false);
    const forJob = await rejection(mapSend(job, options, { method: 'GET', path: '/things' }));
    expect(forJob).toMatchObject({ kind: 'retry', code: 'HTTP_503', message: 'Acme answered HTTP 503' });
    expect(job.sleeps).toHaveLength(2);
    const person = context(baseUrl, true);
    const forPerson = await rejection(mapSend(person, options, { method: 'GET', path: '/things' }));
    expect(forPerson).toMatchObject({ kind: 'retry', code: 'HTTP_503', message: 'Acme answered HTTP 503. Wait a few minutes, then try again.' });
    expect(person.sleeps).toEqual([]);
  });

  it('a provider that never answers ends a person’s wait after the short timeout, with the reason and what to check', async () => {
    answer = () => undefined;
    const startedAt = performance.now();
    const error = await rejection(mapSend(context(baseUrl, true), options, { method: 'GET', path: '/things' }));
    expect(performance.now() - startedAt).toBeLessThan(10_000);
    expect(error.message).toBe(
      'Acme could not be reached (no answer in time). Check that Acme is reachable from the openabm server and that Settings > Integrations shows it connected (reconnect it there if not), then try again.',
    );
    server.closeAllConnections();
  });

  it('a refused connection: a job is told openabm tries again later (after its retries)', async () => {
    const job = context(refusedUrl, false);
    const error = await rejection(mapSend(job, options, { method: 'GET', path: '/things' }));
    expect(error).toMatchObject({ kind: 'retry', code: 'NETWORK_ERROR', message: 'Acme could not be reached (the connection was refused); openabm will try again later.' });
    expect(job.sleeps).toHaveLength(2);
  });
});

describe('token calls', () => {
  it('an unreachable login server, for a job and for a person waiting', async () => {
    const url = new URL('/oauth/token', refusedUrl);
    expect((await rejection(tokenCall('Acme', url, { method: 'POST' }, 1_000))).message).toBe('The Acme login server could not be reached; openabm will try again later.');
    expect((await rejection(tokenCall('Acme', url, { method: 'POST' }, 1_000, true))).message).toBe(
      'The Acme login server could not be reached. Check that Acme is reachable from the openabm server and that Settings > Integrations shows it connected (reconnect it there if not), then try again.',
    );
  });

  it('a busy HubSpot login server: a refresh (job) and the connect dialog (a person waiting)', async () => {
    answer = unavailable;
    const settings = { loginUrl: baseUrl, clientId: 'client', clientSecret: 'secret', redirectUri: 'http://localhost/cb', extra: {} };
    const forJob = await rejection(requestHubSpotToken(settings, { grant_type: 'refresh_token', refresh_token: 'r' }, 1_000));
    expect(forJob).toMatchObject({ kind: 'retry', message: 'The HubSpot login server is busy; openabm will try again later.' });
    const forPerson = await rejection(requestHubSpotToken(settings, { grant_type: 'authorization_code', code: 'c' }, 1_000, true));
    expect(forPerson).toMatchObject({ kind: 'retry', message: 'The HubSpot login server is busy; wait a few minutes, then try again.' });
  });
});
