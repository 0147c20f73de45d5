import { useState } from 'react';
import { Alert, Button, FileInput, Group, List, Paper, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { getWebTagSettings, importIpRanges } from '../../../../../src/contracts/webTag';
import { errorMessage } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';

/** The org's own IP-range → company file: visitors' addresses resolve to companies through it. */
export function IpRangeImport({ rangeCount, canImport }: { rangeCount: number; canImport: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const mutation = useApiMutation(importIpRanges, { invalidates: [getWebTagSettings] });
  const submit = async () => {
    if (!file) return;
    const csv = await file.text();
    mutation.mutate({ body: { csv } }, { onSuccess: (result) => notifications.show({ color: 'green', message: `${result.imported.toLocaleString('en')} IP ranges imported.` }) });
  };
  return (
    <Paper withBorder radius="lg" p="lg" bg="white" component="section" aria-label="IP ranges">
      <Title order={2} fz="h4" mb="xs">
        IP ranges → companies
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {rangeCount.toLocaleString('en')} ranges loaded. A CSV with the columns <b>cidr</b> (IPv4 or IPv6, e.g. 203.0.113.0/24 or 2001:db8::/32; or <b>start_ip</b> and <b>end_ip</b>), <b>company_name</b>, and optionally <b>domain</b> and{' '}
        <b>company_id</b>. Importing replaces the previous file; it is your organisation’s own data. A visit resolves to a company when it arrives, so a new file applies to visits from then on (openabm does not keep visitors’ IP addresses).
      </Text>
      {canImport ? (
        <Group align="flex-end">
          <FileInput style={{ flex: 1 }} label="IP-range file" accept=".csv,text/csv" value={file} onChange={setFile} clearable />
          <Button onClick={() => void submit()} disabled={!file} loading={mutation.isPending}>
            Import
          </Button>
        </Group>
      ) : (
        <Text fz="sm" c="dimmed">
          Only administrators import the IP-range file.
        </Text>
      )}
      {mutation.isError && (
        <Alert color="red" variant="light" role="alert" mt="sm">
          {errorMessage(mutation.error)}
        </Alert>
      )}
      {mutation.data && mutation.data.rejected.length > 0 && (
        <Alert color="yellow" variant="light" mt="sm" title={`${mutation.data.rejected.length === 1 ? '1 row' : `${mutation.data.rejected.length.toLocaleString('en')} rows`} skipped; the other ranges were imported and replace the previous file. Fix ${mutation.data.rejected.length === 1 ? 'it' : 'them'} and import the whole file again.`}>
          <List size="sm">
            {mutation.data.rejected.slice(0, 20).map((row) => (
              <List.Item key={row.line}>
                Line {row.line}: {row.reason}
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Paper>
  );
}
