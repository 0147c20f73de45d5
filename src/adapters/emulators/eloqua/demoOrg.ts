import { generateDemoPeople } from '../mapKit/demoPeople';
import { EloquaInstanceState, type EloquaFieldDef, type EloquaInstanceOptions } from './state';

export const eloquaDemoCredentials = {
  clientId: 'openabm-eloqua-emulator-client',
  clientSecret: 'openabm-eloqua-emulator-secret',
  siteName: 'OpenAbmDemo',
  userName: 'Integration.User',
  password: 'openabm-eloqua-demo-password',
  refreshToken: 'eloqua-openabm-demo-refresh-token',
} as const;

export interface EloquaDemoOptions extends EloquaInstanceOptions {
  readonly contactCount?: number;
  readonly seed?: number;
}

/** Contact fields: standard ones map to contact properties, custom ones (ids 1000xx) live in fieldValues. */
export const eloquaDemoFields: readonly EloquaFieldDef[] = [
  { id: '100001', name: 'Email Address', internalName: 'C_EmailAddress', dataType: 'emailAddress', displayType: 'text', property: 'emailAddress', isReadOnly: false },
  { id: '100002', name: 'First Name', internalName: 'C_FirstName', dataType: 'text', displayType: 'text', property: 'firstName', isReadOnly: false },
  { id: '100003', name: 'Last Name', internalName: 'C_LastName', dataType: 'text', displayType: 'text', property: 'lastName', isReadOnly: false },
  { id: '100004', name: 'Company', internalName: 'C_Company', dataType: 'text', displayType: 'text', property: 'accountName', isReadOnly: false },
  { id: '100005', name: 'Country', internalName: 'C_Country', dataType: 'text', displayType: 'text', property: 'country', isReadOnly: false },
  { id: '100279', name: 'ABM Segment Names', internalName: 'C_ABM_Segment_Names1', dataType: 'text', displayType: 'text', isReadOnly: false },
  { id: '100280', name: 'ABM Segments (large)', internalName: 'C_ABM_Segments_Large1', dataType: 'largeText', displayType: 'textArea', isReadOnly: false },
];

export function createEloquaDemoInstance(options: EloquaDemoOptions = {}): EloquaInstanceState {
  const state = new EloquaInstanceState({ siteName: eloquaDemoCredentials.siteName, ...options });
  for (const field of eloquaDemoFields) state.fields.set(field.id, field);
  for (const person of generateDemoPeople({ count: options.contactCount ?? 600, seed: (options.seed ?? 1) + 3 })) {
    state.insert({ emailAddress: person.email, firstName: person.firstName, lastName: person.lastName, accountName: person.company, country: person.country }, person.updatedAt);
  }
  state.tokens.registerRefresh(eloquaDemoCredentials.refreshToken, 'integration-user');
  return state;
}
