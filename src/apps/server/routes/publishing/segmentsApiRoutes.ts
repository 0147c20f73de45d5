import * as contracts from '../../../../contracts/segmentsApi';
import { findCompanySegments } from '../../../../usecases/publishing/segmentsApi/findCompanySegments';
import { listApiSegmentAccounts } from '../../../../usecases/publishing/segmentsApi/listApiSegmentAccounts';
import { listApiSegments } from '../../../../usecases/publishing/segmentsApi/listApiSegments';
import { listSegmentChanges } from '../../../../usecases/publishing/segmentsApi/listSegmentChanges';
import { segmentsApiSettings } from '../../../../usecases/publishing/segmentsApi/segmentsApiSettings';
import { defineRoute } from '../../defineRoute';

// The Segments API and its settings: thin routes, one use case each (kept in one file because each is one line).
export const getSegmentsApiSettings = defineRoute({
  contract: contracts.getSegmentsApiSettings,
  permission: 'view',
  handler: async ({ orgId, actor, deps }) => segmentsApiSettings({ orgId, actor, input: undefined }, deps),
});

export const saveSegmentsApiSettings = defineRoute({
  contract: contracts.saveSegmentsApiSettings,
  permission: 'apiKeys.manage',
  handler: async ({ orgId, actor, body, deps }) => segmentsApiSettings({ orgId, actor, input: body }, deps),
});

export const listApiSegmentsRoute = defineRoute({
  contract: contracts.listApiSegments,
  permission: 'view',
  handler: async ({ orgId, actor, deps }) => listApiSegments({ orgId, actor }, deps),
});

export const listApiSegmentAccountsRoute = defineRoute({
  contract: contracts.listApiSegmentAccounts,
  permission: 'view',
  handler: async ({ orgId, actor, params, query, deps }) => listApiSegmentAccounts({ orgId, actor, input: { segmentId: params.segmentId, cursor: query.cursor, limit: query.limit } }, deps),
});

export const findCompanySegmentsRoute = defineRoute({
  contract: contracts.findCompanySegments,
  permission: 'view',
  handler: async ({ orgId, actor, query, deps }) => findCompanySegments({ orgId, actor, input: query }, deps),
});

export const listSegmentChangesRoute = defineRoute({
  contract: contracts.listSegmentChanges,
  permission: 'view',
  handler: async ({ orgId, actor, query, deps }) => listSegmentChanges({ orgId, actor, input: { cursor: query.cursor, limit: query.limit } }, deps),
});
