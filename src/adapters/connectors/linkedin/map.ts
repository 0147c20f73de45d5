import type { AudienceMember } from '../../../ports/adChannel';

/** Company elements for POST /dmpSegments/{id}/companies (linkedin.md §4): ADD/REMOVE plus the match fields. */
export function toCompanyElements(members: readonly AudienceMember[], operation: 'add' | 'remove'): Array<Record<string, string>> {
  const action = operation === 'add' ? 'ADD' : 'REMOVE';
  return members.map((member) => {
    if (!member.company) throw new Error(`Member ${member.key} has no company fields: LinkedIn audiences hold companies.`);
    return { action, ...member.company };
  });
}

/** The numeric id from a urn:li:sponsoredAccount:<id> (or the id itself). */
export function adAccountIdOf(urn: string): string {
  return urn.slice(urn.lastIndexOf(':') + 1);
}
