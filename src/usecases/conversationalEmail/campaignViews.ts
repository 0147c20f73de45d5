import { findAssistant, totalCampaignCalls, campaignCallsOn, findCeSettings, type CeCampaignRow } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { conversationCounts, conversationFlagCounts } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { campaignMessageCounts } from '../../adapters/db/repositories/conversationalEmail/messagesRepo';
import { usageDay } from '../../domain/budget/apiAllowance';
import { batchedExpectation, specWorstCase } from '../../domain/conversationalEmail/estimator';
import { parseBusinessHours, parseSteps } from '../../domain/conversationalEmail/sequence';
import type { CeDeps } from './ceDeps';

/** What the campaign pages show: the campaign, its assistant, the funnel, the live API counter and the estimate. */
export async function campaignView(orgId: string, campaign: CeCampaignRow, deps: Pick<CeDeps, 'db' | 'clock'>) {
  const assistant = await findAssistant(deps.db, orgId, campaign.assistantId);
  const flags = await conversationFlagCounts(deps.db, orgId, campaign.id);
  const byStatus = await conversationCounts(deps.db, orgId, campaign.id);
  const messages = await campaignMessageCounts(deps.db, orgId, campaign.id);
  const settings = await findCeSettings(deps.db, orgId);
  const steps = parseSteps(campaign.mainSequence);
  const callsToday = await campaignCallsOn(deps.db, orgId, campaign.id, usageDay(deps.clock.now()));
  const callsTotal = await totalCampaignCalls(deps.db, orgId, campaign.id);
  const days = 30;
  const estimateInput = { watchedReports: campaign.reportId ? 1 : 0, contacts: Math.max(flags.enrolled, 500), emailsInMainSequence: steps.length, days, isActivitySyncOn: settings.isActivitySyncOn };
  return {
    id: campaign.id,
    name: campaign.name,
    status: campaign.status,
    assistant: assistant ? { id: assistant.id, name: assistant.name, email: assistant.email } : null,
    mainSequence: steps,
    followUpSequences: campaign.followUpSequences as Array<{ name: string; steps: typeof steps }>,
    businessHours: parseBusinessHours(campaign.businessHours),
    report: campaign.reportId ? { id: campaign.reportId, name: campaign.reportName ?? campaign.reportId, object: campaign.reportObject ?? 'lead' } : null,
    creatorName: campaign.creatorName,
    createdAt: campaign.createdAt.toISOString(),
    statusChangedAt: campaign.statusChangedAt.toISOString(),
    lastPolledAt: campaign.lastPolledAt?.toISOString() ?? null,
    funnel: { enrolled: flags.enrolled, sent: messages.sent, replied: flags.replied, qualified: byStatus.qualified ?? 0, dnc: flags.dnc, bounced: flags.bounced },
    statusCounts: byStatus,
    api: { callsToday, dailyCap: campaign.dailyApiCallCap, callsTotal, pausedReason: campaign.apiPausedReason, pausedAt: campaign.apiPausedAt?.toISOString() ?? null },
    estimate: {
      assumptions: estimateInput,
      specWorstCase: specWorstCase(estimateInput),
      batched: batchedExpectation(estimateInput),
      actual: { calls: callsTotal, emailsSent: messages.sent, storageMb: settings.isActivitySyncOn ? (messages.sent + messages.received) / 1000 : 0 },
    },
  };
}

export type CampaignView = Awaited<ReturnType<typeof campaignView>>;
