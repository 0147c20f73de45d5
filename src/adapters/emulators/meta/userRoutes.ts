import type { FastifyReply } from 'fastify';
import { isSha256Hex, sha256Hex } from '../kit/hashing';
import { MemberSet } from '../kit/memberSet';
import { rateLimitError } from './faults';
import { graphErrors, sendGraphError } from './http';
import { writeRefusal } from './audienceRoutes';
import type { MetaAudience, MetaState, MetaUploadSession } from './state';

/** Customer-file keys (reference §4); MADID and EXTERN_ID are sent as they are, everything else as SHA-256 hex. */
const SCHEMA_KEYS = new Set(['EMAIL', 'PHONE', 'FN', 'LN', 'FI', 'GEN', 'DOBY', 'DOBM', 'DOBD', 'CT', 'ST', 'ZIP', 'COUNTRY', 'MADID', 'EXTERN_ID']);
const UNHASHED_KEYS = new Set(['MADID', 'EXTERN_ID']);
const SINGLE_KEY_ALIASES: Record<string, string> = { EMAIL_SHA256: 'EMAIL', PHONE_SHA256: 'PHONE', MOBILE_ADVERTISER_ID: 'MADID' };
const MAX_SAMPLES = 100;

type Row = readonly unknown[];

function normaliseRaw(key: string, value: string): string {
  const trimmed = value.trim().toLowerCase();
  if (key === 'PHONE') return trimmed.replace(/\D/g, '').replace(/^0+/, '');
  if (key === 'EMAIL') return trimmed;
  return trimmed.replace(/[\s\p{P}]/gu, '');
}

/** Reads `payload`: schema as a string or list, data as rows (multi-key) or values (single-key). */
function parsePayload(payload: unknown): { schema: string[]; rows: Row[]; isRaw: boolean } | string {
  if (typeof payload !== 'object' || payload === null) return 'The parameter payload is required';
  const { schema, data, is_raw: isRaw } = payload as { schema?: unknown; data?: unknown; is_raw?: unknown };
  const keys = (Array.isArray(schema) ? schema : [schema]).map((key) => (typeof key === 'string' ? (SINGLE_KEY_ALIASES[key] ?? key) : ''));
  if (keys.length === 0 || keys.some((key) => !SCHEMA_KEYS.has(key))) return `Invalid payload schema ${JSON.stringify(schema)}; use keys among ${[...SCHEMA_KEYS].join(', ')}`;
  if (!Array.isArray(data)) return 'payload.data must be a list';
  const rows = data.map((row: unknown) => (Array.isArray(row) ? (row as Row) : [row]));
  return { schema: keys, rows, isRaw: isRaw === true };
}

/** One row → identifiers, or the reason it is skipped (counted in num_invalid_entries). */
function rowIdentifiers(schema: readonly string[], row: Row, isRaw: boolean): Record<string, string> | { invalid: string; sample: string } {
  if (row.length !== schema.length) return { invalid: `row has ${row.length} values for ${schema.length} schema keys`, sample: JSON.stringify(row).slice(0, 200) };
  const identifiers: Record<string, string> = {};
  for (const [index, key] of schema.entries()) {
    const value = row[index];
    if (value === '' || value === null || value === undefined) continue;
    if (typeof value !== 'string') return { invalid: `${key} must be a string`, sample: JSON.stringify(value) };
    if (UNHASHED_KEYS.has(key)) identifiers[key] = value;
    else if (isRaw) identifiers[key] = sha256Hex(normaliseRaw(key, value));
    else if (isSha256Hex(value)) identifiers[key] = value;
    else return { invalid: `${key} is not a lowercase SHA-256 hex digest`, sample: value };
  }
  if (Object.keys(identifiers).length === 0) return { invalid: 'row has no identifier', sample: JSON.stringify(row).slice(0, 200) };
  return identifiers;
}

interface SessionParams {
  readonly sessionId: string;
  readonly batchSeq: number;
  readonly isLastBatch: boolean;
}

function parseSession(session: unknown): SessionParams | string | undefined {
  if (session === undefined || session === null || session === '') return undefined;
  if (typeof session !== 'object') return 'session must be an object';
  const { session_id: id, batch_seq: seq, last_batch_flag: last } = session as Record<string, unknown>;
  const sessionId = typeof id === 'number' ? String(id) : typeof id === 'string' ? id : '';
  if (!/^[1-9]\d{0,18}$/.test(sessionId)) return 'session.session_id must be a positive 64-bit integer';
  const batchSeq = typeof seq === 'string' ? Number(seq) : seq;
  if (typeof batchSeq !== 'number' || !Number.isInteger(batchSeq) || batchSeq < 1) return 'session.batch_seq must be an integer starting at 1';
  return { sessionId, batchSeq, isLastBatch: last === true || last === 'true' };
}

/** Finds or opens the upload session, applying Meta's session rules (2650 subcodes). */
function openSession(state: MetaState, audience: MetaAudience, params: SessionParams, isReplace: boolean): MetaUploadSession | { subcode: number; message: string } {
  const now = state.nowMs();
  const existing = audience.sessions.get(params.sessionId);
  if (!existing) {
    if (params.batchSeq !== 1) return { subcode: 1870147, message: 'The first batch of a session must have batch_seq 1.' };
    const isReplaceRunning = [...audience.sessions.values()].some((session) => session.isReplace && !session.isFinished && now < session.startedAtMs + state.options.sessionWindowMs);
    if (isReplace && isReplaceRunning) return { subcode: 1870145, message: 'A replace operation is already in progress for this audience.' };
    const session: MetaUploadSession = { sessionId: params.sessionId, startedAtMs: now, isReplace, lastBatchSeq: 0, numReceived: 0, numInvalid: 0, isFinished: false, replacement: isReplace ? new MemberSet() : undefined };
    audience.sessions.set(params.sessionId, session);
    return session;
  }
  if (existing.isReplace !== isReplace) return { subcode: 1870148, message: 'This session was opened by another operation (users vs usersreplace).' };
  if (existing.isFinished) return { subcode: 1870159, message: 'This session already finished: its last batch was received.' };
  if (now >= existing.startedAtMs + state.options.sessionWindowMs) return { subcode: 1870158, message: 'The session timed out 90 minutes after its first batch; this batch was discarded.' };
  return existing;
}

/**
 * `POST|DELETE /{audience_id}/users` and `POST /{audience_id}/usersreplace`: at most 10,000 rows, hashed keys
 * checked, malformed rows skipped and sampled, sessions with batch_seq / last_batch_flag / a 90-minute window.
 */
export function uploadUsers(state: MetaState, audience: MetaAudience, params: Record<string, unknown>, mode: 'add' | 'remove' | 'replace', reply: FastifyReply): FastifyReply | Record<string, unknown> {
  const refusal = writeRefusal(state, audience);
  if (refusal) return sendGraphError(reply, refusal);
  const allowed = state.audienceCalls.take(audience.accountId, state.nowMs());
  if (!allowed.isAllowed) return sendGraphError(reply, rateLimitError(80003, audience.accountId, undefined));
  const payload = parsePayload(params.payload);
  if (typeof payload === 'string') return sendGraphError(reply, payload.startsWith('The parameter') ? graphErrors.missingParameter('payload') : graphErrors.invalidParameter(payload));
  if (payload.rows.length > state.options.maxRowsPerRequest) return sendGraphError(reply, graphErrors.tooManyRows(state.options.maxRowsPerRequest));
  const sessionParams = parseSession(params.session);
  if (typeof sessionParams === 'string') return sendGraphError(reply, graphErrors.invalidParameter(sessionParams));
  if (mode === 'replace' && !sessionParams) return sendGraphError(reply, graphErrors.missingParameter('session'));
  const session = sessionParams ? openSession(state, audience, sessionParams, mode === 'replace') : undefined;
  if (session && 'subcode' in session) return sendGraphError(reply, graphErrors.session(session.subcode, session.message));

  const samples: Record<string, string> = {};
  let invalid = 0;
  const now = state.nowMs();
  audience.members.beginChange(now, state.options.processingDelayMs);
  for (const row of payload.rows) {
    const identifiers = rowIdentifiers(payload.schema, row, payload.isRaw);
    if ('invalid' in identifiers && typeof identifiers.invalid === 'string') {
      invalid += 1;
      if (Object.keys(samples).length < MAX_SAMPLES) samples[String(identifiers.sample)] = String(identifiers.invalid);
      continue;
    }
    if (mode === 'remove') audience.members.remove(identifiers);
    else if (mode === 'replace') session?.replacement?.add(identifiers);
    else audience.members.add(identifiers);
  }
  audience.updatedAtMs = now;
  if (session && sessionParams) {
    session.lastBatchSeq = Math.max(session.lastBatchSeq, sessionParams.batchSeq);
    session.numReceived += payload.rows.length;
    session.numInvalid += invalid;
    if (sessionParams.isLastBatch) {
      session.isFinished = true;
      if (session.replacement) {
        audience.members.clear();
        for (const member of session.replacement.list()) audience.members.add(member.identifiers);
      }
    }
  }
  return {
    audience_id: audience.id,
    session_id: session?.sessionId ?? String(now),
    num_received: session?.numReceived ?? payload.rows.length,
    num_invalid_entries: session?.numInvalid ?? invalid,
    invalid_entry_samples: samples,
  };
}
