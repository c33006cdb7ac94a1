import { XMLParser } from 'fast-xml-parser';

/** Namespace of every Metadata API message and metadata file. */
export const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';

/** Escapes text for an XML element body or attribute. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Reverses the five predefined XML entities and numeric character references. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-fA-F]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(parseInt(dec, 10)))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/**
 * Serialises a plain value as SOAP does: arrays become repeated elements, objects nest, and
 * null/undefined fields are left out (the WSDL marks them minOccurs=0 or nillable).
 */
export function toXml(name: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((item) => toXml(name, item)).join('');
  if (typeof value === 'object') {
    const body = Object.entries(value as Record<string, unknown>)
      .map(([key, child]) => toXml(key, child))
      .join('');
    return `<${name}>${body}</${name}>`;
  }
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** Parses XML into plain objects without namespace prefixes, keeping every value a string. */
export function parseXml(xml: string, arrayTags: ReadonlySet<string> = new Set()): Record<string, unknown> {
  const parser = new XMLParser({
    ignoreAttributes: true,
    removeNSPrefix: true,
    parseTagValue: false,
    trimValues: true,
    isArray: (tagName) => arrayTags.has(tagName),
  });
  return parser.parse(xml) as Record<string, unknown>;
}

/** One top-level element inside a metadata file's root, kept byte for byte. */
export interface XmlElement {
  name: string;
  raw: string;
}

/** A metadata file split into its root element name and top-level child elements. */
export interface SplitXml {
  root: string;
  elements: XmlElement[];
}

const TOKEN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w:.-]*)((?:"[^"]*"|'[^']*'|[^'">])*?)(\/?)>/g;

/**
 * Splits a metadata XML file (an `.object`, `.labels`, ...) into its top-level child elements
 * without reformatting them, so that a child such as one `<fields>` element can be stored,
 * replaced and deleted on its own and later written back unchanged.
 */
export function splitRootElements(xml: string): SplitXml {
  let depth = 0;
  let root = '';
  let start = -1;
  let name = '';
  const elements: XmlElement[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(xml); match; match = TOKEN.exec(xml)) {
    const [token, closing, tag, , selfClosing] = match;
    if (!tag) continue;
    if (closing) {
      depth--;
      if (depth === 1 && start >= 0) {
        elements.push({ name, raw: xml.slice(start, match.index + token.length) });
        start = -1;
      }
    } else if (selfClosing) {
      if (depth === 0) return { root: localName(tag), elements };
      if (depth === 1) elements.push({ name: localName(tag), raw: token });
    } else {
      if (depth === 0) root = localName(tag);
      else if (depth === 1) {
        start = match.index;
        name = localName(tag);
      }
      depth++;
    }
  }
  if (!root) throw new Error('not an XML document: no root element');
  return { root, elements };
}

/** The text of the first `<fullName>` inside an element, which names a child component. */
export function fullNameOf(element: XmlElement): string | undefined {
  const match = /<fullName>([\s\S]*?)<\/fullName>/.exec(element.raw);
  return match ? unescapeXml(match[1]!.trim()) : undefined;
}

/** Writes a metadata file from a root name and top-level elements, indented as Salesforce does. */
export function joinRootElements(root: string, elements: readonly XmlElement[]): string {
  const body = elements.map((element) => `    ${element.raw}\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${METADATA_NS}">\n${body}</${root}>\n`;
}

function localName(tag: string): string {
  const colon = tag.indexOf(':');
  return colon >= 0 ? tag.slice(colon + 1) : tag;
}
