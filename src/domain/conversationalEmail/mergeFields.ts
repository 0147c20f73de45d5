/**
 * Merge tags in subjects and bodies: `{{FirstName}}`, `{{Account.Name|your team}}` (text after `|` is the fallback).
 * A tag without a value and without a fallback is an Enrollment Error ("missing value for merge tag without
 * fallback", related-notes §7), so rendering reports the tags it could not fill.
 */
const TAG = /\{\{\s*([A-Za-z_][\w.]*)\s*(?:\|([^}]*))?\}\}/g;

export interface RenderedTemplate {
  readonly text: string;
  readonly missingTags: readonly string[];
}

export type MergeValues = Readonly<Record<string, string | null | undefined>>;

function lookup(values: MergeValues, name: string): string | undefined {
  const direct = values[name];
  if (typeof direct === 'string' && direct.trim() !== '') return direct;
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(values)) {
    if (key.toLowerCase() === lower && typeof value === 'string' && value.trim() !== '') return value;
  }
  return undefined;
}

export function renderTemplate(template: string, values: MergeValues): RenderedTemplate {
  const missing: string[] = [];
  const text = template.replace(TAG, (_whole, name: string, fallback: string | undefined) => {
    const value = lookup(values, name);
    if (value !== undefined) return value;
    if (fallback !== undefined) return fallback.trim();
    missing.push(name);
    return '';
  });
  return { text, missingTags: [...new Set(missing)] };
}

/** The tags a template uses, with whether each has a fallback (the campaign editor lists them). */
export function templateTags(template: string): Array<{ name: string; hasFallback: boolean }> {
  return [...template.matchAll(TAG)].map((match) => ({ name: match[1] ?? '', hasFallback: match[2] !== undefined }));
}

/** Tags without fallback that a person's values cannot fill, across every step: the Enrollment Error reason. */
export function missingTagsForPerson(templates: readonly string[], values: MergeValues): string[] {
  return [...new Set(templates.flatMap((template) => renderTemplate(template, values).missingTags))];
}
