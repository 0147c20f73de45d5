import { findAssistant, findCampaign, type CeAssistantRow, type CeCampaignRow } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { findConversation, findPerson, type CeConversationRow, type CePersonRow } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import { notFound } from '../../domain/appError';
import type { CeDeps } from './ceDeps';

export interface LoadedConversation {
  readonly conversation: CeConversationRow;
  readonly person: CePersonRow;
  readonly campaign: CeCampaignRow;
  readonly assistant: CeAssistantRow | undefined;
}

/** A conversation of the org with its person, campaign and assistant; another org's reads as not found. */
export async function loadConversation(orgId: string, conversationId: string, deps: Pick<CeDeps, 'db'>): Promise<LoadedConversation> {
  const conversation = await findConversation(deps.db, orgId, conversationId);
  const person = conversation ? await findPerson(deps.db, orgId, conversation.personId) : undefined;
  const campaign = conversation ? await findCampaign(deps.db, orgId, conversation.campaignId) : undefined;
  if (!conversation || !person || !campaign) throw notFound('The conversation');
  return { conversation, person, campaign, assistant: await findAssistant(deps.db, orgId, campaign.assistantId) };
}
