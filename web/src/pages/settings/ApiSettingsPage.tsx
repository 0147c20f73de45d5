import { Alert, Anchor, Badge, Group, Paper, Radio, Skeleton, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconApi, IconLock } from '@tabler/icons-react';
import { Link } from 'react-router-dom';
import { getSegmentsApiSettings, listApiSegments, saveSegmentsApiSettings } from '../../../../src/contracts/segmentsApi';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { useCan } from '../../auth/session';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { ApiKeysSection } from './users/ApiKeysSection';

type Scope = 'published' | 'all_active';

const SCOPE_LABELS: Record<Scope, string> = { published: 'Published segments', all_active: 'All active segments' };

/**
 * Settings > API: whether API keys read segments and which ones, what the Segments API serves now, its rate limit,
 * and the organisation's API keys. Administrators edit; everyone else sees the settings read-only.
 */
export function ApiSettingsPage() {
  const canManage = useCan('apiKeys.manage');
  const settings = useApiQuery(getSegmentsApiSettings, undefined);
  const isEnabled = settings.data?.isEnabled === true;
  const segments = useApiQuery(listApiSegments, undefined, { enabled: isEnabled });
  const save = useApiMutation(saveSegmentsApiSettings, { invalidates: [getSegmentsApiSettings, listApiSegments] });

  const change = (next: { isEnabled: boolean; scope: Scope }) =>
    save.mutate(
      { body: next },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: saved.isEnabled ? `API keys now read ${SCOPE_LABELS[saved.scope].toLowerCase()}.` : 'Segments are turned off for the API.' });
        },
      },
    );

  return (
    <Stack gap="xl">
      <div>
        <PageHeader
          title="API"
          description={
            <>
              Systems outside openabm read segments and their accounts through the Segments API with an API key (
              <Anchor href="/api/docs" target="_blank">
                API reference
              </Anchor>
              ).
            </>
          }
        />
        {settings.isPending ? (
          <Skeleton height={160} radius="lg" />
        ) : settings.isError ? (
          <QueryError error={settings.error} onRetry={() => void settings.refetch()} />
        ) : (
          <Paper withBorder radius="lg" p="lg" bg="white">
            <Stack gap="md">
              {!canManage && (
                <Alert icon={<IconLock size={16} />} color="gray" variant="light">
                  Only administrators can change the API settings and manage API keys.
                </Alert>
              )}
              <Switch
                label="Segments"
                description="Let API keys read segments, their accounts and membership changes."
                checked={settings.data.isEnabled}
                disabled={!canManage || save.isPending}
                onChange={(event) => change({ isEnabled: event.currentTarget.checked, scope: settings.data.scope })}
              />
              <Radio.Group
                label="Segments the API serves"
                value={settings.data.scope}
                onChange={(value) => change({ isEnabled: settings.data.isEnabled, scope: value as Scope })}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="published" label={SCOPE_LABELS.published} description="Only segments published to the API use (Settings > Published Segments)." disabled={!canManage || !settings.data.isEnabled || save.isPending} />
                  <Radio value="all_active" label={SCOPE_LABELS.all_active} description="Every segment that is ready, published or not." disabled={!canManage || !settings.data.isEnabled || save.isPending} />
                </Stack>
              </Radio.Group>
              {save.error && (
                <Alert color="red" variant="light">
                  {save.error.message}
                </Alert>
              )}
              <Text fz="sm" c="dimmed" data-testid="api-rate-limit">
                Rate limit: {settings.data.requestsPerMinute} requests a minute per API key. Over that the API answers 429 with a Retry-After header (seconds to wait).
              </Text>
            </Stack>
          </Paper>
        )}
      </div>

      {settings.data && (
        <section aria-labelledby="api-segments-title">
          <Group justify="space-between" mb="md">
            <Title order={2} fz="h3" id="api-segments-title">
              Segments available to the API
            </Title>
            {isEnabled && <Badge variant="light">{SCOPE_LABELS[settings.data.scope]}</Badge>}
          </Group>
          {!isEnabled ? (
            <EmptyPanel icon={IconApi} title="Segments are off for the API" description="API keys cannot read segments until an administrator turns Segments on above." />
          ) : segments.isPending ? (
            <Skeleton height={120} radius="lg" />
          ) : segments.isError ? (
            <QueryError error={segments.error} onRetry={() => void segments.refetch()} />
          ) : segments.data.segments.length === 0 ? (
            <EmptyPanel
              icon={IconApi}
              title={settings.data.scope === 'published' ? 'No segments published to the API' : 'No active segments'}
              description={
                settings.data.scope === 'published' ? (
                  <>
                    Publish segments to the API use in <Anchor component={Link} to="/settings/published-segments">Settings &gt; Published Segments</Anchor>.
                  </>
                ) : (
                  'Segments appear here once they are ready.'
                )
              }
            />
          ) : (
            <Paper withBorder radius="lg" bg="white">
              <Table aria-label="Segments available to the API">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Segment</Table.Th>
                    <Table.Th>Segment id</Table.Th>
                    <Table.Th ta="right">Accounts</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {segments.data.segments.map((segment) => (
                    <Table.Tr key={segment.id} data-testid={`api-segment-${segment.name}`}>
                      <Table.Td>
                        <Text fz="sm" fw={600}>
                          {segment.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="xs" ff="monospace">
                          {segment.id}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">{segment.accountCount.toLocaleString('en-US')}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          )}
        </section>
      )}

      {canManage && <ApiKeysSection />}
    </Stack>
  );
}
