import { LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import type { HomeSummary } from '../../../../src/contracts/home';
import { formatDateTime } from '../../components/formatDate';
import { HomeSection } from './HomeSection';

/** How many of the records read matched a company, over the last refreshes of segments built from records. */
export function MatchRateChart({ points }: { points: HomeSummary['matchRates'] }) {
  const average = points.length === 0 ? null : Math.round((points.reduce((sum, point) => sum + point.matchRatePercent, 0) / points.length) * 10) / 10;
  return (
    <HomeSection
      title="Match rate over the last refreshes"
      description={average === null ? undefined : `Records matched to a company, per refresh of a CRM list, report or uploaded list: ${average}% on average over the last ${points.length}.`}
    >
      {points.length === 0 ? (
        <Text fz="sm">No refresh has read records yet: segments from a CRM list, report or uploaded file show their match rate here.</Text>
      ) : (
        <div data-testid="home-match-rate-chart" role="img" aria-label={`Line chart of match rates: ${points.map((point) => `${point.segmentName} ${point.matchRatePercent}%`).join(', ')}`}>
          <LineChart
            h={220}
            data={points.map((point) => ({ refresh: `${point.segmentName} · ${formatDateTime(point.finishedAt)}`, 'Match rate': point.matchRatePercent }))}
            dataKey="refresh"
            series={[{ name: 'Match rate', color: 'indigo.6' }]}
            yAxisProps={{ domain: [0, 100] }}
            xAxisProps={{ tick: false }}
            unit="%"
            curveType="monotone"
          />
        </div>
      )}
    </HomeSection>
  );
}
