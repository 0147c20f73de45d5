import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, PasswordInput, Radio, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import type { z } from 'zod';
import { listMapConnections, startMapConnection } from '../../../../../src/contracts/mapIntegrations';
import type { mapProviderOption, StartMapConnectionInput } from '../../../../../src/contracts/mapIntegrations';
import { errorMessage } from '../../../api/client';
import { useApiMutation } from '../../../api/hooks';

type ProviderOption = z.infer<typeof mapProviderOption>;
type Field = ProviderOption['fields'][number];
type AuthKind = ProviderOption['authKinds'][number];

const FIELD_LABELS: Readonly<Record<Field, { label: string; placeholder?: string; isSecret?: boolean }>> = {
  clientId: { label: 'Client id' },
  clientSecret: { label: 'Client secret', isSecret: true },
  instanceUrl: { label: 'REST endpoint URL', placeholder: 'https://123-ABC-456.mktorest.com' },
  munchkinId: { label: 'Munchkin id', placeholder: '123-ABC-456' },
  businessUnitId: { label: 'Business unit id', placeholder: '0Uv…' },
  siteName: { label: 'Company (site) name' },
  userName: { label: 'User name' },
  password: { label: 'Password', isSecret: true },
};

/** Which inputs each auth kind uses (the others are hidden). */
const FIELDS_BY_AUTH: Readonly<Record<AuthKind, readonly Field[]>> = {
  oauth_code: ['clientId', 'clientSecret', 'businessUnitId'],
  client_credentials: ['clientId', 'clientSecret', 'munchkinId', 'instanceUrl'],
  basic: ['siteName', 'userName', 'password'],
};

const AUTH_LABELS: Readonly<Record<AuthKind, string>> = { oauth_code: 'OAuth', client_credentials: 'Client credentials', basic: 'Basic auth' };

const POLICY_OPTIONS = [
  { value: 'never_expire', label: 'Never Expire' },
  { value: 'expire_every_90_days', label: 'Expire every 90 days' },
];

/**
 * Connect (or reconnect) a marketing-automation system. "Sandbox (emulator)" needs no input. OAuth sends the browser to
 * the provider's consent page (it comes back to this page); Marketo and Eloqua Basic auth connect at once.
 */
export function ConnectMapModal({ provider, onClose }: { provider: ProviderOption | null; onClose: () => void }) {
  return (
    <Modal opened={provider !== null} onClose={onClose} title={provider === null ? '' : `Connect ${provider.displayName}`} centered size="lg">
      {provider !== null && <ConnectForm key={provider.provider} provider={provider} onClose={onClose} />}
    </Modal>
  );
}

function ConnectForm({ provider, onClose }: { provider: ProviderOption; onClose: () => void }) {
  const mutation = useApiMutation(startMapConnection, { invalidates: [listMapConnections] });
  const [environment, setEnvironment] = useState(provider.environments[0]?.environment ?? 'production');
  const [authKind, setAuthKind] = useState<AuthKind>(provider.authKinds[0] ?? 'oauth_code');
  const [values, setValues] = useState<Partial<Record<Field, string>>>({});
  const [credentialPolicy, setCredentialPolicy] = useState('never_expire');
  const [allowance, setAllowance] = useState<number | string>(provider.defaultDailyApiAllowance);
  const isEmulator = environment === 'emulator';
  const fields = provider.fields.filter((field) => FIELDS_BY_AUTH[authKind].includes(field));

  const submit = () => {
    const typed = Object.fromEntries(Object.entries(values).filter(([field, value]) => value.trim() !== '' && fields.includes(field as Field)));
    const body: StartMapConnectionInput = {
      environment,
      authKind,
      credentialPolicy: credentialPolicy as StartMapConnectionInput['credentialPolicy'],
      ...(isEmulator ? {} : typed),
      ...(typeof allowance === 'number' ? { dailyApiAllowance: allowance } : {}),
    };
    mutation.mutate(
      { params: { provider: provider.provider }, body },
      {
        onSuccess: ({ authorizationUrl }) => {
          if (authorizationUrl !== null) {
            window.location.assign(authorizationUrl);
            return;
          }
          notifications.show({ color: 'green', message: `${provider.displayName} is connected.` });
          onClose();
        },
      },
    );
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        <Radio.Group label="Connect to" value={environment} onChange={(value) => setEnvironment(value as typeof environment)} name="environment">
          <Stack gap={8} mt={6}>
            {provider.environments.map((option) => (
              <Radio key={option.environment} value={option.environment} label={option.label} />
            ))}
          </Stack>
        </Radio.Group>
        {provider.authKinds.length > 1 && (
          <SegmentedControl value={authKind} onChange={(value) => setAuthKind(value as AuthKind)} data={provider.authKinds.map((kind) => ({ value: kind, label: AUTH_LABELS[kind] }))} />
        )}
        {isEmulator ? (
          <Alert variant="light" icon={<IconInfoCircle size={18} />}>
            The sandbox emulator comes with its own credentials: nothing to enter.
          </Alert>
        ) : (
          fields.map((field) =>
            FIELD_LABELS[field].isSecret === true ? (
              <PasswordInput key={field} label={FIELD_LABELS[field].label} required value={values[field] ?? ''} onChange={(event) => setValues({ ...values, [field]: event.currentTarget.value })} />
            ) : (
              <TextInput
                key={field}
                label={FIELD_LABELS[field].label}
                placeholder={FIELD_LABELS[field].placeholder}
                required
                value={values[field] ?? ''}
                onChange={(event) => setValues({ ...values, [field]: event.currentTarget.value })}
              />
            ),
          )
        )}
        {authKind === 'basic' && (
          <Select label="Password policy" description="With “Expire every 90 days”, openabm warns before the password expires." data={POLICY_OPTIONS} value={credentialPolicy} onChange={(value) => setCredentialPolicy(value ?? 'never_expire')} allowDeselect={false} />
        )}
        <NumberInput label="Daily API allowance" description="Calls openabm may make per day (UTC)." min={0} max={10_000_000} thousandSeparator="," value={allowance} onChange={setAllowance} />
        <Text fz="xs" c="dimmed">
          Secrets are stored encrypted and never shown again.
        </Text>
        {mutation.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {authKind === 'oauth_code' ? `Continue to ${provider.displayName}` : 'Connect'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
