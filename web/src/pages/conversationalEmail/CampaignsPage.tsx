import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconMail, IconPlus, IconRobot } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { campaignStatusLabel, listCeAssistants, listCeCampaigns } from '../../../../src/contracts/conversationalEmail';
import { useApiQuery } from '../../api/hooks';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { AssistantModal } from './AssistantModal';
import { CampaignModal } from './CampaignModal';
import { CAMPAIGN_STATUS_COLORS } from './ceDisplay';

/** Conversational Email: campaigns and e-mail assistants. */
export function CampaignsPage() {
  const campaigns = useApiQuery(listCeCampaigns, undefined, { refetchInterval: 10_000 });
  const assistants = useApiQuery(listCeAssistants, undefined);
  const [isAssistantOpen, setAssistantOpen] = useState(false);
  const [isCampaignOpen, setCampaignOpen] = useState(false);
  const hasAssistants = (assistants.data?.items.length ?? 0) > 0;
  return (
    <>
      <PageHeader
        title="Conversational Email"
        description="Campaigns that watch a Salesforce report, enroll new leads and contacts every 15 minutes, e-mail them as an assistant and write every status and e-mail back to Salesforce."
        actions={
          <>
            <Button component={Link} to="/conversational-email/settings" variant="default">Settings</Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCampaignOpen(true)} disabled={!hasAssistants}>New campaign</Button>
          </>
        }
      />
      <Stack gap="lg">
        {campaigns.isError && <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
        {campaigns.data && campaigns.data.items.length === 0 && (
          <EmptyPanel icon={IconMail} title="No campaigns yet" description={hasAssistants ? 'Create a campaign on a Salesforce report of leads or contacts.' : 'Create an e-mail assistant first: campaigns send as one.'} />
        )}
        {campaigns.data && campaigns.data.items.length > 0 && (
          <Paper withBorder radius="lg" p="md">
            <Table verticalSpacing="sm" aria-label="Campaigns">
              <Table.Thead>
                <Table.Tr><Table.Th>Campaign</Table.Th><Table.Th>Status</Table.Th><Table.Th>Assistant</Table.Th><Table.Th>Report</Table.Th><Table.Th ta="right">Enrolled</Table.Th><Table.Th ta="right">Replied</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {campaigns.data.items.map((campaign) => (
                  <Table.Tr key={campaign.id}>
                    <Table.Td><Anchor component={Link} to={`/conversational-email/campaigns/${campaign.id}`}>{campaign.name}</Anchor></Table.Td>
                    <Table.Td><Badge color={CAMPAIGN_STATUS_COLORS[campaign.status] ?? 'gray'} variant="light">{campaignStatusLabel(campaign.status)}</Badge>{campaign.apiPausedReason && <Badge ml="xs" color="orange" variant="outline">Polling paused</Badge>}</Table.Td>
                    <Table.Td>{campaign.assistantName}</Table.Td>
                    <Table.Td>{campaign.reportName ?? <Text c="dimmed" fz="sm">Manual enrollment</Text>}</Table.Td>
                    <Table.Td ta="right">{campaign.enrolled}</Table.Td>
                    <Table.Td ta="right">{campaign.replied}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )}
        <Paper withBorder radius="lg" p="md">
          <Group justify="space-between" mb="sm">
            <Title order={2} fz="h4">E-mail assistants</Title>
            <Button variant="light" leftSection={<IconRobot size={16} />} onClick={() => setAssistantOpen(true)}>New assistant</Button>
          </Group>
          {assistants.isError && <QueryError error={assistants.error} />}
          {assistants.data && assistants.data.items.length === 0 && <Text c="dimmed" fz="sm">No assistant yet. An assistant is the sender: a name, an address, a signature and a daily sending cap.</Text>}
          {assistants.data && assistants.data.items.length > 0 && (
            <Table aria-label="E-mail assistants">
              <Table.Thead><Table.Tr><Table.Th>Name</Table.Th><Table.Th>Address</Table.Th><Table.Th>Time zone</Table.Th><Table.Th ta="right">Sent today / daily cap</Table.Th><Table.Th>Sales rep on hand-off</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {assistants.data.items.map((assistant) => (
                  <Table.Tr key={assistant.id}><Table.Td>{assistant.name}</Table.Td><Table.Td>{assistant.email}</Table.Td><Table.Td>{assistant.timeZone}</Table.Td><Table.Td ta="right">{assistant.sentToday} / {assistant.dailySendCap}</Table.Td><Table.Td>{assistant.handoffRepEmail ?? '—'}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
      <AssistantModal isOpen={isAssistantOpen} onClose={() => setAssistantOpen(false)} />
      <CampaignModal isOpen={isCampaignOpen} onClose={() => setCampaignOpen(false)} />
    </>
  );
}
