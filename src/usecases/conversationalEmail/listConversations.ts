import { findCampaign } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { listReportProblems, pageConversations } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { notFound } from '../../domain/appError';
import { CONVERSATION_STATUS_FACTS, crmStatusValue, isConversationStatus } from '../../domain/conversationalEmail/conversationStatus';
import { IMPORT_OUTCOME_LABELS, type ImportOutcome } from '../../domain/conversationalEmail/importRules';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, type CeDeps } from './ceDeps';

/** A campaign's conversations (one per enrolled person), a page at a time, and the rows that could not be enrolled. */
export async function listConversations(
  { orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: { campaignId: string; page: number; pageSize: number } },
  deps: Pick<CeDeps, 'db'>,
) {
  assertCeCan(actor, 'view', orgId);
  if (!(await findCampaign(deps.db, orgId, input.campaignId))) throw notFound('The campaign');
  const offset = (input.page - 1) * input.pageSize;
  const page = await pageConversations(deps.db, orgId, input.campaignId, input.pageSize, offset);
  const problems = await listReportProblems(deps.db, orgId, input.campaignId, 100, 0);
  return {
    items: page.items.map(({ conversation, person }) => {
      const status = isConversationStatus(conversation.status) ? conversation.status : 'scheduled';
      return {
        id: conversation.id,
        personName: [person.firstName, person.lastName].filter(Boolean).join(' '),
        email: person.email ?? '',
        crmObject: person.crmObject,
        crmId: person.crmId,
        status,
        statusLabel: CONVERSATION_STATUS_FACTS[status].label,
        crmStatus: crmStatusValue(status, conversation.isPaused),
        isPaused: conversation.isPaused,
        lastIntent: conversation.lastIntent,
        reviewReason: conversation.reviewReason,
        nextSendAt: conversation.nextSendAt?.toISOString() ?? null,
        enrolledVia: conversation.enrolledVia,
        enrolledAt: conversation.enrolledAt.toISOString(),
      };
    }),
    total: page.total,
    page: input.page,
    pageSize: input.pageSize,
    problems: problems.items.map((row) => ({ crmId: row.crmId, email: row.email, outcome: row.outcome, outcomeLabel: IMPORT_OUTCOME_LABELS[row.outcome as ImportOutcome] ?? row.outcome, reason: row.reason ?? '' })),
    problemTotal: problems.total,
  };
}
