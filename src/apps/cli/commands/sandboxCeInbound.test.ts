import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { deliverToSandboxInbound } from '../../../adapters/mailer/ceInboundSmtp';

describe('openabm sandbox --ce-inbound-webhook', () => {
  it('prints the Conversational Email inbound SMTP port and posts each message it receives to the webhook', async () => {
    const posted: unknown[] = [];
    const webhook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      request.on('end', () => {
        posted.push({ url: request.url, body: JSON.parse(body) as unknown });
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"outcome":"reply","conversationId":null}');
      });
    });
    await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', () => resolve()));
    const webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/api/ce/inbound/secret-token-0123456789`;
    const child = spawn(process.execPath, ['bin/openabm.mjs', 'sandbox', 'salesforce', '--port', '0', '--ce-inbound-webhook', webhookUrl], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const [line] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const printed = JSON.parse(line) as { provider: string; ceInboundSmtpPort: number };
      expect(printed).toMatchObject({ provider: 'salesforce', ceInboundSmtpPort: expect.any(Number) });
      await deliverToSandboxInbound(printed.ceInboundSmtpPort, { from: 'ada@lead.example', to: 'ava+abc123@openabm-demo.example', subject: 'Re: Quick question', text: 'Sounds great.', inReplyTo: '<ce.1@openabm-demo.example>', references: ['<ce.1@openabm-demo.example>'] });
      expect(posted).toEqual([
        {
          url: '/api/ce/inbound/secret-token-0123456789',
          body: expect.objectContaining({ from: 'ada@lead.example', to: ['ava+abc123@openabm-demo.example'], subject: 'Re: Quick question', text: expect.stringContaining('Sounds great.'), headers: expect.objectContaining({ 'in-reply-to': '<ce.1@openabm-demo.example>' }) }),
        },
      ]);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
      webhook.close();
    }
  }, 60_000);
});
