import { Alert, Modal, Paper, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { previewCrmSource } from '../../../../src/contracts/integrations';
import type { CrmProviderId, CrmSourceSummaryBody } from '../../../../src/contracts/integrations';
import { errorMessage } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { formatCount } from './connectionStatus';

const PREVIEW_LIMIT = 50;

/** The first records of a list view / report / view, read through every rule check; a broken rule shows its message. */
export function SourcePreviewModal({ provider, source, onClose }: { provider: CrmProviderId; source: CrmSourceSummaryBody | null; onClose: () => void }) {
  return (
    <Modal opened={source !== null} onClose={onClose} title={source === null ? '' : `Preview: ${source.name}`} centered size="min(1200px, 96vw)">
      {source !== null && <PreviewBody provider={provider} source={source} />}
    </Modal>
  );
}

function PreviewBody({ provider, source }: { provider: CrmProviderId; source: CrmSourceSummaryBody }) {
  const query = useApiQuery(
    previewCrmSource,
    { params: { provider, kind: source.kind, sourceId: source.id }, query: { limit: PREVIEW_LIMIT } },
    { retry: false, staleTime: 60_000 },
  );
  if (query.isPending) {
    return (
      <Stack gap="xs" role="status" aria-label="Loading records">
        <Skeleton height={20} />
        <Skeleton height={200} />
      </Stack>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title="This source cannot be read" role="alert" data-testid="preview-error">
        {errorMessage(query.error)}
      </Alert>
    );
  }
  const { records, totalRecords } = query.data;
  // Only the columns the source fills (a converted-leads report carries company names but no websites, say).
  const has = (pick: (record: (typeof records)[number]) => string | null) => records.some((record) => pick(record) !== null);
  const columns = {
    name: has((record) => record.name),
    company: has((record) => record.companyName),
    email: has((record) => record.email),
    website: has((record) => record.website),
    country: has((record) => record.country),
    owner: has((record) => record.ownerName),
  };
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        {totalRecords === 0
          ? 'The source holds no records.'
          : `${formatCount(totalRecords)} records read; the first ${formatCount(Math.min(totalRecords, records.length))} are shown.`}
      </Text>
      {records.length > 0 && (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={900} mah={440}>
            <Table striped stickyHeader aria-label="Records">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Record id</Table.Th>
                  {columns.name && <Table.Th>Name</Table.Th>}
                  {columns.company && <Table.Th>Company</Table.Th>}
                  {columns.email && <Table.Th>E-mail</Table.Th>}
                  {columns.website && <Table.Th>Website</Table.Th>}
                  {columns.country && <Table.Th>Country</Table.Th>}
                  {columns.owner && <Table.Th>Owner</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {records.map((record) => (
                  <Table.Tr key={`${record.objectType}-${record.externalId}`}>
                    <Table.Td ff="monospace" fz="xs">
                      {record.externalId}
                    </Table.Td>
                    {columns.name && <Table.Td>{record.name ?? '—'}</Table.Td>}
                    {columns.company && <Table.Td>{record.companyName ?? '—'}</Table.Td>}
                    {columns.email && <Table.Td>{record.email ?? '—'}</Table.Td>}
                    {columns.website && <Table.Td>{record.website ?? '—'}</Table.Td>}
                    {columns.country && <Table.Td>{record.country ?? '—'}</Table.Td>}
                    {columns.owner && <Table.Td>{record.ownerName ?? '—'}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </Stack>
  );
}
