import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import {
  getCeCampaign, getCeConversation, listCeConversations, listCeReviewTasks, pauseCeConversations, replyIntentLabel, sendCeConversationNow, writeBackStateLabel,
} from '../../../../src/contracts/conversationalEmail';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { QueryError } from '../../components/QueryError';
import { CONVERSATION_STATUS_COLORS } from './ceDisplay';

const REFRESHED = [getCeConversation, listCeConversations, getCeCampaign, listCeReviewTasks];

/** Every e-mail of one conversation, oldest first, with the class each reply got; pause, resume, send now; what was written to Salesforce. */
export function ConversationThread({ conversationId, isManaging = true }: { conversationId: string; isManaging?: boolean }) {
  const thread = useApiQuery(getCeConversation, { params: { conversationId } }, { refetchInterval: 5_000 });
  const canManage = useCan('ce.manage') && isManaging;
  const pause = useApiMutation(pauseCeConversations, { invalidates: REFRESHED });
  const sendNow = useApiMutation(sendCeConversationNow, { invalidates: REFRESHED });
  if (thread.isError) return <QueryError error={thread.error} />;
  if (!thread.data) return null;
  const data = thread.data;
  const isWaitingOutOfOffice = data.resumeAfter !== null && !data.isEnded && new Date(data.resumeAfter) > new Date();
  const skipped = pause.data?.skipped[0]?.reason;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text fw={600}>{data.personName || data.email}</Text>
        <Text c="dimmed" fz="sm">{data.email}</Text>
        <Badge color={CONVERSATION_STATUS_COLORS[data.status] ?? 'gray'} variant="light" aria-label="Conversation status">{data.statusLabel}</Badge>
        {data.isPaused && <Badge color="yellow" aria-label="Paused">Paused</Badge>}
      </Group>
      <Text fz="sm" c="dimmed">{data.sequence}{!data.isEnded && data.nextSendAt ? `; next e-mail ${new Date(data.nextSendAt).toLocaleString()}` : ''}.</Text>
      {data.reviewReason && <Text fz="sm" c="orange">{data.reviewReason}{data.reviewedBy ? ` — closed by ${data.reviewedBy}` : ''}</Text>}
      {isWaitingOutOfOffice && <Text fz="sm" c="dimmed">Out of office: e-mails resume after {new Date(data.resumeAfter ?? '').toLocaleDateString()}.</Text>}
      {canManage && !data.isEnded && (
        <Group gap="xs">
          {!data.isPaused && <Button size="xs" variant="light" loading={sendNow.isPending} onClick={() => sendNow.mutate({ params: { conversationId } })}>Send next e-mail now</Button>}
          {data.isPaused || isWaitingOutOfOffice
            ? <Button size="xs" variant="light" color="green" loading={pause.isPending} onClick={() => pause.mutate({ body: { conversationIds: [conversationId], action: 'resume' } })}>Resume</Button>
            : <Button size="xs" variant="light" color="yellow" loading={pause.isPending} onClick={() => pause.mutate({ body: { conversationIds: [conversationId], action: 'pause' } })}>Pause</Button>}
        </Group>
      )}
      {sendNow.isError && <Alert color="red" variant="light" role="alert">{errorMessage(sendNow.error)}</Alert>}
      {pause.isError && <Alert color="red" variant="light" role="alert">{errorMessage(pause.error)}</Alert>}
      {skipped && <Alert color="yellow" variant="light" role="alert">{skipped}</Alert>}
      {data.messages.length === 0 && <Text c="dimmed" fz="sm">Nothing sent yet.</Text>}
      {data.messages.map((message) => (
        <Card key={message.id} withBorder radius="md" bg={message.direction === 'inbound' ? 'gray.0' : 'white'} aria-label={`${message.direction} e-mail`}>
          <Group justify="space-between" gap="xs">
            <Text fz="sm" fw={600}>{message.direction === 'inbound' ? `From ${message.from}` : `To ${message.to}${message.cc ? `, cc ${message.cc}` : ''}`}</Text>
            <Group gap={4}>
              {message.intent && <Badge variant="outline" aria-label="Reply class">{replyIntentLabel(message.intent)}</Badge>}
              {message.delivery === 'bounced' && <Badge color="red">Bounced</Badge>}
              <Text fz="xs" c="dimmed">{new Date(message.createdAt).toLocaleString()}</Text>
            </Group>
          </Group>
          <Text fz="sm" fw={500} mt={4}>{message.subject}</Text>
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>{message.text}</Text>
        </Card>
      ))}
      {data.writeBack.length > 0 && (
        <>
          <Title order={3} fz="h6" mt="sm">Written to Salesforce ({data.crmObject} {data.crmId})</Title>
          <Table fz="xs" aria-label="Salesforce write-back">
            <Table.Thead><Table.Tr><Table.Th>What</Table.Th><Table.Th>Values</Table.Th><Table.Th>State</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.writeBack.map((write, index) => (
                <Table.Tr key={`${write.createdAt}-${index}`}>
                  <Table.Td>{write.kind === 'task' ? 'Task' : 'Fields'}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{write.summary}</Table.Td>
                  <Table.Td>{writeBackStateLabel(write.status)}{write.status === 'done' && write.salesforceId ? ` (${write.salesforceId})` : ''}{write.error ? `: ${write.error}` : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
