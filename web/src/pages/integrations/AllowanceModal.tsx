import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { EndpointContract } from '../../../../src/contracts/http';
import { listCrmConnections, setCrmApiAllowance } from '../../../../src/contracts/integrations';
import type { ConnectionSummaryBase } from '../../../../src/contracts/integrations';
import type { setMapApiAllowance } from '../../../../src/contracts/mapIntegrations';
import type { ContractInput } from '../../../../src/contracts/request';
import { errorMessage } from '../../api/client';
import { useApiMutation } from '../../api/hooks';

type AllowanceContract = typeof setCrmApiAllowance | typeof setMapApiAllowance;

interface AllowanceProps {
  connection: (Pick<ConnectionSummaryBase, 'id' | 'displayName' | 'dailyApiAllowance'> & { provider: string }) | null;
  onClose: () => void;
  /** The allowance endpoint and the list it refreshes: the CRM's by default, a MAP's from the marketing-automation section. */
  contract?: AllowanceContract;
  invalidates?: readonly EndpointContract[];
  /** What stops when the allowance is spent. */
  whenSpent?: string;
}

/** Sets the contracted daily API allowance of a CRM or MAP connection; openabm stops calling it for the day once it is spent. */
export function AllowanceModal({ connection, ...rest }: AllowanceProps) {
  return (
    <Modal opened={connection !== null} onClose={rest.onClose} title="Set API allowance" centered>
      {connection !== null && <AllowanceForm key={connection.id} connection={connection} {...rest} />}
    </Modal>
  );
}

function AllowanceForm({
  connection,
  onClose,
  contract = setCrmApiAllowance,
  invalidates = [listCrmConnections],
  whenSpent = 'syncs stop with the specification’s message and resume the next day.',
}: AllowanceProps & { connection: NonNullable<AllowanceProps['connection']> }) {
  const mutation = useApiMutation<AllowanceContract>(contract, { invalidates });
  const [allowance, setAllowance] = useState<number | string>(connection.dailyApiAllowance);
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (typeof allowance !== 'number') return;
        mutation.mutate(
          { params: { provider: connection.provider }, body: { dailyApiAllowance: allowance } } as ContractInput<AllowanceContract>,
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
        <Text fz="sm">
          The number of {connection.displayName} API calls openabm may make per day (UTC). When it is spent, {whenSpent}
        </Text>
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
