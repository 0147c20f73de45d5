import { describe, expect, it } from 'vitest';
import { saveScreenshot, useOpenabmAndBrowser } from './harness';
import { openIntegrations, waitForApp } from './sandboxCrm';

/** Settings > Integrations, marketing automation: HubSpot by OAuth and Marketo by client credentials, against the sandbox emulators. */
const e2e = useOpenabmAndBrowser();

describe('Settings > Integrations: marketing automation as the demo administrator', () => {
  it('connects HubSpot and Marketo in sandbox mode, shows their API budget, and disconnects HubSpot after confirming', async () => {
    const page = await e2e.logInAs('primary_admin');
    await openIntegrations(page);

    await page.getByRole('button', { name: 'Connect HubSpot' }).click();
    const dialog = page.getByRole('dialog', { name: 'Connect HubSpot' });
    await dialog.getByRole('radio', { name: 'Sandbox (emulator)' }).check();
    await saveScreenshot(page, 'map-connect-hubspot');
    await dialog.getByRole('button', { name: 'Continue to HubSpot' }).click();
    await page.waitForURL(/\/settings\/integrations\?connected=hubspot$/);
    await waitForApp(page);
    await page.getByTestId('map-connect-notice').getByText('HubSpot is connected').waitFor();
    const hubspot = page.getByTestId('map-connection-hubspot');
    expect(await hubspot.getByTestId('map-connection-status').textContent()).toBe('Connected');
    expect(await hubspot.getByTestId('map-api-calls-today').textContent()).toBe('0 of 100,000');

    await page.getByRole('button', { name: 'Connect Marketo' }).click();
    const marketoDialog = page.getByRole('dialog', { name: 'Connect Marketo' });
    await marketoDialog.getByRole('radio', { name: 'Sandbox (emulator)' }).check();
    await marketoDialog.getByRole('button', { name: 'Connect', exact: true }).click();
    const marketo = page.getByTestId('map-connection-marketo');
    await marketo.getByTestId('map-connection-status').filter({ hasText: 'Connected' }).waitFor();
    await saveScreenshot(page, 'map-connected');

    await hubspot.getByRole('button', { name: 'Disconnect HubSpot' }).click();
    const confirm = page.getByRole('dialog', { name: 'Disconnect HubSpot' });
    await confirm.getByRole('button', { name: 'Disconnect' }).click();
    await page.getByTestId('map-connection-hubspot').getByText('Not connected').waitFor();
    expect(await page.getByTestId('map-connection-marketo').getByTestId('map-connection-status').textContent()).toBe('Connected');
  });
});
