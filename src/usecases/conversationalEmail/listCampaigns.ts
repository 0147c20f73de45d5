import { listAssistantRows, listCampaignRows } from '../../adapters/db/repositories/conversationalEmail/campaignsRepo';
import { conversationFlagCounts } from '../../adapters/db/repositories/conversationalEmail/conversationsRepo';
import type { Actor } from '../../domain/permissions/policy';
import { assertCeCan, type CeDeps } from './ceDeps';

export async function listCampaigns({ orgId, actor }: { orgId: string; actor: Actor | undefined }, deps: Pick<CeDeps, 'db'>) {
  assertCeCan(actor, 'view', orgId);
  const campaigns = await listCampaignRows(deps.db, orgId);
  const assistants = new Map((await listAssistantRows(deps.db, orgId)).map((assistant) => [assistant.id, assistant.name]));
  const items = [];
  for (const campaign of campaigns) {
    const flags = await conversationFlagCounts(deps.db, orgId, campaign.id);
    items.push({
      id: campaign.id, name: campaign.name, status: campaign.status, assistantName: assistants.get(campaign.assistantId) ?? '', reportName: campaign.reportName,
      enrolled: flags.enrolled, replied: flags.replied, apiPausedReason: campaign.apiPausedReason, createdAt: campaign.createdAt.toISOString(),
    });
  }
  return { items };
}
