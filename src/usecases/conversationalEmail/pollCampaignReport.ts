import { findCampaign, findCeSettings, updateCampaign } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { reportRowsOf, upsertReportRows } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { findCrmApiUsage, findCrmConnection } from '../../adapters/db/repositories/crmConnections';
import { usageDay } from '../../domain/budget/apiAllowance';
import { isCampaignEnrolling, isCampaignStatus } from '../../domain/conversationalEmail/campaignState';
import { isCrmConnectorError } from '../../domain/integrations/crmErrors';
import { ceGateway, requestWriteback, type CeDeps } from './ceDeps';
import { CampaignCallCapReached, withCeSalesforce } from './ceSession';
import { enrollPeople, type EnrollmentCounts } from './enrollPeople';

export type PollOutcome = 'polled' | 'skipped' | 'paused_cap' | 'paused_budget';

export interface PollResult {
  readonly outcome: PollOutcome;
  readonly reportRows: number;
  readonly newRows: number;
  readonly counts: EnrollmentCounts;
  readonly reason: string | null;
}

export const PAUSE_REASONS = {
  dailyCap: (cap: number) => `Paused: the campaign reached its daily cap of ${cap} Salesforce API calls. Polling resumes tomorrow (UTC) or when you raise the cap.`,
  budgetLow: (percent: number) => `Paused: the org's Salesforce API budget is running low; ${percent}% is kept for the CRM sync. Polling resumes when the budget renews.`,
} as const;

const EMPTY: EnrollmentCounts = { enrolled: 0, unsynced: 0, import_error: 0, enrollment_error: 0 };

/**
 * One 15-minute poll of a campaign's report: read the report, import the rows not seen before (and retry Unsynced
 * ones), enroll them under the auto-import rules. Counted per campaign; pauses itself at the campaign's daily cap or
 * when the org's budget reaches the CRM sync's reserved share, and resumes on its own the next day.
 */
export async function pollCampaignReport({ orgId, input }: { orgId: string; input: { campaignId: string } }, deps: CeDeps): Promise<PollResult> {
  const campaign = await findCampaign(deps.db, orgId, input.campaignId);
  if (!campaign || !campaign.reportId || !campaign.reportObject || !isCampaignStatus(campaign.status) || !isCampaignEnrolling(campaign.status) || !campaign.isAutoImport) {
    return { outcome: 'skipped', reportRows: 0, newRows: 0, counts: EMPTY, reason: null };
  }
  const now = deps.clock.now();
  const today = usageDay(now);
  if (campaign.apiPausedAt && usageDay(campaign.apiPausedAt) === today && campaign.apiPausedReason) {
    return { outcome: campaign.apiPausedReason.includes('daily cap') ? 'paused_cap' : 'paused_budget', reportRows: 0, newRows: 0, counts: EMPTY, reason: campaign.apiPausedReason };
  }
  const settings = await findCeSettings(deps.db, orgId);
  const connection = await findCrmConnection(deps.db, orgId, 'salesforce');
  const usage = await findCrmApiUsage(deps.db, orgId, 'salesforce', today);
  if (connection && usage) {
    // The CRM sync keeps its reserved share: CE polling is the first to stop when the budget runs low.
    const ceCeiling = Math.floor((connection.dailyApiAllowance * (100 - settings.crmReservedSharePercent)) / 100);
    if (usage.callCount >= ceCeiling) return pause(orgId, campaign.id, PAUSE_REASONS.budgetLow(settings.crmReservedSharePercent), 'paused_budget', deps);
  }
  if (campaign.apiPausedReason) await updateCampaign(deps.db, orgId, campaign.id, { apiPausedReason: null, apiPausedAt: null, updatedAt: now });

  const object = campaign.reportObject === 'contact' ? 'contact' : 'lead';
  const reportId = campaign.reportId;
  let reportRows = 0;
  let newRows = 0;
  try {
    const counts = await withCeSalesforce(
      orgId,
      deps,
      async (ctx) => {
        const run = await ceGateway(deps).runReport(ctx, reportId, object);
        reportRows = run.crmIds.length;
        const seen = new Map((await reportRowsOf(deps.db, orgId, campaign.id)).map((row) => [row.crmId, row.outcome]));
        const toImport = run.crmIds.filter((id) => !seen.has(id) || seen.get(id) === 'unsynced');
        newRows = toImport.filter((id) => !seen.has(id)).length;
        if (toImport.length === 0) return EMPTY;
        const records = await ceGateway(deps).fetchPeople(ctx, object, toImport, { dncField: settings.dncField, extraFields: [] });
        const enrolled = new Set([...seen].filter(([, outcome]) => outcome === 'enrolled').map(([id]) => id));
        const counts = await enrollPeople(orgId, campaign, object, records, { via: 'report', alreadyEnrolledIds: enrolled }, deps);
        // Rows the query did not return (deleted, or not visible to the integration user) are not yet pulled.
        const returned = new Set(records.map((record) => record.crmId));
        const missing = toImport.filter((id) => !returned.has(id));
        if (missing.length > 0) {
          await upsertReportRows(deps.db, orgId, missing.map((crmId) => ({ campaignId: campaign.id, crmId, outcome: 'unsynced', reason: 'Record not yet pulled from Salesforce', email: null, firstSeenAt: now, updatedAt: now })));
          counts.unsynced += missing.length;
        }
        return counts;
      },
      { id: campaign.id, dailyCap: campaign.dailyApiCallCap },
    );
    await updateCampaign(deps.db, orgId, campaign.id, { lastPolledAt: now, updatedAt: now });
    if (counts.enrolled + counts.import_error > 0) await requestWriteback(orgId, deps);
    return { outcome: 'polled', reportRows, newRows, counts, reason: null };
  } catch (error) {
    if (error instanceof CampaignCallCapReached) return pause(orgId, campaign.id, PAUSE_REASONS.dailyCap(campaign.dailyApiCallCap), 'paused_cap', deps);
    if (isCrmConnectorError(error) && error.kind === 'api_limit') return pause(orgId, campaign.id, PAUSE_REASONS.budgetLow(settings.crmReservedSharePercent), 'paused_budget', deps);
    throw error;
  }
}

async function pause(orgId: string, campaignId: string, reason: string, outcome: PollOutcome, deps: CeDeps): Promise<PollResult> {
  const now = deps.clock.now();
  await updateCampaign(deps.db, orgId, campaignId, { apiPausedReason: reason, apiPausedAt: now, updatedAt: now });
  return { outcome, reportRows: 0, newRows: 0, counts: EMPTY, reason };
}
