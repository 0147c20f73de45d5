import { Alert, Badge, Button, Card, Divider, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconPlugConnected } from '@tabler/icons-react';
import type { MapConnectionSummary } from '../../../../../src/contracts/mapIntegrations';
import { formatDateTime } from '../../../components/formatDate';
import { formatCount, NEEDS_RECONNECT, STATUS_COLORS } from '../connectionStatus';

const AUTH_LABELS: Readonly<Record<MapConnectionSummary['authKind'], string>> = {
  oauth_code: 'OAuth',
  client_credentials: 'REST API client credentials',
  basic: 'Basic auth (site, user, password)',
};

/** One connected marketing-automation system: status and reason, API calls against the allowance, credentials, actions. */
export function MapConnectionCard({
  connection,
  canManage,
  onReconnect,
  onSetAllowance,
  onDisconnect,
}: {
  connection: MapConnectionSummary;
  canManage: boolean;
  onReconnect: () => void;
  onSetAllowance: () => void;
  onDisconnect: () => void;
}) {
  const usedPercent = connection.dailyApiAllowance === 0 ? 100 : Math.min(100, (connection.apiCallsToday / connection.dailyApiAllowance) * 100);
  const isBroken = connection.status !== 'connected';
  return (
    <Card withBorder radius="lg" padding="lg" data-testid={`map-connection-${connection.provider}`}>
      <Group gap="sm">
        <Title order={3} fz="h4">
          {connection.displayName}
        </Title>
        <Badge color={STATUS_COLORS[connection.status]} variant="light" data-testid="map-connection-status">
          {connection.statusLabel}
        </Badge>
      </Group>
      <Text fz="sm" c="dimmed" mt={4}>
        {connection.instanceUrl}
        {connection.externalOrgId !== null && ` · ${connection.externalOrgId}`} · {AUTH_LABELS[connection.authKind]} · connected {formatDateTime(connection.connectedAt)}
      </Text>
      {isBroken && connection.statusReason !== null && (
        <Alert mt="md" variant="light" color={STATUS_COLORS[connection.status]} icon={<IconAlertTriangle size={18} />} role="alert">
          {connection.statusReason}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="lg" spacing="lg">
        <Stack gap={6}>
          <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
            API calls today
          </Text>
          <Text fw={600} data-testid="map-api-calls-today">
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
        <Stack gap={6}>
          <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
            Credentials
          </Text>
          <Text fw={600}>{connection.credentialPolicy === 'never_expire' ? 'Never Expire' : 'Expire every 90 days'}</Text>
          <Text fz="xs" c="dimmed">
            Set {formatDateTime(connection.credentialsSetAt)}
            {connection.credentialsExpireAt !== null && ` · expire ${formatDateTime(connection.credentialsExpireAt)}`}
          </Text>
        </Stack>
      </SimpleGrid>
      {canManage && (
        <>
          <Divider my="md" />
          <Group gap="sm">
            <Button leftSection={<IconPlugConnected size={16} />} variant={NEEDS_RECONNECT.has(connection.status) ? 'filled' : 'subtle'} onClick={onReconnect}>
              Reconnect
            </Button>
            <Button variant="default" onClick={onSetAllowance}>
              Set API allowance
            </Button>
            <Button variant="subtle" color="red" ml="auto" onClick={onDisconnect} aria-label={`Disconnect ${connection.displayName}`}>
              Disconnect
            </Button>
          </Group>
        </>
      )}
    </Card>
  );
}
