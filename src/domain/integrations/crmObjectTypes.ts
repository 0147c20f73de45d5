/** The CRM record kinds openabm reads (domain vocabulary; ports/crmConnector.ts re-exports it for connectors). */
export type CrmObjectType = 'account' | 'contact' | 'lead';
export const CRM_OBJECT_TYPES: readonly CrmObjectType[] = ['account', 'contact', 'lead'];
