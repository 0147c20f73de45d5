import { getHealth } from '../../../../contracts/system';
import { defineRoute } from '../../defineRoute';

export default defineRoute({
  contract: getHealth,
  permission: 'public',
  handler: async ({ deps }) => {
    await deps.database.query('SELECT 1');
    return { status: 'ok' as const, database: deps.database.kind, version: '0.1.0' };
  },
});
