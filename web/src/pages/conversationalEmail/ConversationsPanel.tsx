import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Drawer, Group, Pagination, Paper, Table, Text, Title } from '@mantine/core';
import { crmStatusLabel, getCeCampaign, getCeConversation, listCeConversations, pauseCeConversations } from '../../../../src/contracts/conversationalEmail';
import { errorMessage } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { useApiQuery } from '../../api/hooks';
import { QueryError } from '../../components/QueryError';
import { CONVERSATION_STATUS_COLORS } from './ceDisplay';
import { ConversationThread } from './ConversationThread';

const PAGE_SIZE = 25;

/** The campaign's conversations (click one for its thread) and the report rows that could not be enrolled. */
export function ConversationsPanel({ campaignId }: { campaignId: string }) {
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useApiQuery(listCeConversations, { params: { campaignId }, query: { page, pageSize: PAGE_SIZE } }, { refetchInterval: 5_000 });
  const canManage = useCan('ce.manage');
  const [selected, setSelected] = useState<string[]>([]);
  const pause = useApiMutation(pauseCeConversations, { invalidates: [listCeConversations, getCeConversation, getCeCampaign] });
  const bulk = (action: 'pause' | 'resume') => pause.mutate({ body: { conversationIds: selected, action } }, { onSuccess: () => setSelected([]) });
  const toggle = (id: string, isChecked: boolean) => setSelected(isChecked ? [...selected, id] : selected.filter((other) => other !== id));
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  return (
    <>
      <Paper withBorder radius="lg" p="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} fz="h4">Conversations</Title>
          {canManage && selected.length > 0 && (
            <Group gap="xs">
              <Button size="xs" variant="light" color="yellow" loading={pause.isPending} onClick={() => bulk('pause')}>Pause selected ({selected.length})</Button>
              <Button size="xs" variant="light" color="green" loading={pause.isPending} onClick={() => bulk('resume')}>Resume selected ({selected.length})</Button>
            </Group>
          )}
        </Group>
        {pause.isError && <Alert color="red" variant="light" role="alert" mb="sm">{errorMessage(pause.error)}</Alert>}
        {pause.data && pause.data.skipped.length > 0 && (
          <Alert color="yellow" variant="light" mb="sm">{pause.data.changedIds.length} changed; {pause.data.skipped.length} skipped: {[...new Set(pause.data.skipped.map((row) => row.reason))].join(' ')}</Alert>
        )}
        {data && data.items.length === 0 && <Text c="dimmed" fz="sm">No one is enrolled yet. New leads and contacts in the report are enrolled at the next check (every 15 minutes).</Text>}
        {data && data.items.length > 0 && (
          <Table aria-label="Conversations" highlightOnHover>
            <Table.Thead><Table.Tr>{canManage && <Table.Th w={40}><Checkbox aria-label="Select every conversation on this page" checked={data.items.length > 0 && data.items.every((item) => selected.includes(item.id))} onChange={(event) => setSelected(event.currentTarget.checked ? data.items.map((item) => item.id) : [])} /></Table.Th>}<Table.Th>Name</Table.Th><Table.Th>E-mail</Table.Th><Table.Th>Conversation status</Table.Th><Table.Th>Salesforce status</Table.Th><Table.Th>Next e-mail</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.items.map((item) => (
                <Table.Tr key={item.id}>
                  {canManage && <Table.Td><Checkbox aria-label={`Select ${item.personName || item.email}`} checked={selected.includes(item.id)} onChange={(event) => toggle(item.id, event.currentTarget.checked)} /></Table.Td>}
                  <Table.Td><Anchor component="button" type="button" ta="left" onClick={() => setOpenId(item.id)}>{item.personName || item.email}</Anchor></Table.Td>
                  <Table.Td>{item.email}</Table.Td>
                  <Table.Td><Badge color={CONVERSATION_STATUS_COLORS[item.status] ?? 'gray'} variant="light">{item.statusLabel}</Badge>{item.isPaused && <Badge ml={4} color="yellow">Paused</Badge>}{item.reviewReason && <Text fz="xs" c="dimmed">{item.reviewReason}</Text>}</Table.Td>
                  <Table.Td><Text fz="sm" title={`Value in Salesforce: ${item.crmStatus}`}>{crmStatusLabel(item.crmStatus)}</Text></Table.Td>
                  <Table.Td>{item.nextSendAt ? new Date(item.nextSendAt).toLocaleString() : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {data && data.total > PAGE_SIZE && <Group justify="flex-end" mt="sm"><Pagination total={Math.ceil(data.total / PAGE_SIZE)} value={page} onChange={setPage} /></Group>}
      </Paper>
      {data && data.problems.length > 0 && (
        <Paper withBorder radius="lg" p="md">
          <Title order={2} fz="h4" mb="sm">Not enrolled ({data.problemTotal})</Title>
          <Table aria-label="Import and enrollment problems">
            <Table.Thead><Table.Tr><Table.Th>Salesforce id</Table.Th><Table.Th>E-mail</Table.Th><Table.Th>Problem</Table.Th><Table.Th>Reason</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {data.problems.map((row) => (
                <Table.Tr key={row.crmId}><Table.Td ff="monospace">{row.crmId}</Table.Td><Table.Td>{row.email ?? '—'}</Table.Td><Table.Td><Badge color="orange" variant="light">{row.outcomeLabel}</Badge></Table.Td><Table.Td>{row.reason}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Drawer opened={openId !== null} onClose={() => setOpenId(null)} position="right" size="lg" title="Conversation">
        {openId && <ConversationThread conversationId={openId} />}
      </Drawer>
    </>
  );
}
