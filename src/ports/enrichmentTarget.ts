import type { MapFieldDescription, MapObjectInfo, MapUpdateResult } from './mapConnector';

/**
 * One system Segment Name Enrichment writes into (Salesforce, or a MAP through ports/mapConnector.ts), seen through
 * an open session: every call is counted against the org's API budget for that system and day.
 */
export type EnrichmentSystem = 'salesforce' | 'hubspot' | 'marketo' | 'pardot' | 'eloqua';
export const ENRICHMENT_SYSTEMS: readonly EnrichmentSystem[] = ['salesforce', 'hubspot', 'marketo', 'pardot', 'eloqua'];

/** A record of the target object with its current field value and what matching needs (MAP records). */
export interface EnrichmentTargetRecord {
  readonly id: string;
  readonly currentValue: string | null;
  readonly email: string | undefined;
  readonly company: string | undefined;
  readonly website: string | undefined;
}

export interface EnrichmentTargetPage {
  readonly records: readonly EnrichmentTargetRecord[];
  /** Resumable position after this page (stored as the run's checkpoint); undefined at the end. */
  readonly nextCursor: string | undefined;
}

export interface EnrichmentTarget {
  readonly system: EnrichmentSystem;
  readonly displayName: string;
  /** Records the target links to accounts by itself: 'crm_sync' = Salesforce records synced by openabm; 'matcher' = MAP leads. */
  readonly linkage: 'crm_sync' | 'matcher';
  readonly objects: readonly MapObjectInfo[];
  /** Most records one batchUpdate may carry (sObject Collections 200, HubSpot 100, Marketo 300, …). */
  readonly batchUpdateMax: number;
  listFields(object: string): Promise<readonly MapFieldDescription[]>;
  describeField(object: string, fieldName: string): Promise<MapFieldDescription | undefined>;
  listRecords(object: string, fieldName: string, cursor: string | undefined): Promise<EnrichmentTargetPage>;
  /** One result per update, in order; record-level failures carry the provider's reason. */
  batchUpdate(object: string, fieldName: string, updates: ReadonlyArray<{ id: string; value: string | null; email: string | undefined }>): Promise<readonly MapUpdateResult[]>;
  /** Provider calls made through this session so far. */
  callCount(): number;
}
