import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Skeleton, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCircleCheck, IconPlugConnectedX } from '@tabler/icons-react';
import { disconnectCrm, listCrmConnections, startCrmSync } from '../../../../src/contracts/integrations';
import type { CrmConnectionSummary, CrmProviderId } from '../../../../src/contracts/integrations';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { AllowanceModal } from './AllowanceModal';
import { DisconnectDialog, NotConnectedCard } from './ConnectionCardParts';
import { ConnectCrmModal } from './ConnectCrmModal';
import { CrmConnectionCard } from './CrmConnectionCard';
import { MapIntegrationsSection } from './map/MapIntegrationsSection';
import { isFirstSyncQueued } from './connectionStatus';

const PROVIDER_BLURBS: Readonly<Record<CrmProviderId, string>> = {
  salesforce: 'Account list views and reports become segments; accounts, contacts and leads are synced daily.',
  dynamics: 'Account views (system and personal) become segments; accounts, contacts and leads are synced daily.',
};

/** Settings > Integrations: the CRM connections, their status and API usage, and connecting / disconnecting them. */
export function IntegrationsPage() {
  const canManage = useCan('integrations.manage');
  const [searchParams, setSearchParams] = useSearchParams();
  // A sync asked for in this page: the start stamp of the run seen before asking, to know when a new run has finished.
  const [syncRequests, setSyncRequests] = useState<Partial<Record<CrmProviderId, string | null>>>({});
  const isPolling = Object.keys(syncRequests).length > 0;
  const query = useApiQuery(listCrmConnections, undefined, {
    // Running or queued syncs (the first one starts on connecting) are followed without a reload.
    refetchInterval: (current) => (isPolling || current.state.data?.items.some((item) => item.lastSyncRun?.status === 'running' || isFirstSyncQueued(item)) === true ? 1500 : false),
  });
  const [connectingProvider, setConnectingProvider] = useState<CrmProviderId | null>(null);
  const [allowanceFor, setAllowanceFor] = useState<CrmConnectionSummary | null>(null);
  const [disconnecting, setDisconnecting] = useState<CrmConnectionSummary | null>(null);
  const syncMutation = useApiMutation(startCrmSync, { invalidates: [listCrmConnections] });

  const items = query.data?.items;
  useEffect(() => {
    if (items === undefined) return;
    setSyncRequests((previous) => {
      const next = { ...previous };
      for (const [provider, seenStartedAt] of Object.entries(previous) as [CrmProviderId, string | null][]) {
        const run = items.find((item) => item.provider === provider)?.lastSyncRun ?? null;
        const isNewRunFinished = run !== null && run.startedAt !== seenStartedAt && run.status !== 'running';
        if (isNewRunFinished || !items.some((item) => item.provider === provider)) delete next[provider];
      }
      return Object.keys(next).length === Object.keys(previous).length ? previous : next;
    });
  }, [items]);

  const connectedProvider = searchParams.get('connected');
  const callbackError = searchParams.get('error');
  const dismissNotice = () =>
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        for (const key of ['connected', 'error', 'provider']) params.delete(key);
        return params;
      },
      { replace: true },
    );

  const providers = query.data?.providers ?? [];
  const connectingOption = providers.find((option) => option.provider === connectingProvider) ?? null;
  const displayNameOf = (provider: string | null) => providers.find((option) => option.provider === provider)?.displayName ?? provider ?? 'The CRM';

  const syncNow = (connection: CrmConnectionSummary) => {
    const seenStartedAt = connection.lastSyncRun?.startedAt ?? null;
    syncMutation.mutate(
      { params: { provider: connection.provider } },
      {
        onSuccess: () => setSyncRequests((previous) => ({ ...previous, [connection.provider]: seenStartedAt })),
        onError: (error) => notifications.show({ color: 'red', title: 'Sync not started', message: error.message }),
      },
    );
  };

  return (
    <>
      <PageHeader
        title="Integrations"
        description="CRM connections: status, daily API usage and the data sync. Segments are built from their account lists and reports."
      />
      <Stack gap="lg">
        {connectedProvider !== null && providers.some((option) => option.provider === connectedProvider) && (
          <Alert color="green" variant="light" icon={<IconCircleCheck size={18} />} title={`${displayNameOf(connectedProvider)} is connected`} withCloseButton onClose={dismissNotice} data-testid="connect-notice">
            Its first full sync has started (accounts, contacts and leads; its progress shows below): lists and reports can back segments once it has completed.
          </Alert>
        )}
        {callbackError !== null && (
          <Alert color="red" variant="light" icon={<IconPlugConnectedX size={18} />} title="Could not connect" withCloseButton onClose={dismissNotice} role="alert" data-testid="connect-notice">
            {callbackError}
          </Alert>
        )}
        {query.isPending ? (
          <>
            <Skeleton height={240} radius="lg" />
            <Skeleton height={120} radius="lg" />
          </>
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={() => void query.refetch()} />
        ) : (
          providers.map((option) => {
            const connection = query.data.items.find((item) => item.provider === option.provider);
            if (connection !== undefined) {
              return (
                <CrmConnectionCard
                  key={option.provider}
                  connection={connection}
                  canManage={canManage}
                  isSyncRequested={option.provider in syncRequests || (syncMutation.isPending && syncMutation.variables.params.provider === option.provider)}
                  onReconnect={() => setConnectingProvider(option.provider)}
                  onSyncNow={() => syncNow(connection)}
                  onSetAllowance={() => setAllowanceFor(connection)}
                  onDisconnect={() => setDisconnecting(connection)}
                />
              );
            }
            return (
              <NotConnectedCard
                key={option.provider}
                testId={`connection-${option.provider}`}
                displayName={option.displayName}
                blurb={PROVIDER_BLURBS[option.provider]}
                canManage={canManage}
                headingOrder={2}
                onConnect={() => setConnectingProvider(option.provider)}
              />
            );
          })
        )}
      </Stack>
      <MapIntegrationsSection />

      <ConnectCrmModal provider={connectingOption} existing={query.data?.items.find((item) => item.provider === connectingProvider)} onClose={() => setConnectingProvider(null)} />
      <AllowanceModal connection={allowanceFor} onClose={() => setAllowanceFor(null)} />
      <DisconnectDialog connection={disconnecting} contract={disconnectCrm} invalidates={[listCrmConnections]} onClose={() => setDisconnecting(null)}>
        Disconnect <b>{disconnecting?.displayName}</b>? openabm revokes its tokens and deletes the synced CRM records. Segments built from its lists and reports keep
        their last membership but stop refreshing until you connect again.
      </DisconnectDialog>
    </>
  );
}
