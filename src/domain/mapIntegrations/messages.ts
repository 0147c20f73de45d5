import type { MapProviderId } from '../../ports/mapConnector';

/** Display names and user-facing texts of the MAP integrations (no provider switch elsewhere). */
export const MAP_DISPLAY_NAMES: Readonly<Record<MapProviderId, string>> = {
  hubspot: 'HubSpot',
  marketo: 'Marketo',
  pardot: 'Pardot',
  eloqua: 'Eloqua',
};

export function mapApiLimitReachedMessage(provider: MapProviderId): string {
  return `Daily ${MAP_DISPLAY_NAMES[provider]} API Limits have been reached, please try again later. Contact your administrator about increasing these limits.`;
}

export function mapLoginRefusedMessage(provider: MapProviderId): string {
  const name = MAP_DISPLAY_NAMES[provider];
  return `Unable to log into ${name}, please contact your administrator about resetting your ${name} credentials.`;
}

export function mapNotConnectedMessage(provider: MapProviderId): string {
  return `${MAP_DISPLAY_NAMES[provider]} is not connected. Connect it in Settings > Integrations first.`;
}

/** openabm's default daily call allowance per provider: a share of each provider's own daily quota. */
export const DEFAULT_MAP_DAILY_ALLOWANCE: Readonly<Record<MapProviderId, number>> = {
  hubspot: 100_000,
  marketo: 10_000,
  pardot: 10_000,
  eloqua: 20_000,
};

/** Refresh an access token this long before the provider said it ends (HubSpot: "do not wait for a 401"). */
export const TOKEN_REFRESH_MARGIN_MS = 5 * 60_000;
