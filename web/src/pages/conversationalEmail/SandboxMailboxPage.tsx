import { useState } from 'react';
import { Alert, Button, Grid, NavLink, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { getCeConversation, listCeCampaigns, listCeConversations, replyAsLeadInSandbox } from '../../../../src/contracts/conversationalEmail';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { ConversationThread } from './ConversationThread';

/**
 * Sandbox mailbox: the leads' side of every conversation. Pick a lead, read what the assistant sent and answer as the
 * lead; the answer travels over SMTP to openabm's inbound listener, like a real reply.
 */
export function SandboxMailboxPage() {
  const campaigns = useApiQuery(listCeCampaigns, undefined);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const chosen = campaignId ?? campaigns.data?.items[0]?.id ?? null;
  const conversations = useApiQuery(listCeConversations, chosen ? { params: { campaignId: chosen }, query: { page: 1, pageSize: 100 } } : undefined, { enabled: chosen !== null, refetchInterval: 5_000 });
  const [conversationId, setConversationId] = useState<string | null>(null);
  const reply = useApiMutation(replyAsLeadInSandbox, { invalidates: [getCeConversation, listCeConversations] });
  const [text, setText] = useState('');
  return (
    <>
      <PageHeader title="Sandbox mailbox" description="Answer as the lead. Replies go through openabm's local inbound SMTP listener and are classified like real ones." />
      {campaigns.data && campaigns.data.items.length === 0 && <EmptyPanel icon={IconInbox} title="No campaigns yet" description="Create and start a campaign; the e-mails it sends show up here." />}
      {chosen && (
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Paper withBorder radius="lg" p="sm">
              <Select label="Campaign" data={(campaigns.data?.items ?? []).map((campaign) => ({ value: campaign.id, label: campaign.name }))} value={chosen} onChange={(value) => { setCampaignId(value); setConversationId(null); }} allowDeselect={false} mb="sm" />
              {conversations.data?.items.length === 0 && <Text c="dimmed" fz="sm">No one enrolled yet.</Text>}
              <nav aria-label="Leads">
                {conversations.data?.items.map((item) => (
                  <NavLink key={item.id} label={item.personName || item.email} description={`${item.email} · ${item.statusLabel}`} active={item.id === conversationId} onClick={() => setConversationId(item.id)} />
                ))}
              </nav>
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Paper withBorder radius="lg" p="md">
              {!conversationId && <Text c="dimmed">Choose a lead to see their inbox.</Text>}
              {conversationId && (
                <Stack gap="md">
                  <ConversationThread conversationId={conversationId} isManaging={false} />
                  <Title order={2} fz="h5">Answer as the lead</Title>
                  <Textarea label="Reply" autosize minRows={3} value={text} onChange={(event) => setText(event.currentTarget.value)} placeholder="Sounds great, let's set up a call next week." />
                  {reply.isError && <Alert color="red" variant="light" role="alert">{errorMessage(reply.error)}</Alert>}
                  <Button onClick={() => reply.mutate({ params: { conversationId }, body: { text } }, { onSuccess: () => setText('') })} loading={reply.isPending} disabled={text.trim() === ''}>Send reply</Button>
                </Stack>
              )}
            </Paper>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
