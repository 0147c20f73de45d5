import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Anchor, Badge, Breadcrumbs, Button, Group, List, Paper, Skeleton, Stack, Table, Tabs, Text, VisuallyHidden } from '@mantine/core';
import { IconCircleCheck, IconCircleX, IconEye, IconListDetails, IconPlus } from '@tabler/icons-react';
import { crmProviderSchema, listCrmConnections, listCrmSources } from '../../../../src/contracts/integrations';
import type { CrmProviderId, CrmSourceSummaryBody } from '../../../../src/contracts/integrations';
import { useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { NotFoundPage } from '../NotFoundPage';
import { formatCount } from './connectionStatus';
import { MessageWithHelpLink } from '../segments/MessageWithHelpLink';
import { SourcePreviewModal } from './SourcePreviewModal';

type SourceKind = CrmSourceSummaryBody['kind'];
const KIND_TABS: readonly { kind: SourceKind; label: string }[] = [
  { kind: 'list_view', label: 'List views' },
  { kind: 'report', label: 'Reports' },
  { kind: 'saved_view', label: 'System views' },
  { kind: 'user_view', label: 'Personal views' },
];

const DETAIL_LABELS: Readonly<Record<string, string>> = {
  reportTypeLabel: 'Type',
  format: 'Format',
  folder: 'Folder',
  scope: 'Scope',
  viewType: 'View',
  hiddenFilterFields: 'Filters on hidden fields',
  rowCountAtLeast: 'At least',
  error: 'Error',
};

/** Report format, type, folder, list view scope…: the source's details in words, skipping empty ones. */
function describeDetails(details: CrmSourceSummaryBody['details']): string {
  return Object.entries(DETAIL_LABELS)
    .map(([key, label]) => [label, details[key]] as const)
    .filter(([, value]) => value !== undefined && value !== null && value !== '' && value !== false)
    .map(([label, value]) => `${label}: ${typeof value === 'number' ? formatCount(value) : String(value)}`)
    .join(' · ');
}

/** Segment source type a usable source can back, for the "Create segment" shortcut. */
function segmentSourceQuery(provider: CrmProviderId, source: CrmSourceSummaryBody): string | null {
  if (source.kind === 'report') return `?source=crm_report&provider=${provider}&sourceId=${encodeURIComponent(source.id)}`;
  if (source.kind === 'list_view' || source.kind === 'saved_view') return `?source=crm_list&provider=${provider}&kind=${source.kind}&sourceId=${encodeURIComponent(source.id)}`;
  return null;
}

/** Settings > Integrations > a CRM's sources: list views and reports (Dynamics views) and whether each can back a segment. */
export function CrmSourcesPage() {
  const parsedProvider = crmProviderSchema.safeParse(useParams().provider);
  if (!parsedProvider.success) return <NotFoundPage />;
  return <SourcesOf provider={parsedProvider.data} />;
}

function SourcesOf({ provider }: { provider: CrmProviderId }) {
  const canCreateSegment = useCan('segment.create');
  const connections = useApiQuery(listCrmConnections, undefined);
  const sources = useApiQuery(listCrmSources, { params: { provider } }, { retry: false });
  const [previewing, setPreviewing] = useState<CrmSourceSummaryBody | null>(null);
  const displayName = connections.data?.providers.find((option) => option.provider === provider)?.displayName ?? provider;
  const connection = connections.data?.items.find((item) => item.provider === provider);
  const kindsPresent = KIND_TABS.filter((tab) => sources.data?.items.some((source) => source.kind === tab.kind));
  const [activeTab, setActiveTab] = useState<string | null>(null);
  const currentTab = activeTab ?? kindsPresent[0]?.kind ?? null;

  const rows = (kind: SourceKind) =>
    (sources.data?.items ?? [])
      .filter((source) => source.kind === kind)
      .map((source) => {
        const createQuery = segmentSourceQuery(provider, source);
        return (
          <Table.Tr key={source.id} data-testid={`source-row-${source.id}`}>
            <Table.Td>
              <Text fz="sm" fw={600}>
                {source.name}
              </Text>
              <Text fz="xs" c="dimmed">
                {describeDetails(source.details) || source.id}
              </Text>
            </Table.Td>
            <Table.Td tt="capitalize">{source.objectType}</Table.Td>
            <Table.Td ta="right">{source.rowCount === null ? '—' : formatCount(source.rowCount)}</Table.Td>
            <Table.Td>
              {source.isUsable ? (
                <Badge color="green" variant="light" leftSection={<IconCircleCheck size={12} />}>
                  Usable
                </Badge>
              ) : (
                <Stack gap={4}>
                  <Badge color="red" variant="light" leftSection={<IconCircleX size={12} />}>
                    Not usable
                  </Badge>
                  <List size="xs" c="red.8" spacing={2} data-testid="source-problems">
                    {source.problems.map((problem) => (
                      <List.Item key={problem}>
                        <MessageWithHelpLink message={problem} />
                      </List.Item>
                    ))}
                  </List>
                </Stack>
              )}
            </Table.Td>
            <Table.Td ta="right">
              <Group gap={4} justify="flex-end" wrap="nowrap">
                <Button size="xs" variant="subtle" leftSection={<IconEye size={14} />} onClick={() => setPreviewing(source)} aria-label={`Preview ${source.name}`}>
                  Preview
                </Button>
                {canCreateSegment && source.isUsable && createQuery !== null && (
                  <Button size="xs" variant="light" component={Link} to={`/segments/new${createQuery}`} leftSection={<IconPlus size={14} />} aria-label={`Create segment from ${source.name}`}>
                    New segment
                  </Button>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        );
      });

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/settings/integrations">
          Integrations
        </Anchor>
        <Text fz="sm">{displayName}</Text>
      </Breadcrumbs>
      <PageHeader
        title={`${displayName} sources`}
        description="Account list views and reports, and whether each can back a segment. A source that breaks a rule shows why, in the words segments will use."
      />
      {connection?.firstFullSyncAt === null && (
        <Text fz="sm" c="orange.8" mb="md">
          The first full CRM sync has not completed yet: previews and segments wait for it. Start it with “Sync now” on the Integrations page.
        </Text>
      )}
      {sources.isPending ? (
        <Stack gap="sm" role="status" aria-label="Loading sources">
          <Skeleton height={36} width={320} />
          <Skeleton height={320} radius="lg" />
        </Stack>
      ) : sources.isError ? (
        <QueryError error={sources.error} onRetry={() => void sources.refetch()} />
      ) : sources.data.items.length === 0 ? (
        <EmptyPanel icon={IconListDetails} title="No list views or reports" description={`${displayName} shows the integration user no account list views or reports.`} />
      ) : (
        <Tabs value={currentTab} onChange={setActiveTab} keepMounted={false}>
          <Tabs.List mb="md">
            {kindsPresent.map((tab) => (
              <Tabs.Tab key={tab.kind} value={tab.kind} rightSection={<Badge size="xs" variant="light" color="gray">{sources.data.items.filter((source) => source.kind === tab.kind).length}</Badge>}>
                {tab.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {kindsPresent.map((tab) => (
            <Tabs.Panel key={tab.kind} value={tab.kind}>
              <Paper withBorder radius="lg" bg="white">
                <Table.ScrollContainer minWidth={760}>
                  <Table aria-label={tab.label} verticalSpacing="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Name</Table.Th>
                        <Table.Th>Object</Table.Th>
                        <Table.Th ta="right">Rows</Table.Th>
                        <Table.Th>Validity</Table.Th>
                        <Table.Th ta="right">
                          <VisuallyHidden>Actions</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>{rows(tab.kind)}</Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
      <SourcePreviewModal provider={provider} source={previewing} onClose={() => setPreviewing(null)} />
    </>
  );
}
