import { IconBell } from '@tabler/icons-react';
import { EmptyPanel } from '../../components/EmptyPanel';
import { PageHeader } from '../../components/PageHeader';

export function NotificationsPage() {
  return (
    <>
      <PageHeader
        title="Notifications"
        description="System notifications are e-mailed when issues arise with integrations, API limits or data synchronization, and when they are resolved."
      />
      <EmptyPanel
        icon={IconBell}
        title="No additional recipients"
        description="Your primary administrator automatically receives all notification e-mails."
      />
    </>
  );
}
