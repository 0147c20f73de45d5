import { loadSegmentCompanies, loadSegmentPeople, upsertMemberPayloads, type MemberPayloadRow } from '../../adapters/db/repositories/adMembers';
import { MEMBER_KIND, type AdChannelId } from '../../domain/sync/channels';
import { hashPerson } from '../../domain/sync/identifiers';
import { toLinkedInCompany } from '../../domain/sync/linkedinCompany';
import { toMemberSet, type MemberSet } from '../../domain/sync/memberSet';
import { channelConnector, type AdSyncDeps } from './adSyncDeps';

/**
 * The segment's members as the channel wants them: member keys with their payload (company fields or hashed
 * identifiers), stored per channel so removals can still be sent later. Members that cannot be sent (no usable
 * identifier) are listed apart with the reason; they never fail a batch.
 */
export interface AudienceTarget {
  readonly members: MemberSet;
  readonly unsendable: ReadonlyArray<{ readonly memberKey: number; readonly label: string; readonly reason: string }>;
}

export async function buildAudienceTarget(orgId: string, segmentId: string, channel: AdChannelId, deps: AdSyncDeps): Promise<AudienceTarget> {
  const rows: MemberPayloadRow[] = [];
  const fieldLimits = channelConnector(channel, deps).companyFieldLimits;
  if (MEMBER_KIND[channel] === 'company' && fieldLimits) {
    for (const company of await loadSegmentCompanies(deps.db, orgId, segmentId)) {
      const outcome = toLinkedInCompany(company, fieldLimits);
      const label = company.name ?? company.domain ?? company.companyId;
      rows.push(outcome.ok ? { memberKey: company.memberKey, label, payload: { ...outcome.element }, rejection: null } : { memberKey: company.memberKey, label, payload: null, rejection: outcome.reason });
    }
  } else {
    const contract = channel === 'google' ? 'google' : 'meta';
    for (const person of await loadSegmentPeople(deps.db, orgId, segmentId)) {
      const outcome = hashPerson(person, contract);
      const label = person.name ?? person.email ?? `person ${person.memberKey}`;
      rows.push(
        outcome.ok
          ? {
              memberKey: person.memberKey,
              label,
              payload: {
                ...(outcome.person.emailSha256 ? { emailSha256: outcome.person.emailSha256 } : {}),
                ...(outcome.person.phoneSha256 ? { phoneSha256: outcome.person.phoneSha256 } : {}),
              },
              rejection: null,
            }
          : { memberKey: person.memberKey, label, payload: null, rejection: outcome.reason },
      );
    }
  }
  await upsertMemberPayloads(deps.db, orgId, channel, rows);
  return {
    members: toMemberSet(rows.filter((row) => row.payload !== null).map((row) => row.memberKey)),
    unsendable: rows.filter((row) => row.payload === null).map((row) => ({ memberKey: row.memberKey, label: row.label, reason: row.rejection ?? '' })),
  };
}
