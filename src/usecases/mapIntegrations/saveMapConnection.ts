import { findMapConnection, upsertMapConnection, type MapConnectionRow } from '../../adapters/db/repositories/mapConnections';
import { DEFAULT_MAP_DAILY_ALLOWANCE } from '../../domain/mapIntegrations/messages';
import type { CrmTokenSet } from '../../ports/crmConnector';
import type { MapAuthKind, MapProviderId } from '../../ports/mapConnector';
import { secretBoxFor } from '../integrations/connectorFor';
import { tokenColumns, type MapIntegrationDeps } from '../integrations/mapSession';

export interface NewMapConnection {
  readonly orgId: string;
  readonly provider: MapProviderId;
  readonly authKind: MapAuthKind;
  readonly environment: string;
  readonly loginUrl: string;
  readonly clientId: string;
  /** Already sealed (from the OAuth state row) or plain (sealed here). */
  readonly clientSecret: { readonly sealed: string } | { readonly plain: string };
  readonly extra: Record<string, string>;
  readonly password: string | undefined;
  readonly credentialPolicy: string;
  readonly dailyApiAllowance: number | null | undefined;
  readonly connectedBy: string | null;
  readonly tokens: CrmTokenSet;
}

/** Connect or reconnect: stores the credentials sealed and the connection as connected. */
export async function saveMapConnection(connection: NewMapConnection, deps: MapIntegrationDeps): Promise<MapConnectionRow> {
  const box = secretBoxFor(deps);
  const now = deps.clock.now();
  const existing = await findMapConnection(deps.db, connection.orgId, connection.provider);
  return upsertMapConnection(deps.db, connection.orgId, connection.provider, {
    authKind: connection.authKind,
    status: 'connected',
    environment: connection.environment,
    loginUrl: connection.loginUrl,
    clientId: connection.clientId,
    clientSecretSealed: 'sealed' in connection.clientSecret ? connection.clientSecret.sealed : box.seal(connection.clientSecret.plain),
    refreshTokenSealed: box.seal(connection.tokens.refreshToken ?? ''),
    ...tokenColumns(connection.tokens, deps),
    extra: connection.extra,
    passwordSealed: connection.password === undefined ? null : box.seal(connection.password),
    credentialPolicy: connection.credentialPolicy,
    credentialsSetAt: now,
    externalOrgId: connection.tokens.externalOrgId ?? null,
    externalUserId: connection.tokens.externalUserId ?? null,
    dailyApiAllowance: connection.dailyApiAllowance ?? existing?.dailyApiAllowance ?? DEFAULT_MAP_DAILY_ALLOWANCE[connection.provider],
    statusReason: null,
    statusChangedAt: now,
    connectedBy: connection.connectedBy,
  });
}
