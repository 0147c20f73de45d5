import type { RouteDefinition } from '../../defineRoute';
import changeCeCampaignStatus from './changeCeCampaignStatus';
import createCeAssistant from './createCeAssistant';
import createCeCampaign from './createCeCampaign';
import enrollCeManually from './enrollCeManually';
import getCeCampaign from './getCeCampaign';
import getCeConversation from './getCeConversation';
import getCeSettings from './getCeSettings';
import listCeAssistants from './listCeAssistants';
import listCeCampaigns from './listCeCampaigns';
import listCeConversations from './listCeConversations';
import listCeReviewTasks from './listCeReviewTasks';
import pauseCeConversations from './pauseCeConversations';
import pollCeCampaignNow from './pollCeCampaignNow';
import receiveCeInboundMail from './receiveCeInboundMail';
import replyAsLeadInSandbox from './replyAsLeadInSandbox';
import resolveCeReviewTask from './resolveCeReviewTask';
import rotateCeInboundWebhook from './rotateCeInboundWebhook';
import runCePreflight from './runCePreflight';
import sendCeConversationNow from './sendCeConversationNow';
import setupCeFields from './setupCeFields';

/** Conversational Email (issue 12), listed in ../index.ts as one entry. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const conversationalEmailRoutes: ReadonlyArray<RouteDefinition<any>> = [
  getCeSettings, runCePreflight, setupCeFields, rotateCeInboundWebhook, listCeAssistants, createCeAssistant, listCeCampaigns, createCeCampaign, getCeCampaign,
  changeCeCampaignStatus, pollCeCampaignNow, enrollCeManually, listCeConversations, getCeConversation, receiveCeInboundMail, replyAsLeadInSandbox,
  pauseCeConversations, sendCeConversationNow, listCeReviewTasks, resolveCeReviewTask,
];
