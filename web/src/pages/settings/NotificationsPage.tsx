import { Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { getNotificationSettings } from '../../../../src/contracts/notifications';
import { CATEGORY_LABELS, NOTIFICATION_CATEGORIES } from '../../../../src/domain/notifications/types';
import type { NotificationCategory } from '../../../../src/domain/notifications/types';
import { useApiQuery } from '../../api/hooks';
import { useSession } from '../../auth/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { RecipientsCard } from './notifications/RecipientsCard';
import { ThresholdsCard } from './notifications/ThresholdsCard';

const DESCRIPTIONS: Readonly<Record<NotificationCategory, string>> = {
  credential_expiration: 'CRM systems or MAP credentials about to expire or expired, and when expired credentials have been updated.',
  crm_connection: 'A CRM or MAP connection stops working, and when it works again.',
  api_limits: 'The daily API limit of an integration has been reached: synchronization stops until it resets.',
  web_visit_data: 'Web visit data seen by the web tag drops significantly, or fewer than five web pages were tracked in the last week.',
  privacy_opt_out: 'The weekly privacy reminder is sent every Tuesday. Only the primary administrator manages these recipients.',
  data_sync: 'The daily data synchronization is delayed, and when it completes.',
  ad_sync: 'A segment sync to an advertising channel failed, and when it synced again.',
  publishing_enrichment: 'Publishing segment names or enrichment into a CRM or MAP failed.',
};

export function NotificationsPage() {
  const { user } = useSession();
  const query = useApiQuery(getNotificationSettings, undefined);
  const canManage = user.role === 'primary_admin' || user.role === 'abm_admin';
  return (
    <>
      <PageHeader
        title="Notifications"
        description="System notifications are e-mailed when issues arise with integrations, API limits, web visit data or data synchronization, and when they are resolved."
      />
      {query.isPending ? (
        <Loader />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <Stack gap="lg">
          <Paper withBorder radius="lg" p="lg" bg="white" component="section" aria-label="System Notifications">
            <Title order={2} fz="h4">
              System Notifications
            </Title>
            <Text fz="sm" c="dimmed">
              Your primary administrator automatically receives all notification e-mails: {query.data.primaryAdmins.join(', ') || '—'}.
            </Text>
          </Paper>
          {NOTIFICATION_CATEGORIES.map((category) => (
            <RecipientsCard
              key={category}
              category={category}
              label={CATEGORY_LABELS[category]}
              description={DESCRIPTIONS[category]}
              recipients={query.data.recipients.filter((recipient) => recipient.category === category)}
              canManage={category === 'privacy_opt_out' ? query.data.canManagePrivacyRecipients : canManage}
            />
          ))}
          <ThresholdsCard thresholds={query.data.thresholds} canManage={canManage} />
        </Stack>
      )}
    </>
  );
}
