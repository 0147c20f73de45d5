import { useState } from 'react';
import type { FormEvent } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Paper, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { addRecipients, getNotificationSettings, removeRecipient } from '../../../../../src/contracts/notifications';
import type { RecipientSummary } from '../../../../../src/contracts/notifications';
import type { NotificationCategory } from '../../../../../src/domain/notifications/types';
import { errorMessage } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';
import { ConfirmDialog } from '../../../components/ConfirmDialog';

/** One notification type: who receives it besides the primary administrator, and "Add Email". */
export function RecipientsCard({
  category,
  label,
  description,
  recipients,
  canManage,
}: {
  category: NotificationCategory;
  label: string;
  description: string;
  recipients: readonly RecipientSummary[];
  canManage: boolean;
}) {
  const [emails, setEmails] = useState('');
  const [toRemove, setToRemove] = useState<RecipientSummary | undefined>();
  const add = useApiMutation(addRecipients, { invalidates: [getNotificationSettings] });
  const remove = useApiMutation(removeRecipient, { invalidates: [getNotificationSettings] });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate({ body: { category, emails } }, { onSuccess: () => setEmails('') });
  };

  return (
    <Paper withBorder radius="lg" p="lg" bg="white" component="section" aria-label={label}>
      <Title order={2} fz="h4">
        {label}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {description}
      </Text>
      {canManage && (
        <form onSubmit={submit} noValidate>
          <Group align="flex-end" gap="sm" mb="sm">
            <TextInput
              style={{ flex: 1 }}
              label="Enter emails or distribution lists"
              description="Several at once, comma-separated. Distribution lists must accept external mail."
              value={emails}
              onChange={(event) => setEmails(event.currentTarget.value)}
            />
            <Button type="submit" loading={add.isPending} disabled={emails.trim() === ''}>
              Add Email
            </Button>
          </Group>
        </form>
      )}
      {add.isError && (
        <Alert color="red" variant="light" role="alert" mb="sm">
          {errorMessage(add.error)}
        </Alert>
      )}
      {add.data && add.data.added.some((recipient) => recipient.status === 'awaiting_confirmation') && (
        <Text fz="sm" mb="sm" role="status" data-testid="confirmation-sent">
          A confirmation link was sent to {add.data.added.filter((recipient) => recipient.status === 'awaiting_confirmation').map((recipient) => recipient.email).join(', ')}: notifications
          go there once the link is opened and confirmed. Users of your organisation receive them at once.
        </Text>
      )}
      {add.data && add.data.alreadyListed.length > 0 && (
        <Text fz="sm" c="dimmed" mb="sm">
          Already listed: {add.data.alreadyListed.join(', ')}
        </Text>
      )}
      <Text fz="sm" fw={600} mb={4}>
        Recipients
      </Text>
      {recipients.length === 0 ? (
        <Text fz="sm" c="dimmed">
          Only the primary administrator.
        </Text>
      ) : (
        <Stack gap={4} role="list" aria-label={`${label} recipients`}>
          {recipients.map((recipient) => (
            <Group key={recipient.id} gap="xs" role="listitem">
              <Text fz="sm">{recipient.email}</Text>
              {recipient.status === 'awaiting_confirmation' && (
                <Badge size="xs" color="yellow" variant="light">
                  Awaiting confirmation
                </Badge>
              )}
              {canManage && (
                <Tooltip label="Remove">
                  <ActionIcon variant="subtle" color="red" size="sm" aria-label={`Remove ${recipient.email}`} onClick={() => setToRemove(recipient)}>
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              )}
            </Group>
          ))}
        </Stack>
      )}
      <ConfirmDialog
        isOpen={toRemove !== undefined}
        title="Remove recipient"
        confirmLabel="Remove"
        isDestructive
        isPending={remove.isPending}
        error={remove.error}
        onCancel={() => setToRemove(undefined)}
        onConfirm={() => toRemove && remove.mutate({ params: { recipientId: toRemove.id } }, { onSuccess: () => setToRemove(undefined) })}
      >
        {toRemove ? `${toRemove.email} will no longer receive ${label.toLowerCase()} notifications.` : ''}
      </ConfirmDialog>
    </Paper>
  );
}
