/**
 * Where each value goes on Lead and Contact. By default openabm creates its own fields (Tooling API) at setup; an org
 * that has the managed package v2 (`sixsense_ce__…`) or the pre-June-2025 packages (`sw01_…`) can map onto those,
 * detected from describe (conversational-email-salesforce.txt, "CE packages to install in Salesforce").
 */
export const CE_VALUE_KEYS = ['status', 'lastSyncedAt', 'campaignName', 'campaignStatus', 'campaignCreator', 'campaignUrl'] as const;
export type CeValueKey = (typeof CE_VALUE_KEYS)[number];
export type FieldMode = 'openabm' | 'sixsense_v2' | 'sw01';
export type PersonObject = 'lead' | 'contact';

/** Candidate API names per mode; the first one describe shows wins (the sw01 help page spells two with a single `_c`). */
const CANDIDATES: Readonly<Record<FieldMode, Readonly<Record<CeValueKey, readonly string[]>>>> = {
  openabm: {
    status: ['openabm_ce_status__c'],
    lastSyncedAt: ['openabm_ce_last_synced_at__c'],
    campaignName: ['openabm_ce_campaign_name__c'],
    campaignStatus: ['openabm_ce_campaign_status__c'],
    campaignCreator: ['openabm_ce_campaign_creator__c'],
    campaignUrl: ['openabm_ce_campaign_url__c'],
  },
  sixsense_v2: {
    status: ['sixsense_ce__status__c'],
    lastSyncedAt: ['sixsense_ce__last_synced_at__c'],
    campaignName: ['sixsense_ce__campaign_name__c'],
    campaignStatus: ['sixsense_ce__campaign_status__c'],
    campaignCreator: ['sixsense_ce__campaign_creator__c'],
    campaignUrl: ['sixsense_ce__campaign_url__c'],
  },
  sw01: {
    status: ['sw01_status__c'],
    lastSyncedAt: ['sw01_last_synced_at__c'],
    campaignName: ['sw01_campaign_name__c'],
    campaignStatus: ['sw01_campaign_status__c'],
    campaignCreator: ['sw01_campaign_creator__c', 'sw01_campaign_creator_c'],
    campaignUrl: ['sw01_campaign_url__c', 'sw01_campaign_url_c'],
  },
};

/** openabm's own Do Not Contact checkbox, created with the rest when no DNC field is mapped. */
export const OPENABM_DNC_FIELD = 'openabm_ce_do_not_contact__c';

/** The fields openabm creates through the Tooling API in 'openabm' mode (type and length per value). */
export const OPENABM_FIELD_SPECS: ReadonlyArray<{ key: CeValueKey | 'dnc'; apiName: string; label: string; type: 'Text' | 'DateTime' | 'Url' | 'Checkbox'; length?: number }> = [
  { key: 'status', apiName: 'openabm_ce_status__c', label: 'openabm CE Status', type: 'Text', length: 40 },
  { key: 'lastSyncedAt', apiName: 'openabm_ce_last_synced_at__c', label: 'openabm CE Last Synced Time', type: 'DateTime' },
  { key: 'campaignName', apiName: 'openabm_ce_campaign_name__c', label: 'openabm CE Campaign Name', type: 'Text', length: 200 },
  { key: 'campaignStatus', apiName: 'openabm_ce_campaign_status__c', label: 'openabm CE Campaign Status', type: 'Text', length: 20 },
  { key: 'campaignCreator', apiName: 'openabm_ce_campaign_creator__c', label: 'openabm CE Campaign Creator', type: 'Text', length: 200 },
  { key: 'campaignUrl', apiName: 'openabm_ce_campaign_url__c', label: 'openabm CE Campaign URL', type: 'Url' },
  { key: 'dnc', apiName: OPENABM_DNC_FIELD, label: 'openabm CE Do Not Contact', type: 'Checkbox' },
];

export type FieldMap = Readonly<Record<PersonObject, Partial<Record<CeValueKey, string>>>>;

/** The mapping for a mode given the field names describe returned per object; values describe lacks are left out. */
export function resolveFieldMap(mode: FieldMode, describedFields: Readonly<Record<PersonObject, readonly string[]>>): FieldMap {
  const forObject = (object: PersonObject) => {
    const present = new Map(describedFields[object].map((name) => [name.toLowerCase(), name]));
    const map: Partial<Record<CeValueKey, string>> = {};
    for (const key of CE_VALUE_KEYS) {
      const found = CANDIDATES[mode][key].map((name) => present.get(name.toLowerCase())).find((name) => name !== undefined);
      if (found) map[key] = found;
    }
    return map;
  };
  return { lead: forObject('lead'), contact: forObject('contact') };
}

/** Which package modes an org could map onto (every value present on both objects). */
export function detectPackages(describedFields: Readonly<Record<PersonObject, readonly string[]>>): FieldMode[] {
  return (['sixsense_v2', 'sw01', 'openabm'] as const).filter((mode) => {
    const map = resolveFieldMap(mode, describedFields);
    return CE_VALUE_KEYS.every((key) => map.lead[key] && map.contact[key]);
  });
}

export function missingValues(map: FieldMap): string[] {
  return (['lead', 'contact'] as const).flatMap((object) => CE_VALUE_KEYS.filter((key) => !map[object][key]).map((key) => `${object}.${key}`));
}

/** Text values are cut to the field's length (200 for names). */
export const TEXT_LIMITS: Readonly<Partial<Record<CeValueKey, number>>> = { campaignName: 200, campaignCreator: 200, campaignUrl: 255, status: 40 };

export function cutToLength(key: CeValueKey, value: string): string {
  const limit = TEXT_LIMITS[key];
  return limit !== undefined && value.length > limit ? value.slice(0, limit) : value;
}

/**
 * The field values of one write: turning activity sync off also stops the status values (status and last synced,
 * "these data points are bundled together"); campaign fields and DNC still write.
 */
export function fieldValuesFor(
  map: FieldMap,
  object: PersonObject,
  values: Partial<Record<CeValueKey, string>>,
  options: { isActivitySyncOn: boolean },
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of CE_VALUE_KEYS) {
    const value = values[key];
    if (value === undefined) continue;
    if (!options.isActivitySyncOn && (key === 'status' || key === 'lastSyncedAt')) continue;
    const field = map[object][key];
    if (field) out[field] = cutToLength(key, value);
  }
  return out;
}
