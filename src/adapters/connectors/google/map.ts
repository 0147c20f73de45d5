import type { AudienceMember } from '../../../ports/adChannel';

/**
 * Data Manager audience members (google-ads.md §1): one member per person, each identifier its own object (a oneof),
 * hex-encoded SHA-256 (declared by `encoding: HEX`). Never two people in one member.
 */
export function toAudienceMembers(members: readonly AudienceMember[]): Array<{ userData: { userIdentifiers: Array<Record<string, string>> } }> {
  return members.map((member) => {
    if (!member.person) throw new Error(`Member ${member.key} has no person identifiers: Google customer lists hold people.`);
    const identifiers: Array<Record<string, string>> = [];
    if (member.person.emailSha256) identifiers.push({ emailAddress: member.person.emailSha256 });
    if (member.person.phoneSha256) identifiers.push({ phoneNumber: member.person.phoneSha256 });
    return { userData: { userIdentifiers: identifiers } };
  });
}

/** customers/123/userLists/456 → 456 */
export function lastPathSegment(resourceName: string): string {
  return resourceName.slice(resourceName.lastIndexOf('/') + 1);
}

/** GAQL literal: only digits reach the query (ids come from our database, still checked). */
export function numericId(id: string): string {
  const digits = id.replace(/-/g, '');
  if (!/^\d+$/.test(digits)) throw new Error(`Not a Google id: ${id}`);
  return digits;
}
