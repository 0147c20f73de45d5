import { useState } from 'react';
import { Switch, Tooltip } from '@mantine/core';
import { getAdvertisingOverview, getSync, listSyncs, toggleSync, type SyncSummary } from '../../../../src/contracts/syncs';
import { useApiMutation } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CHANNEL_LABELS } from './syncLabels';

/**
 * The on/off switch of a sync. Off asks first and explains the impact on running campaigns (the audience stays on
 * the channel, stale); on moves the sync to your own channel login.
 */
export function SyncToggle({ sync }: { sync: SyncSummary }) {
  const [pending, setPending] = useState<'on' | 'off' | null>(null);
  const mutation = useApiMutation(toggleSync, { invalidates: [listSyncs, getSync, getAdvertisingOverview] });
  const isOn = sync.status !== 'inactive' && sync.status !== 'failed';
  const canChange = isOn ? sync.canToggleOff : sync.canToggleOn;
  const channel = CHANNEL_LABELS[sync.channel];
  const confirm = () => mutation.mutate({ params: { syncId: sync.id }, body: { isOn: pending === 'on' } }, { onSuccess: () => setPending(null) });
  return (
    <>
      <Tooltip label={canChange ? (isOn ? 'Toggle off' : 'Toggle on') : 'Only the creator of the sync or an administrator can change it'} withArrow>
        <span>
          <Switch
            checked={isOn}
            disabled={!canChange}
            aria-label={`Sync ${sync.segmentName} to ${channel} ${sync.adAccountName}`}
            onChange={() => {
              mutation.reset();
              setPending(isOn ? 'off' : 'on');
            }}
          />
        </span>
      </Tooltip>
      <ConfirmDialog
        isOpen={pending !== null}
        title={pending === 'off' ? 'Toggle off this sync?' : 'Toggle on this sync?'}
        confirmLabel={pending === 'off' ? 'Toggle off' : 'Toggle on'}
        isDestructive={pending === 'off'}
        isPending={mutation.isPending}
        error={mutation.error}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending === 'off'
          ? `This only halts the segment "${sync.segmentName}" from syncing to ${channel} ad account ${sync.adAccountName}. The matched audience stays available on ${channel} in a stale state: campaigns that use it keep running on members that no longer change, including accounts that left the segment.`
          : `The sync will run from your own ${channel} login from now on; you need access to ad account ${sync.adAccountName}.`}
      </ConfirmDialog>
    </>
  );
}
