import { randomBytes } from 'node:crypto';
import type { CeCampaignRow } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import {
  insertConversation,
  peopleByEmails,
  personIdsInOngoingConversations,
  upsertPeople,
  upsertReportRows,
  type CePersonRow,
} from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { CONVERSATION_STATUSES, isConversationEnded } from '../../domain/conversationalEmail/conversationStatus';
import { decideImport, type ImportOutcome } from '../../domain/conversationalEmail/importRules';
import { missingTagsForPerson } from '../../domain/conversationalEmail/mergeFields';
import { nextBusinessInstant } from '../../domain/conversationalEmail/schedule';
import { campaignTemplates, parseBusinessHours, parseFollowUps, parseSteps } from '../../domain/conversationalEmail/sequence';
import type { CePersonRecord, PersonObject } from '../../ports/ceCrm';
import type { CeDeps } from './ceDeps';
import { fieldWrite, journalPersonWrites } from './journalWrites';

export type EnrollmentCounts = Record<ImportOutcome, number>;

const ENDED_STATUSES = CONVERSATION_STATUSES.filter((status) => isConversationEnded(status));

/**
 * Imports people read from Salesforce and enrolls those the auto-import rules allow in the campaign; records every
 * row's outcome (Unsynced / Import Error / Enrollment Error with the reason) and journals the status write-back.
 * `alreadyEnrolledIds` are CRM ids with a conversation in this campaign.
 */
export async function enrollPeople(
  orgId: string,
  campaign: CeCampaignRow,
  object: PersonObject,
  records: readonly CePersonRecord[],
  options: { via: 'report' | 'manual'; alreadyEnrolledIds: ReadonlySet<string> },
  deps: CeDeps,
): Promise<EnrollmentCounts> {
  const now = deps.clock.now();
  const counts: EnrollmentCounts = { enrolled: 0, unsynced: 0, import_error: 0, enrollment_error: 0 };
  const people = await upsertPeople(
    deps.db,
    orgId,
    records.map((record) => ({
      crmObject: object, crmId: record.crmId, email: record.email, firstName: record.firstName, lastName: record.lastName, ownerId: record.ownerId,
      ownerEmail: record.ownerEmail, fields: { ...record.fields }, isDoNotContact: record.isDoNotContact, updatedAt: now,
    })),
  );
  const emailCounts = new Map<string, number>();
  for (const record of records) if (record.email) emailCounts.set(record.email.toLowerCase(), (emailCounts.get(record.email.toLowerCase()) ?? 0) + 1);
  const known = await peopleByEmails(deps.db, orgId, [...emailCounts.keys()]);
  const personIds = [...people.values()].map((person) => person.id);
  const ongoing = await personIdsInOngoingConversations(deps.db, orgId, personIds, ENDED_STATUSES);
  const busyElsewhere = new Set(ongoing.filter((row) => row.campaignId !== campaign.id).map((row) => row.personId));
  const templates = campaignTemplates(parseSteps(campaign.mainSequence), parseFollowUps(campaign.followUpSequences));
  const hours = parseBusinessHours(campaign.businessHours);
  const firstSendAt = nextBusinessInstant(campaign.startsAt && campaign.startsAt > now ? campaign.startsAt : now, hours);
  const writes = [];
  const rows = [];
  for (const record of records) {
    const person = people.get(record.crmId) as CePersonRow;
    const email = record.email?.toLowerCase() ?? '';
    const decision = decideImport({
      firstName: record.firstName,
      email: record.email,
      isDuplicateInReport: (emailCounts.get(email) ?? 0) > 1,
      isExistingUnderOtherId: known.some((row) => row.email === email && row.crmId !== record.crmId),
      hasOngoingConversationElsewhere: busyElsewhere.has(person.id),
      wasInThisCampaign: options.alreadyEnrolledIds.has(record.crmId),
      isDoNotContact: person.isDoNotContact,
      missingMergeTags: missingTagsForPerson(templates, person.fields),
    });
    let outcome = decision.outcome;
    if (outcome === 'enrolled') {
      const conversation = await insertConversation(deps.db, orgId, {
        campaignId: campaign.id, personId: person.id, status: 'scheduled', nextStep: 0, nextSendAt: firstSendAt, replyToken: randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x'),
        enrolledVia: options.via, enrolledAt: now, updatedAt: now,
      });
      // A concurrent poll enrolled the same person first.
      if (!conversation) outcome = 'enrollment_error';
      else writes.push(fieldWrite(person, { status: 'not_started', campaign }, deps));
    } else if (outcome === 'import_error') {
      writes.push(fieldWrite(person, { status: 'import_error' }, deps));
    }
    counts[outcome] += 1;
    rows.push({ campaignId: campaign.id, crmId: record.crmId, outcome, reason: outcome === decision.outcome ? decision.reason : 'Lead was in current campaign', email: record.email, firstSeenAt: now, updatedAt: now });
  }
  await upsertReportRows(deps.db, orgId, rows);
  await journalPersonWrites(orgId, writes, deps);
  return counts;
}
