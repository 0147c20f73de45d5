import { Alert, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { startChannelConnection } from '../../../../src/contracts/syncs';
import { errorMessage } from '../../api/client';
import { useApiMutation } from '../../api/hooks';

type Channel = 'google' | 'linkedin' | 'meta';

const APP_HELP: Record<Channel, string> = {
  google: 'The OAuth client of your Google Cloud project (Data Manager API enabled) and the developer token of your Google Ads API access.',
  linkedin: 'The client id and secret of your LinkedIn app with the Advertising API product (rw_ads, r_ads).',
  meta: 'The app id and secret of your Meta app with Marketing API access (ads_management).',
};

/**
 * Sign in to an ad channel with your own login: the app credentials go to openabm (sealed, never shown again), then
 * the browser goes to the channel's consent page and comes back to Advertising > Overview.
 */
export function ChannelSignInModal({ channel, displayName, onClose }: { channel: Channel | undefined; displayName: string; onClose: () => void }) {
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [developerToken, setDeveloperToken] = useState('');
  const start = useApiMutation(startChannelConnection);
  const isGoogle = channel === 'google';
  const isComplete = clientId.trim() !== '' && clientSecret.trim() !== '' && (!isGoogle || developerToken.trim() !== '');
  return (
    <Modal opened={channel !== undefined} onClose={onClose} title={`Sign in to ${displayName}`}>
      {channel && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            start.mutate({
              params: { channel },
              body: { clientId: clientId.trim(), clientSecret: clientSecret.trim(), ...(isGoogle ? { developerToken: developerToken.trim() } : {}), isEmulator: false },
            }, { onSuccess: (result) => window.location.assign(result.authorizationUrl) });
          }}
        >
          <Stack gap="sm">
            <Text fz="sm">{APP_HELP[channel]} You are then sent to {displayName} to sign in with your own login and allow access.</Text>
            <TextInput label="Client id" required value={clientId} onChange={(event) => setClientId(event.currentTarget.value)} autoComplete="off" />
            <PasswordInput label="Client secret" required value={clientSecret} onChange={(event) => setClientSecret(event.currentTarget.value)} autoComplete="off" />
            {isGoogle && <PasswordInput label="Developer token" required value={developerToken} onChange={(event) => setDeveloperToken(event.currentTarget.value)} autoComplete="off" />}
            {start.error && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(start.error)}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" disabled={!isComplete} loading={start.isPending}>
                Continue to {displayName}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
