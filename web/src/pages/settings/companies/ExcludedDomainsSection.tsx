import { useState } from 'react';
import { Alert, Button, Group, Stack, Switch, Text, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconWorldOff } from '@tabler/icons-react';
import { addExcludedDomains, getMatchSettings, listExcludedDomains, removeExcludedDomain, updateMatchSettings } from '../../../../../src/contracts/companies';
import { errorMessage } from '../../../api/client';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { useCan } from '../../../auth/session';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { EmptyPanel } from '../../../components/EmptyPanel';
import { PagedTable } from '../../../components/PagedTable';
import { QueryError } from '../../../components/QueryError';

/** The organisation's additions to the built-in exclusion list: domains that never identify a company. */
export function ExcludedDomainsSection() {
  const canManage = useCan('companies.manage');
  const query = useApiQuery(listExcludedDomains, undefined);
  const addMutation = useApiMutation(addExcludedDomains, { invalidates: [listExcludedDomains] });
  const removeMutation = useApiMutation(removeExcludedDomain, { invalidates: [listExcludedDomains] });
  const [draft, setDraft] = useState('');
  const [toRemove, setToRemove] = useState<string | null>(null);
  const entries = draft.split(/[\s,;]+/).filter((entry) => entry !== '');

  const closeRemove = () => {
    setToRemove(null);
    removeMutation.reset();
  };

  return (
    <section aria-labelledby="excluded-domains-title">
      <Stack gap={4} mb="md">
        <Title order={2} fz="h3" id="excluded-domains-title">
          Exclusion list
        </Title>
        <Text c="dimmed" fz="sm">
          Rows with these domains stay unmatched (&ldquo;The provided domain is on the exclusion list.&rdquo;).
          {query.isSuccess && ` ${query.data.builtInCount} domains (free e-mail, social networks, site builders) are excluded for everyone.`}
        </Text>
      </Stack>
      <NameFallbackSwitch canManage={canManage} />
      {canManage && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            addMutation.mutate(
              { body: { domains: entries } },
              {
                onSuccess: (result) => {
                  notifications.show({ color: 'green', message: `${result.added.length} ${result.added.length === 1 ? 'domain is' : 'domains are'} excluded.` });
                  setDraft('');
                },
              },
            );
          }}
        >
          <Stack gap="xs" mb="md">
            <Textarea label="Exclude domains" description="Websites, URLs or e-mail addresses, one per line" autosize minRows={2} value={draft} onChange={(event) => setDraft(event.currentTarget.value)} />
            {addMutation.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(addMutation.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" variant="light" disabled={entries.length === 0} loading={addMutation.isPending}>
                Exclude
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <PagedTable
        label="Excluded domains"
        columns={[
          { key: 'domain', header: 'Domain', cell: ({ domain }) => domain },
          canManage && {
            key: 'actions',
            header: <VisuallyHidden>Actions</VisuallyHidden>,
            cellProps: { ta: 'right' },
            cell: ({ domain }) => (
              <Button size="xs" variant="subtle" color="red" onClick={() => setToRemove(domain)} aria-label={`Remove ${domain} from the exclusion list`}>
                Remove
              </Button>
            ),
          },
        ]}
        query={query}
        rowKey={({ domain }) => domain}
        skeletonHeight={120}
        empty={<EmptyPanel icon={IconWorldOff} title="No domains of your own" description="Only the built-in list applies." />}
      />
      <ConfirmDialog
        isOpen={toRemove !== null}
        title="Remove excluded domain"
        confirmLabel="Remove domain"
        isDestructive
        isPending={removeMutation.isPending}
        error={removeMutation.error}
        onCancel={closeRemove}
        onConfirm={() => toRemove !== null && removeMutation.mutate({ params: { domain: toRemove } }, { onSuccess: closeRemove })}
      >
        {toRemove !== null && (
          <>
            Remove <b>{toRemove}</b> from the exclusion list? Rows with this domain can match a company again at the next refresh.
          </>
        )}
      </ConfirmDialog>
    </section>
  );
}

/** The organisation's setting: rows with an excluded domain (a personal e-mail address) matched on name and country. */
function NameFallbackSwitch({ canManage }: { canManage: boolean }) {
  const settings = useApiQuery(getMatchSettings, undefined);
  const update = useApiMutation(updateMatchSettings, { invalidates: [getMatchSettings] });
  if (!settings.isSuccess) return settings.isError ? <QueryError error={settings.error} onRetry={() => void settings.refetch()} /> : null;
  return (
    <Stack gap="xs" mb="md">
      <Switch
        label="Match rows with a personal e-mail domain on name and country"
        description="The domain counts for nothing and the row is matched when its name and country fit a company; the confirmation page counts these rows apart. Off: such rows stay unmatched because their domain is on the exclusion list. A company's own domain (github.com for GitHub) identifies it either way."
        checked={settings.data.nameFallbackOnExcludedDomain}
        disabled={!canManage || update.isPending}
        onChange={(event) => update.mutate({ body: { nameFallbackOnExcludedDomain: event.currentTarget.checked } })}
      />
      {update.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(update.error)}
        </Alert>
      )}
    </Stack>
  );
}
