import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adChannelConnectors } from '../src/adapters/connectors/adChannelRegistry';
import { findAdChannelConnection } from '../src/adapters/db/repositories/adChannelConnections';
import { startGoogleEmulator, type GoogleEmulator } from '../src/adapters/emulators/google/index';
import { startMetaEmulator, type MetaEmulator } from '../src/adapters/emulators/meta/index';
import type { AdChannelId } from '../src/domain/sync/channels';
import { saveScreenshot, useOpenabmAndBrowser } from './harness';

/**
 * Advertising > Overview outside sandbox, as a customer's user connects a channel: "Connect Google" opens the sign-in
 * dialog, the user enters their app's credentials, goes to the channel's consent page and comes back with the channel
 * connected. openabm runs outside sandbox mode; the channels' production OAuth and API URLs are aimed at our Google and
 * Meta emulators (the only thing that differs from a real sign-in), and LinkedIn keeps its real connector.
 */
let google: GoogleEmulator | undefined;
let meta: MetaEmulator | undefined;

beforeAll(async () => {
  [google, meta] = await Promise.all([startGoogleEmulator(), startMetaEmulator()]);
});

afterAll(async () => {
  await Promise.all([google?.close(), meta?.close()]);
});

/** The channel's connector with its production URLs replaced by the emulator's. */
function aimedAt(channel: AdChannelId, baseUrl: string | undefined) {
  if (baseUrl === undefined) throw new Error(`the ${channel} emulator is not started`);
  return { ...adChannelConnectors[channel], productionUrls: { authBaseUrl: baseUrl, apiBaseUrl: baseUrl } };
}

const e2e = useOpenabmAndBrowser({
  isSandbox: false,
  adChannels: () => ({ ...adChannelConnectors, google: aimedAt('google', google?.baseUrl), meta: aimedAt('meta', meta?.baseUrl) }),
});

async function openOverview(role: 'marketing_user' | 'abm_admin') {
  const page = await e2e.logInAs(role);
  await page.goto(`${e2e.openabm.url}/advertising`);
  await page.getByRole('heading', { name: 'Advertising', level: 1 }).waitFor();
  return page;
}

describe('Advertising > Overview outside sandbox', () => {
  it('connects Google with the app credentials and the developer token, through Google’s consent page', async () => {
    if (!google) throw new Error('the Google emulator is not started');
    const page = await openOverview('marketing_user');
    const card = page.getByTestId('channel-google');
    await card.getByText('Not connected', { exact: true }).waitFor();
    // Outside sandbox there is no emulator to connect with one click.
    expect(await page.getByRole('button', { name: /\(sandbox\)$/ }).count()).toBe(0);

    await card.getByRole('button', { name: 'Connect Google' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in to Google' });
    const submit = dialog.getByRole('button', { name: 'Continue to Google' });
    await dialog.getByLabel('Client id').fill(google.credentials.clientId);
    await dialog.getByLabel('Client secret').fill(google.credentials.clientSecret);
    // Google's API needs the developer token besides the OAuth client: the dialog waits for it.
    expect(await submit.isDisabled()).toBe(true);
    await dialog.getByLabel('Developer token').fill(google.credentials.developerToken);
    await saveScreenshot(page, 'ad-channel-sign-in-google');
    const consentPage = page.waitForRequest((request) => request.isNavigationRequest() && request.url().startsWith(`${google?.baseUrl ?? ''}/o/oauth2/v2/auth?`));
    await submit.click();
    const authorizeUrl = new URL((await consentPage).url());
    expect(authorizeUrl.searchParams.get('client_id')).toBe(google.credentials.clientId);
    expect(authorizeUrl.searchParams.get('redirect_uri')).toBe(`${e2e.openabm.url}/api/advertising/oauth/callback`);

    // Google's consent page sends the browser back to openabm, which exchanges the code.
    await page.waitForURL(`${e2e.openabm.url}/advertising?connected=google`);
    await card.getByText('Connected', { exact: true }).waitFor();
    await card.getByText(/^Connected \S/).waitFor();
    expect(await card.getByRole('button').count()).toBe(0);
    await saveScreenshot(page, 'ad-channel-connected-google');

    const { orgId } = e2e.openabm.demo;
    const [user] = await e2e.openabm.deps.database.query<{ id: string }>('SELECT id FROM users WHERE org_id = $1 AND email = $2', [orgId, e2e.openabm.demo.emails.marketing_user]);
    const stored = await findAdChannelConnection(e2e.openabm.deps.db, orgId, user?.id ?? '', 'google');
    expect(stored).toMatchObject({ status: 'connected', environment: 'production', authBaseUrl: google.baseUrl, clientId: google.credentials.clientId });
  });

  it('shows Meta’s refusal on the page when the user declines on the consent page, and leaves Meta not connected', async () => {
    if (!meta) throw new Error('the Meta emulator is not started');
    meta.injectFault('consent_denied', { times: 1 });
    const page = await openOverview('abm_admin');
    const card = page.getByTestId('channel-meta');
    await card.getByRole('button', { name: 'Connect Meta' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign in to Meta' });
    expect(await dialog.getByLabel('Developer token').count()).toBe(0);
    await dialog.getByLabel('Client id').fill(meta.credentials.clientId);
    await dialog.getByLabel('Client secret').fill(meta.credentials.clientSecret);
    await dialog.getByRole('button', { name: 'Continue to Meta' }).click();
    await page.waitForURL(/\/advertising\?error=/);
    await page.getByRole('alert').filter({ hasText: 'Meta did not grant access (access_denied). Try connecting again.' }).waitFor();
    await card.getByText('Not connected', { exact: true }).waitFor();
    await card.getByRole('button', { name: 'Connect Meta' }).waitFor();
  });
});
