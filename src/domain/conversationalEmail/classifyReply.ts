/**
 * Reply classification: a transparent rule set behind an interface, so a language model can implement
 * `ReplyClassifier` later without changing the callers. Rules run in order; the first match wins; each names itself
 * (`matchedRule`) so the conversation page can say why a reply was classed as it was.
 */
export const REPLY_INTENTS = ['qualified', 'not_interested', 'not_interested_now', 'do_not_contact', 'out_of_office', 'wrong_person', 'other'] as const;
export type ReplyIntent = (typeof REPLY_INTENTS)[number];

export interface ReplyInput {
  readonly subject: string;
  readonly text: string;
  readonly receivedAt: Date;
}

export interface ReplyClassification {
  readonly intent: ReplyIntent;
  readonly matchedRule: string;
  /** out_of_office: the day the person is back (YYYY-MM-DD), when the reply says. */
  readonly returnDate?: string;
  /** wrong_person: the colleague the reply points to, when it names an address. */
  readonly referralEmail?: string;
  /** 0–1, for classifiers that weigh (a language model); the rule table is certain and leaves it out. */
  readonly confidence?: number;
}

export interface ReplyClassifier {
  classify(reply: ReplyInput): Promise<ReplyClassification>;
}

interface Rule {
  readonly name: string;
  readonly intent: ReplyIntent;
  readonly pattern: RegExp;
  /** Where the pattern looks: the new text of the reply, or the subject too (auto-replies say it in the subject). */
  readonly isSubjectChecked?: boolean;
}

const RULES: readonly Rule[] = [
  { name: 'auto-reply', intent: 'out_of_office', pattern: /\b(out of (the )?office|automatic reply|auto[- ]?reply|autoreply|on (annual |parental |sick )?leave|on vacation|on holiday|away from (the )?office|limited access to (my )?e-?mail)\b/i, isSubjectChecked: true },
  { name: 'do-not-contact', intent: 'do_not_contact', pattern: /\b(unsubscribe|remove me|take me off|do not (contact|email|e-mail) me|don'?t (contact|email|e-mail) me|stop (emailing|e-mailing|contacting|sending)|opt(ed)? out|never contact)\b/i },
  { name: 'wrong-person', intent: 'wrong_person', pattern: /\b(wrong person|not the (right|best|correct) (person|contact)|no longer (work|with|at)|(has |have )?left the company|not responsible for|you (should|could|might) (talk|speak|reach out) to|(please )?(reach out|contact|talk) to my colleague|better (person|contact) (would be|is))\b/i },
  { name: 'not-now', intent: 'not_interested_now', pattern: /\b(not interested (right now|at the moment|at this time|for now)|not (right )?now|not at (the|this) moment|not a priority (right now|at the moment|this (quarter|year))|(maybe|perhaps|try( again)?|circle back|check back|reach out( again)?|follow up) (in|next) (a few|\d+|the new|next)?\s*(weeks?|months?|quarters?|year|q[1-4])|timing (is not|isn'?t) right|bad timing|next (quarter|year))\b/i },
  { name: 'not-interested', intent: 'not_interested', pattern: /\b(not interested|no,? thanks|no thank you|we('| a)re (all )?set|already (have|use|using|work with)|not a (good )?fit|no need|we('| a)re good|please pass|not for us)\b/i },
  { name: 'interested', intent: 'qualified', pattern: /\b(interested|let'?s (talk|chat|meet|connect)|set up a (call|meeting|time|demo)|book (a|some) (time|call|meeting|demo)|schedule (a|some) (call|meeting|time|demo)|(a )?demo|sounds (good|great|interesting)|tell me more|happy to (chat|talk|meet|connect)|send (me )?(some )?(times|a calendar|an invite)|my calendar|when are you (free|available)|i'?m available|call me)\b/i },
];

/** The new part of a reply: quoted lines ("> …") and everything from "On … wrote:" / "-----Original Message-----" on are dropped. */
export function newReplyText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (/^\s*On .+wrote:\s*$/i.test(line) || /^-{2,}\s*Original Message\s*-{2,}/i.test(line) || /^From: .+/.test(line)) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n').trim();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDay(year: number, monthIndex: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, monthIndex, day));
  if (date.getUTCMonth() !== monthIndex || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** A date without a year is the next one on or after the day the reply arrived. */
function nextOccurrence(monthIndex: number, day: number, receivedAt: Date): string | undefined {
  const year = receivedAt.getUTCFullYear();
  const candidate = isoDay(year, monthIndex, day);
  if (candidate && candidate >= receivedAt.toISOString().slice(0, 10)) return candidate;
  return isoDay(year + 1, monthIndex, day);
}

/** "back on 14 December", "until Dec 14, 2026", "returning 2026-12-14", "until 12/14". */
export function parseReturnDate(text: string, receivedAt: Date): string | undefined {
  const cue = /\b(until|till|back (on|in the office on)?|return(ing)?( on)?|returns?( on)?|from)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?/gi;
  for (const match of text.matchAll(cue)) {
    const rest = text.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 40);
    const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(rest);
    if (iso) return isoDay(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]));
    const monthFirst = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?/i.exec(rest);
    const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3,9})\.?(?:,?\s+(\d{4}))?/i.exec(rest);
    const named = monthFirst ? { month: monthFirst[1], day: monthFirst[2], year: monthFirst[3] } : dayFirst ? { month: dayFirst[2], day: dayFirst[1], year: dayFirst[3] } : undefined;
    if (named) {
      const monthIndex = MONTHS.indexOf((named.month ?? '').slice(0, 3).toLowerCase());
      if (monthIndex >= 0) return named.year ? isoDay(Number(named.year), monthIndex, Number(named.day)) : nextOccurrence(monthIndex, Number(named.day), receivedAt);
    }
    const slashed = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?/.exec(rest);
    if (slashed) {
      const monthIndex = Number(slashed[1]) - 1;
      return slashed[3] ? isoDay(Number(slashed[3]), monthIndex, Number(slashed[2])) : nextOccurrence(monthIndex, Number(slashed[2]), receivedAt);
    }
  }
  return undefined;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** Classifies with the rule table above; pure and synchronous underneath. */
export function classifyReplyByRules(reply: ReplyInput): ReplyClassification {
  const body = newReplyText(reply.text);
  for (const rule of RULES) {
    const haystack = rule.isSubjectChecked ? `${reply.subject}\n${body}` : body;
    if (!rule.pattern.test(haystack)) continue;
    if (rule.intent === 'out_of_office') {
      const returnDate = parseReturnDate(body, reply.receivedAt);
      return { intent: rule.intent, matchedRule: rule.name, ...(returnDate ? { returnDate } : {}) };
    }
    if (rule.intent === 'wrong_person') {
      const referral = EMAIL.exec(body)?.[0];
      return { intent: rule.intent, matchedRule: rule.name, ...(referral ? { referralEmail: referral.toLowerCase() } : {}) };
    }
    return { intent: rule.intent, matchedRule: rule.name };
  }
  return { intent: 'other', matchedRule: 'no-rule-matched' };
}

export const ruleBasedReplyClassifier: ReplyClassifier = {
  classify: async (reply) => classifyReplyByRules(reply),
};
