import { findAssistantByEmail, insertAssistant, type CeAssistantRow } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { AppError } from '../../domain/appError';
import { isValidEmail } from '../../domain/conversationalEmail/importRules';
import { isKnownTimeZone } from '../../domain/conversationalEmail/schedule';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, type CeDeps } from './ceDeps';

export interface AssistantInput {
  readonly name: string;
  readonly email: string;
  readonly signature: string;
  readonly dailySendCap: number;
  readonly handoffRepEmail: string | null;
  /** Its day for the daily cap ("sent today"); IANA name. */
  readonly timeZone: string;
}

/** An e-mail assistant: the sender persona campaigns send as (name, address, signature) and its daily sending cap. */
export async function createAssistant({ orgId, actor, input }: { orgId: string; actor: Actor | undefined; input: AssistantInput }, deps: Pick<CeDeps, 'db'>): Promise<CeAssistantRow> {
  assertCeCan(actor, 'ce.manage', orgId);
  if (!isValidEmail(input.email)) throw new AppError('validation_failed', `"${input.email}" is not a valid e-mail address.`);
  if (input.handoffRepEmail && !isValidEmail(input.handoffRepEmail)) throw new AppError('validation_failed', `"${input.handoffRepEmail}" is not a valid e-mail address.`);
  if (!isKnownTimeZone(input.timeZone)) throw new AppError('validation_failed', `Unknown time zone "${input.timeZone}": use an IANA name such as Europe/Paris or America/New_York.`);
  if (await findAssistantByEmail(deps.db, orgId, input.email)) throw new AppError('conflict', `An assistant already sends as ${input.email}.`);
  return insertAssistant(deps.db, orgId, { name: input.name.trim(), email: input.email.trim().toLowerCase(), signature: input.signature, dailySendCap: input.dailySendCap, handoffRepEmail: input.handoffRepEmail?.trim().toLowerCase() ?? null, timeZone: input.timeZone });
}
