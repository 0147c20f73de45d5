import { Link, useParams } from 'react-router-dom';
import { Anchor, Badge, Breadcrumbs, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { getAccountDetails } from '../../../../src/contracts/accounts';
import { SOURCE_TYPE_LABELS } from '../../../../src/contracts/segments';
import { labelFor } from '../../../../src/domain/inWords';
import { useApiQuery } from '../../api/hooks';
import { formatDateTime } from '../../components/formatDate';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { SEGMENT_STATUS_COLORS, SEGMENT_STATUS_LABELS } from '../segments/segmentDisplay';
import { AccountVisits } from './AccountVisits';

const PROVIDER_NAMES: Readonly<Record<string, string>> = { salesforce: 'Salesforce', dynamics: 'Dynamics 365' };

/** Account details: firmographics, CRM records of this organisation, and "Account Appears In These Segments". */
export function AccountDetailsPage() {
  const companyId = useParams().companyId ?? '';
  const query = useApiQuery(getAccountDetails, { params: { companyId } });
  if (query.isPending) {
    return (
      <Stack gap="md" role="status" aria-label="Loading the account">
        <Skeleton height={48} width={360} />
        <Skeleton height={160} radius="lg" />
        <Skeleton height={200} radius="lg" />
      </Stack>
    );
  }
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const { account, crmRecords, segments } = query.data;
  const firmographics: [string, string | null][] = [
    ['Domain', account.domain],
    ['Other domains', account.otherDomains.length === 0 ? null : account.otherDomains.join(', ')],
    ['Country', account.country],
    ['Region', account.region],
    ['City', account.city],
    ['Industry', account.industry],
    ['Employees', account.employeeRange],
    ['Revenue', account.revenueRange],
    ...Object.entries(account.extra)
      .filter(([, value]) => value !== null && value !== undefined && value !== '' && typeof value !== 'object')
      .map(([key, value]): [string, string] => [key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase()), String(value)]),
  ];

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/accounts">
          Accounts
        </Anchor>
        <Text fz="sm">{account.name}</Text>
      </Breadcrumbs>
      <PageHeader title={account.name} description={[account.domain, account.industry, account.country].filter((part) => part !== null).join(' · ')} />
      <Stack gap="xl">
        <Paper withBorder radius="lg" p="lg" bg="white" component="section" aria-label="Firmographics">
          <Title order={2} fz="h4" mb="md">
            Firmographics
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
            {firmographics.map(([label, value]) => (
              <Group key={label} gap="sm" wrap="nowrap" align="flex-start">
                <Text fz="sm" c="dimmed" w={120} style={{ flexShrink: 0 }}>
                  {label}
                </Text>
                <Text fz="sm" fw={500}>
                  {value ?? '—'}
                </Text>
              </Group>
            ))}
          </SimpleGrid>
        </Paper>

        <AccountVisits companyId={companyId} />

        <section aria-label="CRM records">
          <Title order={2} fz="h4" mb="sm">
            CRM records
          </Title>
          {crmRecords.length === 0 ? (
            <Paper withBorder radius="lg" p="lg" bg="white">
              <Text fz="sm" c="dimmed">
                No synced CRM account is linked to this company.
              </Text>
            </Paper>
          ) : (
            <Paper withBorder radius="lg" bg="white">
              <Table.ScrollContainer minWidth={720}>
                <Table aria-label="CRM records" verticalSpacing="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>CRM</Table.Th>
                      <Table.Th>Name</Table.Th>
                      <Table.Th>Website</Table.Th>
                      <Table.Th>Country</Table.Th>
                      <Table.Th>Owner</Table.Th>
                      <Table.Th>Synced</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {crmRecords.map((record) => (
                      <Table.Tr key={`${record.provider}-${record.externalId}`}>
                        <Table.Td>
                          <Text fz="sm">{PROVIDER_NAMES[record.provider] ?? record.provider}</Text>
                          <Text fz="xs" c="dimmed" ff="monospace">
                            {record.externalId}
                          </Text>
                        </Table.Td>
                        <Table.Td>{record.name ?? '—'}</Table.Td>
                        <Table.Td>{record.website ?? '—'}</Table.Td>
                        <Table.Td>{record.country ?? '—'}</Table.Td>
                        <Table.Td>{record.ownerName ?? '—'}</Table.Td>
                        <Table.Td>{formatDateTime(record.syncedAt)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
          )}
        </section>

        <section aria-label="Account Appears In These Segments">
          <Title order={2} fz="h4" mb="sm">
            Account Appears In These Segments
          </Title>
          {segments.length === 0 ? (
            <Paper withBorder radius="lg" p="lg" bg="white">
              <Text fz="sm" c="dimmed">
                {/* Only segments published to Account Details are listed: "in no segment" was wrong for an account in an unpublished one. */}
                This account is in no segment published to Account Details. A segment shows here once it is published for Account Details
                (Publish Segment on the segment&apos;s page).
              </Text>
            </Paper>
          ) : (
            <Paper withBorder radius="lg" bg="white">
              <Table aria-label="Segments of this account" verticalSpacing="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Segment</Table.Th>
                    <Table.Th>Source</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>In the segment since</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {segments.map((segment) => (
                    <Table.Tr key={segment.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/segments/${segment.id}`} fw={600} fz="sm">
                          {segment.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{SOURCE_TYPE_LABELS[segment.sourceType as keyof typeof SOURCE_TYPE_LABELS] ?? segment.sourceType}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={SEGMENT_STATUS_COLORS[segment.status as keyof typeof SEGMENT_STATUS_COLORS] ?? 'gray'}>
                          {labelFor(SEGMENT_STATUS_LABELS, segment.status)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{formatDateTime(segment.addedAt)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </section>
      </Stack>
    </>
  );
}
