import type { StartMapConnectionInput } from '../../contracts/mapIntegrations';
import { AppError } from '../../domain/appError';
import { CONNECT_FORMS, missingFieldsMessage, type ConnectField } from '../../domain/mapIntegrations/connectForms';
import { MAP_DISPLAY_NAMES } from '../../domain/mapIntegrations/messages';
import type { MapAuthKind, MapProviderId } from '../../ports/mapConnector';
import { mapConnectorFor, mapOAuthRedirectUri, type MapIntegrationDeps } from '../integrations/mapSession';

export interface ConnectSettings {
  readonly authKind: MapAuthKind;
  readonly loginUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
  /** Not secret: stored in map_connections.extra. */
  readonly extra: Record<string, string>;
  readonly password: string | undefined;
}

/** Pardot's API host by environment (§2); the emulator serves login and API on one host. */
const PARDOT_HOSTS = { production: 'https://pi.pardot.com', sandbox: 'https://pi.demo.pardot.com' } as const;

/**
 * Turns the dialog's input into connection settings: the emulator's built-in credentials in sandbox mode, otherwise
 * what the admin typed, checked field by field with a plain message naming what is missing.
 */
export function resolveConnectSettings(provider: MapProviderId, input: StartMapConnectionInput, deps: MapIntegrationDeps): ConnectSettings {
  const form = CONNECT_FORMS[provider];
  const authKind = input.authKind ?? form.authKinds[0] ?? 'oauth_code';
  if (!form.authKinds.includes(authKind)) throw new AppError('validation_failed', `${MAP_DISPLAY_NAMES[provider]} does not connect by ${authKind.replace('_', ' ')}.`);
  const isEmulator = input.environment === 'emulator';
  const emulatorUrl = deps.sandboxUrls[provider];
  if (isEmulator && !emulatorUrl) throw new AppError('bad_request', `The ${MAP_DISPLAY_NAMES[provider]} emulator only runs in sandbox mode.`);
  const builtIn = isEmulator ? (deps.sandboxCredentials?.[provider] ?? {}) : {};
  const values: Record<ConnectField, string | undefined> = {
    clientId: input.clientId ?? builtIn.clientId,
    clientSecret: input.clientSecret ?? builtIn.clientSecret,
    instanceUrl: input.instanceUrl ?? (isEmulator ? emulatorUrl : undefined),
    munchkinId: input.munchkinId ?? builtIn.munchkinId,
    businessUnitId: input.businessUnitId ?? builtIn.businessUnitId,
    siteName: input.siteName ?? builtIn.siteName,
    userName: input.userName ?? builtIn.userName,
    password: input.password ?? builtIn.password,
  };
  const missing = (form.fields[authKind] ?? []).filter((field) => !values[field]);
  const message = missingFieldsMessage(missing);
  if (message) throw new AppError('validation_failed', message);
  if (values.instanceUrl && !isEmulator && !values.instanceUrl.startsWith('https://')) throw new AppError('validation_failed', 'The REST endpoint URL must start with https://.');
  const connector = mapConnectorFor(provider, deps);
  const fixedLogin = input.environment === 'emulator' ? emulatorUrl : connector.loginUrls[input.environment];
  const loginUrl = authKind === 'client_credentials' ? values.instanceUrl : fixedLogin;
  if (!loginUrl) throw new AppError('validation_failed', `${MAP_DISPLAY_NAMES[provider]} has no ${input.environment} login.`);
  const pardotUrl = provider === 'pardot' ? (isEmulator ? emulatorUrl : PARDOT_HOSTS[input.environment === 'sandbox' ? 'sandbox' : 'production']) : undefined;
  const extra: Record<string, string> = { authKind };
  for (const key of ['munchkinId', 'businessUnitId', 'siteName', 'userName'] as const) if (values[key] && (form.fields[authKind] ?? []).includes(key)) extra[key] = values[key];
  if (pardotUrl) extra.pardotUrl = pardotUrl;
  if (values.instanceUrl && authKind === 'client_credentials') extra.instanceUrl = values.instanceUrl;
  return {
    authKind,
    loginUrl: loginUrl.replace(/\/+$/, ''),
    clientId: values.clientId ?? '',
    clientSecret: values.clientSecret ?? '',
    redirectUri: mapOAuthRedirectUri(deps),
    extra,
    password: authKind === 'basic' ? values.password : undefined,
  };
}
