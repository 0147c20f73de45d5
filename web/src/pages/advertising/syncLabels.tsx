import { Badge } from '@mantine/core';
import type { AdChannel, SyncStatusValue } from '../../../../src/contracts/syncs';

export const CHANNEL_LABELS: Record<AdChannel, string> = { google: 'Google', linkedin: 'LinkedIn', meta: 'Meta' };

export const STATUS_LABELS: Record<SyncStatusValue, string> = { syncing: 'Syncing', synced: 'Synced', inactive: 'Inactive', failed: 'Failed' };

const STATUS_COLORS: Record<SyncStatusValue, string> = { syncing: 'blue', synced: 'green', inactive: 'gray', failed: 'red' };

export function SyncStatusBadge({ status }: { status: SyncStatusValue }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="sync-status">
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export const formatCount = (value: number | null | undefined) => (value === null || value === undefined ? '—' : new Intl.NumberFormat('en').format(value));
