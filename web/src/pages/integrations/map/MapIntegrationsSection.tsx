import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { disconnectMap, listMapConnections, setMapApiAllowance } from '../../../../../src/contracts/mapIntegrations';
import type { MapConnectionSummary, MapProviderIdBody } from '../../../../../src/contracts/mapIntegrations';
import { useApiQuery } from '../../../api/hooks';
import { useCan } from '../../../auth/session';
import { QueryError } from '../../../components/QueryError';
import { AllowanceModal } from '../AllowanceModal';
import { DisconnectDialog, NotConnectedCard } from '../ConnectionCardParts';
import { ConnectMapModal } from './ConnectMapModal';
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
            <NotConnectedCard
              key={option.provider}
              testId={`map-connection-${option.provider}`}
              displayName={option.displayName}
              blurb={PROVIDER_BLURBS[option.provider]}
              canManage={canManage}
              headingOrder={3}
              onConnect={() => setConnecting(option.provider)}
            />
          );
        })
      )}

      <ConnectMapModal provider={providers.find((option) => option.provider === connecting) ?? null} onClose={() => setConnecting(null)} />
      <AllowanceModal
        connection={allowanceFor}
        onClose={() => setAllowanceFor(null)}
        contract={setMapApiAllowance}
        invalidates={[listMapConnections]}
        whenSpent="Segment Name Enrichment stops writing and resumes the next day."
      />
      <DisconnectDialog connection={disconnecting} contract={disconnectMap} invalidates={[listMapConnections]} onClose={() => setDisconnecting(null)}>
        Disconnect <b>{disconnecting?.displayName}</b>? openabm deletes its stored credentials. Segment Name Enrichment stops writing to it until you connect again;
        values already written stay in {disconnecting?.displayName}.
      </DisconnectDialog>
    </Stack>
  );
}
