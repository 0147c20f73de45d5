import type { Logger } from 'pino';
import { salesforceCeGateway } from '../../adapters/connectors/salesforce/ceWrites';
import { ruleBasedReplyClassifier, type ReplyClassifier } from '../../domain/conversationalEmail/classifyReply';
import type { Actor } from '../../domain/permissions/policy';
import type { CeCrmGateway } from '../../ports/ceCrm';
import type { Mailer } from '../../ports/mailer';
import { assertCan as assertIntegrationsCan } from '../integrations/assertCan';
import type { IntegrationDeps } from '../integrations/integrationDeps';
import { AppError } from '../../domain/appError';
import { can, type Action } from '../../domain/permissions/policy';

/** What the Conversational Email use cases need. AppDeps satisfies it; tests add a fake clock and their own mailer. */
export interface CeDeps extends IntegrationDeps {
  readonly mailer: Mailer;
  readonly logger?: Logger;
  /** Defaults to the Salesforce implementation. */
  readonly ceCrm?: CeCrmGateway;
  /** Defaults to the rule table (domain/conversationalEmail/classifyReply.ts). */
  readonly replyClassifier?: ReplyClassifier;
  /** Sandbox mode: the port of the local inbound SMTP listener the sandbox mailbox answers through. */
  readonly ceInboundSmtpPort?: number | undefined;
  /** Tests only: called right after Salesforce answered a Task batch and before the journal records it (a crash). */
  readonly ceCrashAfterTaskBatch?: () => void;
}

export function ceGateway(deps: CeDeps): CeCrmGateway {
  return deps.ceCrm ?? salesforceCeGateway;
}

export function replyClassifierOf(deps: CeDeps): ReplyClassifier {
  return deps.replyClassifier ?? ruleBasedReplyClassifier;
}

/** Use cases check the permission too, so jobs and the CLI cannot skip what the route enforces. */
export function assertCeCan(actor: Actor | undefined, action: Action, orgId: string): void {
  if (action === 'integrations.manage') return assertIntegrationsCan(actor, action, orgId);
  if (!actor) return;
  if (actor.orgId !== orgId || !can(actor, action)) throw new AppError('forbidden', 'You do not have permission to manage Conversational Email campaigns.');
}

export const CE_WRITEBACK_JOB = 'ce.writeback.flush';
export const CE_POLL_JOB = 'ce.report.poll';

/** Queues a write-back flush for the org (one queued at a time). */
export async function requestWriteback(orgId: string, deps: CeDeps): Promise<void> {
  await deps.jobs?.enqueue(CE_WRITEBACK_JOB, { orgId }, { singletonKey: `ce-writeback:${orgId}` });
}

export function campaignUrl(deps: Pick<CeDeps, 'config'>, campaignId: string): string {
  return `${deps.config.publicUrl.replace(/\/+$/, '')}/conversational-email/campaigns/${campaignId}`;
}
