import { useState } from 'react';
import { ActionIcon, Menu } from '@mantine/core';
import { IconPlus, IconStack2 } from '@tabler/icons-react';
import type { SegmentSummary } from '../../../../src/contracts/segments';
import { useCan } from '../../auth/session';
import { PublishSegmentModal } from './PublishSegmentModal';

/** The Activations column's Plus: "Publish Segment" (other activations add their items here). */
export function ActivationsPlusMenu({ segment }: { segment: Pick<SegmentSummary, 'id' | 'name' | 'activations'> }) {
  const canPublish = useCan('segment.publish');
  const [isPublishing, setIsPublishing] = useState(false);
  if (!canPublish) return null;
  return (
    <>
      <Menu position="bottom-start" withinPortal>
        <Menu.Target>
          <ActionIcon variant="subtle" size="sm" aria-label={`Activate ${segment.name}`}>
            <IconPlus size={14} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item leftSection={<IconStack2 size={14} />} onClick={() => setIsPublishing(true)}>
            Publish Segment
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {isPublishing && <PublishSegmentModal segment={segment} onClose={() => setIsPublishing(false)} />}
    </>
  );
}
