/**
 * What a CRM connector (Salesforce, Dynamics 365) offers the use cases. Each provider folder under
 * adapters/connectors/ implements it; a registry Record<CrmProvider, CrmConnector> picks one (no switch on provider).
 * Owned by the CRM integration work (issue 4): refine it there, keeping both connectors in step.
 */
export type CrmProvider = 'salesforce' | 'dynamics';
export type CrmObjectType = 'account' | 'contact' | 'lead';

/** Decrypted connection state a connector needs for one call; tokens never leave the use case that decrypted them. */
export interface CrmSession {
  readonly orgId: string;
  readonly connectionId: string;
  /** Instance / org URL (https://acme.my.salesforce.com, https://acme.crm.dynamics.com, or an emulator). */
  readonly instanceUrl: string;
  readonly accessToken: string;
}

/** A list view, report or Dynamics view, with whether it may back a segment and, if not, the spec's message. */
export interface CrmSourceSummary {
  readonly id: string;
  readonly name: string;
  readonly kind: 'list_view' | 'report' | 'saved_view' | 'user_view';
  readonly objectType: CrmObjectType | 'other';
  readonly rowCount: number | undefined;
  readonly isUsable: boolean;
  /** Verbatim messages of crm-sync-segments.txt for every rule the source breaks. */
  readonly problems: readonly string[];
  readonly details: Readonly<Record<string, unknown>>;
}

/** One CRM record, mapped to what segments and matching need; unknown fields kept in `fields`. */
export interface CrmRecord {
  readonly externalId: string;
  readonly objectType: CrmObjectType;
  readonly name: string | undefined;
  readonly website: string | undefined;
  readonly email: string | undefined;
  readonly country: string | undefined;
  readonly ownerName: string | undefined;
  /** For contacts: their account; for converted leads: the converted account. */
  readonly accountExternalId: string | undefined;
  /** For leads and contacts: the company name typed on the record. */
  readonly companyName: string | undefined;
  readonly modifiedAt: string | undefined;
  readonly fields: Readonly<Record<string, unknown>>;
}
