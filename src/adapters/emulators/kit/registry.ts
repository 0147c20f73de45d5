/**
 * Sandbox mode: every provider emulator is listed in ../index.ts, and `npm start` (sandbox) starts each one and
 * points the matching integration at it instead of the real provider.
 */
export interface RunningEmulator {
  /** Provider id, e.g. 'salesforce', as used by the connector registry. */
  readonly provider: string;
  readonly baseUrl: string;
  /** OAuth client and demo-user credentials for the sandbox org, printed by `openabm sandbox <provider>`. */
  readonly credentials: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

export interface EmulatorDefinition {
  readonly provider: string;
  readonly displayName: string;
  start(options: { port?: number; isLogging?: boolean }): Promise<RunningEmulator>;
}
