import { Link } from 'react-router-dom';
import { Anchor, Badge, Group, SimpleGrid, Table, Text } from '@mantine/core';
import { BarChart, DonutChart } from '@mantine/charts';
import { FRESHNESS_BUCKETS, type FreshnessBucket, type HomeSummary } from '../../../../src/contracts/home';
import { formatDateTime } from '../../components/formatDate';
import { formatCount } from '../segments/segmentDisplay';
import { HomeSection } from './HomeSection';

const FRESHNESS_COLORS: Readonly<Record<FreshnessBucket, string>> = { day: 'teal.7', week: 'indigo.6', older: 'orange.7', never: 'gray.6' };
const FRESHNESS_BADGE_COLORS: Readonly<Record<FreshnessBucket, string>> = { day: 'teal', week: 'indigo', older: 'orange', never: 'gray' };
const FRESHNESS_SHORT: Readonly<Record<FreshnessBucket, string>> = { day: 'Today', week: 'This week', older: 'Older', never: 'Never built' };

/** The largest segments as bars coloured by freshness, the freshness of all segments as a donut, and the same as a table. */
export function SegmentsBySize({ summary }: { summary: HomeSummary }) {
  if (summary.segmentCount === 0) {
    return (
      <HomeSection title="Segments by size and freshness">
        <Text fz="sm">No segments yet. Build one and its size and freshness show here.</Text>
      </HomeSection>
    );
  }
  // One stacked series per freshness: each bar fills only its own, so its colour says how fresh it is.
  const bars = summary.largestSegments.map((segment) => ({
    segment: segment.name,
    ...Object.fromEntries(FRESHNESS_BUCKETS.map((bucket) => [FRESHNESS_SHORT[bucket], bucket === segment.freshness ? segment.memberCount : 0])),
  }));
  const usedBuckets = FRESHNESS_BUCKETS.filter((bucket) => summary.largestSegments.some((segment) => segment.freshness === bucket));
  const donut = summary.freshness.filter((bucket) => bucket.segmentCount > 0).map((bucket) => ({ name: FRESHNESS_SHORT[bucket.bucket], value: bucket.segmentCount, color: FRESHNESS_COLORS[bucket.bucket] }));
  return (
    <HomeSection title="Segments by size and freshness" description={`The ${summary.largestSegments.length} largest of your ${formatCount(summary.segmentCount)} segments, coloured by when they were last refreshed.`}>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
        <div style={{ gridColumn: 'span 2' }} data-testid="home-segments-chart" role="img" aria-label={`Bar chart of the largest segments by accounts: ${summary.largestSegments.map((segment) => `${segment.name} ${segment.memberCount}`).join(', ')}`}>
          <BarChart
            h={Math.max(160, bars.length * 36)}
            data={bars}
            dataKey="segment"
            orientation="vertical"
            type="stacked"
            yAxisProps={{ width: 140 }}
            series={usedBuckets.map((bucket) => ({ name: FRESHNESS_SHORT[bucket], color: FRESHNESS_COLORS[bucket] }))}
            withLegend
            valueFormatter={formatCount}
          />
        </div>
        <Group justify="center" data-testid="home-freshness-chart" role="img" aria-label={`Donut chart of segment freshness: ${summary.freshness.map((bucket) => `${bucket.label} ${bucket.segmentCount}`).join(', ')}`}>
          <DonutChart data={donut} withLabels withLabelsLine={false} chartLabel={`${formatCount(summary.segmentCount)} segments`} size={180} thickness={26} />
        </Group>
      </SimpleGrid>
      <Table mt="md" aria-label="Largest segments" fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Segment</Table.Th>
            <Table.Th ta="right">Accounts</Table.Th>
            <Table.Th>Freshness</Table.Th>
            <Table.Th>Last refreshed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {summary.largestSegments.map((segment) => (
            <Table.Tr key={segment.id}>
              <Table.Td>
                <Anchor component={Link} to={`/segments/${segment.id}`} fz="sm">
                  {segment.name}
                </Anchor>
              </Table.Td>
              <Table.Td ta="right">{formatCount(segment.memberCount)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={FRESHNESS_BADGE_COLORS[segment.freshness]}>
                  {FRESHNESS_SHORT[segment.freshness]}
                </Badge>
              </Table.Td>
              <Table.Td>{formatDateTime(segment.lastRefreshedAt, 'never')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </HomeSection>
  );
}
