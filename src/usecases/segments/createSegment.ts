import { findFolder, findSegment, insertSegment } from '../../adapters/db/segments/segmentsRepo';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { conditionsOf, type FilterNode } from '../../domain/segments/filterTree';
import { storedSourceConfig, type SegmentSource } from '../../domain/segments/segmentSource';
import { validateFilter } from '../../domain/segments/validateFilter';
import { buildMembership } from './buildMembership';
import { refreshReferencedSources } from './refreshReferencedSources';
import { assertSegmentPermission, type SegmentDeps } from './segmentDeps';
import { loadSegmentDetail } from './segmentViews';
import { storeMembership } from './storeMembership';

export interface CreateSegmentInput {
  name: string;
  folderId?: string | null | undefined;
  source: SegmentSource;
  filter?: unknown;
}

/**
 * Creates a segment and builds it at once: reads the CRM list/report or uploaded list, matches, applies filters and
 * stores the membership with its confirmation report. A source breaking a rule is refused with the specification's
 * message and nothing is created ("once you begin to sync an invalid Report, you will see an error indicating why").
 */
export async function createSegment({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: CreateSegmentInput }, deps: SegmentDeps) {
  assertSegmentPermission(actor, 'segment.create', orgId);
  const filter = parseOptionalFilter(input.filter);
  if (input.source.type === 'filters' && (!filter || conditionsOf(filter).length === 0)) {
    throw new AppError('validation_failed', 'A segment built from filters needs at least one filter.');
  }
  if (input.folderId && !(await findFolder(deps.db, orgId, input.folderId))) throw new AppError('not_found', 'The folder was not found.');
  await refreshReferencedSources(orgId, filter, deps, { onlyMissing: true });
  const built = await buildMembership(orgId, { id: undefined, source: input.source, filter }, deps);
  const now = deps.clock.now();
  const segment = await deps.db.transaction(async (tx) => {
    const row = await insertSegment(tx, orgId, {
      name: input.name,
      folderId: input.folderId ?? null,
      sourceType: input.source.type,
      sourceConfig: { ...storedSourceConfig(input.source, built.kind === 'rows' ? built.learnt : {}) },
      filter,
      ownerUserId: actor?.kind === 'user' ? (actor.userId ?? null) : null,
      status: 'pending',
      createdAt: now,
      updatedAt: now,
    });
    await storeMembership(tx, orgId, row.id, built, { trigger: 'create', startedAt: now, now, wasInError: false });
    return row;
  });
  const stored = await findSegment(deps.db, orgId, segment.id);
  if (!stored) throw new AppError('not_found', 'The segment was not found.');
  return loadSegmentDetail(orgId, stored, deps);
}

export function parseOptionalFilter(input: unknown): FilterNode | null {
  if (input === undefined || input === null) return null;
  const result = validateFilter(input);
  if (!result.isValid) {
    throw new AppError('validation_failed', `The filter is not valid: ${result.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('; ')}`, { problems: result.problems });
  }
  return result.filter;
}
