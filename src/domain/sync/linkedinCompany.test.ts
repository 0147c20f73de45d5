import { describe, expect, it } from 'vitest';
import { toLinkedInCompany } from './linkedinCompany';

const limits = { companyName: 10, companyWebsiteDomain: 20, companyPageUrl: 30 };
const base = { name: null, domain: null, country: null, linkedinOrganization: null, linkedinPageUrl: null };

describe('toLinkedInCompany', () => {
  it.each<[string, Partial<Record<keyof typeof base, string | null>>, unknown]>([
    ['all fields', { name: 'Acme', domain: 'ACME.com', country: 'us', linkedinOrganization: '1035' }, {
      ok: true, droppedFields: [], element: { companyName: 'Acme', companyWebsiteDomain: 'acme.com', organizationUrn: 'urn:li:organization:1035', country: 'US' },
    }],
    ['over-long name dropped, not truncated', { name: 'Acme Holdings International', domain: 'acme.com' }, {
      ok: true, droppedFields: ['companyName'], element: { companyWebsiteDomain: 'acme.com' },
    }],
    ['bad URN ignored', { name: 'Acme', linkedinOrganization: 'acme' }, { ok: true, droppedFields: [], element: { companyName: 'Acme' } }],
    ['nothing usable is rejected', { name: 'A name far too long', country: 'FR' }, {
      ok: false, droppedFields: ['companyName'], reason: 'The account has no company name, website domain, LinkedIn page or organisation within LinkedIn’s field limits.',
    }],
  ])('%s', (_title, input, expected) => {
    expect(toLinkedInCompany({ ...base, ...input }, limits)).toEqual(expected);
  });
});
