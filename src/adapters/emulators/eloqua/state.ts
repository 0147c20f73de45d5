import { EmulatorQuota, systemClock, type EmulatorClock } from '../mapKit/quota';
import { EmulatorTokenStore } from '../mapKit/tokens';

/** A contact field as /api/REST/1.0/assets/contact/fields answers it. */
export interface EloquaFieldDef {
  id: string;
  name: string;
  internalName: string;
  dataType: 'text' | 'largeText' | 'emailAddress' | 'number' | 'date';
  displayType: 'text' | 'textArea' | 'singleSelect';
  /** Standard fields live on the contact itself (emailAddress, accountName); custom ones in fieldValues. */
  property?: string;
  isReadOnly: boolean;
}

export interface EloquaContact {
  id: string;
  emailAddress: string;
  firstName: string;
  lastName: string;
  accountName: string;
  country: string;
  createdAt: number;
  updatedAt: number;
  /** Custom field id → value. */
  fieldValues: Map<string, string>;
}

export interface EloquaInstanceOptions {
  readonly siteName?: string;
  readonly clock?: EmulatorClock;
  /** Eloqua publishes no quota (§3): a configurable cap answering 429, 0 = none. */
  readonly dailyLimit?: number;
  /** OAuth access tokens live 8 hours. */
  readonly accessTtlSeconds?: number;
  /** Basic auth: the password stops working at this instant (the "Expire every 90 days" policy). */
  readonly passwordExpiresAt?: Date;
}

export class EloquaInstanceState {
  readonly contacts = new Map<string, EloquaContact>();
  readonly fields = new Map<string, EloquaFieldDef>();
  readonly clock: EmulatorClock;
  readonly quota: EmulatorQuota;
  readonly tokens: EmulatorTokenStore;
  readonly siteName: string;
  passwordExpiresAt: Date | undefined;
  private nextId = 1;

  constructor(options: EloquaInstanceOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.siteName = options.siteName ?? 'OpenAbmDemo';
    this.passwordExpiresAt = options.passwordExpiresAt;
    this.quota = new EmulatorQuota(this.clock, { burstLimit: 0, burstWindowMs: 1_000, dailyLimit: options.dailyLimit ?? 0 });
    this.tokens = new EmulatorTokenStore(this.clock, 'eloqua', options.accessTtlSeconds ?? 28_800);
  }

  insert(values: Omit<EloquaContact, 'id' | 'createdAt' | 'updatedAt' | 'fieldValues'>, at: Date = this.clock.now()): EloquaContact {
    const seconds = Math.floor(at.getTime() / 1000);
    const contact: EloquaContact = { ...values, id: String(this.nextId++), createdAt: seconds, updatedAt: seconds, fieldValues: new Map() };
    this.contacts.set(contact.id, contact);
    return contact;
  }
}
