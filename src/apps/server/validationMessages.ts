/**
 * Turns a schema issue into a sentence a person can act on, written for the field it concerns
 * ("Enter a valid e-mail address."), never "Invalid body at /email". Used by the central error handler.
 */
export interface SchemaIssue {
  /** zod's issue code: invalid_type, too_small, too_big, invalid_format, invalid_value, unrecognized_keys, custom… */
  readonly keyword: string;
  /** /email, /filters/0/value */
  readonly instancePath: string;
  readonly message?: string | undefined;
  readonly params: Readonly<Record<string, unknown>>;
}

/** Field names whose plain reading is not just their words split apart. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  email: 'E-mail address',
  loginUrl: 'Login URL',
  orgUrl: 'Organisation URL',
  url: 'URL',
  id: 'Id',
};

const TYPE_WORDS: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

function pathSegments(instancePath: string): string[] {
  return instancePath.split('/').filter((segment) => segment !== '');
}

/** "currentPassword" → "Current password"; a list item reads "Filters item 2". */
export function fieldLabel(instancePath: string): string | undefined {
  const segments = pathSegments(instancePath);
  const last = segments.at(-1);
  if (last === undefined) return undefined;
  if (/^\d+$/.test(last)) {
    const parent = segments.at(-2);
    return parent === undefined ? `Item ${Number(last) + 1}` : `${fieldLabel(`/${parent}`)} item ${Number(last) + 1}`;
  }
  const known = FIELD_LABELS[last];
  if (known !== undefined) return known;
  const words = last
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function numberParam(params: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const value = params[name];
  return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : undefined;
}

function sizeSentence(label: string, issue: SchemaIssue, bound: 'least' | 'most'): string {
  const limit = numberParam(issue.params, bound === 'least' ? 'minimum' : 'maximum');
  const origin = issue.params.origin;
  if (limit === undefined) return `${label} is too ${bound === 'least' ? 'short' : 'long'}.`;
  if (origin === 'string') {
    if (bound === 'least' && limit === 1) return `${label} cannot be empty.`;
    return `${label} must be at ${bound} ${limit} character${limit === 1 ? '' : 's'}.`;
  }
  if (origin === 'array' || origin === 'set') return `${label} must have at ${bound} ${limit} item${limit === 1 ? '' : 's'}.`;
  return `${label} must be at ${bound} ${limit}.`;
}

function formatSentence(label: string, format: unknown): string {
  if (format === 'email') return 'Enter a valid e-mail address.';
  if (format === 'url') return `${label} must be a full URL, such as https://example.com.`;
  if (format === 'uuid' || format === 'guid') return `${label} is not a valid id.`;
  if (format === 'datetime' || format === 'date') return `${label} must be a date, such as 2026-01-31.`;
  return `${label} is not in the expected format.`;
}

export function validationSentence(issueWithOptionalMessage: SchemaIssue, where: string): string {
  const issue = { ...issueWithOptionalMessage, message: issueWithOptionalMessage.message ?? 'the value is not valid' };
  const label = fieldLabel(issue.instancePath);
  if (label === undefined) {
    if (issue.keyword === 'unrecognized_keys') return unknownKeysSentence(issue);
    return where === 'body' ? 'Send the request body as a JSON object.' : `The ${where} of the request is not valid: ${issue.message}`;
  }
  switch (issue.keyword) {
    case 'invalid_type':
      // zod writes "… received undefined" for a missing field (it does not echo inputs back).
      if (/received undefined/.test(issue.message)) return `${label} is required.`;
      return `${label} must be ${TYPE_WORDS[String(issue.params.expected)] ?? String(issue.params.expected)}.`;
    case 'too_small':
      return sizeSentence(label, issue, 'least');
    case 'too_big':
      return sizeSentence(label, issue, 'most');
    case 'invalid_format':
      return formatSentence(label, issue.params.format);
    case 'invalid_value': {
      const values = Array.isArray(issue.params.values) ? issue.params.values.map(String) : [];
      return values.length > 0 ? `${label} must be one of: ${values.join(', ')}.` : `${label} has a value that is not allowed.`;
    }
    case 'unrecognized_keys':
      return unknownKeysSentence(issue);
    default:
      // Refinements (custom) carry their own sentence.
      return issue.message.endsWith('.') ? issue.message : `${label}: ${issue.message}.`;
  }
}

function unknownKeysSentence(issue: Pick<SchemaIssue, 'params'>): string {
  const keys = Array.isArray(issue.params.keys) ? issue.params.keys.map(String) : [];
  return keys.length === 1 ? `"${keys[0]}" is not a field this request accepts.` : `These fields are not accepted here: ${keys.join(', ')}.`;
}
