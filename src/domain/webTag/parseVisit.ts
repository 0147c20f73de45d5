/**
 * The web tag's beacon, validated without a schema library (this runs 20,000 times a second): `{ k, v, u, r, t }` =
 * tag key, anonymous visitor id, page URL, referrer, client time (ms since epoch).
 */
export interface VisitBeacon {
  readonly tagKey: string;
  readonly visitorId: string;
  readonly url: string;
  /** host + path, lower-cased host, no query or fragment: what "pages seen" counts. */
  readonly page: string;
  readonly referrer: string | null;
  readonly visitedAt: Date;
}

export type ParsedBeacon = { ok: true; beacon: VisitBeacon } | { ok: false; error: string };

const TAG_KEY = /^[A-Za-z0-9_-]{16,64}$/;
const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;
const MAX_URL = 2048;
/**
 * A NUL character or half of a surrogate pair: no URL holds one (browsers percent-encode), and PostgreSQL text cannot
 * store either, so a visit carrying one would fail the whole batch it is written in.
 */
const UNSTORABLE = /[\0\p{Cs}]/u;
/** Client clocks drift: accept times up to a day old and 5 minutes ahead, otherwise use the server time. */
const MAX_AGE_MS = 86_400_000;
const MAX_AHEAD_MS = 300_000;

export function parseVisitBeacon(body: unknown, now: Date): ParsedBeacon {
  let value = body;
  if (typeof value === 'string') {
    if (value.length > 8192) return { ok: false, error: 'The beacon is too large.' };
    try {
      value = JSON.parse(value);
    } catch {
      return { ok: false, error: 'The beacon is not JSON.' };
    }
  }
  if (typeof value !== 'object' || value === null) return { ok: false, error: 'The beacon must be a JSON object.' };
  const fields = value as Record<string, unknown>;
  const { k, v, u, r, t } = fields;
  if (typeof k !== 'string' || !TAG_KEY.test(k)) return { ok: false, error: 'k (tag key) is missing or malformed.' };
  if (typeof v !== 'string' || !VISITOR_ID.test(v)) return { ok: false, error: 'v (visitor id) is missing or malformed.' };
  if (typeof u !== 'string' || u.length > MAX_URL) return { ok: false, error: 'u (page URL) is missing or longer than 2048 characters.' };
  if (UNSTORABLE.test(u)) return { ok: false, error: 'u (page URL) holds a NUL character or a broken Unicode character.' };
  const page = pageOf(u);
  if (!page) return { ok: false, error: 'u (page URL) is not an http(s) URL.' };
  let referrer: string | null = null;
  if (r !== undefined && r !== null && r !== '') {
    if (typeof r !== 'string' || r.length > MAX_URL) return { ok: false, error: 'r (referrer) must be a URL of at most 2048 characters.' };
    if (UNSTORABLE.test(r)) return { ok: false, error: 'r (referrer) holds a NUL character or a broken Unicode character.' };
    referrer = r;
  }
  let visitedAt = now;
  if (typeof t === 'number' && Number.isFinite(t) && t > now.getTime() - MAX_AGE_MS && t < now.getTime() + MAX_AHEAD_MS) visitedAt = new Date(Math.trunc(t));
  return { ok: true, beacon: { tagKey: k, visitorId: v, url: u, page, referrer, visitedAt } };
}

/** `https://WWW.Example.com/pricing?x=1#top` → `www.example.com/pricing`; undefined when not http(s). */
export function pageOf(url: string): string | undefined {
  const match = /^https?:\/\/([^/?#\s]+)([^?#\s]*)/i.exec(url);
  if (!match) return undefined;
  const host = (match[1] ?? '').toLowerCase().replace(/:(80|443)$/, '');
  const path = match[2] === '' ? '/' : (match[2] ?? '/');
  return `${host}${path}`;
}

/** Crawlers, monitors, headless browsers and HTTP libraries: not visits. */
const BOT_USER_AGENT = /bot|crawl|spider|slurp|bingpreview|facebookexternalhit|headlesschrome|phantomjs|python-requests|curl\/|wget|httpclient|go-http-client|java\/|okhttp|uptime|monitor|lighthouse|pingdom|scrapy|axios\/|node-fetch|undici/i;

/** User agents already classified: a site's visitors send few distinct ones, and the pattern is long. */
const classified = new Map<string, boolean>();
const MAX_CLASSIFIED = 2_000;

export function isBotUserAgent(userAgent: string | undefined): boolean {
  if (!userAgent || userAgent.length < 10) return true;
  let isBot = classified.get(userAgent);
  if (isBot === undefined) {
    isBot = BOT_USER_AGENT.test(userAgent);
    if (classified.size >= MAX_CLASSIFIED) classified.clear();
    classified.set(userAgent, isBot);
  }
  return isBot;
}
