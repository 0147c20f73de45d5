import { ActionIcon, Badge, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { getUnreadCount, listInbox, markNotificationsRead } from '../../../src/contracts/notifications';
import type { InboxItem } from '../../../src/contracts/notifications';
import { SEVERITY_LABELS } from '../../../src/domain/notifications/types';
import { useApiMutation, useApiQuery } from '../api/hooks';
import { formatDateTime } from '../components/formatDate';

const SEVERITY_COLORS: Readonly<Record<InboxItem['severity'], string>> = { alert: 'red', recovery: 'green', info: 'indigo' };

/** The notification centre in the shell header: unread count on the bell, the latest notifications, mark read. */
export function NotificationBell() {
  const unread = useApiQuery(getUnreadCount, undefined, { refetchInterval: 60_000 });
  const inbox = useApiQuery(listInbox, { query: { page: 1, pageSize: 20 } }, { refetchInterval: 60_000 });
  const markRead = useApiMutation(markNotificationsRead, { invalidates: [getUnreadCount, listInbox] });
  const unreadCount = unread.data?.unreadCount ?? 0;
  const items = inbox.data?.items ?? [];

  return (
    <Popover width={380} position="bottom-end" shadow="md" withArrow>
      {/* The button is the target, not the indicator around it: aria-expanded belongs on the button. */}
      <Indicator label={unreadCount} size={18} disabled={unreadCount === 0} color="red" offset={4}>
        <Popover.Target>
          <ActionIcon variant="subtle" size="lg" aria-label={unreadCount === 0 ? 'Notifications' : `Notifications: ${unreadCount} unread`} data-testid="notification-bell">
            <IconBell size={22} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="md" py="sm">
          <Text fw={600}>Notifications</Text>
          <Button size="compact-xs" variant="subtle" disabled={unreadCount === 0} loading={markRead.isPending} onClick={() => markRead.mutate({ body: {} })}>
            Mark all read
          </Button>
        </Group>
        {items.length === 0 ? (
          <Text fz="sm" c="dimmed" px="md" pb="md">
            No notifications yet. Alerts about integrations, API limits, data synchronization and web visit data appear here.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420}>
            <Stack gap={0} role="list" aria-label="Notifications">
              {items.map((item) => (
                <UnstyledButton
                  key={item.eventId}
                  role="listitem"
                  px="md"
                  py="sm"
                  style={{ borderTop: '1px solid var(--mantine-color-gray-2)', background: item.readAt ? undefined : 'var(--mantine-color-indigo-0)' }}
                  onClick={() => item.readAt === null && markRead.mutate({ body: { eventIds: [item.eventId] } })}
                >
                  <Group gap="xs" wrap="nowrap" mb={4}>
                    <Badge size="xs" color={SEVERITY_COLORS[item.severity]} variant="light">
                      {SEVERITY_LABELS[item.severity]}
                    </Badge>
                    <Text fz="sm" fw={item.readAt ? 400 : 600}>
                      {item.title}
                    </Text>
                  </Group>
                  <Text fz="xs" c="dimmed" style={{ whiteSpace: 'pre-line' }} lineClamp={4}>
                    {item.body.split('\n\n').slice(1, 3).join('\n')}
                  </Text>
                  <Text fz="xs" c="dimmed" mt={4}>
                    {formatDateTime(item.createdAt)}
                    {item.readAt === null ? ' · unread' : ''}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
