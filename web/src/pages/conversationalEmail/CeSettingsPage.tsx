import { useState } from 'react';
import { Alert, Button, Code, Group, List, Paper, Select, Stack, Switch, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { fieldModeLabel, getCeSettings, rotateCeInboundWebhook, runCePreflight, setupCeFields } from '../../../../src/contracts/conversationalEmail';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { ShownOnceSecret } from '../../components/ShownOnceSecret';

const MODES = [
  { value: 'openabm', label: "openabm's own fields (created through the Tooling API)" },
  { value: 'sixsense_v2', label: 'Existing package v2 fields (sixsense_ce__…)' },
  { value: 'sw01', label: 'Existing pre-June-2025 package fields (sw01_…)' },
];

/** Pre-flight check, the field-mapping setting, activity sync and the inbound webhook. */
export function CeSettingsPage() {
  const settings = useApiQuery(getCeSettings, undefined);
  const preflight = useApiMutation(runCePreflight, { invalidates: [getCeSettings] });
  const setup = useApiMutation(setupCeFields, { invalidates: [getCeSettings] });
  const rotate = useApiMutation(rotateCeInboundWebhook, { invalidates: [getCeSettings] });
  const [mode, setMode] = useState<string | null>(null);
  const [dncField, setDncField] = useState('');
  const [isActivitySyncOn, setActivitySyncOn] = useState<boolean | null>(null);
  if (settings.isError) return <QueryError error={settings.error} onRetry={() => void settings.refetch()} />;
  if (!settings.data) return null;
  const current = settings.data;
  const result = preflight.data?.preflight ?? setup.data?.preflight ?? current.preflight;
  const chosenMode = (mode ?? current.fieldMode) as 'openabm' | 'sixsense_v2' | 'sw01';
  return (
    <>
      <PageHeader title="Conversational Email settings" description="What openabm needs in Salesforce before the first campaign, and where it writes statuses, campaign fields, Do Not Contact and e-mail activities." />
      <Stack gap="lg">
        <Paper withBorder radius="lg" p="md">
          <Group justify="space-between" mb="sm"><Title order={2} fz="h4">Pre-flight check</Title><Button variant="light" loading={preflight.isPending} onClick={() => preflight.mutate({})}>Run the check</Button></Group>
          {preflight.isError && <Alert color="red" variant="light" role="alert">{errorMessage(preflight.error)}</Alert>}
          {!result && <Text c="dimmed" fz="sm">Not checked yet.</Text>}
          {result && (
            <Stack gap="xs">
              <Text fw={600} c={result.isReady ? 'green' : 'red'}>{result.isReady ? 'Ready: Salesforce gives openabm everything it needs.' : `Missing: ${result.missing.join('; ')}`}</Text>
              <List spacing={4} size="sm" aria-label="Pre-flight items">
                {result.items.map((item) => (
                  <List.Item key={item.item} icon={<ThemeIcon size={18} radius="xl" color={item.isOk ? 'green' : item.isRequired ? 'red' : 'orange'}>{item.isOk ? <IconCheck size={12} /> : <IconX size={12} />}</ThemeIcon>}>
                    <b>{item.item}</b> — {item.detail}
                  </List.Item>
                ))}
              </List>
              {result.warnings.map((warning) => <Alert key={warning} color="yellow" variant="light">{warning}</Alert>)}
              {preflight.data && preflight.data.detectedPackages.length > 0 && <Text fz="sm">Fields found in Salesforce: {preflight.data.detectedPackages.map(fieldModeLabel).join(', ')}.</Text>}
            </Stack>
          )}
        </Paper>
        <Paper withBorder radius="lg" p="md">
          <Title order={2} fz="h4" mb="sm">Salesforce fields</Title>
          <form onSubmit={(event) => { event.preventDefault(); setup.mutate({ body: { fieldMode: chosenMode, dncField: dncField.trim() === '' ? null : dncField.trim(), isActivitySyncOn: isActivitySyncOn ?? current.isActivitySyncOn } }); }}>
            <Stack gap="sm">
              <Select label="Where values go" data={MODES} value={chosenMode} onChange={setMode} allowDeselect={false} />
              <TextInput label="Do Not Contact field (checkbox on Lead and Contact)" description="Leave empty to use openabm's own openabm_ce_do_not_contact__c." value={dncField} onChange={(event) => setDncField(event.currentTarget.value)} />
              <Switch label="Sync e-mails to Salesforce as Tasks" description="Turning this off also stops the status write-back (Qualified, Not Interested, …); campaign fields and DNC still write." checked={isActivitySyncOn ?? current.isActivitySyncOn} onChange={(event) => setActivitySyncOn(event.currentTarget.checked)} />
              {setup.isError && <Alert color="red" variant="light" role="alert">{errorMessage(setup.error)}</Alert>}
              {setup.data && <Alert color="green" variant="light">Fields ready{setup.data.createdFields.length > 0 ? `; created ${setup.data.createdFields.join(', ')}` : ''}.</Alert>}
              {current.fieldsReadyAt && <Text fz="sm" c="dimmed">Fields set up {new Date(current.fieldsReadyAt).toLocaleString()}: {Object.values(current.fieldMap.lead ?? {}).join(', ')}</Text>}
              <Group justify="flex-end"><Button type="submit" loading={setup.isPending}>Check and set up fields</Button></Group>
            </Stack>
          </form>
        </Paper>
        <Paper withBorder radius="lg" p="md">
          <Group justify="space-between" mb="sm"><Title order={2} fz="h4">Inbound webhook</Title><Button variant="light" loading={rotate.isPending} onClick={() => rotate.mutate({})}>{current.hasInboundWebhook ? 'Replace the URL' : 'Create the URL'}</Button></Group>
          <Text fz="sm">Point your mail provider's inbound parse at this URL (POST with from, to, cc, subject, text, html, headers). Replies find their conversation through the reply-to address <Code>assistant+token@domain</Code> or In-Reply-To.</Text>
          {rotate.data && <ShownOnceSecret label="Inbound webhook URL" secret={rotate.data.url} hint="openabm keeps only a hash of it: copy it now. Replacing it stops the old one." />}
        </Paper>
      </Stack>
    </>
  );
}
