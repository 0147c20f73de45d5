import { describe, expect, it } from 'vitest';
import { CONNECT_FORMS, missingFieldsMessage } from './connectForms';

describe('MAP connect forms', () => {
  it.each([
    [[], undefined],
    [['clientId'], 'Enter the client id.'],
    [['clientId', 'clientSecret', 'munchkinId'], 'Enter the client id, client secret and Munchkin id.'],
  ] as const)('missing %j → %s', (missing, message) => {
    expect(missingFieldsMessage(missing)).toBe(message);
  });

  it('asks Marketo for its Munchkin id and REST endpoint, Pardot for the business unit, Eloqua Basic for the password', () => {
    expect(CONNECT_FORMS.marketo.fields.client_credentials).toEqual(['clientId', 'clientSecret', 'munchkinId', 'instanceUrl']);
    expect(CONNECT_FORMS.pardot.fields.oauth_code).toContain('businessUnitId');
    expect(CONNECT_FORMS.eloqua.fields.basic).toEqual(['siteName', 'userName', 'password']);
  });
});
