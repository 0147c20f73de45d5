import { useState } from 'react';
import { Alert, Button, FileInput, Group, Paper, Progress, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import type { z } from 'zod';
import { setUploadMapping, uploadAccountList } from '../../../../src/contracts/segmentUploads';
import type { uploadView } from '../../../../src/contracts/segmentUploads';
import { errorMessage } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { formatCount } from './segmentDisplay';

export type UploadView = z.infer<typeof uploadView>;
type Mapping = UploadView['mapping'];
const MAPPED_COLUMNS: readonly { key: keyof Mapping; label: string }[] = [
  { key: 'name', label: 'Company name' },
  { key: 'domain', label: 'Domain or website' },
  { key: 'country', label: 'Country' },
];

/** Reads a file as base64, reporting progress (a 25,000-row XLSX takes a moment). */
function readAsBase64(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => event.lengthComputable && onProgress(Math.round((event.loaded / event.total) * 100));
    reader.onerror = () => reject(new Error(`Could not read ${file.name}.`));
    reader.onload = () => {
      const dataUrl = String(reader.result);
      resolve(dataUrl.slice(dataUrl.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

/**
 * "Upload an account list": pick a CSV or XLSX, watch it read and upload, then confirm the detected columns (the
 * mapping step appears by itself when the server is unsure). Hands the confirmed upload to the page.
 */
export function UploadPanel({ upload, onUploaded }: { upload: UploadView | null; onUploaded: (upload: UploadView | null) => void }) {
  const uploadMutation = useApiMutation(uploadAccountList);
  const [readPercent, setReadPercent] = useState<number | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [isEditingMapping, setEditingMapping] = useState(false);

  const pick = async (file: File | null) => {
    onUploaded(null);
    uploadMutation.reset();
    setReadError(null);
    setEditingMapping(false);
    if (file === null) return;
    try {
      setReadPercent(0);
      const contentBase64 = await readAsBase64(file, setReadPercent);
      setReadPercent(100);
      uploadMutation.mutate({ body: { fileName: file.name, contentBase64 } }, { onSuccess: (result) => onUploaded(result.upload), onSettled: () => setReadPercent(null) });
    } catch (error) {
      setReadPercent(null);
      setReadError(errorMessage(error));
    }
  };

  const phase = readPercent !== null && readPercent < 100 ? 'reading' : uploadMutation.isPending ? 'uploading' : null;
  return (
    <Stack gap="md">
      <FileInput
        label="Account list file"
        description="CSV or XLSX with a header row: company name, domain or website, and country columns. Up to 25,000 rows."
        placeholder="Choose a .csv or .xlsx file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileSpreadsheet size={16} />}
        clearable
        onChange={(file) => void pick(file)}
        disabled={phase !== null}
      />
      {phase !== null && (
        <Stack gap={4} aria-live="polite">
          <Text fz="sm" c="dimmed">
            {phase === 'reading' ? `Reading the file… ${readPercent ?? 0}%` : 'Uploading and detecting the columns…'}
          </Text>
          <Progress value={phase === 'reading' ? (readPercent ?? 0) : 100} animated={phase === 'uploading'} striped={phase === 'uploading'} aria-label="Upload progress" />
        </Stack>
      )}
      {(readError !== null || uploadMutation.isError) && (
        <Alert color="red" variant="light" role="alert" title="The file was not accepted">
          {readError ?? errorMessage(uploadMutation.error)}
        </Alert>
      )}
      {upload !== null &&
        (upload.isMappingConfirmed && !isEditingMapping ? (
          <Paper withBorder radius="md" p="md" data-testid="upload-summary">
            <Group justify="space-between" gap="sm">
              <Group gap="sm">
                <IconCheck size={18} color="var(--mantine-color-green-7)" />
                <Text fz="sm">
                  <b>{upload.fileName}</b>: {formatCount(upload.rowCount)} rows · {MAPPED_COLUMNS.map((column) => `${column.label}: ${upload.headers[upload.mapping[column.key]] ?? 'none'}`).join(' · ')}
                </Text>
              </Group>
              <Button size="xs" variant="subtle" onClick={() => setEditingMapping(true)}>
                Change columns
              </Button>
            </Group>
          </Paper>
        ) : (
          <ColumnMapping
            upload={upload}
            onConfirmed={(confirmed) => {
              setEditingMapping(false);
              onUploaded(confirmed);
            }}
          />
        ))}
    </Stack>
  );
}

/** The column-mapping step: which column holds the name, the domain and the country, with the first rows as a guide. */
function ColumnMapping({ upload, onConfirmed }: { upload: UploadView; onConfirmed: (upload: UploadView) => void }) {
  const mutation = useApiMutation(setUploadMapping);
  const [mapping, setMapping] = useState<Mapping>(upload.mapping);
  const options = [{ value: '-1', label: 'None' }, ...upload.headers.map((header, index) => ({ value: String(index), label: header === '' ? `Column ${index + 1}` : header }))];
  return (
    <Paper withBorder radius="md" p="md" data-testid="column-mapping">
      <Stack gap="md">
        <div>
          <Text fw={600}>Which columns hold what?</Text>
          <Text fz="sm" c="dimmed">
            {upload.isMappingConfirmed
              ? 'Change the columns used to match each row.'
              : `openabm could not tell for sure which columns of ${upload.fileName} (${formatCount(upload.rowCount)} rows) to use. Check them against the first rows below.`}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {MAPPED_COLUMNS.map((column) => (
            <Select
              key={column.key}
              label={`${column.label} column`}
              data={options}
              value={String(mapping[column.key])}
              onChange={(value) => value !== null && setMapping({ ...mapping, [column.key]: Number(value) })}
              allowDeselect={false}
            />
          ))}
        </SimpleGrid>
        {upload.sampleRows.length > 0 && (
          <Table.ScrollContainer minWidth={480}>
            <Table fz="xs" withTableBorder aria-label="First rows of the file">
              <Table.Thead>
                <Table.Tr>
                  {upload.headers.map((header, index) => (
                    <Table.Th key={index} {...(Object.values(mapping).includes(index) ? { bg: 'indigo.0' } : {})}>
                      {header}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {upload.sampleRows.slice(0, 5).map((row, rowIndex) => (
                  <Table.Tr key={rowIndex}>
                    {upload.headers.map((_header, index) => (
                      <Table.Td key={index}>{row[index] ?? ''}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {mutation.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button
            leftSection={<IconUpload size={16} />}
            loading={mutation.isPending}
            onClick={() => mutation.mutate({ params: { uploadId: upload.id }, body: mapping }, { onSuccess: (result) => onConfirmed(result.upload) })}
          >
            Use these columns
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
