import { findAssistant, insertCampaign, type CeCampaignRow } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { findUser } from '../../adapters/db/repositories/users';
import { AppError } from '../../domain/appError';
import { checkReportEligibility } from '../../domain/conversationalEmail/reportEligibility';
import { validateBusinessHours, type BusinessHours } from '../../domain/conversationalEmail/schedule';
import type { FollowUpSequence, SequenceStep } from '../../domain/conversationalEmail/sequence';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, ceGateway, type CeDeps } from './ceDeps';
import { withCeSalesforceForRequest } from './ceSession';

export interface CampaignInput {
  readonly name: string;
  readonly assistantId: string;
  readonly mainSequence: readonly SequenceStep[];
  readonly followUpSequences: readonly FollowUpSequence[];
  readonly businessHours: BusinessHours;
  /** The Salesforce report to watch; null for manual enrollment only. */
  readonly reportId: string | null;
  readonly dailyApiCallCap: number;
  readonly startsAt: Date | null;
}

/** A draft campaign. A watched report is checked first (format, report type, id column); a refused one names why. */
export async function createCampaign({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: CampaignInput }, deps: CeDeps): Promise<CeCampaignRow> {
  assertCeCan(actor, 'ce.manage', orgId);
  const assistant = await findAssistant(deps.db, orgId, input.assistantId);
  if (!assistant) throw new AppError('validation_failed', 'Choose an e-mail assistant for the campaign.');
  const hoursProblem = validateBusinessHours(input.businessHours);
  if (hoursProblem) throw new AppError('validation_failed', hoursProblem);
  let report: { reportId: string; reportName: string; reportObject: 'lead' | 'contact' } | undefined;
  if (input.reportId) {
    const reportId = input.reportId;
    const description = await withCeSalesforceForRequest(orgId, deps, (ctx) => ceGateway(deps).describeReport(ctx, reportId));
    const eligibility = checkReportEligibility(description);
    if (!eligibility.isEligible) throw new AppError('validation_failed', `The report "${description.name}" cannot feed a campaign. ${eligibility.reason}`);
    report = { reportId: description.id, reportName: description.name, reportObject: eligibility.personObject };
  }
  const creator = actor?.userId ? await findUser(deps.db, orgId, actor.userId) : undefined;
  const now = deps.clock.now();
  return insertCampaign(deps.db, orgId, {
    name: input.name.trim(),
    assistantId: assistant.id,
    status: 'draft',
    mainSequence: input.mainSequence,
    followUpSequences: input.followUpSequences,
    businessHours: input.businessHours,
    reportId: report?.reportId ?? null,
    reportName: report?.reportName ?? null,
    reportObject: report?.reportObject ?? null,
    dailyApiCallCap: input.dailyApiCallCap,
    startsAt: input.startsAt,
    createdBy: actor?.userId ?? null,
    creatorName: creator?.name ?? creator?.email ?? '',
    statusChangedAt: now,
    createdAt: now,
    updatedAt: now,
  });
}
