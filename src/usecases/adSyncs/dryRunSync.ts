import { countSegmentAudience } from '../../adapters/db/repositories/adMembers';
import { findAdSyncSettings } from '../../adapters/db/repositories/adSyncs';
import { findSegment } from '../../adapters/db/segments/segmentsRepo';
import { AppError } from '../../domain/appError';
import type { Actor } from '../../domain/permissions/policy';
import { MEMBER_KIND, MINIMUM_AUDIENCE_SIZE, type AdChannelId } from '../../domain/sync/channels';
import { syncAlertText } from '../../domain/sync/errorCatalogue';
import { estimateMatchRate } from '../../domain/sync/matchRate';
import { assertSyncPermission, type AdSyncDeps } from './adSyncDeps';
import { syncLimitOf } from './manageSyncs';

/** What a sync would send, before creating it: accounts/people, expected match rate (a range with its basis), warnings. */
export async function dryRunSync({ orgId, actor, input }: { orgId: string; actor: Actor; input: { segmentId: string; channel: AdChannelId } }, deps: AdSyncDeps) {
  assertSyncPermission(actor, 'view', orgId);
  const segment = await findSegment(deps.db, orgId, input.segmentId);
  if (!segment) throw new AppError('not_found', 'The segment was not found.');
  const counts = await countSegmentAudience(deps.db, orgId, segment.id);
  const isPeople = MEMBER_KIND[input.channel] === 'person';
  const estimate = estimateMatchRate(input.channel, {
    accountCount: counts.accountCount,
    peopleCount: isPeople ? counts.peopleCount : undefined,
    identifiableCount: isPeople ? counts.peopleWithIdentifier : counts.accountsWithIdentifier,
  });
  const warnings = [...estimate.warnings];
  if (input.channel === 'google') {
    const settings = await findAdSyncSettings(deps.db, orgId);
    if (settings.googleAdUserDataConsent !== 'GRANTED' || settings.googleAdPersonalizationConsent !== 'GRANTED') {
      const text = syncAlertText('google', 'consent_not_granted');
      warnings.push(`${text.whatHappened} ${text.whatToDo}`);
    }
  }
  const limit = await syncLimitOf(orgId, deps);
  return {
    segmentId: segment.id,
    channel: input.channel,
    memberKind: MEMBER_KIND[input.channel],
    accountCount: counts.accountCount,
    peopleCount: isPeople ? counts.peopleCount : null,
    identifiableCount: isPeople ? counts.peopleWithIdentifier : counts.accountsWithIdentifier,
    expectedMatchRate: { lowPercent: estimate.lowPercent, highPercent: estimate.highPercent, basis: estimate.basis },
    expectedMatched: { low: estimate.expectedMatchedLow, high: estimate.expectedMatchedHigh },
    minimumAudienceSize: MINIMUM_AUDIENCE_SIZE[input.channel],
    warnings,
    limit: { kind: limit.kind, usedCount: limit.usedCount, limit: limit.limit, message: limit.kind === 'ok' ? null : `${limit.title}: ${limit.message}` },
  };
}
