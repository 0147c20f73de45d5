import { Link } from 'react-router-dom';
import { Anchor, Badge, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { ActivationsPlusMenu } from './ActivationsPlusMenu';
import type { SegmentSummary } from '../../../../src/contracts/segments';
import { formatDateTime } from '../../components/formatDate';
import { describeActivations, describeSource, formatCount, segmentBadge } from './segmentDisplay';

/** The segment list: name and folder, source, accounts, status (with the source's error), activations, owner, refreshed. */
export function SegmentsTable({ segments }: { segments: readonly SegmentSummary[] }) {
  return (
    <Paper withBorder radius="lg" bg="white">
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label="Segments" verticalSpacing="sm" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Segment</Table.Th>
              <Table.Th>Source</Table.Th>
              <Table.Th ta="right">Accounts</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Activations</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Last refreshed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {segments.map((segment) => {
              const activations = describeActivations(segment.activations);
              const badge = (
                <Badge color={segmentBadge(segment).color} variant="light" styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }} data-testid="segment-status">
                  {segmentBadge(segment).label}
                </Badge>
              );
              return (
                <Table.Tr key={segment.id} data-testid={`segment-row-${segment.name}`}>
                  <Table.Td miw={200}>
                    <Anchor component={Link} to={`/segments/${segment.id}`} fw={600} fz="sm">
                      {segment.name}
                    </Anchor>
                    {segment.activations.publishedUses.includes('gtm') && (
                      <Badge size="xs" color="grape" variant="light" ml={6}>
                        GTM
                      </Badge>
                    )}
                    {segment.folder !== null && (
                      <Text fz="xs" c="dimmed">
                        in {segment.folder.name}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td maw={260}>
                    <Text fz="sm" lineClamp={2}>
                      {describeSource(segment.source)}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right" fw={600}>
                    {formatCount(segment.memberCount)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap', minWidth: 130 }}>
                    {segment.statusMessage === null ? (
                      badge
                    ) : (
                      <Tooltip label={segment.statusMessage} multiline w={320} withArrow>
                        {badge}
                      </Tooltip>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text fz="sm" c={activations === null ? 'dimmed' : 'inherit'}>
                        {activations ?? 'Not activated'}
                      </Text>
                      <ActivationsPlusMenu segment={segment} />
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{segment.owner?.name ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" c="dimmed">
                      {formatDateTime(segment.lastRefreshedAt, 'Never')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
