import { Link } from 'react-router-dom';
import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPlus } from '@tabler/icons-react';
import { getHomeSummary } from '../../../../src/contracts/home';
import type { HomeSummary } from '../../../../src/contracts/home';
import { useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { formatDateTime } from '../../components/formatDate';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { MatchRateChart } from './MatchRateChart';
import { OnboardingChecklist } from './OnboardingChecklist';
import { SegmentsBySize } from './SegmentsBySize';

/** What a team needs on arrival: how far set-up is, the segments by size and freshness, match rates, what failed. */
export function HomePage() {
  const canCreate = useCan('segment.create');
  const summary = useApiQuery(getHomeSummary, undefined, { refetchInterval: 60_000 });
  return (
    <>
      <PageHeader
        title="Home"
        description="Your segments at a glance: how fresh and how large they are, how well their records match, and what needs attention."
        actions={
          canCreate ? (
            <Button component={Link} to="/segments/new" leftSection={<IconPlus size={16} />}>
              Create segment
            </Button>
          ) : undefined
        }
      />
      {summary.isPending ? (
        <Stack gap="md" role="status" aria-label="Loading the home page">
          <Skeleton height={120} radius="lg" />
          <Skeleton height={300} radius="lg" />
        </Stack>
      ) : summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : (
        <Stack gap="lg">
          {!(summary.data.checklist.hasCrmConnection && summary.data.checklist.hasSegment && summary.data.checklist.hasActivation) && <OnboardingChecklist checklist={summary.data.checklist} />}
          <Failures failures={summary.data.failures} />
          <SegmentsBySize summary={summary.data} />
          <MatchRateChart points={summary.data.matchRates} />
        </Stack>
      )}
    </>
  );
}

const FAILURE_LABELS: Readonly<Record<HomeSummary['failures'][number]['kind'], string>> = {
  crm_sync: 'CRM sync',
  segment_refresh: 'Segment refresh',
  ad_sync: 'Ad sync',
  enrichment: 'Enrichment',
};

function Failures({ failures }: { failures: HomeSummary['failures'] }) {
  return (
    <Paper withBorder radius="lg" p="lg" bg="white" component="section" aria-labelledby="home-failures-title">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="h4" id="home-failures-title">
          Needs attention
        </Title>
        {failures.length > 0 && (
          <Badge color="red" variant="light">
            {failures.length}
          </Badge>
        )}
      </Group>
      {failures.length === 0 ? (
        <Group gap="sm">
          <IconCircleCheck size={20} color="var(--mantine-color-green-7)" aria-hidden />
          <Text fz="sm">Nothing failed: CRM syncs, segment refreshes, ad syncs and enrichment runs are all fine.</Text>
        </Group>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} data-testid="home-failures">
          {failures.map((failure) => (
            <Group key={`${failure.kind}-${failure.link}-${failure.title}`} component="li" gap="sm" wrap="nowrap" align="flex-start">
              <IconAlertTriangle size={18} color="var(--mantine-color-red-7)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Group gap="xs">
                  <Anchor component={Link} to={failure.link} fw={600} fz="sm">
                    {failure.title}
                  </Anchor>
                  <Badge size="xs" variant="outline" color="gray">
                    {FAILURE_LABELS[failure.kind]}
                  </Badge>
                </Group>
                <Text fz="sm">{failure.message}</Text>
                <Text fz="xs" c="dimmed">
                  {formatDateTime(failure.occurredAt)}
                </Text>
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
