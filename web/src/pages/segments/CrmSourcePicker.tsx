import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Anchor, Badge, Group, Paper, Radio, ScrollArea, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { listCrmConnections } from '../../../../src/contracts/integrations';
import { listSegmentCrmSources } from '../../../../src/contracts/segments';
import type { CrmProviderId, CrmSourceSummaryBody } from '../../../../src/contracts/integrations';
import { useApiQuery } from '../../api/hooks';
import { formatDateTime } from '../../components/formatDate';
import { QueryError } from '../../components/QueryError';
import { MessageWithHelpLink } from './MessageWithHelpLink';
import { formatCount } from './segmentDisplay';

export interface PickedCrmSource {
  readonly provider: CrmProviderId;
  readonly kind: 'list_view' | 'saved_view' | 'report';
  readonly sourceId: string;
  readonly sourceName: string;
}

const KINDS_OF: Readonly<Record<'list' | 'report', readonly CrmSourceSummaryBody['kind'][]>> = {
  list: ['list_view', 'saved_view'],
  report: ['report'],
};

/** Picks a usable Account List View / Dynamics view ("list") or Report ("report") of a connected CRM. */
export function CrmSourcePicker({ mode, value, onChange }: { mode: 'list' | 'report'; value: PickedCrmSource | null; onChange: (next: PickedCrmSource | null) => void }) {
  const connections = useApiQuery(listCrmConnections, undefined);
  const [chosenProvider, setChosenProvider] = useState<CrmProviderId | null>(value?.provider ?? null);
  if (connections.isPending) return <Skeleton height={160} radius="md" />;
  if (connections.isError) return <QueryError error={connections.error} onRetry={() => void connections.refetch()} />;
  const providers = connections.data.providers.filter(
    (option) => (mode === 'list' ? option.hasListViews : option.hasReports) && connections.data.items.some((item) => item.provider === option.provider),
  );
  const selectedProvider = providers.find((option) => option.provider === chosenProvider)?.provider ?? providers[0]?.provider;
  if (providers.length === 0 || selectedProvider === undefined) {
    return (
      <Alert variant="light" color="yellow" icon={<IconInfoCircle size={18} />} title="No CRM connected">
        {mode === 'list' ? 'Account lists' : 'Reports'} come from a connected CRM. An administrator connects one in{' '}
        <Anchor component={Link} to="/settings/integrations" fz="sm">
          Settings › Integrations
        </Anchor>
        .
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      {providers.length > 1 && (
        <SegmentedControl
          aria-label="CRM"
          data={providers.map((option) => ({ value: option.provider, label: option.displayName }))}
          value={selectedProvider}
          onChange={(provider) => {
            setChosenProvider(provider as CrmProviderId);
            onChange(null);
          }}
        />
      )}
      <SourceList provider={selectedProvider} mode={mode} value={value} onChange={onChange} />
    </Stack>
  );
}

function SourceList({ provider, mode, value, onChange }: { provider: CrmProviderId; mode: 'list' | 'report'; value: PickedCrmSource | null; onChange: (next: PickedCrmSource | null) => void }) {
  // Served from the cache kept with the CRM sync; while it is re-read in the background, poll until it is fresh.
  const sources = useApiQuery(listSegmentCrmSources, { params: { provider } }, { retry: false, staleTime: 60_000, refetchInterval: (query) => (query.state.data?.isRefreshing === true ? 3000 : false) });
  if (sources.isPending) {
    return (
      <Stack gap="xs" role="status" aria-label="Loading the CRM's lists and reports">
        <Text fz="sm" c="dimmed">
          Reading the CRM&apos;s {mode === 'list' ? 'list views' : 'reports'} and checking each against the rules…
        </Text>
        <Skeleton height={48} />
        <Skeleton height={48} />
        <Skeleton height={48} />
      </Stack>
    );
  }
  if (sources.isError) return <QueryError error={sources.error} onRetry={() => void sources.refetch()} />;
  const items = sources.data.items.filter((source) => KINDS_OF[mode].includes(source.kind));
  if (items.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        The CRM shows the integration user no {mode === 'list' ? 'account list views' : 'reports'}.
      </Text>
    );
  }
  // Usable sources first, each group by name.
  const sorted = [...items].sort((left, right) => Number(right.isUsable) - Number(left.isUsable) || left.name.localeCompare(right.name));
  return (
    <Stack gap={4}>
    <Text fz="xs" c="dimmed" data-testid="crm-sources-freshness">
      As read {formatDateTime(sources.data.refreshedAt)}
      {sources.data.isRefreshing ? ' · checking the CRM for changes…' : ''}
    </Text>
    <Paper withBorder radius="md">
      <ScrollArea.Autosize mah={420}>
        <Radio.Group
          aria-label={mode === 'list' ? 'CRM account list' : 'CRM report'}
          value={value?.provider === provider ? value.sourceId : null}
          onChange={(sourceId) => {
            const source = items.find((item) => item.id === sourceId);
            if (source !== undefined) onChange({ provider, kind: source.kind === 'saved_view' ? 'saved_view' : source.kind === 'report' ? 'report' : 'list_view', sourceId: source.id, sourceName: source.name });
          }}
        >
          <Stack gap={0}>
            {sorted.map((source) => (
              <Group key={source.id} px="md" py="sm" gap="md" wrap="nowrap" align="flex-start" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                <Radio
                  value={source.id}
                  disabled={!source.isUsable}
                  label={source.name}
                  description={
                    source.isUsable ? (
                      `${source.objectType === 'other' ? '' : `${source.objectType[0]?.toUpperCase()}${source.objectType.slice(1)}s`}${source.rowCount === null ? '' : ` · ${formatCount(source.rowCount)} rows`}`
                    ) : (
                      <Text span fz="xs" c="red.8">
                        <MessageWithHelpLink message={source.problems.join(' ')} />
                      </Text>
                    )
                  }
                  style={{ flex: 1 }}
                />
                <Badge color={source.isUsable ? 'green' : 'red'} variant="light" style={{ flexShrink: 0 }}>
                  {source.isUsable ? 'Usable' : 'Not usable'}
                </Badge>
              </Group>
            ))}
          </Stack>
        </Radio.Group>
      </ScrollArea.Autosize>
    </Paper>
    </Stack>
  );
}
