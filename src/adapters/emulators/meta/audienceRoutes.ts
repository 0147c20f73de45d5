import type { FastifyReply } from 'fastify';
import { graphErrors, pick, requestedFields, sendGraphError, type GraphError } from './http';
import type { MetaAdAccount, MetaAudience, MetaState } from './state';

/** The Graph fields of a custom audience; counts and operation_status lag behind changes by the processing delay. */
export function audienceView(state: MetaState, audience: MetaAudience): Record<string, unknown> {
  const now = state.nowMs();
  const { matched } = audience.members.reported(now);
  const operationStatus = audience.isFlagged
    ? { code: 471, description: 'This audience was flagged by integrity checks; uploads are blocked.' }
    : audience.members.isProcessing(now)
      ? { code: 300, description: 'This audience is being updated.' }
      : { code: 200, description: 'Normal: there are no updates or issues.' };
  const deliveryStatus = matched < state.options.minimumAudienceSize ? { code: 300, description: 'This audience is too small to deliver ads.' } : { code: 200, description: 'This audience is ready for use.' };
  return {
    id: audience.id,
    account_id: audience.accountId,
    name: audience.name,
    description: audience.description,
    subtype: audience.subtype,
    customer_file_source: audience.customerFileSource,
    approximate_count_lower_bound: matched,
    approximate_count_upper_bound: matched,
    operation_status: operationStatus,
    delivery_status: deliveryStatus,
    time_created: Math.floor(audience.createdAtMs / 1000),
    time_updated: Math.floor(audience.updatedAtMs / 1000),
    retention_days: 0,
    data_source: { type: 'FILE_IMPORTED', sub_type: 'HASHES_OR_USER_IDS', creation_params: '[]' },
    is_value_based: false,
  };
}

export function readAudience(state: MetaState, audience: MetaAudience, params: Record<string, unknown>): Record<string, unknown> {
  const fields = requestedFields(params);
  return pick(audienceView(state, audience), fields.length > 0 ? ['id', ...fields] : ['id']);
}

/** Why the demo user may not write to this audience (deleted, unshared, flagged, permission, terms), if so. */
export function writeRefusal(state: MetaState, audience: MetaAudience): GraphError | undefined {
  if (audience.isDeleted) return graphErrors.audienceDeleted();
  if (audience.isUnshared) return graphErrors.audienceUnshared();
  const account = state.accounts.get(audience.accountId);
  if (!account || !canEditAudiences(account)) return graphErrors.cannotUpdate(audience.id);
  if (!account.isBusinessLinked) return graphErrors.businessNotLinked();
  if (!account.isTosAccepted) return graphErrors.tosNotAccepted();
  if (audience.isFlagged) return graphErrors.audienceFlagged();
  return undefined;
}

export function canEditAudiences(account: MetaAdAccount): boolean {
  return account.tasks.includes('MANAGE') || account.tasks.includes('ADVERTISE');
}

const customerFileSources = ['USER_PROVIDED_ONLY', 'PARTNER_PROVIDED_ONLY', 'BOTH_USER_AND_PARTNER_PROVIDED'];

/** `POST /act_{id}/customaudiences`: subtype CUSTOM with customer_file_source → `{id}`. */
export function createAudience(state: MetaState, account: MetaAdAccount, params: Record<string, unknown>, reply: FastifyReply): FastifyReply | { id: string } {
  if (!canEditAudiences(account)) return sendGraphError(reply, { status: 403, code: 200, message: '(#200) The current user does not have permission to create custom audiences for this ad account' });
  if (!account.isBusinessLinked) return sendGraphError(reply, graphErrors.businessNotLinked());
  if (!account.isTosAccepted) return sendGraphError(reply, graphErrors.tosNotAccepted());
  const name = typeof params.name === 'string' ? params.name.trim() : '';
  if (!name) return sendGraphError(reply, graphErrors.missingParameter('name'));
  if (params.subtype !== 'CUSTOM') return sendGraphError(reply, graphErrors.invalidParameter(`subtype must be CUSTOM for a customer-file audience (got ${JSON.stringify(params.subtype ?? null)})`));
  if (typeof params.customer_file_source !== 'string' || !customerFileSources.includes(params.customer_file_source)) {
    return sendGraphError(reply, graphErrors.invalidParameter(`customer_file_source must be one of ${customerFileSources.join(', ')}`));
  }
  if (state.liveAudiencesOf(account.id).length >= state.options.maxAudiencesPerAccount) {
    return sendGraphError(reply, graphErrors.invalidParameter(`The number of custom audiences in this ad account has reached the limit of ${state.options.maxAudiencesPerAccount}`));
  }
  const audience = state.createAudience(account, { name, description: typeof params.description === 'string' ? params.description : '', customerFileSource: params.customer_file_source });
  return { id: audience.id };
}

/** `POST /{audience_id}` updates name/description; `DELETE /{audience_id}` deletes it. */
export function updateAudience(state: MetaState, audience: MetaAudience, params: Record<string, unknown>, reply: FastifyReply): FastifyReply | { success: true } {
  const refusal = writeRefusal(state, audience);
  if (refusal && refusal.subcode !== 1713230) return sendGraphError(reply, refusal);
  if (typeof params.name === 'string' && params.name.trim()) audience.name = params.name.trim();
  if (typeof params.description === 'string') audience.description = params.description;
  audience.updatedAtMs = state.nowMs();
  return { success: true };
}

export function deleteAudience(state: MetaState, audience: MetaAudience, reply: FastifyReply): FastifyReply | { success: true } {
  if (audience.isDeleted) return sendGraphError(reply, graphErrors.doesNotExist(audience.id));
  const account = state.accounts.get(audience.accountId);
  if (!account || !canEditAudiences(account)) return sendGraphError(reply, graphErrors.cannotUpdate(audience.id));
  audience.isDeleted = true;
  return { success: true };
}
