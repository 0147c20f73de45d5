import { useState } from 'react';
import { Badge, Button, Group, Paper, Radio, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlugConnected, IconRobot } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { createOrchestration, enrichmentRunStatusLabel, listEnrichmentRuns, listOrchestrations, listTargetFields, startEnrichmentRun, ENRICHMENT_SYSTEMS, type OrchestrationView } from '../../../../src/contracts/enrichment';
import { listCrmConnections } from '../../../../src/contracts/integrations';
import { listMapConnections } from '../../../../src/contracts/mapIntegrations';
import { errorMessage } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';

/** Settings > Orchestrations: Segment Name Enrichment — create (field described, long text recommended), dry run, run now, history. */
export function OrchestrationsPage() {
  const canManage = useCan('segment.publish');
  const list = useApiQuery(listOrchestrations, undefined, { refetchInterval: 3_000 });
  const connected = useConnectedSystems();
  return (
    <>
      <PageHeader title="Orchestrations" description="Segment Name Enrichment writes the names of the segments published to Segment Name Enrichment into a field of each CRM or MAP record, daily and on demand." />
      {canManage && connected.error && <QueryError error={connected.error} />}
      {canManage && connected.systems?.length === 0 && (
        <EmptyPanel
          icon={IconPlugConnected}
          title="Connect a CRM first"
          description="Segment Name Enrichment writes into a field of your CRM or MAP records, so it needs a connection: connect Salesforce (or HubSpot, Marketo, Pardot or Eloqua) in Integrations, then come back here to pick the field."
          actions={<Button component={Link} to="/settings/integrations">Go to Integrations</Button>}
        />
      )}
      {canManage && connected.systems !== undefined && connected.systems.length > 0 && <CreateOrchestrationForm connectedSystems={connected.systems} />}
      {list.data?.items.length === 0 && !(canManage && connected.systems?.length === 0) && <EmptyPanel icon={IconRobot} title="No orchestrations" description="Create a Segment Name Enrichment orchestration to write segment names into your CRM or MAP." />}
      <Stack gap="md" mt="md">
        {(list.data?.items ?? []).map((orchestration) => (
          <OrchestrationCard key={orchestration.id} orchestration={orchestration} canManage={canManage} />
        ))}
      </Stack>
    </>
  );
}

type EnrichmentSystem = (typeof ENRICHMENT_SYSTEMS)[number];

/** The systems by their product names: the select and the cards showed the ids ("salesforce"). */
const SYSTEM_NAMES: Readonly<Record<EnrichmentSystem, string>> = { salesforce: 'Salesforce', hubspot: 'HubSpot', marketo: 'Marketo', pardot: 'Pardot', eloqua: 'Eloqua' };

/**
 * The enrichment systems the organisation has connected (Salesforce as its CRM, the MAPs), in ENRICHMENT_SYSTEMS
 * order; undefined while loading. The field picker asks only these for their fields: an unconnected one answered 404.
 */
function useConnectedSystems(): { systems: EnrichmentSystem[] | undefined; error: Error | null } {
  const crm = useApiQuery(listCrmConnections, undefined);
  const map = useApiQuery(listMapConnections, undefined);
  if (!crm.data || !map.data) return { systems: undefined, error: crm.error ?? map.error };
  const providers = new Set<string>([...crm.data.items.map((item) => item.provider), ...map.data.items.map((item) => item.provider)]);
  return { systems: ENRICHMENT_SYSTEMS.filter((system) => providers.has(system)), error: null };
}

function CreateOrchestrationForm({ connectedSystems }: { connectedSystems: readonly EnrichmentSystem[] }) {
  const [chosenSystem, setSystem] = useState<EnrichmentSystem | undefined>(undefined);
  const system = chosenSystem !== undefined && connectedSystems.includes(chosenSystem) ? chosenSystem : (connectedSystems[0] ?? 'salesforce');
  const [object, setObject] = useState<string | undefined>(undefined);
  const [field, setField] = useState<string | null>(null);
  const [policy, setPolicy] = useState<'overwrite' | 'keep_others'>('keep_others');
  const [name, setName] = useState('Segment Name Enrichment');
  const fields = useApiQuery(listTargetFields, { params: { system }, query: object ? { object } : {} });
  const notConnected = ENRICHMENT_SYSTEMS.filter((candidate) => !connectedSystems.includes(candidate)).map((candidate) => SYSTEM_NAMES[candidate]);
  const create = useApiMutation(createOrchestration, { invalidates: [listOrchestrations] });
  return (
    <Paper withBorder radius="lg" p="md" bg="white">
      <Stack gap="sm">
        <Group grow>
          <TextInput label="Name" value={name} onChange={(event) => setName(event.currentTarget.value)} />
          <Select
            label="System"
            description={notConnected.length > 0 ? `Not connected: ${notConnected.join(', ')}` : undefined}
            data={ENRICHMENT_SYSTEMS.map((value) => ({ value, label: SYSTEM_NAMES[value], disabled: !connectedSystems.includes(value) }))}
            value={system}
            onChange={(value) => { if (value) { setSystem(value as EnrichmentSystem); setObject(undefined); setField(null); } }}
            allowDeselect={false}
          />
          <Select label="Object" data={(fields.data?.objects ?? []).map((candidate) => ({ value: candidate.name, label: candidate.label }))} value={fields.data?.object ?? null} onChange={(value) => { setObject(value ?? undefined); setField(null); }} allowDeselect={false} />
          <Select
            label="Field (a long text field is recommended)"
            data={(fields.data?.fields ?? []).map((candidate) => ({ value: candidate.name, label: `${candidate.label} (${candidate.type}${candidate.maxLength ? `, ${candidate.maxLength}` : ''})${candidate.isRecommended ? ' · Recommended' : ''}` }))}
            value={field}
            onChange={setField}
          />
        </Group>
        {fields.error && <Text c="red" fz="sm">{errorMessage(fields.error)}</Text>}
        <Radio.Group label="When a record's field holds a value openabm did not write" value={policy} onChange={(value) => setPolicy(value as typeof policy)}>
          <Group mt="xs">
            <Radio value="keep_others" label="Keep it" />
            <Radio value="overwrite" label="Overwrite it" />
          </Group>
        </Radio.Group>
        {create.error && <Text c="red" fz="sm" role="alert">{errorMessage(create.error)}</Text>}
        <Group justify="flex-end">
          <Button disabled={!field || !fields.data} loading={create.isPending} onClick={() => field && fields.data && create.mutate({ body: { name, targetSystem: system, targetObject: fields.data.object, targetField: field, conflictPolicy: policy } })}>
            Create orchestration
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function OrchestrationCard({ orchestration, canManage }: { orchestration: OrchestrationView; canManage: boolean }) {
  const start = useApiMutation(startEnrichmentRun, { invalidates: [listOrchestrations, listEnrichmentRuns] });
  const runs = useApiQuery(listEnrichmentRuns, { params: { orchestrationId: orchestration.id }, query: { page: 1, pageSize: 50 } }, { refetchInterval: 3_000 });
  return (
    <Paper withBorder radius="lg" p="md" bg="white" data-testid={`orchestration-${orchestration.name}`}>
      <Group justify="space-between">
        <div>
          <Text fw={600}>{orchestration.name}</Text>
          <Text fz="sm" c="dimmed">
            {SYSTEM_NAMES[orchestration.targetSystem]} {orchestration.targetObject}.{orchestration.targetField} ({orchestration.fieldType}, {orchestration.fieldLength ?? 'no'} characters) · {orchestration.conflictPolicy === 'overwrite' ? 'Overwrite' : 'Keep values openabm did not write'}
          </Text>
        </div>
        {canManage && (
          <Group gap="sm">
            <Button variant="default" onClick={() => start.mutate({ params: { orchestrationId: orchestration.id }, body: { isDryRun: true } })}>Dry run</Button>
            <Button onClick={() => start.mutate({ params: { orchestrationId: orchestration.id }, body: { isDryRun: false } })}>Run now</Button>
          </Group>
        )}
      </Group>
      {start.error && <Text c="red" fz="sm" role="alert">{errorMessage(start.error)}</Text>}
      <Table mt="sm" aria-label={`Runs of ${orchestration.name}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Started</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th ta="right">Scanned</Table.Th>
            <Table.Th ta="right">Written</Table.Th>
            <Table.Th ta="right">Skipped</Table.Th>
            <Table.Th ta="right">Failed</Table.Th>
            <Table.Th ta="right">Names dropped</Table.Th>
            <Table.Th ta="right">API calls</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(runs.data?.runs ?? []).map((run) => (
            <Table.Tr key={run.id}>
              <Table.Td>{new Date(run.createdAt).toLocaleString()}{run.isDryRun ? ' (dry run)' : ''}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={run.status === 'succeeded' ? 'green' : run.status === 'running' || run.status === 'queued' ? 'blue' : 'red'}>{enrichmentRunStatusLabel(run.status)}</Badge>
                {run.errorMessage && <Text fz="xs" c="red">{run.errorMessage}</Text>}
              </Table.Td>
              <Table.Td ta="right">{run.recordsScanned}</Table.Td>
              <Table.Td ta="right">{run.recordsWritten}{run.isDryRun ? ' would change' : ''}</Table.Td>
              <Table.Td ta="right">{run.recordsSkipped}</Table.Td>
              <Table.Td ta="right">{run.recordsFailed}</Table.Td>
              <Table.Td ta="right">{run.recordsTruncated}</Table.Td>
              <Table.Td ta="right">{run.apiCalls}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
