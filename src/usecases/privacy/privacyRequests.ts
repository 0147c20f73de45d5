import type { PrivacyRequestRow } from '../../adapters/db/repositories/privacyRequests';
import type { PrivacyRequestSummary } from '../../contracts/webTag';

export function toPrivacyRequestSummary(row: PrivacyRequestRow): PrivacyRequestSummary {
  return {
    id: row.id,
    email: row.email,
    visitorId: row.visitor_id,
    receivedAt: new Date(row.received_at).toISOString(),
    handledAt: row.handled_at === null ? null : new Date(row.handled_at).toISOString(),
    deletionSummary: row.deletion_summary,
  };
}
