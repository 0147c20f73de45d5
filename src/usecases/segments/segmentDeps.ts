import type { Db } from '../../adapters/db/database';
import { AppError } from '../../domain/appError';
import type { Actor, Action } from '../../domain/permissions/policy';
import { can } from '../../domain/permissions/policy';
import { ROLE_LABELS } from '../../domain/permissions/roles';
import type { Clock } from '../../ports/clock';
import type { JobQueue } from '../../ports/jobQueue';
import type { AccountMatcher, SegmentActivations, SegmentSourceReader } from '../../ports/segmentSources';
import { fetchCrmSource } from '../integrations/fetchCrmSource';
import type { IntegrationDeps } from '../integrations/integrationDeps';
import { matchAccountsForOrg } from '../matching/matchAccountsForOrg';
import { publishedSegmentActivations } from '../publishing/publishedSegmentActivations';
import { mergeActivations } from './mergeActivations';
import { adSyncActivations } from '../adSyncs/syncViews';

/**
 * What segment use cases need. AppDeps satisfies it; the three ports default to the CRM integration, the matching
 * engine and "no activations yet", and tests may hand in their own.
 */
export interface SegmentDeps extends IntegrationDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly jobs: JobQueue;
  readonly segmentSources?: SegmentSourceReader;
  readonly accountMatcher?: AccountMatcher;
  readonly segmentActivations?: SegmentActivations;
}

export function sourceReaderOf(deps: SegmentDeps): SegmentSourceReader {
  return (
    deps.segmentSources ?? {
      async readCrmSource(orgId, input) {
        const { source, records } = await fetchCrmSource({ orgId, actor: undefined, input: { provider: input.provider, source: { kind: input.kind, id: input.sourceId } } }, deps);
        return { name: source.name, objectType: source.objectType, records };
      },
    }
  );
}

export function matcherOf(deps: SegmentDeps): AccountMatcher {
  return (
    deps.accountMatcher ?? {
      async matchAccounts(orgId, records, batchId) {
        const output = await matchAccountsForOrg({ orgId, records, ...(batchId ? { batchId } : {}) }, deps);
        return { batchId: output.batchId, results: output.results };
      },
    }
  );
}

/**
 * Every kind of activation (publishing, ad syncs, …) adds its provider to this list; their summaries are merged
 * (usecases/segments/mergeActivations.ts). A test's `deps.segmentActivations` replaces them all.
 */
const ACTIVATION_PROVIDERS: ReadonlyArray<(deps: SegmentDeps) => SegmentActivations> = [publishedSegmentActivations, adSyncActivations];

export function activationsOf(deps: SegmentDeps): SegmentActivations {
  return deps.segmentActivations ?? mergeActivations(ACTIVATION_PROVIDERS.map((provider) => provider(deps)));
}

/** Use cases check the permission too, so the CLI and jobs cannot skip what the route enforces. */
export function assertSegmentPermission(actor: Actor | undefined, action: Action, orgId: string): void {
  if (!actor) return; // jobs act for the organisation itself
  if (actor.orgId !== orgId) throw new AppError('not_found', 'The segment was not found.');
  if (!can(actor, action)) throw new AppError('forbidden', `Your role (${ROLE_LABELS[actor.role]}) does not allow this action (${action}).`);
}
