import { useState, type ReactNode } from 'react';
import { Group, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconSearch, IconSelector } from '@tabler/icons-react';
import type { MEMBER_SORTS, SegmentMemberView } from '../../../../src/contracts/segments';
import { listSegmentMembers } from '../../../../src/contracts/segments';
import { useApiQuery } from '../../api/hooks';
import { AccountLink } from '../../components/AccountLink';
import { PagedTable, type PagedTableColumn } from '../../components/PagedTable';
import { usePageState } from '../../components/usePageState';

type Sort = (typeof MEMBER_SORTS)[number];
const COLUMNS: readonly { sort: Sort; label: string; cell: (member: SegmentMemberView) => ReactNode }[] = [
  {
    sort: 'company',
    label: 'Company',
    cell: (member) => (
      <AccountLink companyId={member.companyId} isBold>
        {member.company ?? member.companyId}
      </AccountLink>
    ),
  },
  { sort: 'domain', label: 'Domain', cell: (member) => member.domain ?? '—' },
  { sort: 'country', label: 'Country', cell: (member) => member.country ?? '—' },
  { sort: 'industry', label: 'Industry', cell: (member) => member.industry ?? '—' },
  { sort: 'size', label: 'Size', cell: (member) => member.size ?? '—' },
  { sort: 'crmOwner', label: 'CRM owner', cell: (member) => member.crmOwner ?? '—' },
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
      <PagedTable
        label="Accounts"
        columns={COLUMNS.map(
          (column): PagedTableColumn<SegmentMemberView> => ({
            key: column.sort,
            header: (
              <UnstyledButton onClick={() => toggleSort(column.sort)} aria-label={`Sort by ${column.label}`}>
                <Group gap={4} wrap="nowrap">
                  <Text fz="sm" fw={700}>
                    {column.label}
                  </Text>
                  {sort.by !== column.sort ? <IconSelector size={14} /> : sort.direction === 'asc' ? <IconArrowUp size={14} /> : <IconArrowDown size={14} />}
                </Group>
              </UnstyledButton>
            ),
            headerProps: { 'aria-sort': sort.by === column.sort ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none' },
            cell: column.cell,
          }),
        )}
        query={members}
        rowKey={(member) => member.companyId}
        pagination={{ state: pageState, itemLabel: 'accounts' }}
        skeletonHeight={320}
        emptyText={debouncedSearch === '' ? 'The segment holds no accounts.' : `No account matches “${debouncedSearch}”.`}
        minWidth={860}
        tableProps={{ verticalSpacing: 'xs', striped: true, highlightOnHover: true }}
      />
    </div>
  );
}
