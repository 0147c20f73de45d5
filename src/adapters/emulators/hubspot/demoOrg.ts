import { generateDemoPeople, type DemoPeopleOptions } from '../mapKit/demoPeople';
import { HubSpotPortalState, type HubSpotPortalOptions, type HubSpotPropertyDef } from './state';

export const hubSpotDemoCredentials = {
  clientId: 'openabm-hubspot-emulator-client',
  clientSecret: 'openabm-hubspot-emulator-secret',
  refreshToken: 'na1-openabm-demo-refresh-token',
  accessToken: 'pat-na1-openabm-demo-access-token',
} as const;

export interface HubSpotDemoOptions extends HubSpotPortalOptions, Pick<DemoPeopleOptions, 'seed'> {
  readonly contactCount?: number;
}

/** The multiple-checkbox property's values (a value not listed is refused, like HubSpot). */
export const demoSegmentOptions = ['ICP Tier 1', 'ICP Tier 2', 'Q3 Intent', 'Expansion'];

function property(name: string, label: string, type: HubSpotPropertyDef['type'], fieldType: HubSpotPropertyDef['fieldType'], extra: Partial<HubSpotPropertyDef> = {}): HubSpotPropertyDef {
  return {
    name, label, type, fieldType, groupName: 'contactinformation', description: '', options: [], hubspotDefined: true, readOnly: false,
    createdAt: '2020-01-01T00:00:00.000Z', updatedAt: '2020-01-01T00:00:00.000Z', ...extra,
  };
}

const readOnly = { readOnly: true } as const;
const custom = { hubspotDefined: false } as const;

const baseProperties: Record<string, HubSpotPropertyDef[]> = {
  contacts: [
    property('email', 'Email', 'string', 'text'),
    property('firstname', 'First Name', 'string', 'text'),
    property('lastname', 'Last Name', 'string', 'text'),
    property('company', 'Company Name', 'string', 'text'),
    property('website', 'Website URL', 'string', 'text'),
    property('country', 'Country/Region', 'string', 'text'),
    property('lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio'),
    property('createdate', 'Create Date', 'datetime', 'date', readOnly),
    property('lastmodifieddate', 'Last Modified Date', 'datetime', 'date', readOnly),
    property('hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', readOnly),
    property('hs_object_id', 'Record ID', 'number', 'number', readOnly),
    property('abm_segment_names', 'ABM Segment Names', 'string', 'textarea', custom),
    property('abm_segments', 'ABM Segments', 'enumeration', 'checkbox', {
      ...custom,
      options: demoSegmentOptions.map((value, displayOrder) => ({ label: value, value, displayOrder, hidden: false })),
    }),
  ],
  companies: [
    property('name', 'Name', 'string', 'text', { groupName: 'companyinformation' }),
    property('domain', 'Company Domain Name', 'string', 'text', { groupName: 'companyinformation' }),
    property('createdate', 'Create Date', 'datetime', 'date', readOnly),
    property('hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', readOnly),
    property('hs_object_id', 'Record ID', 'number', 'number', readOnly),
  ],
  leads: [
    property('hs_lead_name', 'Lead Name', 'string', 'text', { groupName: 'leadinformation' }),
    property('email', 'Email', 'string', 'text', { groupName: 'leadinformation' }),
    property('company', 'Company Name', 'string', 'text', { groupName: 'leadinformation' }),
    property('createdate', 'Create Date', 'datetime', 'date', readOnly),
    property('hs_lastmodifieddate', 'Last Modified Date', 'datetime', 'date', readOnly),
    property('hs_object_id', 'Record ID', 'number', 'number', readOnly),
    property('abm_segment_names', 'ABM Segment Names', 'string', 'textarea', { ...custom, groupName: 'leadinformation' }),
  ],
};

/** A portal with demo contacts (companies from the demo master), a few companies and leads, and the demo tokens. */
export function createHubSpotDemoPortal(options: HubSpotDemoOptions = {}): HubSpotPortalState {
  const state = new HubSpotPortalState(options);
  for (const [objectType, properties] of Object.entries(baseProperties)) {
    const store = state.ensureObject(objectType);
    for (const definition of properties) store.properties.set(definition.name, definition);
  }
  const people = generateDemoPeople({ count: options.contactCount ?? 600, seed: options.seed ?? 1 });
  const companies = new Map<string, string>();
  for (const person of people) {
    state.insert(
      'contacts',
      { email: person.email, firstname: person.firstName, lastname: person.lastName, company: person.company, website: person.website, country: person.country, lifecyclestage: 'lead' },
      person.updatedAt,
    );
    const domain = person.email.split('@')[1] ?? '';
    if (person.website && !companies.has(domain)) companies.set(domain, person.company);
  }
  for (const [domain, name] of companies) state.insert('companies', { name, domain });
  for (const person of people.slice(0, Math.ceil(people.length / 10))) {
    state.insert('leads', { hs_lead_name: `${person.firstName} ${person.lastName}`, email: person.email, company: person.company }, person.updatedAt);
  }
  state.tokens.registerAccess(hubSpotDemoCredentials.accessToken, 'demo', 365 * 86_400);
  state.tokens.registerRefresh(hubSpotDemoCredentials.refreshToken, 'demo');
  return state;
}
