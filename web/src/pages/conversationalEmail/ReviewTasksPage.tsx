import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Drawer, Group, Paper, Radio, Stack, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { getCeCampaign, getCeConversation, listCeConversations, listCeReviewTasks, replyIntentLabel, resolveCeReviewTask } from '../../../../src/contracts/conversationalEmail';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { ConversationThread } from './ConversationThread';

const OUTCOME_LABELS: Readonly<Record<string, string>> = { qualified: 'Qualified', not_interested: 'Not Interested', stopped_responding: 'Stopped Responding', canceled: 'Canceled' };

/** Human review: replies no rule recognised (or classified with low confidence); a person reads each and picks the outcome. */
export function ReviewTasksPage() {
  const tasks = useApiQuery(listCeReviewTasks, undefined, { refetchInterval: 10_000 });
  const canManage = useCan('ce.manage');
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <>
      <PageHeader title="Human review" description="Replies that need a person: read each one and close the task as Qualified (hand-off to the owner), Not Interested, Stopped Responding or Canceled. The outcome is written to Salesforce." />
      {tasks.isError && <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.data && tasks.data.items.length === 0 && <EmptyPanel icon={IconChecklist} title="Nothing to review" description="Replies that no rule recognises land here." />}
      <Stack gap="md" component="section" aria-label="Review tasks">
        {tasks.data?.items.map((task) => (
          <Paper key={task.conversationId} withBorder radius="lg" p="md" aria-label={`Review ${task.personName || task.email}`}>
            <Group justify="space-between" align="flex-start">
              <Stack gap={2}>
                <Text fw={600}>{task.personName || task.email} <Text span c="dimmed" fz="sm">{task.email}</Text></Text>
                <Text fz="sm">Campaign <Anchor component={Link} to={`/conversational-email/campaigns/${task.campaignId}`}>{task.campaignName}</Anchor> · {new Date(task.receivedAt).toLocaleString()}</Text>
                <Text fz="sm" c="orange">{task.reason}</Text>
              </Stack>
              <Group gap="xs">
                {task.suggestedIntent && <Badge variant="outline">Classifier: {replyIntentLabel(task.suggestedIntent)}</Badge>}
                <Button size="xs" variant="subtle" onClick={() => setOpenId(task.conversationId)}>Open the conversation</Button>
              </Group>
            </Group>
            {task.replyText !== null && (
              <Paper bg="gray.0" p="sm" mt="sm" radius="md">
                <Text fz="sm" fw={500}>{task.replySubject}</Text>
                <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={8}>{task.replyText}</Text>
              </Paper>
            )}
            {canManage && <ResolveForm conversationId={task.conversationId} outcomes={tasks.data.outcomes} />}
          </Paper>
        ))}
      </Stack>
      <Drawer opened={openId !== null} onClose={() => setOpenId(null)} position="right" size="lg" title="Conversation">
        {openId && <ConversationThread conversationId={openId} />}
      </Drawer>
    </>
  );
}

function ResolveForm({ conversationId, outcomes }: { conversationId: string; outcomes: readonly string[] }) {
  const [outcome, setOutcome] = useState<string>('');
  const resolve = useApiMutation(resolveCeReviewTask, { invalidates: [listCeReviewTasks, getCeConversation, listCeConversations, getCeCampaign] });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (outcome) resolve.mutate({ params: { conversationId }, body: { outcome: outcome as 'qualified' } });
      }}
    >
      <Group mt="sm" align="flex-end">
        <Radio.Group label="Outcome" value={outcome} onChange={setOutcome}>
          <Group gap="md" mt={4}>{outcomes.map((value) => <Radio key={value} value={value} label={OUTCOME_LABELS[value] ?? value} />)}</Group>
        </Radio.Group>
        <Button type="submit" size="sm" disabled={outcome === ''} loading={resolve.isPending}>Close the task</Button>
      </Group>
      {resolve.isError && <Alert mt="xs" color="red" variant="light" role="alert">{errorMessage(resolve.error)}</Alert>}
    </form>
  );
}
