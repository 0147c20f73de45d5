import { EmulatorQuota, systemClock, type EmulatorClock } from '../mapKit/quota';
import { EmulatorTokenStore } from '../mapKit/tokens';

/** A HubSpot property definition as /crm/v3/properties answers it. */
export interface HubSpotPropertyDef {
  name: string;
  label: string;
  type: 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';
  fieldType: 'text' | 'textarea' | 'select' | 'checkbox' | 'number' | 'date' | 'booleancheckbox' | 'radio';
  groupName: string;
  description: string;
  options: { label: string; value: string; displayOrder: number; hidden: boolean }[];
  hubspotDefined: boolean;
  readOnly: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface HubSpotObjectRecord {
  id: string;
  properties: Record<string, string | null>;
  createdAt: Date;
  updatedAt: Date;
}

export interface HubSpotObjectStore {
  readonly records: Map<string, HubSpotObjectRecord>;
  readonly properties: Map<string, HubSpotPropertyDef>;
}

export interface HubSpotPortalOptions {
  readonly portalId?: number;
  readonly clock?: EmulatorClock;
  /** §3: private app Free/Starter: 100 / 10 s, 250,000 a day. */
  readonly burstLimit?: number;
  readonly dailyLimit?: number;
  /** OAuth access tokens live 30 minutes at HubSpot. */
  readonly accessTtlSeconds?: number;
}

/** One HubSpot portal: objects with their properties, tokens and the rate-limit counters. */
export class HubSpotPortalState {
  readonly objects = new Map<string, HubSpotObjectStore>();
  readonly clock: EmulatorClock;
  readonly quota: EmulatorQuota;
  readonly tokens: EmulatorTokenStore;
  readonly portalId: number;
  private nextId = 1000;

  constructor(options: HubSpotPortalOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.portalId = options.portalId ?? 24_681_357;
    this.quota = new EmulatorQuota(this.clock, { burstLimit: options.burstLimit ?? 100, burstWindowMs: 10_000, dailyLimit: options.dailyLimit ?? 250_000 });
    this.tokens = new EmulatorTokenStore(this.clock, 'pat-na1', options.accessTtlSeconds ?? 1_800);
  }

  store(objectType: string): HubSpotObjectStore | undefined {
    return this.objects.get(objectType);
  }

  ensureObject(objectType: string): HubSpotObjectStore {
    let store = this.objects.get(objectType);
    if (!store) {
      store = { records: new Map(), properties: new Map() };
      this.objects.set(objectType, store);
    }
    return store;
  }

  newId(): string {
    this.nextId += 1;
    return String(this.nextId);
  }

  /** Adds a record with a fresh numeric id and the read-only stamps HubSpot keeps. */
  insert(objectType: string, properties: Record<string, string | null>, at: Date = this.clock.now()): HubSpotObjectRecord {
    const id = this.newId();
    const record: HubSpotObjectRecord = { id, properties: { ...properties, hs_object_id: id }, createdAt: at, updatedAt: at };
    this.stamp(record, at);
    this.ensureObject(objectType).records.set(id, record);
    return record;
  }

  stamp(record: HubSpotObjectRecord, at: Date): void {
    record.updatedAt = at;
    record.properties.createdate = record.createdAt.toISOString();
    record.properties.hs_lastmodifieddate = at.toISOString();
    record.properties.lastmodifieddate = at.toISOString();
  }
}
