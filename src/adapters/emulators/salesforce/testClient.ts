import { startSalesforceEmulator, type SalesforceEmulator, type SalesforceEmulatorOptions } from './index';

/** Test helper: a small emulator org and raw-fetch helpers speaking the wire format (no connector code). */
export interface WireClient {
  readonly emulator: SalesforceEmulator;
  accessToken: string;
  token(form: Record<string, string>): Promise<Response>;
  refresh(): Promise<string>;
  api(path: string, init?: RequestInit): Promise<Response>;
  json<T = unknown>(path: string, init?: RequestInit): Promise<T>;
}

export const API = '/services/data/v62.0';

export async function startWireClient(options: SalesforceEmulatorOptions = {}): Promise<WireClient> {
  const emulator = await startSalesforceEmulator({ accountCount: 300, ...options });
  const client: WireClient = {
    emulator,
    accessToken: '',
    token: (form) =>
      fetch(`${emulator.baseUrl}/services/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) }),
    async refresh() {
      const response = await client.token({ grant_type: 'refresh_token', refresh_token: emulator.credentials.refreshToken, client_id: emulator.credentials.clientId, client_secret: emulator.credentials.clientSecret });
      const body = (await response.json()) as { access_token: string };
      client.accessToken = body.access_token;
      return body.access_token;
    },
    api: (path, init = {}) =>
      fetch(`${emulator.baseUrl}${path.startsWith('/services') ? path : `${API}${path}`}`, {
        ...init,
        headers: { authorization: `Bearer ${client.accessToken}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...(init.headers as Record<string, string> | undefined) },
      }),
    async json<T>(path: string, init?: RequestInit) {
      const response = await client.api(path, init);
      if (!response.ok) throw new Error(`${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  };
  await client.refresh();
  return client;
}

export function soql(query: string): string {
  return `/query?q=${encodeURIComponent(query)}`;
}
