import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { listAccountVisits } from '../../../../src/contracts/webTag';
import { useApiQuery } from '../../api/hooks';
import { formatDateTime } from '../../components/formatDate';
import { QueryError } from '../../components/QueryError';

/** Account details: the account's recent web visits (visitor addresses resolved through the org's IP-range file). */
export function AccountVisits({ companyId }: { companyId: string }) {
  const query = useApiQuery(listAccountVisits, { params: { companyId } });
  return (
    <section aria-label="Recent web visits">
      <Title order={2} fz="h4" mb="sm">
        Recent web visits
      </Title>
      {query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (query.data?.items.length ?? 0) === 0 ? (
        <Paper withBorder radius="lg" p="lg" bg="white">
          <Text fz="sm" c="dimmed">
            {query.isPending ? 'Loading…' : 'No web visits from this company yet (visits resolve to companies through the IP-range file in Settings > Web tag).'}
          </Text>
        </Paper>
      ) : (
        <Table.ScrollContainer minWidth={600}>
          <Table striped bg="white">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Page</Table.Th>
                <Table.Th>Referrer</Table.Th>
                <Table.Th>Visitor</Table.Th>
                <Table.Th>Time</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data?.items.map((visit, index) => (
                <Table.Tr key={`${visit.visitedAt}-${index}`}>
                  <Table.Td>
                    <Anchor href={visit.url} target="_blank" rel="noreferrer" fz="sm">
                      {visit.url}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{visit.referrer ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text fz="xs" ff="monospace">
                      {visit.visitorId.slice(0, 8)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(visit.visitedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
