import { generateDemoPeople } from '../mapKit/demoPeople';
import { MarketoInstanceState, type MarketoFieldDef, type MarketoInstanceOptions } from './state';

export const marketoDemoCredentials = {
  clientId: 'openabm-marketo-emulator-client-id',
  clientSecret: 'openabm-marketo-emulator-client-secret',
  munchkinId: '123-ABC-456',
} as const;

export interface MarketoDemoOptions extends MarketoInstanceOptions {
  readonly leadCount?: number;
  readonly seed?: number;
}

const field = (id: number, displayName: string, dataType: MarketoFieldDef['dataType'], restName: string, extra: Partial<MarketoFieldDef> = {}): MarketoFieldDef => ({
  id, displayName, dataType, restName, soapName: restName.charAt(0).toUpperCase() + restName.slice(1), readOnly: false,
  ...(dataType === 'string' || dataType === 'email' || dataType === 'url' || dataType === 'phone' ? { length: 255 } : {}),
  ...extra,
});

/** The lead fields of the demo instance (REST names as in a standard Marketo subscription, plus two custom ones). */
export const marketoDemoFields: readonly MarketoFieldDef[] = [
  field(1, 'Id', 'integer', 'id', { readOnly: true }),
  field(2, 'Company Name', 'string', 'company'),
  field(3, 'Email Address', 'email', 'email'),
  field(4, 'First Name', 'string', 'firstName'),
  field(5, 'Last Name', 'string', 'lastName'),
  field(6, 'Website', 'url', 'website'),
  field(7, 'Country', 'string', 'country'),
  field(8, 'Created At', 'datetime', 'createdAt', { readOnly: true }),
  field(9, 'Updated At', 'datetime', 'updatedAt', { readOnly: true }),
  field(1001, 'ABM Segment Names', 'string', 'aBMSegmentNames'),
  field(1002, 'ABM Segments (long)', 'text', 'aBMSegmentsLong'),
];

export function createMarketoDemoInstance(options: MarketoDemoOptions = {}): MarketoInstanceState {
  const state = new MarketoInstanceState({ munchkinId: marketoDemoCredentials.munchkinId, ...options });
  for (const definition of marketoDemoFields) state.fields.set(definition.restName, definition);
  for (const person of generateDemoPeople({ count: options.leadCount ?? 600, seed: (options.seed ?? 1) + 1 })) {
    state.insert({ email: person.email, firstName: person.firstName, lastName: person.lastName, company: person.company, website: person.website, country: person.country }, person.updatedAt);
  }
  return state;
}
