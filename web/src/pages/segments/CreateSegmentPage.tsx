import { useState } from 'react';
import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Anchor, Breadcrumbs, Button, Checkbox, Group, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconFileSpreadsheet, IconListDetails, IconReportAnalytics } from '@tabler/icons-react';
import { createSegment, listFilterFields, listSegments } from '../../../../src/contracts/segments';
import { listSegmentFolders } from '../../../../src/contracts/segmentFolders';
import type { FilterGroup, SegmentSource } from '../../../../src/contracts/segments';
import { ApiError } from '../../../../src/contracts/request';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { CrmSourcePicker } from './CrmSourcePicker';
import type { PickedCrmSource } from './CrmSourcePicker';
import { emptyGroup, FilterBuilder } from './FilterBuilder';
import { LiveCount } from './LiveCount';
import { MessageWithHelpLink } from './MessageWithHelpLink';
import { UploadPanel } from './UploadPanel';
import { useCrmSourceOptions } from './useCrmSourceOptions';
import type { UploadView } from './UploadPanel';

type SourceChoice = 'crm_list' | 'crm_report' | 'upload' | 'filters';

/** The segment sources of the specification. */
const SOURCES: readonly { type: SourceChoice; title: string; description: string; icon: typeof IconListDetails }[] = [
  { type: 'crm_list', title: 'Use a CRM Account List', description: 'A Salesforce Account List View or a Dynamics view.', icon: IconListDetails },
  { type: 'crm_report', title: 'Use a CRM Report', description: 'A Salesforce Report of Accounts, Leads or Contacts.', icon: IconReportAnalytics },
  { type: 'upload', title: 'Upload an account list', description: 'A CSV or XLSX file of up to 25,000 accounts.', icon: IconFileSpreadsheet },
  { type: 'filters', title: 'Use filters', description: 'Company profile, CRM fields, lists and reports, in nested AND/OR groups.', icon: IconAdjustmentsHorizontal },
];

function isSourceChoice(value: string | null): value is SourceChoice {
  return SOURCES.some((source) => source.type === value);
}

/** A CRM source named in the address (from Settings › Integrations › sources: "New segment"). */
function pickedFromAddress(params: URLSearchParams): PickedCrmSource | null {
  const provider = params.get('provider');
  const sourceId = params.get('sourceId');
  if ((provider !== 'salesforce' && provider !== 'dynamics') || sourceId === null) return null;
  const kind = params.get('source') === 'crm_report' ? 'report' : params.get('kind') === 'saved_view' ? 'saved_view' : 'list_view';
  return { provider, kind, sourceId, sourceName: '' };
}

export function CreateSegmentPage() {
  const canCreate = useCan('segment.create');
  if (!canCreate) return <QueryError error={new ApiError(403, { code: 'forbidden', message: 'Your role cannot create segments.' })} />;
  return <CreateSegmentForm />;
}

function CreateSegmentForm() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const initialSource = searchParams.get('source');
  const [sourceType, setSourceType] = useState<SourceChoice | null>(isSourceChoice(initialSource) ? initialSource : null);
  const [crmSource, setCrmSource] = useState<PickedCrmSource | null>(() => pickedFromAddress(searchParams));
  const [upload, setUpload] = useState<UploadView | null>(null);
  const [isNarrowing, setNarrowing] = useState(false);
  const [filter, setFilter] = useState<FilterGroup>(emptyGroup());
  const [name, setName] = useState('');
  const [isNameTouched, setNameTouched] = useState(false);
  const [folderId, setFolderId] = useState<string | null>(null);
  const folders = useApiQuery(listSegmentFolders, undefined);
  const filterFields = useApiQuery(listFilterFields, undefined);
  const crmSourceOptions = useCrmSourceOptions();
  const mutation = useApiMutation(createSegment, { invalidates: [listSegments, listSegmentFolders] });

  const suggestName = (suggestion: string) => {
    if (!isNameTouched) setName(suggestion);
  };
  const chooseSource = (type: SourceChoice) => {
    setSourceType(type);
    mutation.reset();
    if (type === 'filters') setNarrowing(true);
  };

  const source: SegmentSource | null =
    sourceType === 'filters'
      ? { type: 'filters' }
      : sourceType === 'upload'
        ? upload?.isMappingConfirmed === true
          ? { type: 'upload', uploadId: upload.id }
          : null
        : sourceType === 'crm_report' && crmSource?.kind === 'report' && crmSource.sourceId !== ''
          ? { type: 'crm_report', provider: 'salesforce', sourceId: crmSource.sourceId, ...(crmSource.sourceName !== '' ? { sourceName: crmSource.sourceName } : {}) }
          : sourceType === 'crm_list' && crmSource !== null && crmSource.kind !== 'report' && crmSource.sourceId !== ''
            ? { type: 'crm_list', provider: crmSource.provider, kind: crmSource.kind, sourceId: crmSource.sourceId, ...(crmSource.sourceName !== '' ? { sourceName: crmSource.sourceName } : {}) }
            : null;
  const hasFilter = (isNarrowing || sourceType === 'filters') && filter.children.length > 0;
  const isReady = source !== null && name.trim() !== '' && (sourceType !== 'filters' || filter.children.length > 0);

  const create = () => {
    if (source === null) return;
    mutation.mutate(
      { body: { name: name.trim(), folderId, source, filter: hasFilter ? filter : null } },
      { onSuccess: ({ segment }) => navigate(sourceType === 'filters' ? `/segments/${segment.id}` : `/segments/${segment.id}/confirmation`) },
    );
  };

  return (
    <>
      <Breadcrumbs mb="xs" fz="sm">
        <Anchor component={Link} to="/segments">
          Segments
        </Anchor>
        <Text fz="sm">Create a Segment</Text>
      </Breadcrumbs>
      <PageHeader title="Create a Segment" description="Choose where the segment's accounts come from, narrow them with filters if you like, and name it." />
      <Stack gap="xl" maw={1080}>
        <Radio.Group value={sourceType} onChange={(value) => isSourceChoice(value) && chooseSource(value)} aria-label="Segment source">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            {SOURCES.map((option) => (
              <Radio.Card key={option.type} value={option.type} radius="lg" p="md" aria-label={option.title}
                style={{ height: '100%', ...(sourceType === option.type ? { borderColor: 'var(--mantine-color-indigo-6)', background: 'var(--mantine-color-indigo-0)' } : {}) }}
              >
                <Group gap="sm" wrap="nowrap" align="flex-start">
                  <ThemeIcon variant={sourceType === option.type ? 'filled' : 'light'} size="lg" radius="md">
                    <option.icon size={20} />
                  </ThemeIcon>
                  <div>
                    <Text fw={600} fz="sm">
                      {option.title}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {option.description}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </SimpleGrid>
        </Radio.Group>

        {sourceType !== null && sourceType !== 'filters' && (
          <Section title={sourceType === 'upload' ? 'Account list' : sourceType === 'crm_report' ? 'CRM Report' : 'CRM Account List'}>
            {sourceType === 'upload' ? (
              <UploadPanel
                upload={upload}
                onUploaded={(next) => {
                  setUpload(next);
                  if (next !== null) suggestName(next.fileName.replace(/\.(csv|xlsx)$/i, ''));
                }}
              />
            ) : (
              <CrmSourcePicker
                key={sourceType}
                mode={sourceType === 'crm_report' ? 'report' : 'list'}
                value={crmSource}
                onChange={(next) => {
                  setCrmSource(next);
                  if (next !== null) suggestName(next.sourceName);
                }}
              />
            )}
          </Section>
        )}

        {sourceType !== null && (
          <Section title={sourceType === 'filters' ? 'Filters' : 'Narrow with filters'}>
            {sourceType !== 'filters' && (
              <Checkbox
                label="Keep only the accounts that also match filters"
                checked={isNarrowing}
                onChange={(event) => setNarrowing(event.currentTarget.checked)}
                mb={isNarrowing ? 'sm' : 0}
              />
            )}
            {(isNarrowing || sourceType === 'filters') && (
              <Stack gap="sm">
                {filterFields.isError && <QueryError error={filterFields.error} onRetry={() => void filterFields.refetch()} />}
                <FilterBuilder value={filter} onChange={setFilter} fields={filterFields.data} crmSources={crmSourceOptions} />
                {sourceType === 'filters' ? (
                  <LiveCount filter={filter} />
                ) : (
                  <Text fz="xs" c="dimmed">
                    The filters apply to the accounts the source matched; the confirmation page shows the result.
                  </Text>
                )}
              </Stack>
            )}
          </Section>
        )}

        {sourceType !== null && (
          <Section title="Name">
            <Group align="flex-end" gap="md">
              <TextInput
                label="Segment name"
                required
                maxLength={200}
                value={name}
                onChange={(event) => {
                  setName(event.currentTarget.value);
                  setNameTouched(true);
                }}
                style={{ flex: '1 1 320px' }}
              />
              <Select
                label="Folder"
                placeholder="No folder"
                clearable
                w={240}
                data={(folders.data?.items ?? []).map((folder) => ({ value: folder.id, label: folder.name }))}
                value={folderId}
                onChange={setFolderId}
              />
            </Group>
          </Section>
        )}

        {mutation.isError && (
          <Alert color="red" variant="light" role="alert" title="The segment was not created" data-testid="create-error">
            <MessageWithHelpLink message={errorMessage(mutation.error)} />
          </Alert>
        )}
        {sourceType !== null && (
          <Group justify="flex-end" gap="sm">
            <Button variant="default" component={Link} to="/segments">
              Cancel
            </Button>
            <Button onClick={create} disabled={!isReady} loading={mutation.isPending}>
              Create segment
            </Button>
          </Group>
        )}
        {mutation.isPending && (
          <Text fz="sm" c="dimmed" ta="right" aria-live="polite">
            Reading the source and matching its accounts to the company database…
          </Text>
        )}
      </Stack>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder radius="lg" p="lg" bg="white" component="section" aria-label={title}>
      <Title order={2} fz="h4" mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
