import { IconStack2 } from '@tabler/icons-react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';

export function PublishedSegmentsPage() {
  return (
    <>
      <PageHeader
        title="Published Segments"
        description="Segments published to your CRM and marketing automation platforms. Up to 200 segments can be published at any given time."
      />
      <EmptyPanel icon={IconStack2} title="No published segments" description="Published segments and where they are used will appear here." />
    </>
  );
}
