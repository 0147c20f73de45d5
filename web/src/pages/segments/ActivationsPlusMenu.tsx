import { useState } from 'react';
import { ActionIcon, Menu } from '@mantine/core';
import { IconBroadcast, IconPlus, IconStack2 } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import type { SegmentSummary } from '../../../../src/contracts/segments';
import { useCan } from '../../auth/session';
import { PublishSegmentModal } from './PublishSegmentModal';

/** The Activations column's Plus: "Publish Segment" and "Create Sync" (other activations add their items here). */
export function ActivationsPlusMenu({ segment }: { segment: Pick<SegmentSummary, 'id' | 'name' | 'activations'> }) {
  const canPublish = useCan('segment.publish');
  const canSync = useCan('sync.create');
  const [isPublishing, setIsPublishing] = useState(false);
  if (!canPublish && !canSync) return null;
  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" size="sm" aria-label={`Activate ${segment.name}`}>
            <IconPlus size={14} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          {canPublish && (
            <Menu.Item leftSection={<IconStack2 size={14} />} onClick={() => setIsPublishing(true)}>
              Publish Segment
            </Menu.Item>
          )}
          {canSync && (
            <Menu.Item leftSection={<IconBroadcast size={14} />} component={Link} to={`/advertising/segment-syncs/new?segmentId=${segment.id}`}>
              Create Sync
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>
      {isPublishing && <PublishSegmentModal segment={segment} onClose={() => setIsPublishing(false)} />}
    </>
  );
}
