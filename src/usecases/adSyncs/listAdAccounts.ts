import type { Actor } from '../../domain/permissions/policy';
import type { AdChannelId } from '../../domain/sync/channels';
import { AppError } from '../../domain/appError';
import { isAdChannelError } from '../../ports/adChannel';
import { assertSyncPermission, channelConnector, requireUser, type AdSyncDeps } from './adSyncDeps';
import { withChannelSession } from './channelSession';

/** The ad accounts the caller's own login reaches on a channel (LinkedIn: Account Manager, Campaign Manager or Owner). */
export async function listAdAccounts({ orgId, actor, input }: { orgId: string; actor: Actor; input: { channel: AdChannelId } }, deps: AdSyncDeps) {
  assertSyncPermission(actor, 'view', orgId);
  const userId = requireUser(actor);
  const connector = channelConnector(input.channel, deps);
  try {
    const accounts = await withChannelSession(orgId, userId, input.channel, deps, (session) => connector.listAdAccounts(session.ctx));
    return { items: accounts.map((account) => ({ id: account.id, name: account.name, role: account.role ?? null })) };
  } catch (error) {
    if (isAdChannelError(error)) {
      throw new AppError(error.kind === 'reauth' ? 'forbidden' : 'provider_error', `${connector.displayName}: ${error.message} Connect ${connector.displayName} in Advertising > Overview.`, { syncErrorCode: error.code });
    }
    throw error;
  }
}
