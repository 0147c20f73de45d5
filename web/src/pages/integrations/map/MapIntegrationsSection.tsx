import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconPlugConnected } from '@tabler/icons-react';
import { disconnectMap, listMapConnections } from '../../../../../src/contracts/mapIntegrations';
import type { MapConnectionSummary, MapProviderIdBody } from '../../../../../src/contracts/mapIntegrations';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { useCan } from '../../../auth/session';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { QueryError } from '../../../components/QueryError';
import { ConnectMapModal } from './ConnectMapModal';
import { MapAllowanceModal } from './MapAllowanceModal';
import { MapConnectionCard } from './MapConnectionCard';

const PROVIDER_BLURBS: Readonly<Record<MapProviderIdBody, string>> = {
  hubspot: 'Segment names are written into a contact (or lead) property, 100 records per batch. Connects by OAuth.',
  marketo: 'Segment names are written into a lead field, 300 leads per call. Connects with a REST API client id and secret.',
  pardot: 'Segment names are written into a prospect field. Connects by Salesforce login with the business unit id.',
  eloqua: 'Segment names are written into a contact field. Connects by OAuth, or Basic auth with a site, user and password.',
};

/** Settings > Integrations, marketing automation: HubSpot, Marketo, Pardot and Eloqua beside the CRMs. */
export function MapIntegrationsSection() {
  const canManage = useCan('integrations.manage');
  const query = useApiQuery(listMapConnections, undefined);
  const [connecting, setConnecting] = useState<MapProviderIdBody | null>(null);
  const [allowanceFor, setAllowanceFor] = useState<MapConnectionSummary | null>(null);
  const [disconnecting, setDisconnecting] = useState<MapConnectionSummary | null>(null);
  const disconnectMutation = useApiMutation(disconnectMap, { invalidates: [listMapConnections] });
  const providers = query.data?.providers ?? [];
  const [searchParams] = useSearchParams();
  const connected = providers.find((option) => option.provider === searchParams.get('connected'));

  return (
    <Stack gap="lg" mt="xl" data-testid="map-integrations">
      <Stack gap={2}>
        <Title order={2} fz="h3">
          Marketing automation
        </Title>
        <Text fz="sm" c="dimmed">
          Segment Name Enrichment writes the names of published segments into a field of these systems&apos; leads.
        </Text>
      </Stack>
      {connected !== undefined && (
        <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} title={`${connected.displayName} is connected`} data-testid="map-connect-notice">
          Choose its field in a Segment Name Enrichment orchestration (Settings &gt; Orchestrations); a long-text field holds the most segment names.
        </Alert>
      )}
      {query.isPending ? (
        <Skeleton height={120} radius="lg" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        providers.map((option) => {
          const connection = query.data.items.find((item) => item.provider === option.provider);
          if (connection !== undefined) {
            return (
              <MapConnectionCard
                key={option.provider}
                connection={connection}
                canManage={canManage}
                onReconnect={() => setConnecting(option.provider)}
                onSetAllowance={() => setAllowanceFor(connection)}
                onDisconnect={() => setDisconnecting(connection)}
              />
            );
          }
          return (
            <Card key={option.provider} withBorder radius="lg" padding="lg" data-testid={`map-connection-${option.provider}`}>
              <Group justify="space-between" align="center" gap="md">
                <Stack gap={4} style={{ flex: '1 1 320px' }}>
                  <Group gap="sm">
                    <Title order={3} fz="h4">
                      {option.displayName}
                    </Title>
                    <Badge color="gray" variant="light">
                      Not connected
                    </Badge>
                  </Group>
                  <Text fz="sm" c="dimmed">
                    {PROVIDER_BLURBS[option.provider]}
                    {!canManage && ' An administrator connects it.'}
                  </Text>
                </Stack>
                {canManage && (
                  <Button leftSection={<IconPlugConnected size={16} />} onClick={() => setConnecting(option.provider)} aria-label={`Connect ${option.displayName}`}>
                    Connect
                  </Button>
                )}
              </Group>
            </Card>
          );
        })
      )}

      <ConnectMapModal provider={providers.find((option) => option.provider === connecting) ?? null} onClose={() => setConnecting(null)} />
      <MapAllowanceModal connection={allowanceFor} onClose={() => setAllowanceFor(null)} />
      <ConfirmDialog
        isOpen={disconnecting !== null}
        title={`Disconnect ${disconnecting?.displayName ?? ''}`}
        confirmLabel="Disconnect"
        isDestructive
        isPending={disconnectMutation.isPending}
        error={disconnectMutation.error}
        onCancel={() => {
          setDisconnecting(null);
          disconnectMutation.reset();
        }}
        onConfirm={() =>
          disconnecting !== null &&
          disconnectMutation.mutate(
            { params: { provider: disconnecting.provider } },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: `${disconnecting.displayName} is disconnected.` });
                setDisconnecting(null);
                disconnectMutation.reset();
              },
            },
          )
        }
      >
        Disconnect <b>{disconnecting?.displayName}</b>? openabm deletes its stored credentials. Segment Name Enrichment stops writing to it until you connect again;
        values already written stay in {disconnecting?.displayName}.
      </ConfirmDialog>
    </Stack>
  );
}
