import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { listPublishedSegments, publishSegment, PUBLISH_USES, PUBLISH_USE_LABELS, type PublishUse } from '../../../../src/contracts/publishing';
import { getSegment, listSegments } from '../../../../src/contracts/segments';
import { errorMessage } from '../../api/client';
import { useApiMutation } from '../../api/hooks';

/**
 * "Publish Segment" from the Segments list (Activations > Plus) or the segment's Activate menu: choose the uses,
 * then Confirm. Uses the segment is already published to stay checked (unpublish from Settings > Published Segments).
 */
export function PublishSegmentModal({ segment, onClose }: { segment: { id: string; name: string; activations: { publishedUses: readonly PublishUse[] } }; onClose: () => void }) {
  const current = segment.activations.publishedUses;
  const [chosen, setChosen] = useState<PublishUse[]>([]);
  const [isConfirming, setIsConfirming] = useState(false);
  const mutation = useApiMutation(publishSegment, { invalidates: [listSegments, getSegment, listPublishedSegments] });
  const publish = () =>
    mutation.mutate(
      { params: { segmentId: segment.id }, body: { uses: chosen } },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: `“${segment.name}” is published to ${chosen.map((use) => PUBLISH_USE_LABELS[use]).join(', ')}.` });
          onClose();
        },
      },
    );
  return (
    <Modal opened onClose={onClose} title={isConfirming ? 'Confirm publishing' : 'Publish Segment'} centered>
      <Stack gap="md">
        {isConfirming ? (
          <Text fz="sm">
            Publish <b>{segment.name}</b> to {chosen.map((use) => PUBLISH_USE_LABELS[use]).join(', ')}? Up to 200 segments can be published at any given time.
          </Text>
        ) : (
          <Checkbox.Group label={`Publish “${segment.name}” for`} value={[...current, ...chosen]} onChange={(values) => setChosen((values as PublishUse[]).filter((use) => !current.includes(use)))}>
            <Stack gap="xs" mt="xs">
              {PUBLISH_USES.map((use) => (
                <Tooltip key={use} label="Already published; unpublish in Settings > Published Segments" disabled={!current.includes(use)}>
                  <Checkbox value={use} label={PUBLISH_USE_LABELS[use]} disabled={current.includes(use)} />
                </Tooltip>
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        {mutation.error !== null && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={isConfirming ? () => setIsConfirming(false) : onClose}>
            {isConfirming ? 'Back' : 'Cancel'}
          </Button>
          {isConfirming ? (
            <Button loading={mutation.isPending} onClick={publish}>
              Confirm
            </Button>
          ) : (
            <Button disabled={chosen.length === 0} onClick={() => setIsConfirming(true)}>
              Publish Segment
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
