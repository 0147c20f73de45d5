import { Badge, Button, Card, Divider, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { IconPlugConnected } from '@tabler/icons-react';
import type { MapConnectionSummary } from '../../../../../src/contracts/mapIntegrations';
import { formatDateTime } from '../../../components/formatDate';
import { ApiUsageBlock, CredentialsBlock, StatusReasonAlert } from '../ConnectionCardParts';
import { NEEDS_RECONNECT, STATUS_COLORS } from '../connectionStatus';

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
      <StatusReasonAlert connection={connection} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} mt="lg" spacing="lg">
        <ApiUsageBlock connection={connection} testId="map-api-calls-today" />
        <CredentialsBlock connection={connection} />
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
