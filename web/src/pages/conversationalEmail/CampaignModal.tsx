import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useNavigate } from 'react-router-dom';
import { createCeCampaign, listCeAssistants, listCeCampaigns } from '../../../../src/contracts/conversationalEmail';
import { listCrmSources } from '../../../../src/contracts/integrations';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';

interface Step {
  subject: string;
  body: string;
  delayDays: number;
}

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
  const [timeZone, setTimeZone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [startHour, setStartHour] = useState<number | string>(9);
  const [endHour, setEndHour] = useState<number | string>(17);
  const [cap, setCap] = useState<number | string>(300);
  const reports = (sources.data?.items ?? []).filter((source) => source.kind === 'report').map((source) => ({ value: source.id, label: source.name }));
  const setStep = (index: number, change: Partial<Step>) => setSteps(steps.map((step, at) => (at === index ? { ...step, ...change } : step)));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!assistantId) return;
        mutation.mutate(
          {
            body: {
              name, assistantId, mainSequence: steps, followUpSequences: [], reportId,
              businessHours: { timeZone, startHour: Number(startHour), endHour: Number(endHour), weekdays: [1, 2, 3, 4, 5] },
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
        {steps.map((step, index) => (
          <Stack key={index} gap="xs" p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
            <Text fw={600} fz="sm">E-mail {index + 1}</Text>
            {index > 0 && <NumberInput label="Days after the previous e-mail" min={0} max={60} value={step.delayDays} onChange={(value) => setStep(index, { delayDays: Number(value) || 0 })} />}
            <TextInput label="Subject" required value={step.subject} onChange={(event) => setStep(index, { subject: event.currentTarget.value })} />
            <Textarea label="Body" description="Merge tags: {{FirstName}}, {{Company|fallback}}, {{Title}}, {{Account.Name}}" required autosize minRows={3} value={step.body} onChange={(event) => setStep(index, { body: event.currentTarget.value })} />
            {index > 0 && <Button variant="subtle" color="red" size="xs" onClick={() => setSteps(steps.filter((_step, at) => at !== index))}>Remove e-mail {index + 1}</Button>}
          </Stack>
        ))}
        {steps.length < 10 && <Button variant="light" onClick={() => setSteps([...steps, { subject: 'Following up', body: 'Hi {{FirstName}}, just following up on my last note.', delayDays: 3 }])}>Add e-mail</Button>}
        <Group grow>
          <TextInput label="Time zone" required value={timeZone} onChange={(event) => setTimeZone(event.currentTarget.value)} />
          <NumberInput label="Sending from (hour)" min={0} max={23} value={startHour} onChange={setStartHour} />
          <NumberInput label="Until (hour)" min={1} max={24} value={endHour} onChange={setEndHour} />
        </Group>
        <NumberInput label="Daily cap of Salesforce API calls for this campaign" description="Report polling pauses when it is reached and resumes the next day." min={1} max={100000} value={cap} onChange={setCap} />
        {mutation.isError && <Alert color="red" variant="light" role="alert">{errorMessage(mutation.error)}</Alert>}
        <Group justify="flex-end"><Button variant="default" onClick={onClose}>Cancel</Button><Button type="submit" loading={mutation.isPending} disabled={!assistantId}>Create campaign</Button></Group>
      </Stack>
    </form>
  );
}
