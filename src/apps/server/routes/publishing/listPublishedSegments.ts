import { listPublishedSegments as contract } from '../../../../contracts/publishing';
import { listPublishedSegments } from '../../../../usecases/publishing/listPublishedSegments';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract,
  permission: 'view',
  handler: async ({ orgId, actor, query, deps }) =>
    listPublishedSegments({ orgId, actor, input: { search: query.search, isPublishedOnly: query.publishedOnly === 'true', page: query.page, pageSize: query.pageSize } }, deps),
});
