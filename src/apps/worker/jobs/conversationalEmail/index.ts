import { z } from 'zod';
import { listCampaignRows, listOrgsWithCampaigns } from '../../../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { CE_POLL_JOB, CE_WRITEBACK_JOB } from '../../../../usecases/conversationalEmail/ceDeps';
import { flushCeWrites } from '../../../../usecases/conversationalEmail/flushCeWrites';
import { pollCampaignReport } from '../../../../usecases/conversationalEmail/pollCampaignReport';
import { sendDueEmails } from '../../../../usecases/conversationalEmail/sendDueEmails';
import { defineJob } from '../../defineJob';

/** Conversational Email jobs (issue 12). Crons only enqueue; every handler is per org and idempotent. */
const orgPayload = z.object({ orgId: z.string().uuid() });

export const cePollAll = defineJob({
  name: 'ce.report.pollAll',
  payload: z.object({}),
  retryLimit: 1,
  retryDelaySeconds: 60,
  retryBackoff: false,
  expireInSeconds: 300,
  isPerOrg: false,
  handler: async (_payload, deps) => {
    for (const orgId of await listOrgsWithCampaigns(deps.db, ['running', 'scheduled'])) {
      for (const campaign of await listCampaignRows(deps.db, orgId, ['running', 'scheduled'])) {
        if (campaign.reportId) await deps.jobs.enqueue(CE_POLL_JOB, { orgId, campaignId: campaign.id }, { singletonKey: `ce-poll:${campaign.id}` });
      }
    }
  },
});

export const cePollReport = defineJob({
  name: CE_POLL_JOB as 'ce.report.poll',
  payload: z.object({ orgId: z.string().uuid(), campaignId: z.string().uuid() }),
  retryLimit: 2,
  retryDelaySeconds: 120,
  retryBackoff: true,
  expireInSeconds: 900,
  isPerOrg: true,
  handler: async (payload, deps) => {
    const result = await pollCampaignReport({ orgId: payload.orgId, input: { campaignId: payload.campaignId } }, deps);
    deps.logger.info({ orgId: payload.orgId, campaignId: payload.campaignId, outcome: result.outcome, counts: result.counts }, 'conversational email report poll');
  },
});

export const ceSendAll = defineJob({
  name: 'ce.send.all',
  payload: z.object({}),
  retryLimit: 1,
  retryDelaySeconds: 60,
  retryBackoff: false,
  expireInSeconds: 300,
  isPerOrg: false,
  handler: async (_payload, deps) => {
    for (const orgId of await listOrgsWithCampaigns(deps.db, ['running', 'paused', 'ended', 'canceled', 'scheduled'])) {
      await deps.jobs.enqueue('ce.send', { orgId }, { singletonKey: `ce-send:${orgId}` });
      // Retries journaled writes that a failed flush left behind.
      await deps.jobs.enqueue(CE_WRITEBACK_JOB, { orgId }, { singletonKey: `ce-writeback:${orgId}` });
    }
  },
});

export const ceSend = defineJob({
  name: 'ce.send',
  payload: orgPayload,
  retryLimit: 2,
  retryDelaySeconds: 60,
  retryBackoff: true,
  expireInSeconds: 900,
  isPerOrg: true,
  handler: async (payload, deps) => {
    const counts = await sendDueEmails({ orgId: payload.orgId }, deps);
    if (counts.sent + counts.bounced > 0) deps.logger.info({ orgId: payload.orgId, ...counts }, 'conversational email sends');
  },
});

export const ceWriteback = defineJob({
  name: CE_WRITEBACK_JOB as 'ce.writeback.flush',
  payload: orgPayload,
  retryLimit: 5,
  retryDelaySeconds: 120,
  retryBackoff: true,
  expireInSeconds: 1800,
  isPerOrg: true,
  handler: async (payload, deps) => {
    await flushCeWrites({ orgId: payload.orgId }, deps);
  },
});

export const conversationalEmailJobs = [cePollAll, cePollReport, ceSendAll, ceSend, ceWriteback] as const;
