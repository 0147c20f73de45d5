import { Link } from 'react-router-dom';
import { Badge, Button, Card, Divider, Group, Loader, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconListSearch, IconPlugConnected, IconRefresh } from '@tabler/icons-react';
import type { CrmConnectionSummary } from '../../../../src/contracts/integrations';
import { formatDateTime } from '../../components/formatDate';
import { ApiUsageBlock, CredentialsBlock, StatusReasonAlert } from './ConnectionCardParts';
import { formatCount, isFirstSyncQueued, NEEDS_RECONNECT, STATUS_COLORS, SYNC_RUN_LABELS } from './connectionStatus';

/** One connected CRM: status and its reason, API usage against the allowance, the data sync, and the admin actions. */
export function CrmConnectionCard({
  connection,
  canManage,
  isSyncRequested,
  onReconnect,
  onSyncNow,
  onSetAllowance,
  onDisconnect,
}: {
  connection: CrmConnectionSummary;
  canManage: boolean;
  isSyncRequested: boolean;
  onReconnect: () => void;
  onSyncNow: () => void;
  onSetAllowance: () => void;
  onDisconnect: () => void;
}) {
  const run = connection.lastSyncRun;
  // Connecting queues the first full sync at once: until its run starts, it is "starting", not "not synced".
  const isFirstSyncStarting = isFirstSyncQueued(connection);
  const isSyncRunning = run?.status === 'running' || isSyncRequested;
  const isSyncing = isSyncRunning || isFirstSyncStarting;

  return (
    <Card withBorder radius="lg" padding="lg" data-testid={`connection-${connection.provider}`}>
      <Group justify="space-between" align="flex-start" gap="sm">
        <Group gap="sm">
          <Title order={2} fz="h3">
            {connection.displayName}
          </Title>
          <Badge color={STATUS_COLORS[connection.status]} variant="light" data-testid="connection-status">
            {connection.statusLabel}
          </Badge>
        </Group>
        <Button component={Link} to={`/settings/integrations/${connection.provider}/sources`} variant="light" leftSection={<IconListSearch size={16} />}>
          Browse sources
        </Button>
      </Group>
      <Text fz="sm" c="dimmed" mt={4}>
        {connection.instanceUrl}
        {connection.externalOrgId !== null && ` · org ${connection.externalOrgId}`} · connected {formatDateTime(connection.connectedAt)}
      </Text>

      <StatusReasonAlert connection={connection} testId="connection-reason" />

      <SimpleGrid cols={{ base: 1, sm: 3 }} mt="lg" spacing="lg">
        <ApiUsageBlock connection={connection} testId="api-calls-today" />
        <Stack gap={6}>
          <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
            CRM data
          </Text>
          <Text fw={600}>
            {formatCount(connection.recordCounts.account)} accounts · {formatCount(connection.recordCounts.contact)} contacts · {formatCount(connection.recordCounts.lead)} leads
          </Text>
          <Text fz="xs" c="dimmed" data-testid="sync-state">
            {isSyncing ? (
              <Group gap={6} component="span">
                <Loader size={12} />
                {run?.status === 'running'
                  ? `${run.isFull ? 'Full sync' : 'Sync'} running: ${formatCount(run.recordsSynced)} records so far · ${formatCount(run.apiCalls)} calls`
                  : isFirstSyncStarting
                    ? 'First full sync starting…'
                    : 'Sync queued…'}
              </Group>
            ) : run === null ? (
              'Not synced yet: sync once before building segments from lists or reports.'
            ) : (
              <>
                Last sync {SYNC_RUN_LABELS[run.status].toLowerCase()} {formatDateTime(run.finishedAt ?? run.startedAt)} · {formatCount(run.recordsSynced)} records ·{' '}
                {formatCount(run.apiCalls)} calls
              </>
            )}
          </Text>
          {!isSyncing && run?.errorMessage != null && (
            <Text fz="xs" c="red">
              {run.errorMessage}
            </Text>
          )}
        </Stack>
        <CredentialsBlock
          connection={connection}
          extra={connection.firstFullSyncAt === null ? ' · first full sync pending' : ` · first full sync ${formatDateTime(connection.firstFullSyncAt)}`}
        />
      </SimpleGrid>

      {canManage && (
        <>
          <Divider my="md" />
          <Group gap="sm">
            {NEEDS_RECONNECT.has(connection.status) && (
              <Button leftSection={<IconPlugConnected size={16} />} onClick={onReconnect}>
                Reconnect
              </Button>
            )}
            <Tooltip label="Syncs accounts, contacts and leads; incremental after the first full sync" withArrow>
              <Button variant="default" leftSection={<IconRefresh size={16} />} loading={isSyncRunning} onClick={onSyncNow}>
                Sync now
              </Button>
            </Tooltip>
            <Button variant="default" onClick={onSetAllowance}>
              Set API allowance
            </Button>
            {!NEEDS_RECONNECT.has(connection.status) && (
              <Button variant="subtle" onClick={onReconnect}>
                Reconnect
              </Button>
            )}
            <Button variant="subtle" color="red" ml="auto" onClick={onDisconnect}>
              Disconnect
            </Button>
          </Group>
        </>
      )}
    </Card>
  );
}
