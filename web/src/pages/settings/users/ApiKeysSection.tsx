import { useState } from 'react';
import { Badge, Button, Code, Group, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey } from '@tabler/icons-react';
import type { z } from 'zod';
import { ROLE_LABELS } from '../../../../../src/contracts/permissions';
import { listApiKeys, revokeApiKey } from '../../../../../src/contracts/users';
import type { apiKeySummary } from '../../../../../src/contracts/users';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyPanel } from '../../../components/EmptyPanel';
import { formatDateTime } from '../../../components/formatDate';
import { DateTimeCell, PagedTable } from '../../../components/PagedTable';
import { CreateApiKeyModal } from './CreateApiKeyModal';

type ApiKeySummary = z.infer<typeof apiKeySummary>;

export function ApiKeysSection() {
  const keysQuery = useApiQuery(listApiKeys, undefined);
  const revokeMutation = useApiMutation(revokeApiKey, { invalidates: [listApiKeys] });
  const [isCreateOpen, setCreateOpen] = useState(false);
  const [keyToRevoke, setKeyToRevoke] = useState<ApiKeySummary | null>(null);

  const closeRevoke = () => {
    setKeyToRevoke(null);
    revokeMutation.reset();
  };

  return (
    <section aria-labelledby="api-keys-title">
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={4}>
          <Title order={2} fz="h3" id="api-keys-title">
            API keys
          </Title>
          <Text c="dimmed" fz="sm">
            Keys for the openabm HTTP API. A key acts with the role it was given; its secret is shown only when it is created.
          </Text>
        </Stack>
        <Button variant="light" leftSection={<IconKey size={16} />} onClick={() => setCreateOpen(true)}>
          Create API key
        </Button>
      </Group>

      <PagedTable
        label="API keys"
        columns={[
          {
            key: 'name',
            header: 'Name',
            cell: (apiKey) => (
              <>
                <Text fz="sm" fw={600}>
                  {apiKey.name}
                </Text>
                <Text fz="xs" c="dimmed">
                  Created {formatDateTime(apiKey.createdAt)}
                </Text>
              </>
            ),
          },
          { key: 'key', header: 'Key', cell: (apiKey) => <Code>{apiKey.prefix}…</Code> },
          { key: 'role', header: 'Role', cell: (apiKey) => <Text fz="sm">{ROLE_LABELS[apiKey.role]}</Text> },
          {
            key: 'lastUsed',
            header: 'Last used',
            visibleFrom: 'md',
            cell: (apiKey) => <DateTimeCell value={apiKey.lastUsedAt} fallback="Never" />,
          },
          {
            key: 'actions',
            header: <VisuallyHidden>Actions</VisuallyHidden>,
            cellProps: { ta: 'right' },
            cell: (apiKey) =>
              apiKey.revokedAt === null ? (
                <Button size="xs" variant="subtle" color="red" onClick={() => setKeyToRevoke(apiKey)} aria-label={`Revoke API key ${apiKey.name}`}>
                  Revoke
                </Button>
              ) : (
                <Badge variant="light" color="gray">
                  Revoked
                </Badge>
              ),
          },
        ]}
        query={keysQuery}
        rowKey={(apiKey) => apiKey.id}
        rowTestId={(apiKey) => `api-key-row-${apiKey.name}`}
        skeletonHeight={120}
        empty={<EmptyPanel icon={IconKey} title="No API keys" description="Create a key to use the openabm API from scripts and other systems." />}
        minWidth={560}
      />

      <CreateApiKeyModal isOpen={isCreateOpen} onClose={() => setCreateOpen(false)} />
      <ConfirmDialog
        isOpen={keyToRevoke !== null}
        title="Revoke API key"
        confirmLabel="Revoke key"
        isDestructive
        isPending={revokeMutation.isPending}
        error={revokeMutation.error}
        onCancel={closeRevoke}
        onConfirm={() =>
          keyToRevoke !== null &&
          revokeMutation.mutate(
            { params: { apiKeyId: keyToRevoke.id } },
            {
              onSuccess: () => {
                notifications.show({ color: 'green', message: `API key “${keyToRevoke.name}” is revoked.` });
                closeRevoke();
              },
            },
          )
        }
      >
        {keyToRevoke !== null && (
          <>
            Revoke <b>{keyToRevoke.name}</b> ({keyToRevoke.prefix}…)? Every system using it loses access at once. This cannot be undone.
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}
