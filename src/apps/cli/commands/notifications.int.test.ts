import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxSmtpServer, type SandboxSmtpServer } from '../../../adapters/mailer/sandboxSmtpServer';
import { runCli } from '../../../test/cliTestKit';

/** In this process through main() (cli.int.test.ts spawns the bin itself), so the SMTP server below answers it. */
const openabm = (args: string[], env: Record<string, string>) => runCli(args, { OPENABM_LOG_LEVEL: 'silent', DATABASE_URL: '', OPENABM_SMTP_URL: '', ...env });

describe('openabm notifications test', () => {
  let smtp: SandboxSmtpServer;
  beforeAll(async () => {
    smtp = await startSandboxSmtpServer({ port: 0 });
    smtp.rejectRecipient(/^nobody@/, 550);
  });
  afterAll(() => smtp.close());

  it('exits 0 when the SMTP server accepted the message, which has a text and an HTML part', async () => {
    const result = await openabm(['notifications', 'test', '--to', 'ops@example.test'], { OPENABM_SMTP_URL: smtp.url, OPENABM_MAIL_FROM: 'openabm <cli@example.test>' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('The SMTP server accepted the test message for ops@example.test');
    const received = smtp.messages.find((mail) => mail.to.includes('ops@example.test'));
    expect(received?.subject).toBe('openabm: test message');
    expect(received?.html).toContain('<h2>openabm test message</h2>');
    expect(received?.text).toContain('system notifications reach this address');
  });

  it('exits 1 with the server reply when the recipient is refused', async () => {
    const result = await openabm(['notifications', 'test', '--to', 'nobody@example.test'], { OPENABM_SMTP_URL: smtp.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The SMTP server refused the message: 550');
  });

  it('exits 1 and names the server (not its password) when no SMTP server answers', async () => {
    const result = await openabm(['notifications', 'test', '--to', 'ops@example.test'], { OPENABM_SMTP_URL: 'smtp://mailer:s3cret-pw@127.0.0.1:1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not reach the SMTP server 127.0.0.1:1 given in OPENABM_SMTP_URL (');
    expect(result.stderr).toContain('ECONNREFUSED');
    expect(result.stderr).toContain('check its host and port');
    expect(result.stderr).not.toContain('s3cret-pw');
  });

  it('exits 1 and says the host is not found when the SMTP host does not resolve', async () => {
    const result = await openabm(['notifications', 'test', '--to', 'ops@example.test'], { OPENABM_SMTP_URL: 'smtp://no-such-host.invalid' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not reach the SMTP server no-such-host.invalid:587 given in OPENABM_SMTP_URL (');
    expect(result.stderr).toMatch(/ENOTFOUND|EAI_AGAIN/);
  });

  it('exits 2 and says what to set when OPENABM_SMTP_URL is missing', async () => {
    const result = await openabm(['notifications', 'test', '--to', 'ops@example.test'], {});
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('OPENABM_SMTP_URL is not set');
  });
});
