/**
 * The pre-flight check before the first campaign (conversational-email-salesforce.txt, "Salesforce requirements"):
 * an edition with API access, the connecting user's permissions, object and field access, and Customize Application
 * for field setup. Every missing item is named.
 */
export const EDITIONS_WITH_API = ['Enterprise Edition', 'Unlimited Edition', 'Performance Edition', 'Professional Edition', 'Developer Edition'];

export const USER_PERMISSIONS = [
  { field: 'PermissionsApiEnabled', label: 'API Enabled', why: 'Enables API access for openabm.' },
  { field: 'PermissionsRunReports', label: 'Run Reports', why: 'openabm uses your Salesforce reports to choose which leads to contact.' },
  { field: 'PermissionsViewPublicReports', label: 'View Reports in Public Folders', why: 'Required to be able to choose a report from which to enroll leads.' },
  { field: 'PermissionsCustomizeApplication', label: 'Customize Application', why: 'Required to create the openabm fields on Lead and Contact.' },
] as const;

/** Object access the integration needs (required) or recommends for report enrollment. */
export const OBJECT_REQUIREMENTS = [
  { object: 'Lead', needs: ['read', 'edit'], isRequired: true },
  { object: 'Contact', needs: ['read', 'edit'], isRequired: true },
  { object: 'Account', needs: ['read'], isRequired: true },
  { object: 'Task', needs: ['read', 'create', 'edit'], isRequired: true },
  { object: 'Campaign', needs: ['read'], isRequired: false },
  { object: 'Opportunity', needs: ['read'], isRequired: false },
  { object: 'CampaignMember', needs: ['read'], isRequired: false },
] as const;

export const REQUIRED_PERSON_FIELDS = ['Id', 'FirstName', 'Email'] as const;

export interface PreflightFacts {
  /** null when the API refused every call (edition without API access, or API Enabled withheld). */
  readonly apiRefusal: string | null;
  readonly organizationType: string | null;
  readonly userPermissions: Readonly<Record<string, boolean>>;
  readonly objectAccess: Readonly<Record<string, { read: boolean; create: boolean; edit: boolean }>>;
  /** Readable fields per person object (describe). */
  readonly readableFields: Readonly<Record<'Lead' | 'Contact', readonly string[]>>;
  readonly isOwnerEditable: Readonly<Record<'Lead' | 'Contact', boolean>>;
  readonly assistantCount: number;
}

export interface PreflightItem {
  readonly item: string;
  readonly isOk: boolean;
  readonly isRequired: boolean;
  readonly detail: string;
}

export interface PreflightResult {
  readonly isReady: boolean;
  readonly items: PreflightItem[];
  readonly missing: string[];
  readonly warnings: string[];
}

export const CONNECTED_APPS_WARNING =
  'Salesforce restricts users from being connected to more than 5 applications simultaneously. If you intend to have multiple email assistants, please confirm that the number of assistants + previously connected applications does not exceed 5.';

export function evaluatePreflight(facts: PreflightFacts): PreflightResult {
  const items: PreflightItem[] = [];
  if (facts.apiRefusal !== null) {
    items.push({ item: 'Edition with API access and API Enabled', isOk: false, isRequired: true, detail: `Salesforce refused API access: ${facts.apiRefusal}. Email to Salesforce integration requires an edition with API access (Enterprise, Unlimited, Performance, or Professional with the API add-on) and the API Enabled permission.` });
    return finish(items, facts.assistantCount);
  }
  const edition = facts.organizationType ?? 'unknown';
  items.push({ item: 'Edition with API access', isOk: EDITIONS_WITH_API.includes(edition), isRequired: true, detail: `Edition: ${edition}.` });
  for (const permission of USER_PERMISSIONS) {
    items.push({ item: permission.label, isOk: facts.userPermissions[permission.field] === true, isRequired: true, detail: permission.why });
  }
  for (const requirement of OBJECT_REQUIREMENTS) {
    const access = facts.objectAccess[requirement.object] ?? { read: false, create: false, edit: false };
    const lacking = requirement.needs.filter((need) => !access[need]);
    items.push({
      item: `${requirement.object} object: ${requirement.needs.map((need) => need.charAt(0).toUpperCase() + need.slice(1)).join(' and ')}`,
      isOk: lacking.length === 0,
      isRequired: requirement.isRequired,
      detail: lacking.length === 0 ? 'Granted.' : `Missing: ${lacking.join(', ')}.${requirement.isRequired ? '' : ' Highly recommended for Salesforce report enrollment.'}`,
    });
  }
  for (const object of ['Lead', 'Contact'] as const) {
    const readable = new Set(facts.readableFields[object].map((name) => name.toLowerCase()));
    const lacking = REQUIRED_PERSON_FIELDS.filter((name) => !readable.has(name.toLowerCase()));
    items.push({ item: `${object} fields Id, FirstName and Email: Read`, isOk: lacking.length === 0, isRequired: true, detail: lacking.length === 0 ? 'Readable.' : `Not readable: ${lacking.join(', ')}.` });
    items.push({ item: `${object} owner field: Read and Edit`, isOk: facts.isOwnerEditable[object], isRequired: false, detail: 'Required for the lead-owner sync feature.' });
  }
  return finish(items, facts.assistantCount);
}

function finish(items: PreflightItem[], assistantCount: number): PreflightResult {
  const missing = items.filter((item) => !item.isOk && item.isRequired).map((item) => item.item);
  const warnings = [CONNECTED_APPS_WARNING + ` openabm currently has ${assistantCount} assistant${assistantCount === 1 ? '' : 's'}.`];
  for (const item of items) if (!item.isOk && !item.isRequired) warnings.push(`${item.item}: ${item.detail}`);
  return { isReady: missing.length === 0, items, missing, warnings };
}
