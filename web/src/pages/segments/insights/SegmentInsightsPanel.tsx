import { AreaChart, BarChart, DonutChart } from '@mantine/charts';
import { Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { getSegmentInsights } from '../../../../../src/contracts/segmentInsights';
import type { CompositionSlice, SegmentInsights } from '../../../../../src/contracts/segmentInsights';
import { useApiQuery } from '../../../api/hooks';
import { formatDateTime } from '../../../components/formatDate';
import { QueryError } from '../../../components/QueryError';
import { formatCount } from '../segmentDisplay';

const countryNames = new Intl.DisplayNames(['en'], { type: 'region' });
const DONUT_COLORS = ['indigo.6', 'teal.6', 'orange.6', 'grape.6', 'cyan.7', 'lime.7', 'pink.6', 'yellow.7', 'gray.6'];

function sliceLabel(slice: CompositionSlice, kind: 'industry' | 'country' | 'size'): string {
  if (slice.isOther) return 'Other';
  if (slice.value === null) return 'Unknown';
  if (kind !== 'country') return slice.value;
  try {
    return countryNames.of(slice.value) ?? slice.value;
  } catch {
    return slice.value; // not a region code Intl knows
  }
}

/** The Insights tab of a segment: its make-up, its match rate and its membership over time. */
export function SegmentInsightsPanel({ segmentId }: { segmentId: string }) {
  const insights = useApiQuery(getSegmentInsights, { params: { segmentId } });
  if (insights.isPending) return <Skeleton height={320} radius="lg" role="status" aria-label="Loading the insights" />;
  if (insights.isError) return <QueryError error={insights.error} onRetry={() => void insights.refetch()} />;
  const data = insights.data;
  return (
    <Stack gap="lg" data-testid="segment-insights">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Stat label="Accounts" value={formatCount(data.memberCount)} />
        <Stat label="Match rate" value={data.matchRatePercent === null ? 'Not applicable' : `${data.matchRatePercent}%`} hint={data.matchRatePercent === null ? 'Built from filters: no records to match.' : 'Records matched to a company at the last build.'} testId="insights-match-rate" />
      </SimpleGrid>
      {data.memberCount === 0 ? (
        <Text fz="sm">The segment holds no accounts yet, so it has no make-up to show.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
          <Composition title="Industry" slices={data.composition.industry} kind="industry" />
          <Composition title="Country" slices={data.composition.country} kind="country" />
          <Composition title="Company size (employees)" slices={data.composition.size} kind="size" />
        </SimpleGrid>
      )}
      <MembershipOverTime history={data.history} />
    </Stack>
  );
}

function Stat({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <Paper withBorder radius="lg" p="md" bg="white">
      <Text fz="xs" tt="uppercase" fw={700} c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} data-testid={testId}>
        {value}
      </Text>
      {hint !== undefined && (
        <Text fz="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

function Composition({ title, slices, kind }: { title: string; slices: readonly CompositionSlice[]; kind: 'industry' | 'country' | 'size' }) {
  const rows = slices.map((slice) => ({ label: sliceLabel(slice, kind), Accounts: slice.count }));
  const description = rows.map((row) => `${row.label} ${row.Accounts}`).join(', ');
  return (
    <Paper withBorder radius="lg" p="md" bg="white" component="section" aria-label={`Make-up by ${title.toLowerCase()}`}>
      <Title order={3} fz="h5" mb="sm">
        {title}
      </Title>
      <div role="img" aria-label={`${title}: ${description}`} data-testid={`insights-${kind}-chart`}>
        {kind === 'country' ? (
          <Group justify="center">
            <DonutChart data={rows.map((row, index) => ({ name: row.label, value: row.Accounts, color: DONUT_COLORS[index % DONUT_COLORS.length] ?? 'gray.6' }))} size={170} thickness={24} withTooltip />
          </Group>
        ) : (
          <BarChart
            h={Math.max(140, rows.length * 30)}
            data={rows}
            dataKey="label"
            orientation={kind === 'industry' ? 'vertical' : 'horizontal'}
            yAxisProps={kind === 'industry' ? { width: 110 } : {}}
            series={[{ name: 'Accounts', color: kind === 'industry' ? 'indigo.6' : 'teal.7' }]}
            valueFormatter={formatCount}
          />
        )}
      </div>
      <Text fz="xs" c="dimmed" mt="xs">
        {description}
      </Text>
    </Paper>
  );
}

function MembershipOverTime({ history }: { history: SegmentInsights['history'] }) {
  const hasMatchRate = history.some((point) => point.matchRatePercent !== null);
  return (
    <Paper withBorder radius="lg" p="md" bg="white" component="section" aria-label="Membership over time">
      <Title order={3} fz="h5" mb="sm">
        Membership over time
      </Title>
      {history.length < 2 ? (
        <Text fz="sm">The segment has been built {history.length === 1 ? 'once' : 'never'}; its accounts over time show here after its next refresh.</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: hasMatchRate ? 2 : 1 }} spacing="md">
          <div role="img" aria-label={`Accounts per refresh: ${history.map((point) => point.members).join(', ')}`} data-testid="insights-membership-chart">
            <AreaChart h={200} data={history.map((point) => ({ refreshed: formatDateTime(point.finishedAt), Accounts: point.members }))} dataKey="refreshed" series={[{ name: 'Accounts', color: 'indigo.6' }]} xAxisProps={{ tick: false }} valueFormatter={formatCount} />
          </div>
          {hasMatchRate && (
            <div role="img" aria-label={`Match rate per refresh: ${history.map((point) => `${point.matchRatePercent ?? 0}%`).join(', ')}`}>
              <AreaChart
                h={200}
                data={history.map((point) => ({ refreshed: formatDateTime(point.finishedAt), 'Match rate': point.matchRatePercent ?? 0 }))}
                dataKey="refreshed"
                series={[{ name: 'Match rate', color: 'teal.7' }]}
                yAxisProps={{ domain: [0, 100] }}
                xAxisProps={{ tick: false }}
                unit="%"
              />
            </div>
          )}
        </SimpleGrid>
      )}
    </Paper>
  );
}
