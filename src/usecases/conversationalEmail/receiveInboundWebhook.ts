import { findOrgByInboundTokenHash } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { AppError } from '../../domain/appError';
import { parseHeaderBlock, type InboundMail } from '../../domain/conversationalEmail/inboundMail';
import type { CeDeps } from './ceDeps';
import { receiveInboundEmail } from './receiveInboundEmail';
import { hashInboundToken } from './rotateInboundWebhook';

export interface InboundWebhookBody {
  readonly from: string;
  readonly to: string | readonly string[];
  readonly cc?: string | readonly string[] | undefined;
  readonly subject: string;
  readonly text: string;
  readonly html?: string | undefined;
  readonly headers: string | Readonly<Record<string, string>>;
}

const list = (value: string | readonly string[] | undefined): string[] => (value === undefined ? [] : typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : [...value]);

/** The HTTP inbound webhook: the org comes from the secret in the URL; the body is the provider's inbound-parse shape. */
export async function receiveInboundWebhook({ input }: { input: { token: string; body: InboundWebhookBody } }, deps: CeDeps) {
  const orgId = await findOrgByInboundTokenHash(deps.db, hashInboundToken(input.token));
  if (!orgId) throw new AppError('not_found', 'This inbound webhook URL is not valid; copy the current one from Conversational Email > Settings.');
  const headers = typeof input.body.headers === 'string' ? parseHeaderBlock(input.body.headers) : Object.fromEntries(Object.entries(input.body.headers).map(([key, value]) => [key.toLowerCase(), value]));
  const mail: InboundMail = { from: input.body.from, to: list(input.body.to), cc: list(input.body.cc), subject: input.body.subject, text: input.body.text, html: input.body.html, headers };
  const outcome = await receiveInboundEmail({ orgId, input: mail }, deps);
  return { outcome: outcome.kind, conversationId: outcome.kind === 'unmatched' ? null : outcome.conversationId };
}
