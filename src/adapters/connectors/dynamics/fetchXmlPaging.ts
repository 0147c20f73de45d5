/**
 * FetchXML paging (reference §4): set count/page/paging-cookie on <fetch>, read the next page's cookie from the
 * `@Microsoft.Dynamics.CRM.fetchxmlpagingcookie` annotation (its pagingcookie attribute is URL-encoded twice).
 * Pure string work on the view's own FetchXML: the rest of the query is left exactly as the view defines it.
 */
const FETCH_OPEN_TAG = /<fetch\b([^>]*?)(\/?)>/;
const PAGING_ATTRIBUTES = /\s(?:count|page|paging-cookie|top)\s*=\s*(?:"[^"]*"|'[^']*')/g;

export function escapeXmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function unescapeXmlAttribute(text: string): string {
  return text.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function withPaging(fetchXml: string, paging: { readonly page: number; readonly count: number; readonly pagingCookie: string | undefined }): string {
  const match = FETCH_OPEN_TAG.exec(fetchXml);
  if (!match) throw new Error('FetchXML without a <fetch> element');
  const kept = (match[1] ?? '').replace(PAGING_ATTRIBUTES, '');
  const cookie = paging.pagingCookie === undefined ? '' : ` paging-cookie="${escapeXmlAttribute(paging.pagingCookie)}"`;
  return fetchXml.replace(FETCH_OPEN_TAG, `<fetch${kept} count="${paging.count}" page="${paging.page}"${cookie}${match[2] ?? ''}>`);
}

/** The next page number and the decoded cookie to send with it; undefined when the annotation is unreadable. */
export function readPagingCookie(annotation: string): { readonly pageNumber: number; readonly pagingCookie: string } | undefined {
  const encoded = /\bpagingcookie\s*=\s*"([^"]*)"/.exec(annotation)?.[1];
  const pageNumber = Number(/\bpagenumber\s*=\s*"(\d+)"/.exec(annotation)?.[1]);
  if (encoded === undefined || !Number.isInteger(pageNumber)) return undefined;
  try {
    return { pageNumber, pagingCookie: decodeURIComponent(decodeURIComponent(unescapeXmlAttribute(encoded))) };
  } catch {
    return undefined;
  }
}

export function fetchEntityName(fetchXml: string): string | undefined {
  return /<entity\s+name\s*=\s*["']([^"']+)["']/.exec(fetchXml)?.[1];
}

/** Adds the attributes matching needs (name, website, country, …) when the view does not already return them. */
export function withAttributes(fetchXml: string, attributes: readonly string[]): string {
  if (/<all-attributes\s*\/>/.test(fetchXml)) return fetchXml;
  const entityTag = /<entity\s+name\s*=\s*["'][^"']+["']\s*>/.exec(fetchXml);
  if (!entityTag) return fetchXml;
  const missing = attributes.filter((name) => !new RegExp(`<attribute\\s+name\\s*=\\s*["']${name}["']`).test(fetchXml));
  if (missing.length === 0) return fetchXml;
  const insertAt = entityTag.index + entityTag[0].length;
  return `${fetchXml.slice(0, insertAt)}${missing.map((name) => `<attribute name="${name}" />`).join('')}${fetchXml.slice(insertAt)}`;
}

/** Column names used in the view's filters (for the rule "permission to view all of the fields used in the filters"). */
export function filterAttributes(fetchXml: string): string[] {
  return [...new Set([...fetchXml.matchAll(/<condition\b[^>]*\battribute\s*=\s*["']([^"']+)["']/g)].map((match) => match[1] ?? ''))];
}
