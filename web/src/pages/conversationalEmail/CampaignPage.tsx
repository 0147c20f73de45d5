import { useState } from 'react';
import { FunnelChart } from '@mantine/charts';
import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useParams } from 'react-router-dom';
import {
  allowedCampaignEvents, CAMPAIGN_EVENT_LABELS, campaignStatusLabel, changeCeCampaignStatus, getCeCampaign, listCeCampaigns, listCeConversations, pollCeCampaignNow,
} from '../../../../src/contracts/conversationalEmail';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { CAMPAIGN_STATUS_COLORS } from './ceDisplay';
import { ConversationsPanel } from './ConversationsPanel';
import { EstimatePanel } from './EstimatePanel';

type CampaignEvent = ReturnType<typeof allowedCampaignEvents>[number];

/** One campaign: state actions, funnel, live API counter, estimate, conversations and import problems. */
export function CampaignPage() {
  const { campaignId = '' } = useParams();
  const campaign = useApiQuery(getCeCampaign, { params: { campaignId } }, { refetchInterval: 5_000 });
  const change = useApiMutation(changeCeCampaignStatus, { invalidates: [getCeCampaign, listCeCampaigns, listCeConversations] });
  const poll = useApiMutation(pollCeCampaignNow, { invalidates: [getCeCampaign] });
  const [confirming, setConfirming] = useState<CampaignEvent | null>(null);
  if (campaign.isError) return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (!campaign.data) return null;
  const data = campaign.data;
  const run = (event: CampaignEvent) => change.mutate({ params: { campaignId }, body: { event } }, { onSuccess: () => setConfirming(null) });
  const funnel = [
    { name: 'Enrolled', value: data.funnel.enrolled, color: 'blue.6' },
    { name: 'Sent', value: data.funnel.sent, color: 'cyan.6' },
    { name: 'Replied', value: data.funnel.replied, color: 'teal.6' },
    { name: 'Qualified', value: data.funnel.qualified, color: 'green.6' },
  ];
  return (
    <>
      <PageHeader
        title={data.name}
        description={<>Sends as {data.assistant ? `${data.assistant.name} <${data.assistant.email}>` : '—'}; {data.report ? `watches the Salesforce report "${data.report.name}" (${data.report.object}s) every 15 minutes` : 'enrollment by hand'}. Created by {data.creatorName || 'openabm'}.</>}
        actions={
          <>
            <Badge size="lg" color={CAMPAIGN_STATUS_COLORS[data.status] ?? 'gray'} variant="light" aria-label="Campaign status">{campaignStatusLabel(data.status)}</Badge>
            {data.report && (data.status === 'running' || data.status === 'scheduled') && (
              <Button variant="default" loading={poll.isPending} onClick={() => poll.mutate({ params: { campaignId } }, { onSuccess: () => notifications.show({ message: 'The report will be checked in a moment.' }) })}>Check report now</Button>
            )}
            {allowedCampaignEvents(data.status).map((event) => (
              <Button key={event} color={event === 'cancel' || event === 'end' ? 'red' : 'blue'} variant={event === 'start' || event === 'resume' ? 'filled' : 'light'}
                onClick={() => (event === 'cancel' || event === 'end' ? setConfirming(event) : run(event))} loading={change.isPending && change.variables?.body.event === event}>
                {CAMPAIGN_EVENT_LABELS[event]}
              </Button>
            ))}
          </>
        }
      />
      <Stack gap="lg">
        {change.isError && confirming === null && <Alert color="red" variant="light" role="alert">{errorMessage(change.error)}</Alert>}
        {data.api.pausedReason && <Alert color="orange" variant="light" title="Report polling paused">{data.api.pausedReason}</Alert>}
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Paper withBorder radius="lg" p="md">
            <Title order={2} fz="h4" mb="sm">Funnel</Title>
            <Group align="flex-start" wrap="nowrap">
              {/* A funnel of zeros draws as a lone wedge with floating labels: wait for the first e-mail. */}
              {data.funnel.sent > 0 ? <FunnelChart data={funnel} size={180} withLabels withTooltip aria-label="Campaign funnel" /> : <Text c="dimmed" fz="sm" w={180}>The funnel fills in as e-mails go out.</Text>}
              <Table aria-label="Campaign counts">
                <Table.Tbody>
                  {Object.entries({ Enrolled: data.funnel.enrolled, Sent: data.funnel.sent, Replied: data.funnel.replied, Qualified: data.funnel.qualified, 'Do not contact': data.funnel.dnc, Bounced: data.funnel.bounced }).map(([label, value]) => (
                    <Table.Tr key={label}><Table.Td>{label}</Table.Td><Table.Td ta="right" data-testid={`count-${label}`}>{value}</Table.Td></Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Group>
          </Paper>
          <Paper withBorder radius="lg" p="md">
            <Title order={2} fz="h4" mb="sm">Salesforce API calls</Title>
            <Text fz="xl" fw={700} aria-label="API calls today">{data.api.callsToday} / {data.api.dailyCap} today</Text>
            <Text c="dimmed" fz="sm">Counts the report checks and imports of this campaign. Write-back (statuses, Tasks) is batched for the whole organisation, up to 200 records of any campaign per call, so it counts against the org's Salesforce budget instead of one campaign's cap.</Text>
            <Text c="dimmed" fz="sm">{data.api.callsTotal} since the campaign started. Last report check: {data.lastPolledAt ? new Date(data.lastPolledAt).toLocaleString() : 'not yet'}.</Text>
            <EstimatePanel estimate={data.estimate} />
          </Paper>
        </SimpleGrid>
        <ConversationsPanel campaignId={campaignId} />
      </Stack>
      <ConfirmDialog
        isOpen={confirming !== null}
        title={confirming === 'cancel' ? 'Cancel this campaign?' : 'End this campaign?'}
        confirmLabel={confirming === 'cancel' ? 'Cancel campaign' : 'End campaign'}
        isDestructive
        isPending={change.isPending}
        error={change.isError ? change.error : undefined}
        onConfirm={() => confirming && run(confirming)}
        onCancel={() => setConfirming(null)}
      >
        {confirming === 'cancel' ? 'Conversations still going are canceled and no further e-mail is sent. This cannot be undone.' : 'No further e-mail is sent and the report is no longer watched. This cannot be undone.'}
      </ConfirmDialog>
    </>
  );
}
