import { useState } from 'react';
import { Button, FileButton, Group, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBuildingPlus, IconFileUpload, IconSearch, IconBuilding } from '@tabler/icons-react';
import { deletePrivateCompany, importPrivateCompanies, listPrivateCompanies, PRIVATE_COMPANIES_PAGE_SIZE, type PrivateCompanyView } from '../../../../../src/contracts/companies';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { useCan } from '../../../auth/session';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyPanel } from '../../../components/EmptyPanel';
import { PagedTable } from '../../../components/PagedTable';
import { usePageState } from '../../../components/usePageState';
import { AddPrivateCompanyModal } from './AddPrivateCompanyModal';
import { ImportResultAlert, type ImportResult } from './ImportResultAlert';

export function PrivateCompaniesSection() {
  const canManage = useCan('companies.manage');
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search.trim(), 300);
  const pageState = usePageState(PRIVATE_COMPANIES_PAGE_SIZE, 'private');
  const { page, pageSize, setPage } = pageState;
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
      <PagedTable
        label="Private companies"
        columns={[
          { key: 'name', header: 'Name', cell: (company) => company.name, cellProps: { fw: 600 } },
          { key: 'domain', header: 'Domain', cell: (company) => company.domain ?? '—' },
          { key: 'country', header: 'Country', cell: (company) => company.country ?? '—' },
          { key: 'industry', header: 'Industry', visibleFrom: 'md', cell: (company) => company.industry ?? '—' },
          { key: 'companyId', header: 'Company ID', visibleFrom: 'md', cell: (company) => company.companyId },
          canManage && {
            key: 'actions',
            header: <VisuallyHidden>Actions</VisuallyHidden>,
            cellProps: { ta: 'right' },
            cell: (company) => (
              <Button size="xs" variant="subtle" color="red" onClick={() => setToDelete(company)} aria-label={`Delete private company ${company.name}`}>
                Delete
              </Button>
            ),
          },
        ]}
        query={query}
        rowKey={(company) => company.id}
        pagination={{ state: pageState, itemLabel: 'companies' }}
        skeletonHeight={200}
        empty={
          <EmptyPanel
            icon={IconBuilding}
            title={debouncedSearch ? 'No private company matches this search' : 'No private companies yet'}
            description="Import a CSV with company_id, name, domain and country columns (industry, employee_range and others are kept), or add companies one by one."
          />
        }
        minWidth={560}
      />
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
