import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { listMapConnections, setMapApiAllowance } from '../../../../../src/contracts/mapIntegrations';
import type { MapConnectionSummary } from '../../../../../src/contracts/mapIntegrations';
import { errorMessage } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';

/** Sets the daily API allowance of one MAP; enrichment stops for the day once it is spent. */
export function MapAllowanceModal({ connection, onClose }: { connection: MapConnectionSummary | null; onClose: () => void }) {
  return (
    <Modal opened={connection !== null} onClose={onClose} title="Set API allowance" centered>
      {connection !== null && <AllowanceForm key={connection.id} connection={connection} onClose={onClose} />}
    </Modal>
  );
}

function AllowanceForm({ connection, onClose }: { connection: MapConnectionSummary; onClose: () => void }) {
  const mutation = useApiMutation(setMapApiAllowance, { invalidates: [listMapConnections] });
  const [allowance, setAllowance] = useState<number | string>(connection.dailyApiAllowance);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (typeof allowance !== 'number') return;
        mutation.mutate(
          { params: { provider: connection.provider }, body: { dailyApiAllowance: allowance } },
          {
            onSuccess: () => {
              notifications.show({ color: 'green', message: `${connection.displayName} may now use ${allowance.toLocaleString('en')} API calls a day.` });
              onClose();
            },
          },
        );
      }}
    >
      <Stack gap="md">
        <Text fz="sm">The number of {connection.displayName} API calls openabm may make per day (UTC). When it is spent, writes stop and resume the next day.</Text>
        <NumberInput label="Daily API allowance" min={0} max={10_000_000} thousandSeparator="," required value={allowance} onChange={setAllowance} data-autofocus />
        {mutation.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending} disabled={typeof allowance !== 'number'}>
            Save allowance
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
