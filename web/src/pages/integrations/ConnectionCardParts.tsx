import type { ReactNode } from 'react';
import { Alert, Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconPlugConnected } from '@tabler/icons-react';
import type { EndpointContract } from '../../../../src/contracts/http';
import type { ConnectionSummaryBase, disconnectCrm } from '../../../../src/contracts/integrations';
import type { disconnectMap } from '../../../../src/contracts/mapIntegrations';
import type { ContractInput } from '../../../../src/contracts/request';
import { useApiMutation } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../components/formatDate';
import { formatCount, STATUS_COLORS } from './connectionStatus';

/**
 * The parts every connection card shows, CRM (IntegrationsPage, CrmConnectionCard) or marketing automation
 * (map/MapIntegrationsSection, map/MapConnectionCard): a provider not connected yet, why the status is not connected,
 * the API calls against the daily allowance, the credential policy, and the confirmed disconnect.
 */
type Connection = Pick<
  ConnectionSummaryBase,
  | 'displayName' | 'status' | 'statusReason' | 'dailyApiAllowance' | 'apiCallsToday' | 'apiCallsRefusedToday' | 'providerApiUsage' | 'allowanceResetsAt'
  | 'isApiLimitReachedToday' | 'credentialPolicy' | 'credentialsSetAt' | 'credentialsExpireAt'
>;

export function StatusReasonAlert({ connection, testId }: { connection: Connection; testId?: string }) {
  if (connection.status === 'connected' || connection.statusReason === null) return null;
  return (
    <Alert mt="md" variant="light" color={STATUS_COLORS[connection.status]} icon={<IconAlertTriangle size={18} />} role="alert" data-testid={testId}>
      {connection.statusReason}
    </Alert>
  );
}

export function ApiUsageBlock({ connection, testId }: { connection: Connection; testId: string }) {
  const usedPercent = connection.dailyApiAllowance === 0 ? 100 : Math.min(100, (connection.apiCallsToday / connection.dailyApiAllowance) * 100);
  return (
    <Stack gap={6}>
      <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
        API calls today
      </Text>
      <Text fw={600} data-testid={testId}>
        {formatCount(connection.apiCallsToday)} of {formatCount(connection.dailyApiAllowance)}
      </Text>
      <Progress value={usedPercent} color={connection.isApiLimitReachedToday ? 'orange' : 'indigo'} aria-label="Share of the daily API allowance used" size="sm" />
      <Text fz="xs" c="dimmed">
        {connection.apiCallsRefusedToday > 0 && `${formatCount(connection.apiCallsRefusedToday)} refused · `}
        Resets {formatDateTime(connection.allowanceResetsAt)}
        {connection.providerApiUsage !== null &&
          ` · ${connection.displayName} reports ${formatCount(connection.providerApiUsage.used)} / ${formatCount(connection.providerApiUsage.max)}`}
      </Text>
    </Stack>
  );
}

/** The credential policy and dates; `extra` follows the dates (the CRM's first full sync). */
export function CredentialsBlock({ connection, extra }: { connection: Connection; extra?: ReactNode }) {
  return (
    <Stack gap={6}>
      <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
        Credentials
      </Text>
      <Text fw={600}>{connection.credentialPolicy === 'never_expire' ? 'Never Expire' : 'Expire every 90 days'}</Text>
      <Text fz="xs" c="dimmed">
        Set {formatDateTime(connection.credentialsSetAt)}
        {connection.credentialsExpireAt !== null && ` · expire ${formatDateTime(connection.credentialsExpireAt)}`}
        {extra}
      </Text>
    </Stack>
  );
}

/** A provider that can be connected: its name, what it is for, and Connect for administrators. */
export function NotConnectedCard({
  testId,
  displayName,
  blurb,
  canManage,
  headingOrder,
  onConnect,
}: {
  testId: string;
  displayName: string;
  blurb: string;
  canManage: boolean;
  /** CRM cards are sections of the page (h2); marketing-automation cards sit under their own heading (h3). */
  headingOrder: 2 | 3;
  onConnect: () => void;
}) {
  return (
    <Card withBorder radius="lg" padding="lg" data-testid={testId}>
      <Group justify="space-between" align="center" gap="md">
        <Stack gap={4} style={{ flex: '1 1 320px' }}>
          <Group gap="sm">
            <Title order={headingOrder} fz={headingOrder === 2 ? 'h3' : 'h4'}>
              {displayName}
            </Title>
            <Badge color="gray" variant="light">
              Not connected
            </Badge>
          </Group>
          <Text fz="sm" c="dimmed">
            {blurb}
            {!canManage && ' An administrator connects it.'}
          </Text>
        </Stack>
        {canManage && (
          <Button leftSection={<IconPlugConnected size={16} />} onClick={onConnect} aria-label={`Connect ${displayName}`}>
            Connect
          </Button>
        )}
      </Group>
    </Card>
  );
}

type DisconnectContract = typeof disconnectCrm | typeof disconnectMap;

/** "Disconnect <provider>" confirmed; `children` says what disconnecting deletes and what stays. */
export function DisconnectDialog({
  connection,
  contract,
  invalidates,
  onClose,
  children,
}: {
  connection: { provider: string; displayName: string } | null;
  contract: DisconnectContract;
  invalidates: readonly EndpointContract[];
  onClose: () => void;
  children: ReactNode;
}) {
  const mutation = useApiMutation<DisconnectContract>(contract, { invalidates });
  const close = () => {
    onClose();
    mutation.reset();
  };
  return (
    <ConfirmDialog
      isOpen={connection !== null}
      title={`Disconnect ${connection?.displayName ?? ''}`}
      confirmLabel="Disconnect"
      isDestructive
      isPending={mutation.isPending}
      error={mutation.error}
      onCancel={close}
      onConfirm={() =>
        connection !== null &&
        mutation.mutate({ params: { provider: connection.provider } } as ContractInput<DisconnectContract>, {
          onSuccess: () => {
            notifications.show({ color: 'green', message: `${connection.displayName} is disconnected.` });
            close();
          },
        })
      }
    >
      {children}
    </ConfirmDialog>
  );
}
