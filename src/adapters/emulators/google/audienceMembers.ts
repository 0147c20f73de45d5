import { base64ToHex, isSha256Base64 } from '../kit/hashing';
import { enumName } from './enums';
import type { FieldViolation } from './http';

/** Reading and checking Data Manager `audienceMembers:ingest|remove` bodies (proto3 JSON, camelCase). */
export interface ParsedMember {
  readonly identifiers: Record<string, string>;
  readonly isConsentDenied: boolean;
  readonly identifierCount: number;
}

export interface ParsedDestination {
  readonly index: number;
  readonly operatingAccountId: string;
  readonly loginAccountId: string | undefined;
  readonly productDestinationId: string;
  readonly raw: unknown;
}

type Json = Record<string, unknown>;
const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const HEX = /^[0-9a-fA-F]*$/;

/** The account of a ProductAccount: `accountType` (or the deprecated `product`) must be GOOGLE_ADS. */
function productAccount(value: unknown, field: string, violations: FieldViolation[]): string | undefined {
  const account = asObject(value);
  const type = enumName('accountType', account.accountType ?? account.product);
  if (type !== 'GOOGLE_ADS') {
    violations.push({ field: `${field}.account_type`, description: `Only GOOGLE_ADS accounts are supported (got ${JSON.stringify(type ?? null)}).`, reason: 'INVALID_ENUM_VALUE' });
    return undefined;
  }
  if (typeof account.accountId !== 'string' || !/^\d{10}$/.test(account.accountId)) {
    violations.push({ field: `${field}.account_id`, description: 'The account ID must be 10 digits without dashes.', reason: 'INVALID_FORMAT' });
    return undefined;
  }
  return account.accountId;
}

export function parseDestinations(body: Json, maxDestinations: number, violations: FieldViolation[]): ParsedDestination[] {
  const destinations = Array.isArray(body.destinations) ? body.destinations : [];
  if (destinations.length === 0) violations.push({ field: 'destinations', description: 'At least one destination is required.', reason: 'REQUIRED_FIELD_MISSING' });
  if (destinations.length > maxDestinations) violations.push({ field: 'destinations', description: `At most ${maxDestinations} destinations per request.`, reason: 'TOO_MANY_DESTINATIONS' });
  const parsed: ParsedDestination[] = [];
  for (const [index, raw] of destinations.entries()) {
    const destination = asObject(raw);
    const field = `destinations[${index}]`;
    const operatingAccountId = productAccount(destination.operatingAccount, `${field}.operating_account`, violations);
    const loginAccountId = destination.loginAccount === undefined ? undefined : productAccount(destination.loginAccount, `${field}.login_account`, violations);
    const productDestinationId = destination.productDestinationId;
    if (typeof productDestinationId !== 'string' || !/^\d+$/.test(productDestinationId)) {
      violations.push({ field: `${field}.product_destination_id`, description: 'product_destination_id must be the user list ID.', reason: 'INVALID_USER_LIST_ID' });
      continue;
    }
    if (operatingAccountId) parsed.push({ index, operatingAccountId, loginAccountId, productDestinationId, raw });
  }
  return parsed;
}

/** One hashed value in the request's encoding → lowercase hex, or a violation. */
function hashedValue(value: unknown, encoding: string, field: string, violations: FieldViolation[]): string | undefined {
  if (typeof value !== 'string' || value === '') {
    violations.push({ field, description: 'The value is empty.', reason: 'REQUIRED_FIELD_MISSING' });
    return undefined;
  }
  if (encoding === 'HEX') {
    if (!HEX.test(value)) violations.push({ field, description: 'The value is not valid hex.', reason: 'INVALID_HEX_ENCODING' });
    else if (value.length !== 64 || value !== value.toLowerCase()) violations.push({ field, description: 'The value is not a lowercase hex SHA-256 digest (64 characters).', reason: 'INVALID_SHA256_FORMAT' });
    else return value;
    return undefined;
  }
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) violations.push({ field, description: 'The value is not valid Base64.', reason: 'INVALID_BASE64_ENCODING' });
  else if (!isSha256Base64(value)) violations.push({ field, description: 'The value is not a Base64 SHA-256 digest (32 bytes).', reason: 'INVALID_SHA256_FORMAT' });
  else return base64ToHex(value);
  return undefined;
}

function isDenied(consent: unknown): boolean {
  const { adUserData, adPersonalization } = asObject(consent);
  return enumName('consentStatus', adUserData) === 'CONSENT_DENIED' || enumName('consentStatus', adPersonalization) === 'CONSENT_DENIED';
}

/** Every audience member's identifiers (hex), checking counts, the oneof and each hash; violations name the field. */
export function parseMembers(body: Json, limits: { maxMembers: number; maxIdentifiers: number }, violations: FieldViolation[]): ParsedMember[] {
  const encoding = enumName('encoding', body.encoding);
  if (encoding !== 'HEX' && encoding !== 'BASE64') violations.push({ field: 'encoding', description: 'encoding must be HEX or BASE64 for hashed user data.', reason: 'REQUIRED_FIELD_MISSING' });
  const members = Array.isArray(body.audienceMembers) ? body.audienceMembers : [];
  if (members.length === 0) violations.push({ field: 'audience_members', description: 'At least one audience member is required.', reason: 'REQUIRED_FIELD_MISSING' });
  if (members.length > limits.maxMembers) {
    violations.push({ field: 'audience_members', description: `At most ${limits.maxMembers} audience members per request (got ${members.length}).`, reason: 'TOO_MANY_AUDIENCE_MEMBERS' });
    return [];
  }
  const requestDenied = isDenied(body.consent);
  return members.map((raw, index) => {
    const member = asObject(raw);
    const field = `audience_members[${index}]`;
    const identifiers: Record<string, string> = {};
    const userIdentifiers = asObject(member.userData).userIdentifiers;
    if (member.userData === undefined) violations.push({ field, description: 'Only user_data audience members are supported.', reason: 'INVALID_AUDIENCE_MEMBER' });
    else if (!Array.isArray(userIdentifiers) || userIdentifiers.length === 0) violations.push({ field: `${field}.user_data.user_identifiers`, description: 'No identifiers were provided.', reason: 'NO_IDENTIFIERS_PROVIDED' });
    else if (userIdentifiers.length > limits.maxIdentifiers) violations.push({ field: `${field}.user_data.user_identifiers`, description: `At most ${limits.maxIdentifiers} identifiers per audience member.`, reason: 'TOO_MANY_USER_IDENTIFIERS' });
    else {
      for (const [position, rawIdentifier] of userIdentifiers.entries()) {
        const identifier = asObject(rawIdentifier);
        const path = `${field}.user_data.user_identifiers[${position}]`;
        const kinds = ['emailAddress', 'phoneNumber', 'address'].filter((kind) => identifier[kind] !== undefined);
        if (kinds.length !== 1) {
          violations.push({ field: path, description: 'Each user identifier must set exactly one of email_address, phone_number or address.', reason: 'INVALID_ARGUMENT' });
          continue;
        }
        const key = (type: string) => (identifiers[type] === undefined ? type : `${type}#${Object.keys(identifiers).filter((name) => name.startsWith(type)).length + 1}`);
        if (identifier.emailAddress !== undefined) {
          const hex = hashedValue(identifier.emailAddress, String(encoding), `${path}.email_address`, violations);
          if (hex) identifiers[key('EMAIL')] = hex;
        } else if (identifier.phoneNumber !== undefined) {
          const hex = hashedValue(identifier.phoneNumber, String(encoding), `${path}.phone_number`, violations);
          if (hex) identifiers[key('PHONE')] = hex;
        } else {
          const address = asObject(identifier.address);
          const given = hashedValue(address.givenName, String(encoding), `${path}.address.given_name`, violations);
          const family = hashedValue(address.familyName, String(encoding), `${path}.address.family_name`, violations);
          const region = address.regionCode;
          if (typeof region !== 'string' || !/^[A-Z]{2}$/.test(region)) violations.push({ field: `${path}.address.region_code`, description: 'region_code must be a two-letter uppercase CLDR region code (not hashed).', reason: 'INVALID_REGION_CODE' });
          if (typeof address.postalCode !== 'string' || !address.postalCode.trim()) violations.push({ field: `${path}.address.postal_code`, description: 'postal_code is required (not hashed).', reason: 'INVALID_POSTAL_CODE' });
          if (given && family && typeof region === 'string' && typeof address.postalCode === 'string') identifiers[key('ADDRESS')] = `${given}|${family}|${region}|${address.postalCode}`;
        }
      }
    }
    const isConsentDenied = member.consent === undefined ? requestDenied : isDenied(member.consent);
    return { identifiers, isConsentDenied, identifierCount: Array.isArray(userIdentifiers) ? userIdentifiers.length : 0 };
  });
}

/** MATCH_RATE_RANGE_* bucket of a match percentage. */
export function matchRateRange(matched: number, total: number): string {
  if (total === 0) return 'MATCH_RATE_RANGE_NOT_ELIGIBLE';
  const percent = (matched / total) * 100;
  if (percent < 20) return 'MATCH_RATE_RANGE_LESS_THAN_20';
  const buckets: Array<[number, string]> = [[30, '20_TO_30'], [40, '31_TO_40'], [50, '41_TO_50'], [60, '51_TO_60'], [70, '61_TO_70'], [80, '71_TO_80'], [90, '81_TO_90']];
  const bucket = buckets.find(([upper]) => percent <= upper);
  return `MATCH_RATE_RANGE_${bucket ? bucket[1] : '91_TO_100'}`;
}
