import { useState } from 'react';
import { Button, FileButton, Group, Paper, Skeleton, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuildingPlus, IconFileUpload, IconSearch, IconBuilding } from '@tabler/icons-react';
import { deletePrivateCompany, importPrivateCompanies, listPrivateCompanies, PRIVATE_COMPANIES_PAGE_SIZE, type PrivateCompanyView } from '../../../../../src/contracts/companies';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { useCan } from '../../../auth/session';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyPanel } from '../../../components/EmptyPanel';
import { QueryError } from '../../../components/QueryError';
import { TablePagination } from '../../../components/TablePagination';
import { usePageState } from '../../../components/usePageState';
import { AddPrivateCompanyModal } from './AddPrivateCompanyModal';
import { ImportResultAlert, type ImportResult } from './ImportResultAlert';

export function PrivateCompaniesSection() {
  const canManage = useCan('companies.manage');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const { page, pageSize, setPage, setPageSize } = usePageState(PRIVATE_COMPANIES_PAGE_SIZE, 'private');
  const query = useApiQuery(listPrivateCompanies, { query: { page, pageSize, ...(debouncedSearch ? { search: debouncedSearch } : {}) } });
  const importMutation = useApiMutation(importPrivateCompanies, { invalidates: [listPrivateCompanies] });
  const deleteMutation = useApiMutation(deletePrivateCompany, { invalidates: [listPrivateCompanies] });
  const [isAddOpen, setAddOpen] = useState(false);
  const [importResult, setImportResult] = useState<ImportResult | null>(null);
  const [toDelete, setToDelete] = useState<PrivateCompanyView | null>(null);

  const importFile = async (file: File | null) => {
    if (!file) return;
    setImportResult(null);
    importMutation.mutate({ body: { csv: await file.text() } }, { onSuccess: (result) => setImportResult({ ...result, fileName: file.name }) });
  };
  const closeDelete = () => {
    setToDelete(null);
    deleteMutation.reset();
  };

  return (
    <section aria-labelledby="private-companies-title">
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={4}>
          <Title order={2} fz="h3" id="private-companies-title">
            Private companies
          </Title>
          <Text c="dimmed" fz="sm">
            Companies only your organization matches. A company the master database already has (same domain and country) is refused: your accounts match it there.
          </Text>
        </Stack>
        {canManage && (
          <Group gap="sm">
            <FileButton onChange={(file) => void importFile(file)} accept=".csv,text/csv">
              {(props) => (
                <Button {...props} variant="default" leftSection={<IconFileUpload size={16} />} loading={importMutation.isPending}>
                  Import CSV
                </Button>
              )}
            </FileButton>
            <Button leftSection={<IconBuildingPlus size={16} />} onClick={() => setAddOpen(true)}>
              Add company
            </Button>
          </Group>
        )}
      </Group>
      <ImportResultAlert result={importResult} error={importMutation.error} onClose={() => { setImportResult(null); importMutation.reset(); }} />
      <TextInput
        mb="md"
        label="Search private companies"
        placeholder="Name or domain"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
      />
      {query.isPending ? (
        <Skeleton height={200} radius="lg" />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.total === 0 ? (
        <EmptyPanel
          icon={IconBuilding}
          title={debouncedSearch ? 'No private company matches this search' : 'No private companies yet'}
          description="Import a CSV with company_id, name, domain and country columns (industry, employee_range and others are kept), or add companies one by one."
        />
      ) : (
        <Paper withBorder radius="lg" bg="white">
          <Table.ScrollContainer minWidth={560}>
            <Table aria-label="Private companies">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Domain</Table.Th>
                  <Table.Th>Country</Table.Th>
                  <Table.Th visibleFrom="md">Industry</Table.Th>
                  <Table.Th visibleFrom="md">Company ID</Table.Th>
                  {canManage && (
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.items.map((company) => (
                  <Table.Tr key={company.id}>
                    <Table.Td fw={600}>{company.name}</Table.Td>
                    <Table.Td>{company.domain ?? '—'}</Table.Td>
                    <Table.Td>{company.country ?? '—'}</Table.Td>
                    <Table.Td visibleFrom="md">{company.industry ?? '—'}</Table.Td>
                    <Table.Td visibleFrom="md">{company.companyId}</Table.Td>
                    {canManage && (
                      <Table.Td ta="right">
                        <Button size="xs" variant="subtle" color="red" onClick={() => setToDelete(company)} aria-label={`Delete private company ${company.name}`}>
                          Delete
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
      {query.isSuccess && query.data.total > 0 && (
        <TablePagination page={page} pageSize={pageSize} total={query.data.total} onPageChange={setPage} onPageSizeChange={setPageSize} itemLabel="companies" />
      )}
      <AddPrivateCompanyModal isOpen={isAddOpen} onClose={() => setAddOpen(false)} />
      <ConfirmDialog
        isOpen={toDelete !== null}
        title="Delete private company"
        confirmLabel="Delete company"
        isDestructive
        isPending={deleteMutation.isPending}
        error={deleteMutation.error}
        onCancel={closeDelete}
        onConfirm={() =>
          toDelete !== null &&
          deleteMutation.mutate(
            { params: { companyId: toDelete.id } },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: `“${toDelete.name}” is deleted.` });
                closeDelete();
              },
            },
          )
        }
      >
        {toDelete !== null && (
          <>
            Delete <b>{toDelete.name}</b>? Your accounts stop matching it; segments drop it at their next refresh.
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}
