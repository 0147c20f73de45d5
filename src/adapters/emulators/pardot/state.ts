import { EmulatorQuota, systemClock, type EmulatorClock } from '../mapKit/quota';
import { EmulatorTokenStore } from '../mapKit/tokens';

/** A prospect custom field as /api/v5/objects/custom-fields answers it. */
export interface PardotCustomField {
  id: number;
  fieldId: string;
  name: string;
  type: 'Text' | 'TextArea' | 'Checkbox' | 'Dropdown' | 'Multi-Select' | 'Number' | 'Date';
}

export type PardotProspect = Record<string, string | number | boolean | null> & { id: number };

export interface PardotBusinessUnitOptions {
  readonly businessUnitId?: string;
  readonly clock?: EmulatorClock;
  /** §3: daily API calls per business unit (Growth 25,000; Plus 50,000; Advanced/Premium 100,000). */
  readonly dailyLimit?: number;
  /** §3: at most 5 concurrent requests. */
  readonly concurrencyLimit?: number;
  /** The Salesforce session timeout (default 2 hours). */
  readonly sessionTimeoutSeconds?: number;
}

/** One Account Engagement business unit: prospects, custom fields, tokens, counters. */
export class PardotBusinessUnitState {
  readonly prospects = new Map<number, PardotProspect>();
  readonly customFields = new Map<string, PardotCustomField>();
  readonly clock: EmulatorClock;
  readonly quota: EmulatorQuota;
  readonly tokens: EmulatorTokenStore;
  readonly businessUnitId: string;
  readonly concurrencyLimit: number;
  inFlight = 0;
  private nextId = 10_000_001;

  constructor(options: PardotBusinessUnitOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.businessUnitId = options.businessUnitId ?? '0Uv5g000000TestAAA';
    this.concurrencyLimit = options.concurrencyLimit ?? 5;
    this.quota = new EmulatorQuota(this.clock, { burstLimit: 0, burstWindowMs: 1_000, dailyLimit: options.dailyLimit ?? 50_000 });
    this.tokens = new EmulatorTokenStore(this.clock, '00D5g000000Test!AQ', options.sessionTimeoutSeconds ?? 7_200);
  }

  insert(values: Record<string, string | null>, at: Date = this.clock.now()): PardotProspect {
    const id = this.nextId++;
    const prospect: PardotProspect = { ...values, id, createdAt: at.toISOString(), updatedAt: at.toISOString(), isDeleted: false };
    this.prospects.set(id, prospect);
    return prospect;
  }
}
