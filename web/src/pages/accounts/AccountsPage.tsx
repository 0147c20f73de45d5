import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Group, Paper, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { z } from 'zod';
import { searchAccounts } from '../../../../src/contracts/accounts';
import { listFilterFields } from '../../../../src/contracts/segments';
import { useApiQuery } from '../../api/hooks';
import { AccountLink } from '../../components/AccountLink';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { SandboxDataNotice } from '../../components/SandboxDataNotice';
import { PagedTable, type PagedTableColumn } from '../../components/PagedTable';
import { usePageState } from '../../components/usePageState';

/** The profile filters of the page: address key and the filter-fields entry that lists its values. */
const FILTERS = [
  { key: 'country', field: 'country', label: 'Country', placeholder: 'Any country', width: 200 },
  { key: 'industry', field: 'industry', label: 'Industry', placeholder: 'Any industry', width: 200 },
  { key: 'employeeRange', field: 'employeeRange', label: 'Employees', placeholder: 'Any size', width: 150 },
  { key: 'revenueRange', field: 'revenueRange', label: 'Revenue', placeholder: 'Any revenue', width: 150 },
] as const;

type FilterKey = (typeof FILTERS)[number]['key'];

type AccountRow = z.output<typeof searchAccounts.response>['items'][number];
const ACCOUNT_COLUMNS: readonly PagedTableColumn<AccountRow>[] = [
  {
    key: 'company',
    header: 'Company',
    cell: (account) => (
      <AccountLink companyId={account.companyId} isBold>
        {account.name}
      </AccountLink>
    ),
  },
  { key: 'domain', header: 'Domain', cell: (account) => account.domain ?? '—' },
  { key: 'country', header: 'Country', cell: (account) => account.country ?? '—' },
  { key: 'industry', header: 'Industry', cell: (account) => account.industry ?? '—' },
  { key: 'employees', header: 'Employees', cell: (account) => account.employeeRange ?? '—' },
  { key: 'revenue', header: 'Revenue', cell: (account) => account.revenueRange ?? '—' },
];

/** Accounts: browse the company database by name, narrow it by search and company profile, and open an account's details. */
export function AccountsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const [search, setSearch] = useState(searchParams.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const pageState = usePageState(25);
  const fields = useApiQuery(listFilterFields, undefined, { staleTime: 300_000 });
  const filters = Object.fromEntries(FILTERS.flatMap(({ key }) => (searchParams.get(key) !== null ? [[key, searchParams.get(key) ?? '']] : []))) as Partial<Record<FilterKey, string>>;
  const results = useApiQuery(searchAccounts, { query: { ...pageState.query, ...(debounced !== '' ? { search: debounced } : {}), ...filters } }, { placeholderData: (previous) => previous });

  const setParam = (key: string, value: string | null) =>
    setSearchParams(
      (previous) => {
        const params = new URLSearchParams(previous);
        if (value === null || value === '') params.delete(key);
        else params.set(key, value);
        params.set('page', '1');
        return params;
      },
      { replace: true },
    );
  const isFiltered = debounced !== '' || Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader title="Accounts" description="Companies of the company database, with their firmographics, their CRM records and the segments they appear in." />
      <SandboxDataNotice context="accounts" />
      <Paper withBorder radius="lg" p="sm" mb="md" bg="white">
        <Group gap="sm" wrap="wrap">
          <TextInput
            aria-label="Search accounts"
            placeholder="Search by company name or domain"
            leftSection={<IconSearch size={16} />}
            style={{ flex: '1 1 240px' }}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setParam('q', event.currentTarget.value.trim());
            }}
          />
          {FILTERS.map((filter) => (
            <Select
              key={filter.key}
              aria-label={filter.label}
              placeholder={filter.placeholder}
              clearable
              searchable
              w={filter.width}
              data={fields.data?.companyProfile.find((entry) => entry.field === filter.field)?.options ?? []}
              value={filters[filter.key] ?? null}
              onChange={(value) => setParam(filter.key, value)}
            />
          ))}
        </Group>
      </Paper>
      <PagedTable
        label="Accounts"
        columns={ACCOUNT_COLUMNS}
        query={results}
        rowKey={(account) => account.companyId}
        pagination={{ state: pageState, itemLabel: 'accounts' }}
        skeletonHeight={280}
        empty={
          <EmptyPanel
            icon={IconSearch}
            title="No account found"
            description={isFiltered ? 'No company of the database matches this search and these filters. Try another spelling, the domain, or clear a filter.' : 'The company database is empty.'}
          />
        }
        minWidth={820}
        tableProps={{ verticalSpacing: 'sm', highlightOnHover: true }}
      />
    </>
  );
}
