import { Link } from 'react-router-dom';
import { Button } from '@mantine/core';
import { IconChartPie, IconPlus } from '@tabler/icons-react';
import { useCan } from '../../auth/session';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';

export function SegmentsPage() {
  const canCreate = useCan('segment.create');
  return (
    <>
      <PageHeader
        title="Segments"
        description="Account lists built from CRM lists and reports, uploads and filters, refreshed daily."
        actions={
          canCreate && (
            <Button component={Link} to="/segments/new" leftSection={<IconPlus size={16} />}>
              Create segment
            </Button>
          )
        }
      />
      <EmptyPanel
        icon={IconChartPie}
        title="No segments yet"
        description={
          canCreate
            ? 'Create a segment from a Salesforce list or report, an uploaded account list, or filters over the company database.'
            : 'Segments your team creates will appear here.'
        }
      />
    </>
  );
}
