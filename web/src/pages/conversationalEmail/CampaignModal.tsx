import { useState } from 'react';
import { Alert, Button, Chip, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { createCeCampaign, listCeAssistants, listCeCampaigns } from '../../../../src/contracts/conversationalEmail';
import { listCrmSources } from '../../../../src/contracts/integrations';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { StepsEditor, type Step } from './StepsEditor';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const FIRST_STEP: Step = { subject: 'Quick question, {{FirstName}}', body: 'Hi {{FirstName}},\n\nWould {{Company|your team}} be open to a short call?', delayDays: 0 };

/** New campaign: assistant, watched Salesforce report, main sequence with merge tags, business hours, API cap. */
export function CampaignModal({ isOpen, onClose }: { isOpen: boolean; onClose: () => void }) {
  return (
    <Modal opened={isOpen} onClose={onClose} title="New campaign" size="lg" centered>
      {isOpen && <CampaignForm onClose={onClose} />}
    </Modal>
  );
}

function CampaignForm({ onClose }: { onClose: () => void }) {
  const navigate = useNavigate();
  const assistants = useApiQuery(listCeAssistants, undefined);
  const sources = useApiQuery(listCrmSources, { params: { provider: 'salesforce' } });
  const mutation = useApiMutation(createCeCampaign, { invalidates: [listCeCampaigns] });
  const [name, setName] = useState('');
  const [assistantId, setAssistantId] = useState<string | null>(null);
  const [reportId, setReportId] = useState<string | null>(null);
  const [steps, setSteps] = useState<Step[]>([FIRST_STEP]);
  const [followUps, setFollowUps] = useState<Array<{ name: string; steps: Step[] }>>([]);
  const [weekdays, setWeekdays] = useState<string[]>(['1', '2', '3', '4', '5']);
  const [timeZone, setTimeZone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [startHour, setStartHour] = useState<number | string>(9);
  const [endHour, setEndHour] = useState<number | string>(17);
  const [cap, setCap] = useState<number | string>(300);
  // Campaigns enroll leads and contacts: account reports cannot feed one, so they are not offered.
  const reports = (sources.data?.items ?? []).filter((source) => source.kind === 'report' && source.objectType !== 'account').map((source) => ({ value: source.id, label: source.name }));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!assistantId) return;
        mutation.mutate(
          {
            body: {
              name, assistantId, mainSequence: steps, followUpSequences: followUps, reportId,
              businessHours: { timeZone, startHour: Number(startHour), endHour: Number(endHour), weekdays: weekdays.map(Number).sort() },
              dailyApiCallCap: typeof cap === 'number' ? cap : 300, startsAt: null,
            },
          },
          { onSuccess: (campaign) => { onClose(); void navigate(`/conversational-email/campaigns/${campaign.id}`); } },
        );
      }}
    >
      <Stack gap="md">
        <TextInput label="Campaign name" required value={name} onChange={(event) => setName(event.currentTarget.value)} data-autofocus />
        <Select label="E-mail assistant" required data={(assistants.data?.items ?? []).map((assistant) => ({ value: assistant.id, label: `${assistant.name} <${assistant.email}>` }))} value={assistantId} onChange={setAssistantId} />
        <Select
          label="Salesforce report to watch"
          description="Tabular, summary or matrix; Leads, Contacts & Accounts, Campaigns with Leads/Contacts, or Leads/Contacts & Opportunities. Leave empty to enroll by hand."
          data={reports} value={reportId} onChange={setReportId} searchable clearable
          {...(sources.isError ? { error: errorMessage(sources.error) } : {})}
        />
        <StepsEditor label="Main sequence" steps={steps} onChange={setSteps} />
        <Text fz="sm" c="dimmed">Follow-up sequences start, in order, when a sequence ends and the lead has not answered (an out-of-office reply is no answer); any answer stops them.</Text>
        {followUps.map((followUp, index) => (
          <Stack key={index} gap="xs">
            <Group align="flex-end">
              <TextInput style={{ flex: 1 }} label={`Follow-up sequence ${index + 1}: name`} required value={followUp.name} onChange={(event) => { const name = event.currentTarget.value; setFollowUps(followUps.map((item, at) => (at === index ? { ...item, name } : item))); }} />
              <Button variant="subtle" color="red" onClick={() => setFollowUps(followUps.filter((_item, at) => at !== index))}>Remove follow-up {index + 1}</Button>
            </Group>
            <StepsEditor label={`Follow-up ${index + 1}`} isFirstDelayShown steps={followUp.steps} onChange={(changed) => setFollowUps(followUps.map((item, at) => (at === index ? { ...item, steps: changed } : item)))} />
          </Stack>
        ))}
        {followUps.length < 5 && <Button variant="default" onClick={() => setFollowUps([...followUps, { name: `Follow-up ${followUps.length + 1}`, steps: [{ subject: 'One more thought, {{FirstName}}', body: 'Hi {{FirstName}}, one last note from me.', delayDays: 7 }] }])}>Add follow-up sequence</Button>}
        <Group grow>
          <TextInput label="Time zone" required value={timeZone} onChange={(event) => setTimeZone(event.currentTarget.value)} />
          <NumberInput label="Sending from (hour)" min={0} max={23} value={startHour} onChange={setStartHour} />
          <NumberInput label="Until (hour)" min={1} max={24} value={endHour} onChange={setEndHour} />
        </Group>
        <Chip.Group multiple value={weekdays} onChange={setWeekdays}>
          <Group gap="xs" aria-label="Sending days">{WEEKDAYS.map((day, index) => <Chip key={day} value={String(index + 1)} size="xs">{day}</Chip>)}</Group>
        </Chip.Group>
        <NumberInput label="Daily cap of Salesforce API calls for this campaign" description="Report polling pauses when it is reached and resumes the next day." min={1} max={100000} value={cap} onChange={setCap} />
        {mutation.isError && <Alert color="red" variant="light" role="alert">{errorMessage(mutation.error)}</Alert>}
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>Cancel</Button><Button type="submit" loading={mutation.isPending} disabled={!assistantId}>Create campaign</Button></Group>
      </Stack>
    </form>
  );
}
