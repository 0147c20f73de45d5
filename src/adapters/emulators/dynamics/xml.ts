/**
 * A small XML reader for FetchXML and paging cookies: elements, attributes, self-closing tags, entity references.
 * No namespaces, DTDs or mixed content are needed for either. Throws XmlSyntaxError on malformed input.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#X')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

export function encodeXmlAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function parseXml(source: string): XmlElement {
  let position = 0;
  const skipMisc = (): void => {
    for (;;) {
      while (position < source.length && /\s/.test(source[position] ?? '')) position += 1;
      if (source.startsWith('<?', position)) {
        const end = source.indexOf('?>', position);
        if (end < 0) throw new XmlSyntaxError('unterminated processing instruction');
        position = end + 2;
      } else if (source.startsWith('<!--', position)) {
        const end = source.indexOf('-->', position);
        if (end < 0) throw new XmlSyntaxError('unterminated comment');
        position = end + 3;
      } else return;
    }
  };
  const readElement = (): XmlElement => {
    if (source[position] !== '<') throw new XmlSyntaxError(`expected '<' at ${position}`);
    position += 1;
    const nameMatch = /^[A-Za-z_][\w.:-]*/.exec(source.slice(position));
    if (!nameMatch) throw new XmlSyntaxError(`expected an element name at ${position}`);
    const name = nameMatch[0];
    position += name.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const attributeMatch = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/.exec(source.slice(position));
      if (!attributeMatch) break;
      attributes[attributeMatch[1] ?? ''] = decodeXmlEntities(attributeMatch[3] ?? attributeMatch[4] ?? '');
      position += attributeMatch[0].length;
    }
    while (/\s/.test(source[position] ?? '')) position += 1;
    if (source.startsWith('/>', position)) {
      position += 2;
      return { name, attributes, children: [], text: '' };
    }
    if (source[position] !== '>') throw new XmlSyntaxError(`malformed tag <${name}> at ${position}`);
    position += 1;
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (position >= source.length) throw new XmlSyntaxError(`unclosed element <${name}>`);
      if (source.startsWith('<!--', position)) {
        skipMisc();
        continue;
      }
      if (source.startsWith('</', position)) {
        const close = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(source.slice(position));
        if (!close || close[1] !== name) throw new XmlSyntaxError(`mismatched closing tag for <${name}> at ${position}`);
        position += close[0].length;
        return { name, attributes, children, text: decodeXmlEntities(text).trim() };
      }
      if (source[position] === '<') {
        children.push(readElement());
        continue;
      }
      const next = source.indexOf('<', position);
      const end = next < 0 ? source.length : next;
      text += source.slice(position, end);
      position = end;
    }
  };
  skipMisc();
  const root = readElement();
  skipMisc();
  if (position !== source.length) throw new XmlSyntaxError('content after the root element');
  return root;
}

/** Serialises an element back to XML (attributes in insertion order). */
export function serializeXml(element: XmlElement): string {
  const attributes = Object.entries(element.attributes)
    .map(([key, value]) => ` ${key}="${encodeXmlAttribute(value)}"`)
    .join('');
  if (element.children.length === 0 && element.text === '') return `<${element.name}${attributes} />`;
  const inner = element.children.map(serializeXml).join('') + encodeXmlAttribute(element.text);
  return `<${element.name}${attributes}>${inner}</${element.name}>`;
}
