import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { Anchor, Paper, Skeleton, Table, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuilding, IconSearch } from '@tabler/icons-react';
import { searchAccounts } from '../../../../src/contracts/accounts';
import { useApiQuery } from '../../api/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { SandboxDataNotice } from '../../components/SandboxDataNotice';
import { QueryError } from '../../components/QueryError';
import { TablePagination } from '../../components/TablePagination';
import { usePageState } from '../../components/usePageState';

/** Accounts: find any company of the company database by name or domain, and open its details. */
export function AccountsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const [search, setSearch] = useState(searchParams.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const pageState = usePageState(25);
  const results = useApiQuery(searchAccounts, { query: { ...pageState.query, search: debounced } }, { enabled: debounced !== '', placeholderData: (previous) => previous });

  return (
    <>
      <PageHeader title="Accounts" description="Companies of the company database, with their firmographics, their CRM records and the segments they appear in." />
      <SandboxDataNotice context="accounts" />
      <TextInput
        aria-label="Search accounts"
        placeholder="Search by company name or domain"
        leftSection={<IconSearch size={16} />}
        size="md"
        maw={520}
        mb="lg"
        value={search}
        onChange={(event) => {
          const next = event.currentTarget.value;
          setSearch(next);
          setSearchParams((previous) => {
            const params = new URLSearchParams(previous);
            if (next.trim() === '') params.delete('q');
            else params.set('q', next.trim());
            params.set('page', '1');
            return params;
          }, { replace: true });
        }}
      />
      {debounced === '' ? (
        <EmptyPanel icon={IconBuilding} title="Find an account" description="Type a company name or a domain to find it in the company database and see its details." />
      ) : results.isPending ? (
        <Skeleton height={280} radius="lg" />
      ) : results.isError ? (
        <QueryError error={results.error} onRetry={() => void results.refetch()} />
      ) : results.data.total === 0 ? (
        <EmptyPanel icon={IconSearch} title="No account found" description={`No company of the database matches “${debounced}”. Try another spelling or the domain.`} />
      ) : (
        <>
          <Paper withBorder radius="lg" bg="white">
            <Table.ScrollContainer minWidth={720}>
              <Table aria-label="Accounts" verticalSpacing="sm" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Company</Table.Th>
                    <Table.Th>Domain</Table.Th>
                    <Table.Th>Country</Table.Th>
                    <Table.Th>Industry</Table.Th>
                    <Table.Th>Size</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {results.data.items.map((account) => (
                    <Table.Tr key={account.companyId}>
                      <Table.Td>
                        <Anchor component={Link} to={`/accounts/${encodeURIComponent(account.companyId)}`} fw={600} fz="sm">
                          {account.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{account.domain ?? '—'}</Table.Td>
                      <Table.Td>{account.country ?? '—'}</Table.Td>
                      <Table.Td>{account.industry ?? '—'}</Table.Td>
                      <Table.Td>{account.employeeRange ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <TablePagination
            page={pageState.page}
            pageSize={pageState.pageSize}
            total={results.data.total}
            onPageChange={pageState.setPage}
            onPageSizeChange={pageState.setPageSize}
            itemLabel="accounts"
          />
        </>
      )}
    </>
  );
}
