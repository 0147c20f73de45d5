import type { AccountInput, MatchResult } from '../domain/matching/types';
import type { CrmObjectType, CrmProvider, CrmRecord } from './crmConnector';

/**
 * What segments need from the CRM integration and the matching engine. The defaults (usecases/segments/segmentDeps.ts)
 * wrap usecases/integrations/fetchCrmSource and usecases/matching/matchAccountsForOrg; tests may hand in others.
 */
export type CrmSegmentSourceKind = 'list_view' | 'report' | 'saved_view';

export interface CrmSegmentSource {
  readonly name: string;
  readonly objectType: CrmObjectType | 'other';
  readonly records: readonly CrmRecord[];
}

export interface SegmentSourceReader {
  /**
   * The records of a CRM list view or report. When the source breaks a rule (or credentials, permission or the API
   * limit stop it) this throws AppError whose message is the specification's text and whose
   * details.crmErrorKind is 'permanent' | 'reauth' | 'api_limit' | 'retry' ('retry' = transient, try again later).
   */
  readCrmSource(orgId: string, input: { provider: CrmProvider; kind: CrmSegmentSourceKind; sourceId: string }): Promise<CrmSegmentSource>;
}

export interface AccountMatcher {
  /**
   * One result per record, in input order (rowId echoes AccountInput.rowId). `batchId` re-uses the stored match
   * batch of the previous refresh (its rows are replaced) so daily refreshes do not pile up match results.
   */
  matchAccounts(orgId: string, records: readonly AccountInput[], batchId: string | undefined): Promise<{ batchId: string | undefined; results: MatchResult[] }>;
}

/** Activations of segments (ad syncs, publishing): later issues implement it; delete is refused while any exist. */
export interface SegmentActivations {
  activationsOf(orgId: string, segmentIds: readonly string[]): Promise<ReadonlyMap<string, SegmentActivationSummary>>;
}

export interface SegmentActivationSummary {
  readonly activeSyncCount: number;
  readonly isPublished: boolean;
  /** Where it is published ('enrichment', 'account_details', 'gtm', 'api'; domain/publish/publishUses.ts). */
  readonly publishedUses?: readonly string[];
}
