import type { SandboxSmtpServer } from '../adapters/mailer/sandboxSmtpServer';
import type { AdChannelId } from '../domain/sync/channels';
import type { AdChannelConnector } from '../ports/adChannel';
import type { UseCaseDeps } from '../usecases/deps';
import type { Config } from './config';

/**
 * What the server, the worker and the CLI hand to use cases: the use cases' own deps (usecases/deps.ts) with the
 * whole Config. Built once in apps/runtime.ts (or by a test), never read from globals.
 */
export interface AppDeps extends UseCaseDeps {
  readonly config: Config;
  /** Sandbox mode without OPENABM_SMTP_URL: the local SMTP server that captures every message (Settings > Sandbox mailbox). */
  readonly sandboxMailbox?: SandboxSmtpServer | undefined;
  /** Sandbox mode: the port of the Conversational Email inbound SMTP listener (the sandbox mailbox answers through it). */
  readonly ceInboundSmtpPort?: number | undefined;
  /** Ad-channel connectors; unset, the use cases take adapters/connectors/adChannelRegistry.ts (tests replace them). */
  readonly adChannels?: Readonly<Record<AdChannelId, AdChannelConnector>>;
}
