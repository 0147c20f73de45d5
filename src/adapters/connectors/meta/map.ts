import type { AudienceMember } from '../../../ports/adChannel';

/**
 * The multi-key payload of POST/DELETE /{audience_id}/users (meta.md §3): one row per person, the person's own
 * hashed e-mail and phone, "" where a key is unknown. Never two people in one row.
 */
export const PAYLOAD_SCHEMA = ['EMAIL', 'PHONE'] as const;

export function toPayloadRows(members: readonly AudienceMember[]): string[][] {
  return members.map((member) => {
    if (!member.person) throw new Error(`Member ${member.key} has no person identifiers: Meta customer lists hold people.`);
    return [member.person.emailSha256 ?? '', member.person.phoneSha256 ?? ''];
  });
}

/** The members whose hashes Meta sampled as invalid (samples hold at most 100 entries; see meta.md §3). */
export function membersInSamples(members: readonly AudienceMember[], samples: unknown): number[] {
  const text = JSON.stringify(samples ?? {});
  return members
    .filter((member) => [member.person?.emailSha256, member.person?.phoneSha256].some((hash) => hash !== undefined && text.includes(hash)))
    .map((member) => member.key);
}
