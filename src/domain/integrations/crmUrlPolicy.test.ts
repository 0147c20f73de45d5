import { describe, expect, it } from 'vitest';
import { crmUrlProblem } from './crmUrlPolicy';

const check = (provider: string, url: string, options: { isSandbox?: boolean; allowedHosts?: string[] } = {}) =>
  crmUrlProblem({ provider, displayName: provider === 'dynamics' ? 'Microsoft Dynamics 365' : 'Salesforce', what: 'login URL', url, isSandbox: options.isSandbox ?? false, allowedHosts: options.allowedHosts ?? [] });

describe('CRM URLs outside sandbox mode', () => {
  it.each([
    ['salesforce', 'https://acme.my.salesforce.com'],
    ['salesforce', 'https://login.salesforce.com'],
    ['salesforce', 'https://acme--uat.sandbox.my.salesforce.com'],
    ['salesforce', 'https://acme.lightning.force.com'],
    ['dynamics', 'https://login.microsoftonline.com/8f7e6d5c-0000-4000-8000-000000000000'],
    ['dynamics', 'https://acme.crm4.dynamics.com'],
  ])('%s accepts %s', (provider, url) => {
    expect(check(provider, url)).toBeUndefined();
  });

  it.each([
    ['salesforce', 'http://acme.my.salesforce.com', 'The login URL must start with https://.'],
    ['salesforce', 'https://169.254.169.254/latest', 'The login URL must be on a Salesforce domain (salesforce.com or force.com); 169.254.169.254 is not. An operator can allow more hosts with OPENABM_CRM_ALLOWED_HOSTS.'],
    ['salesforce', 'https://salesforce.com.evil.example', 'The login URL must be on a Salesforce domain (salesforce.com or force.com); salesforce.com.evil.example is not. An operator can allow more hosts with OPENABM_CRM_ALLOWED_HOSTS.'],
    ['salesforce', 'https://notsalesforce.com', 'The login URL must be on a Salesforce domain (salesforce.com or force.com); notsalesforce.com is not. An operator can allow more hosts with OPENABM_CRM_ALLOWED_HOSTS.'],
    ['salesforce', 'https://user:pw@acme.my.salesforce.com', 'The login URL must not contain a user name or password.'],
    ['dynamics', 'https://acme.my.salesforce.com', 'The login URL must be on a Microsoft Dynamics 365 domain (microsoftonline.com or microsoftonline.us); acme.my.salesforce.com is not. An operator can allow more hosts with OPENABM_CRM_ALLOWED_HOSTS.'],
    ['salesforce', 'not a url', 'The login URL is not a valid URL.'],
  ])('%s refuses %s', (provider, url, message) => {
    expect(check(provider, url)).toBe(message);
  });

  it('accepts a host the instance allows, and its subdomains', () => {
    expect(check('salesforce', 'https://sso.corp.example', { allowedHosts: ['corp.example'] })).toBeUndefined();
    expect(check('salesforce', 'https://corp.example', { allowedHosts: ['.corp.example'] })).toBeUndefined();
  });

  it('accepts any URL in sandbox mode (the emulators listen on http://127.0.0.1)', () => {
    expect(check('salesforce', 'http://127.0.0.1:4010', { isSandbox: true })).toBeUndefined();
  });
});
