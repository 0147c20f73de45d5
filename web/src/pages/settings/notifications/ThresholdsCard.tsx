import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { getNotificationSettings, updateThresholds } from '../../../../../src/contracts/notifications';
import { errorMessage } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';

interface Thresholds {
  expiryWarningDays: number[];
  visitDropPercent: number;
  minTrackedPages: number;
  syncDelayHours: number;
}

/** The alert thresholds (defaults: 14 and 3 days, 50 %, five pages, 6 hours). */
export function ThresholdsCard({ thresholds, canManage }: { thresholds: Thresholds; canManage: boolean }) {
  const [days, setDays] = useState(thresholds.expiryWarningDays.join(', '));
  const [dropPercent, setDropPercent] = useState<number | string>(thresholds.visitDropPercent);
  const [minPages, setMinPages] = useState<number | string>(thresholds.minTrackedPages);
  const [delayHours, setDelayHours] = useState<number | string>(thresholds.syncDelayHours);
  const save = useApiMutation(updateThresholds, { invalidates: [getNotificationSettings] });

  const submit = () => {
    save.mutate(
      {
        body: {
          expiryWarningDays: days.split(',').map((part) => Number(part.trim())).filter((value) => Number.isFinite(value) && value > 0),
          visitDropPercent: Number(dropPercent),
          minTrackedPages: Number(minPages),
          syncDelayHours: Number(delayHours),
        },
      },
      { onSuccess: () => notifications.show({ color: 'green', message: 'Alert thresholds saved.' }) },
    );
  };

  return (
    <Paper withBorder radius="lg" p="lg" bg="white" component="section" aria-label="Alert thresholds">
      <Title order={2} fz="h4" mb="sm">
        Alert thresholds
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput label="Credential expiry warnings (days before)" value={days} onChange={(event) => setDays(event.currentTarget.value)} disabled={!canManage} />
        <NumberInput label="Web-visit drop: last 7 days under (% of the weekly average)" min={1} max={100} value={dropPercent} onChange={setDropPercent} disabled={!canManage} />
        <NumberInput label="Fewer than this many tracked pages in the last week" min={1} value={minPages} onChange={setMinPages} disabled={!canManage} />
        <NumberInput label="Data-sync delay after the schedule (hours)" min={1} max={23} value={delayHours} onChange={setDelayHours} disabled={!canManage} />
      </SimpleGrid>
      {save.isError && (
        <Alert color="red" variant="light" role="alert" mt="sm">
          {errorMessage(save.error)}
        </Alert>
      )}
      {canManage ? (
        <Group justify="flex-end" mt="md">
          <Button onClick={submit} loading={save.isPending}>
            Save thresholds
          </Button>
        </Group>
      ) : (
        <Text fz="sm" c="dimmed" mt="sm">
          Only administrators change the thresholds.
        </Text>
      )}
    </Paper>
  );
}
