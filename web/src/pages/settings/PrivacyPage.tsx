import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Badge, Button, Group, Loader, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { handlePrivacyRequest, listPrivacyRequests, recordPrivacyRequest } from '../../../../src/contracts/webTag';
import type { PrivacyRequestSummary } from '../../../../src/contracts/webTag';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyPanel } from '../../components/EmptyPanel';
import { formatDateTime } from '../../components/formatDate';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { IconShieldLock } from '@tabler/icons-react';
import { labelFor } from '../../../../src/domain/inWords';

/** Where a handled request deleted data (deletion_summary keys), as the Deleted column names it. */
const STORE_LABELS: Readonly<Record<string, string>> = {
  webVisits: 'Web visits',
  crmContacts: 'CRM contacts',
  crmLeads: 'CRM leads',
  conversationalEmailPeople: 'Conversational Email people',
  conversationalEmailReportRows: 'Conversational Email report rows',
  notificationRecipients: 'Notification recipients',
  notificationDeliveries: 'Notification e-mails',
  adAudienceLabels: 'Ad audience labels cleared',
  uploadedListCells: 'Uploaded list cells cleared',
  matchResultRows: 'Matching inputs cleared',
  segmentSourceRows: 'Segment source rows cleared',
  segmentMatchPicks: 'Hand-fixed rows re-keyed',
  crmSyncedRows: 'CRM fields cleared',
  privateCompanyRows: 'Private company fields cleared',
};

/** Settings > Privacy: the register of opt-out requests; handling one deletes that person's data everywhere. */
export function PrivacyPage() {
  const query = useApiQuery(listPrivacyRequests, undefined);
  const record = useApiMutation(recordPrivacyRequest, { invalidates: [listPrivacyRequests] });
  const handle = useApiMutation(handlePrivacyRequest, { invalidates: [listPrivacyRequests] });
  const [email, setEmail] = useState('');
  const [visitorId, setVisitorId] = useState('');
  const [toHandle, setToHandle] = useState<PrivacyRequestSummary | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    record.mutate(
      { body: { ...(email.trim() ? { email: email.trim() } : {}), ...(visitorId.trim() ? { visitorId: visitorId.trim() } : {}) } },
      {
        onSuccess: () => {
          setEmail('');
          setVisitorId('');
        },
      },
    );
  };

  return (
    <>
      <PageHeader title="Privacy opt-out requests" description="Record each request and handle it: the weekly privacy reminder (every Tuesday) reports the open ones." />
      <Paper withBorder radius="lg" p="lg" bg="white" mb="lg" component="section" aria-label="Record a request">
        <Title order={2} fz="h4" mb="sm">
          Record a request
        </Title>
        <form onSubmit={submit} noValidate>
          <Group align="flex-end">
            <TextInput label="E-mail" value={email} onChange={(event) => setEmail(event.currentTarget.value)} style={{ flex: 1 }} />
            <TextInput label="Web visitor id" value={visitorId} onChange={(event) => setVisitorId(event.currentTarget.value)} style={{ flex: 1 }} />
            <Button type="submit" loading={record.isPending} disabled={!email.trim() && !visitorId.trim()}>
              Record request
            </Button>
          </Group>
        </form>
        {record.isError && (
          <Alert color="red" variant="light" role="alert" mt="sm">
            {errorMessage(record.error)}
          </Alert>
        )}
      </Paper>
      {query.isPending ? (
        <Loader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyPanel icon={IconShieldLock} title="No privacy requests" description="Requests you record appear here until they are handled, and stay as a record afterwards." />
      ) : (
        <Table.ScrollContainer minWidth={700}>
          <Table striped bg="white" aria-label="Privacy requests">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Person</Table.Th>
                <Table.Th>Received</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Deleted</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((request) => (
                <Table.Tr key={request.id}>
                  <Table.Td>{[request.email, request.visitorId].filter((part) => part !== null).join(' · ')}</Table.Td>
                  <Table.Td>{formatDateTime(request.receivedAt)}</Table.Td>
                  <Table.Td>{request.handledAt ? <Badge color="green" variant="light">Handled {formatDateTime(request.handledAt)}</Badge> : <Badge color="yellow">Open</Badge>}</Table.Td>
                  <Table.Td>
                    <Text fz="xs">{request.deletionSummary ? Object.entries(request.deletionSummary).map(([store, count]) => `${labelFor(STORE_LABELS, store)}: ${count}`).join(', ') : '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    {request.handledAt === null && (
                      <Button size="xs" color="red" variant="light" onClick={() => setToHandle(request)}>
                        Handle
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        isOpen={toHandle !== undefined}
        title="Handle privacy request"
        confirmLabel="Delete this person’s data"
        isDestructive
        isPending={handle.isPending}
        error={handle.error}
        onCancel={() => setToHandle(undefined)}
        onConfirm={() => toHandle && handle.mutate({ params: { requestId: toHandle.id } }, { onSuccess: () => setToHandle(undefined) })}
      >
        This deletes the person’s web visits and contact data everywhere openabm keeps them (CRM contacts and leads, Conversational Email, notification recipients). It cannot be undone.
      </ConfirmDialog>
    </>
  );
}
