import { Badge, Card, Group, SimpleGrid, Text, ThemeIcon } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconFileSpreadsheet, IconListDetails, IconReportAnalytics } from '@tabler/icons-react';
import { useCan } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { ApiError } from '../../../../src/contracts/request';

/** The segment sources of the specification; each card becomes a link when its flow exists. */
const SOURCES = [
  { title: 'Use a CRM Account List', description: 'A Salesforce Account List View or a Dynamics view.', icon: IconListDetails },
  { title: 'Use a CRM Report', description: 'A Salesforce Report of Accounts, Leads or Contacts.', icon: IconReportAnalytics },
  { title: 'Upload an account list', description: 'A CSV or XLSX file of up to 25,000 accounts.', icon: IconFileSpreadsheet },
  { title: 'Use filters', description: 'Company profile, CRM & MAP fields, and nested AND/OR groups.', icon: IconAdjustmentsHorizontal },
] as const;

export function CreateSegmentPage() {
  const canCreate = useCan('segment.create');
  if (!canCreate) {
    return <QueryError error={new ApiError(403, { code: 'forbidden', message: 'Your role cannot create segments.' })} />;
  }
  return (
    <>
      <PageHeader title="Create a Segment" description="Choose where the segment's accounts come from." />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {SOURCES.map((source) => (
          <Card key={source.title} withBorder radius="lg" padding="lg" aria-disabled>
            <Group justify="space-between" mb="sm">
              <ThemeIcon variant="light" size="lg" radius="md">
                <source.icon size={20} />
              </ThemeIcon>
              <Badge variant="light" color="gray">
                Not available yet
              </Badge>
            </Group>
            <Text fw={600}>{source.title}</Text>
            <Text fz="sm" c="dimmed">
              {source.description}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </>
  );
}
