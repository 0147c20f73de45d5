/**
 * Which hosts the server may call for a CRM outside sandbox mode: an admin types a login URL (My Domain, an Entra
 * authority) or an organisation URL, and the server sends OAuth codes and tokens there, so it must be the
 * provider's own https host, never an internal one. An instance can allow more hosts (OPENABM_CRM_ALLOWED_HOSTS).
 */
export const CRM_PROVIDER_HOST_SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  // My Domain logins (acme.my.salesforce.com), Lightning and Visualforce hosts, government and China clouds.
  salesforce: ['salesforce.com', 'force.com', 'cloudforce.com', 'salesforce.mil', 'sfcrmproducts.cn'],
  pardot: ['salesforce.com', 'force.com', 'pardot.com'],
  // Entra ID authorities (login.microsoftonline.com/<tenant>) and organisation URLs (acme.crm4.dynamics.com).
  dynamics: ['microsoftonline.com', 'microsoftonline.us', 'dynamics.com', 'dynamics.us', 'microsoftdynamics.de', 'dynamics.cn'],
  hubspot: ['hubapi.com', 'hubspot.com'],
  marketo: ['mktorest.com', 'marketo.com'],
};

export interface CrmUrlCheck {
  readonly provider: string;
  readonly displayName: string;
  /** What the URL is, for the message: "login URL", "organisation URL". */
  readonly what: string;
  readonly url: string;
  readonly isSandbox: boolean;
  /** Host names or suffixes (example.com allows example.com and *.example.com) an instance adds. */
  readonly allowedHosts: readonly string[];
}

function isHostUnder(host: string, suffix: string): boolean {
  const normalised = suffix.trim().toLowerCase().replace(/^\*?\./, '');
  return normalised !== '' && (host === normalised || host.endsWith(`.${normalised}`));
}

/** Undefined when the server may call this URL; otherwise the sentence to show the admin. */
export function crmUrlProblem(check: CrmUrlCheck): string | undefined {
  let url: URL;
  try {
    url = new URL(check.url);
  } catch {
    return `The ${check.what} is not a valid URL.`;
  }
  if (check.isSandbox) return undefined;
  if (url.protocol !== 'https:') return `The ${check.what} must start with https://.`;
  if (url.username !== '' || url.password !== '') return `The ${check.what} must not contain a user name or password.`;
  const host = url.hostname.toLowerCase();
  const suffixes = [...(CRM_PROVIDER_HOST_SUFFIXES[check.provider] ?? []), ...check.allowedHosts];
  if (suffixes.some((suffix) => isHostUnder(host, suffix))) return undefined;
  const examples = (CRM_PROVIDER_HOST_SUFFIXES[check.provider] ?? []).slice(0, 2).join(' or ');
  return `The ${check.what} must be on a ${check.displayName} domain${examples ? ` (${examples})` : ''}; ${host} is not. An operator can allow more hosts with OPENABM_CRM_ALLOWED_HOSTS.`;
}
