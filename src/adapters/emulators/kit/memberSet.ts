import { isMatchedKey } from './hashing';

/**
 * One audience member as the channel keeps it: its identifiers by type (e.g. {EMAIL: hex, PHONE: hex}); a second
 * identifier of one type is written `EMAIL#2` (matched as EMAIL).
 */
export type MemberIdentifiers = Readonly<Record<string, string>>;

const indexKey = (type: string, value: string) => `${type.replace(/#\d+$/, '')}:${value}`;

/**
 * The members of one channel audience (people or companies), wire-independent. A member is one record with one or
 * more identifiers; adding a record that shares an identifier with a member merges into it, removing a record
 * removes every member sharing any of its identifiers (how the channels match removals). Counts shown to clients
 * lag behind changes by a processing delay (delayed availability), while `size`/`list` are the live truth for
 * inspection.
 */
export class MemberSet {
  private readonly members = new Map<string, Record<string, string>>();
  private readonly index = new Map<string, string>();
  private processingUntilMs = Number.NEGATIVE_INFINITY;
  private countsBefore = { size: 0, matched: 0 };
  private matchedLive = 0;
  lastChangeMs: number | undefined;

  constructor(private readonly isMatched: (value: string) => boolean = isMatchedKey) {}

  get size(): number {
    return this.members.size;
  }

  get matchedCount(): number {
    return this.matchedLive;
  }

  private memberIsMatched(identifiers: Readonly<Record<string, string>>): boolean {
    return Object.values(identifiers).some((value) => this.isMatched(value));
  }

  /** Marks a change at `nowMs` whose effect clients see only after `delayMs`. */
  beginChange(nowMs: number, delayMs: number): void {
    if (nowMs >= this.processingUntilMs) this.countsBefore = { size: this.size, matched: this.matchedLive };
    this.processingUntilMs = nowMs + delayMs;
    this.lastChangeMs = nowMs;
  }

  isProcessing(nowMs: number): boolean {
    return nowMs < this.processingUntilMs;
  }

  /** What the channel reports: the counts before the change while it is still processing, the live ones after. */
  reported(nowMs: number): { size: number; matched: number } {
    return this.isProcessing(nowMs) ? this.countsBefore : { size: this.size, matched: this.matchedLive };
  }

  add(identifiers: MemberIdentifiers): void {
    const entries = Object.entries(identifiers).filter(([, value]) => value !== '');
    if (entries.length === 0) return;
    const existingKey = entries.map(([type, value]) => this.index.get(indexKey(type, value))).find((key) => key !== undefined);
    const key = existingKey ?? `${entries[0]?.[0]}:${entries[0]?.[1]}`;
    const previous = this.members.get(key);
    if (previous && this.memberIsMatched(previous)) this.matchedLive -= 1;
    const merged = { ...(previous ?? {}), ...Object.fromEntries(entries) };
    this.members.set(key, merged);
    for (const [type, value] of entries) this.index.set(indexKey(type, value), key);
    if (this.memberIsMatched(merged)) this.matchedLive += 1;
  }

  /** Removes every member sharing an identifier with the record; returns how many were removed. */
  remove(identifiers: MemberIdentifiers): number {
    let removed = 0;
    for (const [type, value] of Object.entries(identifiers)) {
      const key = this.index.get(indexKey(type, value));
      const member = key === undefined ? undefined : this.members.get(key);
      if (key === undefined || !member) continue;
      this.members.delete(key);
      for (const [memberType, memberValue] of Object.entries(member)) this.index.delete(indexKey(memberType, memberValue));
      if (this.memberIsMatched(member)) this.matchedLive -= 1;
      removed += 1;
    }
    return removed;
  }

  clear(): void {
    this.members.clear();
    this.index.clear();
    this.matchedLive = 0;
  }

  has(type: string, value: string): boolean {
    return this.index.has(indexKey(type, value));
  }

  /** Every member, sorted by key, for the inspection endpoint. */
  list(): Array<{ key: string; identifiers: Record<string, string>; isMatched: boolean }> {
    return [...this.members.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, identifiers]) => ({ key, identifiers: { ...identifiers }, isMatched: this.memberIsMatched(identifiers) }));
  }
}
