import { generateDemoPeople } from '../mapKit/demoPeople';
import { PardotBusinessUnitState, type PardotBusinessUnitOptions, type PardotCustomField } from './state';

export const pardotDemoCredentials = {
  clientId: '3MVG9openabmPardotEmulatorConsumerKey',
  clientSecret: 'openabm-pardot-emulator-consumer-secret',
  refreshToken: '5Aep861openabmPardotEmulatorRefreshToken',
  businessUnitId: '0Uv5g000000TestAAA',
} as const;

export interface PardotDemoOptions extends PardotBusinessUnitOptions {
  readonly prospectCount?: number;
  readonly seed?: number;
}

export const pardotDemoCustomFields: readonly PardotCustomField[] = [
  { id: 101, fieldId: 'ABM_Segment_Names__c', name: 'ABM Segment Names', type: 'Text' },
  { id: 102, fieldId: 'ABM_Segments_Long__c', name: 'ABM Segments (long)', type: 'TextArea' },
  { id: 103, fieldId: 'Product_Interest__c', name: 'Product Interest', type: 'Dropdown' },
];

export function createPardotDemoBusinessUnit(options: PardotDemoOptions = {}): PardotBusinessUnitState {
  const state = new PardotBusinessUnitState({ businessUnitId: pardotDemoCredentials.businessUnitId, ...options });
  for (const field of pardotDemoCustomFields) state.customFields.set(field.fieldId, field);
  for (const person of generateDemoPeople({ count: options.prospectCount ?? 600, seed: (options.seed ?? 1) + 2 })) {
    state.insert({ email: person.email, firstName: person.firstName, lastName: person.lastName, company: person.company, website: person.website, country: person.country }, person.updatedAt);
  }
  state.tokens.registerRefresh(pardotDemoCredentials.refreshToken, 'integration-user');
  return state;
}
