import { Code, CopyButton, Button, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { AreaChart } from '@mantine/charts';
import { getWebTagSettings } from '../../../../../src/contracts/webTag';
import { useApiQuery } from '../../../api/hooks';
import { useSession } from '../../../auth/session';
import { formatDateTime } from '../../../components/formatDate';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { IpRangeImport } from './IpRangeImport';

/** Settings > Web tag: the snippet to put on the site, and the tag's health that feeds the web-visit alerts. */
export function WebTagPage() {
  const { user } = useSession();
  const query = useApiQuery(getWebTagSettings, undefined, { refetchInterval: 30_000 });
  const isAdmin = user.role === 'primary_admin' || user.role === 'abm_admin';
  return (
    <>
      <PageHeader
        title="Web tag"
        description="Put the web tag on every page of your website: it records page visits (no visit is recorded when the browser sends Do Not Track or Global Privacy Control, or the visitor opted out)."
      />
      {query.isPending ? (
        <Loader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="lg">
          <Paper withBorder radius="lg" p="lg" bg="white" component="section" aria-label="Snippet">
            <Title order={2} fz="h4" mb="xs">
              Snippet
            </Title>
            <Text fz="sm" c="dimmed" mb="sm">
              Paste it into the &lt;head&gt; of every page. Visitors can opt out with <Code>openabm.optOut()</Code> (sets the openabm_optout cookie).
            </Text>
            <Code block data-testid="web-tag-snippet">
              {query.data.snippet}
            </Code>
            <Group justify="flex-end" mt="sm">
              <CopyButton value={query.data.snippet}>{({ copied, copy }) => <Button variant="light" onClick={copy}>{copied ? 'Copied' : 'Copy snippet'}</Button>}</CopyButton>
            </Group>
          </Paper>
          <Paper withBorder radius="lg" p="lg" bg="white" component="section" aria-label="Tag health">
            <Title order={2} fz="h4" mb="sm">
              Tag health
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="md" mb="md">
              <Stat label="Pages seen (last 7 days)" value={query.data.health.pagesSeenLast7Days} testId="pages-seen" />
              <Stat label="Visits (last 7 days)" value={query.data.health.visitsLast7Days} testId="visits-7d" />
              <Stat label="Visits per day" value={query.data.health.visitsPerDayLast7Days} testId="visits-per-day" />
              <Stat label="Last visit" value={formatDateTime(query.data.health.lastVisitAt)} testId="last-visit" />
            </SimpleGrid>
            {query.data.health.lastVisitAt === null ? (
              <Text fz="sm" c="dimmed" data-testid="web-tag-no-visits">
                No visit recorded yet. Paste the snippet into the pages of your website: a visit shows here a few seconds after someone opens a page
                that carries it (visits from browsers that send Do Not Track or Global Privacy Control, and from bots, are not recorded). The chart of
                the last 30 days appears with the first visit.
              </Text>
            ) : (
              <AreaChart
                h={220}
                data={query.data.health.last30Days}
                dataKey="day"
                series={[{ name: 'visits', label: 'Visits', color: 'indigo.6' }]}
                curveType="linear"
                withDots={false}
                yAxisProps={{ allowDecimals: false }}
                role="img"
                aria-label="Visits per day over the last 30 days"
              />
            )}
          </Paper>
          <IpRangeImport rangeCount={query.data.ipRangeCount} canImport={isAdmin} />
        </Stack>
      )}
    </>
  );
}

function Stat({ label, value, testId }: { label: string; value: string | number; testId: string }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="xl" fw={700} data-testid={testId}>
        {typeof value === 'number' ? value.toLocaleString('en') : value}
      </Text>
    </Stack>
  );
}
