import { listUserAdChannelConnections } from '../../adapters/db/repositories/adChannelConnections';
import { countActiveSyncsBySegment, countToggledOnSyncs, findAdSync, findAdSyncSettings, listAdSyncRejections, listAdSyncs, listOpenAdSyncAlerts, type AdSyncListFilter, type AdSyncListRow } from '../../adapters/db/repositories/adSyncs';
import { listAdSyncRuns } from '../../adapters/db/repositories/adSyncRuns';
import { AppError } from '../../domain/appError';
import { can, type Actor } from '../../domain/permissions/policy';
import { AD_CHANNEL_IDS, CHANNEL_NAMES, type AdChannelId } from '../../domain/sync/channels';
import { isSyncErrorCode, syncAlertText } from '../../domain/sync/errorCatalogue';
import type { SegmentActivations } from '../../ports/segmentSources';
import { assertSyncPermission, type AdSyncDeps } from './adSyncDeps';

/** Read models of the Advertising pages. View-only users see everything; `canToggleOff` says what they may change. */
const iso = (value: Date | null | undefined) => (value ? value.toISOString() : null);

function toSummary(row: AdSyncListRow, actor: Actor) {
  return {
    id: row.id,
    segmentId: row.segmentId,
    segmentName: row.segmentName,
    channel: row.channel as AdChannelId,
    adAccountId: row.adAccountId,
    adAccountName: row.adAccountName,
    status: row.status as 'syncing' | 'synced' | 'inactive' | 'failed',
    statusChangedAt: row.statusChangedAt.toISOString(),
    channelStatus: row.channelStatus,
    audienceId: row.audienceId,
    audienceName: row.audienceName,
    sentCount: row.ackedCount,
    matchedCount: row.matchedCount,
    createdById: row.createdBy,
    createdByName: row.createdByName,
    runsOnUserName: row.runsOnUserName,
    lastSyncedAt: iso(row.lastSyncedAt),
    segmentLastRefreshedAt: iso(row.segmentLastRefreshedAt),
    errorCode: row.errorCode,
    errorMessage: row.errorMessage,
    canToggleOff: row.status !== 'inactive' && can(actor, 'sync.pause', { ownerUserId: row.createdBy ?? undefined }),
    canToggleOn: row.status !== 'syncing' && row.status !== 'synced' && can(actor, 'sync.pause'),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listSyncs(
  { orgId, actor, input }: { orgId: string; actor: Actor; input: AdSyncListFilter & { page: number; pageSize: number } },
  deps: AdSyncDeps,
) {
  assertSyncPermission(actor, 'view', orgId);
  const { rows, total } = await listAdSyncs(deps.db, orgId, input, { offset: (input.page - 1) * input.pageSize, limit: input.pageSize });
  return { items: rows.map((row) => toSummary(row, actor)), total, page: input.page, pageSize: input.pageSize };
}

export async function getSync({ orgId, actor, input }: { orgId: string; actor: Actor; input: { syncId: string } }, deps: AdSyncDeps) {
  assertSyncPermission(actor, 'view', orgId);
  const sync = await findAdSync(deps.db, orgId, input.syncId);
  if (!sync) throw new AppError('not_found', 'The sync was not found.');
  const { rows } = await listAdSyncs(deps.db, orgId, { segmentId: sync.segmentId, channel: sync.channel }, { offset: 0, limit: 500 });
  const row = rows.find((candidate) => candidate.id === sync.id);
  if (!row) throw new AppError('not_found', 'The sync was not found.');
  const channel = sync.channel as AdChannelId;
  const alerts = (await listOpenAdSyncAlerts(deps.db, orgId, sync.id)).flatMap((alert) =>
    isSyncErrorCode(alert.code) ? [{ id: alert.id, ...syncAlertText(channel, alert.code), detail: alert.detail, createdAt: alert.createdAt.toISOString() }] : [],
  );
  const runs = await listAdSyncRuns(deps.db, orgId, sync.id, 20);
  const rejections = await listAdSyncRejections(deps.db, orgId, sync.id, 100);
  return {
    sync: toSummary(row, actor),
    alerts,
    runs: runs.map((run) => ({ ...run, startedAt: run.startedAt.toISOString(), finishedAt: iso(run.finishedAt) })),
    rejections: { total: rejections.total, items: rejections.rows.map((r) => ({ label: r.label, code: r.code, reason: r.reason, at: r.createdAt.toISOString() })) },
  };
}

/** Advertising > Overview: the current user's channel logins and the org's active syncs per channel. */
export async function getAdvertisingOverview({ orgId, actor }: { orgId: string; actor: Actor }, deps: AdSyncDeps) {
  assertSyncPermission(actor, 'view', orgId);
  const connections = actor.userId ? await listUserAdChannelConnections(deps.db, orgId, actor.userId) : [];
  const { rows } = await listAdSyncs(deps.db, orgId, {}, { offset: 0, limit: 10_000 });
  const settings = await findAdSyncSettings(deps.db, orgId);
  const now = deps.clock.now();
  return {
    channels: AD_CHANNEL_IDS.map((channel) => {
      const connection = connections.find((row) => row.channel === channel);
      const isReauthDue = connection?.reauthDueAt ? connection.reauthDueAt <= now : false;
      return {
        channel,
        displayName: CHANNEL_NAMES[channel],
        status: !connection ? ('not_connected' as const) : connection.status === 'connected' && !isReauthDue ? ('connected' as const) : ('reauth_required' as const),
        statusReason: connection?.statusReason ?? (isReauthDue ? `${CHANNEL_NAMES[channel]} requires signing in again once a year.` : null),
        connectedAt: iso(connection?.connectedAt),
        reauthDueAt: iso(connection?.reauthDueAt),
        isSandboxAvailable: deps.config.isSandbox && Boolean(deps.sandboxUrls[channel]),
        activeSyncCount: rows.filter((row) => row.channel === channel && row.status === 'synced').length,
        failedSyncCount: rows.filter((row) => row.channel === channel && row.status === 'failed').length,
      };
    }),
    activeSyncs: rows.filter((row) => row.status === 'synced' || row.status === 'syncing').slice(0, 50).map((row) => toSummary(row, actor)),
    usage: { usedCount: await countToggledOnSyncs(deps.db, orgId), limit: settings.contractedSyncLimit },
  };
}

/** Segments' activations from ad syncs: the Activations column and the delete guard count toggled-on syncs. */
export function adSyncActivations(deps: Pick<AdSyncDeps, 'db'>): SegmentActivations {
  return {
    async activationsOf(orgId, segmentIds) {
      const counts = await countActiveSyncsBySegment(deps.db, orgId, segmentIds);
      return new Map([...counts].map(([segmentId, count]) => [segmentId, { activeSyncCount: count, isPublished: false }]));
    },
  };
}

