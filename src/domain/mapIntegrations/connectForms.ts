import type { MapAuthKind, MapProviderId } from '../../ports/mapConnector';

export type ConnectField = 'clientId' | 'clientSecret' | 'instanceUrl' | 'munchkinId' | 'businessUnitId' | 'siteName' | 'userName' | 'password';

export interface ConnectForm {
  /** The first is the default. */
  readonly authKinds: readonly MapAuthKind[];
  /** Inputs per auth kind (the emulator fills them in sandbox mode). */
  readonly fields: Readonly<Partial<Record<MapAuthKind, readonly ConnectField[]>>>;
  /** What each required input is called in an error message. */
  readonly environments: readonly ('production' | 'sandbox')[];
}

/** What the connect dialog asks per provider (data, not a switch). */
export const CONNECT_FORMS: Readonly<Record<MapProviderId, ConnectForm>> = {
  hubspot: { authKinds: ['oauth_code'], fields: { oauth_code: ['clientId', 'clientSecret'] }, environments: ['production'] },
  marketo: { authKinds: ['client_credentials'], fields: { client_credentials: ['clientId', 'clientSecret', 'munchkinId', 'instanceUrl'] }, environments: ['production'] },
  pardot: { authKinds: ['oauth_code'], fields: { oauth_code: ['clientId', 'clientSecret', 'businessUnitId'] }, environments: ['production', 'sandbox'] },
  eloqua: {
    authKinds: ['oauth_code', 'basic'],
    fields: { oauth_code: ['clientId', 'clientSecret'], basic: ['siteName', 'userName', 'password'] },
    environments: ['production'],
  },
};

export const CONNECT_FIELD_LABELS: Readonly<Record<ConnectField, string>> = {
  clientId: 'client id',
  clientSecret: 'client secret',
  instanceUrl: 'REST endpoint URL',
  munchkinId: 'Munchkin id',
  businessUnitId: 'business unit id',
  siteName: 'company (site) name',
  userName: 'user name',
  password: 'password',
};

/** The inputs still missing, in plain words ("Enter the client id and client secret."), or undefined. */
export function missingFieldsMessage(missing: readonly ConnectField[]): string | undefined {
  if (missing.length === 0) return undefined;
  const names = missing.map((field) => CONNECT_FIELD_LABELS[field]);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  return `Enter the ${list}.`;
}
