import { IngestionServiceClient, protos, UserListServiceClient } from '@google-ads/datamanager';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../kit/hashing';
import { startGoogleEmulator, type GoogleEmulator } from './index';

const CONTACT_ID = protos.google.ads.datamanager.v1.IngestedUserListInfo.UploadKeyType.CONTACT_ID;
let emulator: GoogleEmulator;
let auth: OAuth2Client;

beforeAll(async () => {
  emulator = await startGoogleEmulator({ writeHoldMs: 0 });
  const { credentials, baseUrl } = emulator;
  // google-auth-library refreshes against the emulator's token endpoint; the clients send REST (fallback) over http.
  auth = new OAuth2Client({ clientId: credentials.clientId, clientSecret: credentials.clientSecret, endpoints: { oauth2TokenUrl: `${baseUrl}/token` } });
  auth.setCredentials({ refresh_token: credentials.refreshToken });
});

afterAll(async () => emulator.close());

function clientOptions() {
  const { port } = new URL(emulator.baseUrl);
  return { fallback: true, apiEndpoint: '127.0.0.1', port: Number(port), protocol: 'http', authClient: auth } as const;
}

describe('@google-ads/datamanager (REST fallback) against the Google emulator', () => {
  it('creates a user list, ingests and removes members, reads the asynchronous request status and the list size', async () => {
    const accountId = emulator.credentials.adAccountId;
    const userLists = new UserListServiceClient(clientOptions());
    const [created] = await userLists.createUserList({
      parent: `accountTypes/GOOGLE_ADS/accounts/${accountId}`,
      userList: { displayName: 'openabm — ICP Tier 1', description: 'Data Manager client fidelity', membershipDuration: { seconds: 30 * 86_400 }, ingestedUserListInfo: { uploadKeyTypes: [CONTACT_ID] } },
    });
    expect(created.name).toMatch(new RegExp(`^accountTypes/GOOGLE_ADS/accounts/${accountId}/userLists/\\d+$`));
    const listId = String(created.id);

    const ingestion = new IngestionServiceClient(clientOptions());
    const emails = Array.from({ length: 250 }, (_, index) => sha256Hex(`buyer${index}@example.com`));
    const destinations = [{ operatingAccount: { accountType: 'GOOGLE_ADS' as const, accountId }, productDestinationId: listId }];
    const [ingested] = await ingestion.ingestAudienceMembers({
      destinations,
      audienceMembers: emails.map((email) => ({ userData: { userIdentifiers: [{ emailAddress: email }] } })),
      consent: { adUserData: 'CONSENT_GRANTED', adPersonalization: 'CONSENT_GRANTED' },
      encoding: 'HEX',
      termsOfService: { customerMatchTermsOfServiceStatus: 'ACCEPTED' },
    });
    expect(ingested.requestId).toBeTruthy();

    const [processing] = await ingestion.retrieveRequestStatus({ requestId: ingested.requestId ?? '' });
    expect(processing.requestStatusPerDestination?.[0]?.requestStatus).toBe('PROCESSING');
    emulator.state.options.clock.advance(10_000);
    const [done] = await ingestion.retrieveRequestStatus({ requestId: ingested.requestId ?? '' });
    const status = done.requestStatusPerDestination?.[0];
    expect(status?.requestStatus).toBe('SUCCESS');
    expect(String(status?.audienceMembersIngestionStatus?.userDataIngestionStatus?.recordCount)).toBe('250');

    const [removed] = await ingestion.removeAudienceMembers({ destinations, audienceMembers: emails.slice(0, 50).map((email) => ({ userData: { userIdentifiers: [{ emailAddress: email }] } })), encoding: 'HEX' });
    expect(removed.requestId).toBeTruthy();
    emulator.state.options.clock.advance(10_000);

    const inspected = (await (await fetch(`${emulator.baseUrl}/__emulator/audiences/${listId}/members`)).json()) as { memberCount: number; matchedCount: number; members: { identifiers: { EMAIL: string } }[] };
    expect(inspected.members.map((member) => member.identifiers.EMAIL).sort()).toEqual(emails.slice(50).sort());
    const [read] = await userLists.getUserList({ name: created.name ?? '' });
    expect(String(read.sizeInfo?.searchNetworkMembersCount)).toBe(String(inspected.matchedCount));
  });

  it('refuses a malformed hash with INVALID_SHA256_FORMAT naming the field', async () => {
    const ingestion = new IngestionServiceClient(clientOptions());
    const [list] = await new UserListServiceClient(clientOptions()).createUserList({
      parent: `accountTypes/GOOGLE_ADS/accounts/${emulator.credentials.adAccountId}`,
      userList: { displayName: 'openabm — bad hashes', ingestedUserListInfo: { uploadKeyTypes: [CONTACT_ID] } },
    });
    const failure = await ingestion
      .ingestAudienceMembers({
        destinations: [{ operatingAccount: { accountType: 'GOOGLE_ADS', accountId: emulator.credentials.adAccountId }, productDestinationId: String(list.id) }],
        audienceMembers: [{ userData: { userIdentifiers: [{ emailAddress: sha256Hex('ok@example.com') }] } }, { userData: { userIdentifiers: [{ emailAddress: 'abc123' }] } }],
        encoding: 'HEX',
      })
      .then(
        () => undefined,
        (error: { code?: number; message?: string }) => error,
      );
    // REST fallback surfaces the HTTP status and the google.rpc.Status message.
    expect(failure?.code).toBe(400);
    expect(failure?.message).toContain('not a lowercase hex SHA-256 digest');
  });
});
