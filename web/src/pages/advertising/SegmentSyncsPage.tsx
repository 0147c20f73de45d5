import { IconBroadcast } from '@tabler/icons-react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';

export function SegmentSyncsPage() {
  return (
    <>
      <PageHeader
        title="Segment Syncs"
        description="The status of every segment synced to Google, LinkedIn and Meta ad accounts across your organization."
      />
      <EmptyPanel icon={IconBroadcast} title="No segment syncs yet" description="Syncs appear here once a segment is activated on an ad channel." />
    </>
  );
}
