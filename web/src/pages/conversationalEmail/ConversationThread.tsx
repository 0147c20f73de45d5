import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { getCeConversation } from '../../../../src/contracts/conversationalEmail';
import { useApiQuery } from '../../api/hooks';
import { QueryError } from '../../components/QueryError';
import { CONVERSATION_STATUS_COLORS } from './ceDisplay';

/** Every e-mail of one conversation, oldest first, with the class each reply got. */
export function ConversationThread({ conversationId }: { conversationId: string }) {
  const thread = useApiQuery(getCeConversation, { params: { conversationId } }, { refetchInterval: 5_000 });
  if (thread.isError) return <QueryError error={thread.error} />;
  if (!thread.data) return null;
  const data = thread.data;
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <Text fw={600}>{data.personName || data.email}</Text>
        <Text c="dimmed" fz="sm">{data.email}</Text>
        <Badge color={CONVERSATION_STATUS_COLORS[data.status] ?? 'gray'} variant="light" aria-label="Conversation status">{data.statusLabel}</Badge>
      </Group>
      {data.reviewReason && <Text fz="sm" c="orange">{data.reviewReason}</Text>}
      {data.resumeAfter && !data.isEnded && <Text fz="sm" c="dimmed">Out of office: e-mails resume after {new Date(data.resumeAfter).toLocaleDateString()}.</Text>}
      {data.messages.length === 0 && <Text c="dimmed" fz="sm">Nothing sent yet.</Text>}
      {data.messages.map((message) => (
        <Card key={message.id} withBorder radius="md" bg={message.direction === 'inbound' ? 'gray.0' : 'white'} aria-label={`${message.direction} e-mail`}>
          <Group justify="space-between" gap="xs">
            <Text fz="sm" fw={600}>{message.direction === 'inbound' ? `From ${message.from}` : `To ${message.to}${message.cc ? `, cc ${message.cc}` : ''}`}</Text>
            <Group gap={4}>
              {message.intent && <Badge variant="outline">{message.intent.replace(/_/g, ' ')}</Badge>}
              {message.delivery === 'bounced' && <Badge color="red">bounced</Badge>}
              <Text fz="xs" c="dimmed">{new Date(message.createdAt).toLocaleString()}</Text>
            </Group>
          </Group>
          <Text fz="sm" fw={500} mt={4}>{message.subject}</Text>
          <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>{message.text}</Text>
        </Card>
      ))}
    </Stack>
  );
}
