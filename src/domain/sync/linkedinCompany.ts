/**
 * A segment account as a LinkedIn company-audience element (../shared/reference/linkedin.md §4). A value beyond a
 * field's limit is dropped, never truncated (a cut name or domain would match a different company). An element
 * needs at least one of name, organisation URN, website domain or page URL, else the account is rejected.
 */
export interface CompanyForAudience {
  readonly name: string | null | undefined;
  readonly domain: string | null | undefined;
  readonly country: string | null | undefined;
  /** Numeric LinkedIn organisation id or full URN, when known. */
  readonly linkedinOrganization: string | null | undefined;
  readonly linkedinPageUrl: string | null | undefined;
}

export interface LinkedInCompanyElement {
  readonly companyName?: string;
  readonly companyWebsiteDomain?: string;
  readonly organizationUrn?: string;
  readonly companyPageUrl?: string;
  readonly country?: string;
}

export interface LinkedInFieldLimits {
  readonly companyName: number;
  readonly companyWebsiteDomain: number;
  readonly companyPageUrl: number;
}

export type CompanyElementOutcome =
  | { readonly ok: true; readonly element: LinkedInCompanyElement; readonly droppedFields: readonly string[] }
  | { readonly ok: false; readonly reason: string; readonly droppedFields: readonly string[] };

function fits(value: string | null | undefined, limit: number, field: string, dropped: string[]): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (text.length > limit) {
    dropped.push(field);
    return undefined;
  }
  return text;
}

function organizationUrn(value: string | null | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^urn:li:organization:\d+$/.test(text)) return text;
  if (/^\d+$/.test(text)) return `urn:li:organization:${text}`;
  return undefined;
}

export function toLinkedInCompany(account: CompanyForAudience, limits: LinkedInFieldLimits): CompanyElementOutcome {
  const dropped: string[] = [];
  const companyName = fits(account.name, limits.companyName, 'companyName', dropped);
  const domain = fits(account.domain?.toLowerCase(), limits.companyWebsiteDomain, 'companyWebsiteDomain', dropped);
  const pageUrl = fits(account.linkedinPageUrl, limits.companyPageUrl, 'companyPageUrl', dropped);
  const urn = organizationUrn(account.linkedinOrganization);
  const country = account.country && /^[A-Za-z]{2}$/.test(account.country.trim()) ? account.country.trim().toUpperCase() : undefined;
  const element: LinkedInCompanyElement = {
    ...(companyName ? { companyName } : {}),
    ...(domain ? { companyWebsiteDomain: domain } : {}),
    ...(urn ? { organizationUrn: urn } : {}),
    ...(pageUrl ? { companyPageUrl: pageUrl } : {}),
    ...(country ? { country } : {}),
  };
  if (!companyName && !domain && !urn && !pageUrl) {
    return { ok: false, reason: 'The account has no company name, website domain, LinkedIn page or organisation within LinkedIn’s field limits.', droppedFields: dropped };
  }
  return { ok: true, element, droppedFields: dropped };
}
