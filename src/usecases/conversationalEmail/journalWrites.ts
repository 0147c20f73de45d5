import { randomUUID } from 'node:crypto';
import type { CeCampaignRow } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import type { CePersonRow } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { journalWrites, type CeWriteInsert } from '../../adapters/db/repositories/conversationalEmail/writesRepo';
import type { CeDeps } from './ceDeps';
import { campaignUrl } from './ceDeps';

/**
 * Journals Salesforce write-back for people: logical values (status, campaign fields, DNC, owner) are stored as
 * they are; flushCeWrites maps them onto the org's fields at send time, so a changed mapping or activity-sync setting
 * applies to writes still queued.
 */
export interface PersonValues {
  readonly status?: string;
  readonly campaign?: CeCampaignRow;
  readonly isDoNotContact?: boolean;
  /** Set the record's owner to the user with this e-mail (only when the record has none). */
  readonly ownerEmail?: string;
}

export interface TaskValues {
  readonly messageKey: string;
  readonly subject: string;
  readonly body: string;
}

export function fieldWrite(person: Pick<CePersonRow, 'crmObject' | 'crmId'>, values: PersonValues, deps: Pick<CeDeps, 'clock' | 'config'>): CeWriteInsert {
  const now = deps.clock.now();
  const payload: Record<string, string | boolean | null> = { lastSyncedAt: now.toISOString() };
  if (values.status !== undefined) payload.status = values.status;
  if (values.campaign) {
    payload.campaignName = values.campaign.name;
    payload.campaignStatus = values.campaign.status;
    payload.campaignCreator = values.campaign.creatorName;
    payload.campaignUrl = campaignUrl(deps, values.campaign.id);
  }
  if (values.isDoNotContact) payload.dnc = true;
  if (values.ownerEmail) payload.ownerEmail = values.ownerEmail;
  return { idempotencyKey: `fields:${person.crmId}:${randomUUID()}`, kind: 'fields', crmObject: person.crmObject, crmId: person.crmId, payload, createdAt: now };
}

export function taskWrite(person: Pick<CePersonRow, 'crmObject' | 'crmId'>, task: TaskValues, deps: Pick<CeDeps, 'clock'>): CeWriteInsert {
  const now = deps.clock.now();
  return {
    idempotencyKey: `task:${task.messageKey}`,
    kind: 'task',
    crmObject: person.crmObject,
    crmId: person.crmId,
    payload: { subject: task.subject, body: task.body, activityDate: now.toISOString().slice(0, 10) },
    createdAt: now,
  };
}

export async function journalPersonWrites(orgId: string, writes: readonly CeWriteInsert[], deps: Pick<CeDeps, 'db'>): Promise<void> {
  await journalWrites(deps.db, orgId, writes);
}
