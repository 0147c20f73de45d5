import { useState } from 'react';
import { Alert, Button, Group, Modal, NumberInput, PasswordInput, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconExternalLink, IconInfoCircle } from '@tabler/icons-react';
import type { z } from 'zod';
import { startCrmConnection } from '../../../../src/contracts/integrations';
import type { CrmConnectionSummary, crmProviderOption } from '../../../../src/contracts/integrations';
import { errorMessage } from '../../api/client';
import { useApiMutation } from '../../api/hooks';

type ProviderOption = z.infer<typeof crmProviderOption>;
type Environment = ProviderOption['loginOptions'][number]['environment'];

/** What a custom login is called in each CRM's own words. */
const CUSTOM_LOGIN_WORDS: Readonly<Record<ProviderOption['provider'], string>> = {
  salesforce: 'Your My Domain login URL',
  dynamics: 'Your Microsoft Entra ID sign-in authority (tenant)',
};

const POLICY_OPTIONS = [
  { value: 'never_expire', label: 'Never Expire' },
  { value: 'expire_every_90_days', label: 'Expire every 90 days' },
];

/**
 * Connect (or reconnect) a CRM: where to log in, the connected app's credentials, the credential policy and the daily
 * API allowance. On success the browser goes to the provider's consent page, which comes back to this page.
 */
export function ConnectCrmModal({ provider, existing, onClose }: { provider: ProviderOption | null; existing: CrmConnectionSummary | undefined; onClose: () => void }) {
  return (
    <Modal opened={provider !== null} onClose={onClose} title={provider === null ? '' : `Connect ${provider.displayName}`} centered size="lg">
      {provider !== null && <ConnectForm key={provider.provider} provider={provider} existing={existing} onClose={onClose} />}
    </Modal>
  );
}

function ConnectForm({ provider, existing, onClose }: { provider: ProviderOption; existing: CrmConnectionSummary | undefined; onClose: () => void }) {
  const mutation = useApiMutation(startCrmConnection);
  const firstOption = provider.loginOptions[0];
  const [environment, setEnvironment] = useState<Environment>(existing?.environment ?? firstOption?.environment ?? 'production');
  const [loginUrl, setLoginUrl] = useState(existing?.environment === 'custom' ? existing.loginUrl : '');
  const emulatorUrl = provider.loginOptions.find((option) => option.environment === 'emulator')?.loginUrl ?? '';
  const [resourceUrl, setResourceUrl] = useState(existing?.instanceUrl ?? (environment === 'emulator' ? emulatorUrl : ''));
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [credentialPolicy, setCredentialPolicy] = useState<string>(existing?.credentialPolicy ?? 'never_expire');
  const [allowance, setAllowance] = useState<number | string>(existing?.dailyApiAllowance ?? '');
  const selected = provider.loginOptions.find((option) => option.environment === environment);
  const hasBuiltInClient = selected?.hasBuiltInClient === true;

  const chooseEnvironment = (value: string) => {
    const next = value as Environment;
    setEnvironment(next);
    // The Dynamics emulator is its own organisation URL.
    if (provider.needsResourceUrl && next === 'emulator' && resourceUrl === '') setResourceUrl(emulatorUrl);
  };

  const submit = () => {
    mutation.mutate(
      {
        params: { provider: provider.provider },
        body: {
          environment,
          credentialPolicy: credentialPolicy as 'never_expire' | 'expire_every_90_days',
          ...(environment === 'custom' && loginUrl.trim() !== '' ? { loginUrl: loginUrl.trim() } : {}),
          ...(provider.needsResourceUrl && resourceUrl.trim() !== '' ? { resourceUrl: resourceUrl.trim() } : {}),
          ...(clientId.trim() !== '' ? { clientId: clientId.trim() } : {}),
          ...(clientSecret !== '' ? { clientSecret } : {}),
          ...(typeof allowance === 'number' ? { dailyApiAllowance: allowance } : {}),
        },
      },
      { onSuccess: ({ authorizationUrl }) => window.location.assign(authorizationUrl) },
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
        <Radio.Group label="Log in to" value={environment} onChange={chooseEnvironment} name="environment">
          <Stack gap={8} mt={6}>
            {provider.loginOptions.map((option) => (
              <Radio
                key={option.environment}
                value={option.environment}
                label={option.label}
                description={option.environment === 'emulator' ? 'The built-in demo org of sandbox mode; no connected app needed.' : (option.loginUrl ?? CUSTOM_LOGIN_WORDS[provider.provider])}
              />
            ))}
          </Stack>
        </Radio.Group>
        {environment === 'custom' && (
          <TextInput
            label={provider.provider === 'salesforce' ? 'Login URL' : 'Sign-in authority'}
            placeholder={provider.provider === 'salesforce' ? 'https://acme.my.salesforce.com' : 'https://login.microsoftonline.com/contoso.onmicrosoft.com'}
            required value={loginUrl} onChange={(event) => setLoginUrl(event.currentTarget.value)} />
        )}
        {provider.needsResourceUrl && (
          <TextInput
            label="Organisation URL"
            placeholder="https://acme.crm.dynamics.com"
            required
            value={resourceUrl}
            onChange={(event) => setResourceUrl(event.currentTarget.value)}
          />
        )}
        {hasBuiltInClient ? (
          <Alert variant="light" color="indigo" icon={<IconInfoCircle size={18} />}>
            The sandbox emulator comes with its own OAuth client: no client id or secret is needed.
          </Alert>
        ) : (
          <>
            <TextInput
              label="Client id"
              description={provider.provider === 'salesforce' ? 'Consumer key of your connected app' : 'Application (client) id in Entra ID'}
              required
              value={clientId}
              onChange={(event) => setClientId(event.currentTarget.value)}
            />
            <PasswordInput label="Client secret" required value={clientSecret} onChange={(event) => setClientSecret(event.currentTarget.value)} />
          </>
        )}
        <Group grow align="flex-start">
          <Select
            label="Credential policy"
            description="How often the integration user's password expires"
            data={POLICY_OPTIONS}
            value={credentialPolicy}
            onChange={(value) => value !== null && setCredentialPolicy(value)}
            allowDeselect={false}
          />
          <NumberInput
            label="Daily API allowance"
            description="Contracted calls per day (empty: default)"
            min={0}
            max={10_000_000}
            thousandSeparator=","
            value={allowance}
            onChange={setAllowance}
          />
        </Group>
        {mutation.isError && (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(mutation.error)}
          </Alert>
        )}
        <Text fz="xs" c="dimmed">
          You will be sent to {provider.displayName} to allow access, then back to this page.
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending || mutation.isSuccess} rightSection={<IconExternalLink size={16} />}>
            Continue to {provider.displayName}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
