import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Anchor, Group, Paper, Skeleton, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconSearch, IconSelector } from '@tabler/icons-react';
import type { MEMBER_SORTS } from '../../../../src/contracts/segments';
import { listSegmentMembers } from '../../../../src/contracts/segments';
import { useApiQuery } from '../../api/hooks';
import { QueryError } from '../../components/QueryError';
import { TablePagination } from '../../components/TablePagination';
import { usePageState } from '../../components/usePageState';

type Sort = (typeof MEMBER_SORTS)[number];
const COLUMNS: readonly { sort: Sort; label: string }[] = [
  { sort: 'company', label: 'Company' },
  { sort: 'domain', label: 'Domain' },
  { sort: 'country', label: 'Country' },
  { sort: 'industry', label: 'Industry' },
  { sort: 'size', label: 'Size' },
  { sort: 'crmOwner', label: 'CRM owner' },
];

/** The accounts of a segment: paged, sortable by every column, searchable. */
export function SegmentMembersTable({ segmentId }: { segmentId: string }) {
  const pageState = usePageState(25);
  const [sort, setSort] = useState<{ by: Sort; direction: 'asc' | 'desc' }>({ by: 'company', direction: 'asc' });
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const members = useApiQuery(
    listSegmentMembers,
    { params: { segmentId }, query: { ...pageState.query, sort: sort.by, direction: sort.direction, ...(debouncedSearch !== '' ? { search: debouncedSearch } : {}) } },
    { placeholderData: (previous) => previous },
  );
  const toggleSort = (by: Sort) => {
    setSort((current) => ({ by, direction: current.by === by && current.direction === 'asc' ? 'desc' : 'asc' }));
    pageState.setPage(1);
  };

  return (
    <div>
      <TextInput
        aria-label="Search accounts"
        placeholder="Search by company or domain"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          pageState.setPage(1);
        }}
        mb="sm"
        maw={360}
      />
      {members.isPending ? (
        <Skeleton height={320} radius="lg" />
      ) : members.isError ? (
        <QueryError error={members.error} onRetry={() => void members.refetch()} />
      ) : (
        <>
          <Paper withBorder radius="lg" bg="white">
            <Table.ScrollContainer minWidth={860}>
              <Table aria-label="Accounts" verticalSpacing="xs" striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    {COLUMNS.map((column) => (
                      <Table.Th key={column.sort} aria-sort={sort.by === column.sort ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                        <UnstyledButton onClick={() => toggleSort(column.sort)} aria-label={`Sort by ${column.label}`}>
                          <Group gap={4} wrap="nowrap">
                            <Text fz="sm" fw={700}>
                              {column.label}
                            </Text>
                            {sort.by !== column.sort ? <IconSelector size={14} /> : sort.direction === 'asc' ? <IconArrowUp size={14} /> : <IconArrowDown size={14} />}
                          </Group>
                        </UnstyledButton>
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {members.data.items.length === 0 ? (
                    <Table.Tr>
                      <Table.Td colSpan={COLUMNS.length}>
                        <Text fz="sm" c="dimmed" ta="center" py="lg">
                          {debouncedSearch === '' ? 'The segment holds no accounts.' : `No account matches “${debouncedSearch}”.`}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ) : (
                    members.data.items.map((member) => (
                      <Table.Tr key={member.companyId}>
                        <Table.Td>
                          <Anchor component={Link} to={`/accounts/${encodeURIComponent(member.companyId)}`} fz="sm" fw={600}>
                            {member.company ?? member.companyId}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>{member.domain ?? '—'}</Table.Td>
                        <Table.Td>{member.country ?? '—'}</Table.Td>
                        <Table.Td>{member.industry ?? '—'}</Table.Td>
                        <Table.Td>{member.size ?? '—'}</Table.Td>
                        <Table.Td>{member.crmOwner ?? '—'}</Table.Td>
                      </Table.Tr>
                    ))
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <TablePagination
            page={pageState.page}
            pageSize={pageState.pageSize}
            total={members.data.total}
            onPageChange={pageState.setPage}
            onPageSizeChange={pageState.setPageSize}
            itemLabel="accounts"
          />
        </>
      )}
    </div>
  );
}
