import { EmulatorQuota, systemClock, type EmulatorClock } from '../mapKit/quota';
import { EmulatorTokenStore } from '../mapKit/tokens';

/** A lead field as /rest/v1/leads/describe.json answers it. */
export interface MarketoFieldDef {
  id: number;
  displayName: string;
  dataType: 'string' | 'text' | 'email' | 'integer' | 'datetime' | 'url' | 'boolean' | 'phone';
  /** Present for string-like types (string: 255). */
  length?: number;
  restName: string;
  soapName: string;
  readOnly: boolean;
}

export type MarketoLead = Record<string, string | null> & { id: string };

export interface MarketoInstanceOptions {
  readonly munchkinId?: string;
  readonly clock?: EmulatorClock;
  /** §3: 100 calls per 20 s, 50,000 a day (reset at 12:00 AM CST). */
  readonly burstLimit?: number;
  readonly dailyLimit?: number;
  /** §1: tokens live 3,599 seconds. */
  readonly accessTtlSeconds?: number;
  /** §3: 10 concurrent calls. */
  readonly concurrencyLimit?: number;
}

/** One Marketo instance (subscription): leads, lead fields, tokens and the shared counters. */
export class MarketoInstanceState {
  readonly leads = new Map<number, MarketoLead>();
  readonly fields = new Map<string, MarketoFieldDef>();
  readonly clock: EmulatorClock;
  readonly quota: EmulatorQuota;
  readonly tokens: EmulatorTokenStore;
  readonly munchkinId: string;
  readonly concurrencyLimit: number;
  inFlight = 0;
  private nextId = 1;

  constructor(options: MarketoInstanceOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.munchkinId = options.munchkinId ?? '123-ABC-456';
    this.concurrencyLimit = options.concurrencyLimit ?? 10;
    this.quota = new EmulatorQuota(this.clock, { burstLimit: options.burstLimit ?? 100, burstWindowMs: 20_000, dailyLimit: options.dailyLimit ?? 50_000, dayOffsetHours: -6 });
    this.tokens = new EmulatorTokenStore(this.clock, 'mkto', options.accessTtlSeconds ?? 3_599);
  }

  insert(values: Record<string, string | null>, at: Date = this.clock.now()): MarketoLead {
    const id = this.nextId++;
    const lead: MarketoLead = { ...values, id: String(id), createdAt: at.toISOString(), updatedAt: at.toISOString() };
    this.leads.set(id, lead);
    return lead;
  }

  /** Lookup by any field (case-insensitive for e-mail); the first lead when several match. */
  find(lookupField: string, value: unknown): MarketoLead | undefined {
    if (lookupField === 'id') return this.leads.get(Number(value));
    const wanted = String(value ?? '').toLowerCase();
    for (const lead of this.leads.values()) if ((lead[lookupField] ?? '').toLowerCase() === wanted) return lead;
    return undefined;
  }
}
