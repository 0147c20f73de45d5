/**
 * Stored values (`in_progress`, `stopped_api_limit`, `crmContacts`) are never shown as they are stored: a page shows
 * the value's label, and a value without one (a new value the page does not know yet) in words.
 */

/** Words for a value without a label of its own: `stopped_responding` → "Stopped responding", `webVisits` → "Web visits". */
export function inWords(value: string): string {
  const words = value
    .replace(/([a-z0-9])([A-Z])/g, (_match, before: string, upper: string) => `${before} ${upper.toLowerCase()}`)
    .replace(/_+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return words === '' ? value : `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** The value's label, else the value in words. */
export function labelFor(labels: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(labels, value) ? (labels[value] as string) : inWords(value);
}
