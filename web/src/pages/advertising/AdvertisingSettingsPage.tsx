import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button, Card, Group, Loader, Progress, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeSyncLimitRule, getAdvertisingOverview, getSyncSettings, updateSyncSettings } from '../../../../src/contracts/syncs';
import type { SyncSettingsBody } from '../../../../src/contracts/syncs';
import type { ContractOutput } from '../../../../src/contracts/request';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDateTime } from '../../components/formatDate';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';

type Consent = SyncSettingsBody['googleAdUserDataConsent'];
type SavedSettings = ContractOutput<typeof getSyncSettings>;

const MAX_LIMIT = 100_000;
const CONSENT_OPTIONS = [
  { value: 'DENIED', label: 'Not granted' },
  { value: 'GRANTED', label: 'Granted' },
];

/** Empty = no limit; otherwise a whole number 0–100,000. Returns the number or the sentence that says what is wrong. */
function parseSyncLimit(text: string): { limit: number | null } | { error: string } {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return { limit: null };
  if (!/^\d+$/.test(trimmed)) return { error: 'Enter a whole number of syncs from 0 to 100,000, or leave the field empty for no limit.' };
  const limit = Number(trimmed);
  if (limit > MAX_LIMIT) return { error: 'The contracted sync limit can be at most 100,000.' };
  return { limit };
}

/** Settings > Advertising: the organisation's contracted sync limit (with usage) and the consent declared to Google. */
export function AdvertisingSettingsPage() {
  const query = useApiQuery(getSyncSettings, undefined);
  return (
    <>
      <PageHeader
        title="Advertising settings"
        description="The organisation's contracted segment sync limit and the consent openabm declares to Google with every customer-list upload."
      />
      {query.isPending ? <Loader /> : query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : <SettingsForm key={query.data.updatedAt ?? 'new'} saved={query.data} />}
    </>
  );
}

function SettingsForm({ saved }: { saved: SavedSettings }) {
  const save = useApiMutation(updateSyncSettings, { invalidates: [getSyncSettings, getAdvertisingOverview] });
  const [limitText, setLimitText] = useState(saved.contractedSyncLimit === null ? '' : String(saved.contractedSyncLimit));
  const [userDataConsent, setUserDataConsent] = useState<Consent>(saved.googleAdUserDataConsent);
  const [personalizationConsent, setPersonalizationConsent] = useState<Consent>(saved.googleAdPersonalizationConsent);
  const [isConfirming, setConfirming] = useState(false);
  const parsed = parseSyncLimit(limitText);
  const limitError = 'error' in parsed ? parsed.error : undefined;
  const next = 'limit' in parsed ? { contractedSyncLimit: parsed.limit, googleAdUserDataConsent: userDataConsent, googleAdPersonalizationConsent: personalizationConsent } : undefined;
  const isChanged =
    next !== undefined &&
    (next.contractedSyncLimit !== saved.contractedSyncLimit || next.googleAdUserDataConsent !== saved.googleAdUserDataConsent || next.googleAdPersonalizationConsent !== saved.googleAdPersonalizationConsent);
  const usedShare = saved.contractedSyncLimit ? Math.min(100, (saved.usedCount / saved.contractedSyncLimit) * 100) : 0;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!next || !isChanged) return;
    save.reset();
    setConfirming(true);
  };
  const confirm = () =>
    next &&
    save.mutate(
      { body: next },
      {
        onSuccess: () => {
          setConfirming(false);
          notifications.show({ color: 'green', message: 'Advertising settings saved.' });
        },
      },
    );

  return (
    <form onSubmit={submit} noValidate aria-label="Advertising settings">
      <Stack gap="lg" maw={760}>
        {!saved.canEdit && (
          <Alert color="blue" variant="light">
            Only a Primary Administrator or ABM Administrator can change these settings.
          </Alert>
        )}
        <Card withBorder padding="lg" component="section" aria-label="Contracted sync limit">
          <Title order={2} fz="h4" mb="xs">
            Contracted sync limit
          </Title>
          <Text fz="sm" data-testid="sync-usage">
            {saved.contractedSyncLimit === null
              ? `${saved.usedCount} segment syncs turned on; no limit set.`
              : `${saved.usedCount} of ${saved.contractedSyncLimit} contracted segment syncs turned on.`}
          </Text>
          {saved.contractedSyncLimit !== null && (
            <Progress
              mt="xs"
              value={usedShare}
              color={saved.usedCount >= saved.contractedSyncLimit ? 'red' : saved.warningFromCount !== null && saved.usedCount >= saved.warningFromCount ? 'yellow' : 'blue'}
              aria-label="Contracted syncs used"
            />
          )}
          <TextInput
            mt="md"
            label="Contracted segment syncs"
            description="The maximum number of syncs turned on at once, as agreed in your contract. Leave empty for no limit."
            inputMode="numeric"
            value={limitText}
            onChange={(event) => setLimitText(event.currentTarget.value)}
            error={limitError}
            disabled={!saved.canEdit}
            maw={260}
          />
          <Text fz="sm" mt="sm" data-testid="limit-rule">
            {limitError === undefined && 'limit' in parsed ? describeSyncLimitRule(parsed.limit) : saved.limitRule}
          </Text>
        </Card>
        <Card withBorder padding="lg" component="section" aria-label="Google consent">
          <Title order={2} fz="h4" mb="xs">
            Consent declared to Google
          </Title>
          <Text fz="sm" mb="md">
            Google requires every customer-list upload to declare whether the people in it consented to the use of their data for ads and to ad personalisation. While
            either is not granted, Google syncs are refused with this reason; LinkedIn and Meta are not affected. Grant them only once your organisation has collected
            that consent.
          </Text>
          <Group grow align="flex-start">
            <Select
              label="Ad user data"
              data={CONSENT_OPTIONS}
              value={userDataConsent}
              onChange={(value) => value && setUserDataConsent(value as Consent)}
              allowDeselect={false}
              disabled={!saved.canEdit}
            />
            <Select
              label="Ad personalisation"
              data={CONSENT_OPTIONS}
              value={personalizationConsent}
              onChange={(value) => value && setPersonalizationConsent(value as Consent)}
              allowDeselect={false}
              disabled={!saved.canEdit}
            />
          </Group>
        </Card>
        {saved.canEdit && (
          <Group justify="space-between">
            <Text fz="xs" c="dimmed">
              {saved.updatedAt ? `Last saved ${formatDateTime(saved.updatedAt)}` : 'Not saved yet: defaults apply (no limit, consent not granted).'}
            </Text>
            <Button type="submit" disabled={!isChanged}>
              Save settings
            </Button>
          </Group>
        )}
      </Stack>
      <ConfirmDialog
        isOpen={isConfirming}
        title="Save advertising settings?"
        confirmLabel="Save settings"
        isPending={save.isPending}
        error={save.error}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        {next && <ChangeSummary saved={saved} next={next} />}
      </ConfirmDialog>
    </form>
  );
}

/** What the save changes, in sentences, so the admin confirms the consequences rather than the numbers. */
function ChangeSummary({ saved, next }: { saved: SavedSettings; next: SyncSettingsBody }) {
  const lines: string[] = [];
  if (next.contractedSyncLimit !== saved.contractedSyncLimit) {
    lines.push(
      next.contractedSyncLimit === null
        ? 'The contracted sync limit is removed: Create Sync will neither warn nor refuse.'
        : `The contracted sync limit becomes ${next.contractedSyncLimit}. ${describeSyncLimitRule(next.contractedSyncLimit)}`,
    );
    if (next.contractedSyncLimit !== null && saved.usedCount >= next.contractedSyncLimit) {
      lines.push(
        `${saved.usedCount} syncs are turned on now: none is turned off, but no new sync can be created or turned on until fewer than ${next.contractedSyncLimit} are on.`,
      );
    }
  }
  const isGranted = next.googleAdUserDataConsent === 'GRANTED' && next.googleAdPersonalizationConsent === 'GRANTED';
  const wasGranted = saved.googleAdUserDataConsent === 'GRANTED' && saved.googleAdPersonalizationConsent === 'GRANTED';
  if (isGranted && !wasGranted) lines.push('You declare to Google that the people your Google syncs send consented to ad use of their data and to ad personalisation.');
  if (!isGranted && wasGranted) lines.push('Google syncs will fail at their next run with "Consent for Google not granted" until consent is granted again.');
  if (lines.length === 0) lines.push('The Google consent values change.');
  return (
    <>
      {lines.map((line) => (
        <span key={line} style={{ display: 'block', marginBottom: 8 }}>
          {line}
        </span>
      ))}
    </>
  );
}
