import { Accordion, Alert, Badge, Group, Loader, Text } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { listSandboxMail } from '../../../../src/contracts/notifications';
import { useApiQuery } from '../../api/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { formatDateTime } from '../../components/formatDate';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';

/** Sandbox mode: every message openabm sent for this organisation, as the local SMTP server received it. */
export function SandboxMailboxPage() {
  const query = useApiQuery(listSandboxMail, undefined, { refetchInterval: 10_000 });
  return (
    <>
      <PageHeader title="Sandbox mailbox" description="In sandbox mode mail goes to a local SMTP server instead of real inboxes; this is what it received." />
      {query.isPending ? (
        <Loader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data.isAvailable ? (
        <Alert color="gray">The sandbox mailbox exists only in sandbox mode without OPENABM_SMTP_URL: here mail goes to the configured SMTP server.</Alert>
      ) : query.data.items.length === 0 ? (
        <EmptyPanel icon={IconMail} title="No mail yet" description="Notifications and recipient confirmations sent for your organisation appear here." />
      ) : (
        <Accordion variant="separated" aria-label="Messages">
          {query.data.items.map((mail) => (
            <Accordion.Item key={mail.id} value={String(mail.id)}>
              <Accordion.Control>
                <Group gap="sm" wrap="nowrap">
                  <Text fz="sm" fw={600} truncate>
                    {mail.subject}
                  </Text>
                  <Badge variant="light" size="sm">
                    {mail.to.join(', ')}
                  </Badge>
                  <Text fz="xs" c="dimmed">
                    {formatDateTime(mail.receivedAt)}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Text fz="xs" c="dimmed">
                  From {mail.from} · Message-ID {mail.messageId ?? '—'}
                </Text>
                <Text fz="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {mail.text}
                </Text>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </>
  );
}
