// The labels of a labels file, for a delta that ships the labels that changed rather than the
// whole file. Pure: text in, labels out. A labels file is mostly a long list of small, flat
// `<labels>` elements, and a delta touches a few of them, so the file is cut into its elements
// with a scan (well under a millisecond for 300 labels) instead of a parse (tens of milliseconds,
// more while the parser is cold), and only elements whose text differs between base and head are
// parsed, to tell a real change from a reformatting. Anything the scan cannot vouch for (comments,
// CDATA, attributes, an unexpected element or name) is parsed whole instead.
import { sdrParser as parser } from './sdr-xml.js';

/** One child element of a container file. */
export interface InFileChild {
  /** Its unique id (a label's fullName). */
  name: string;
  /** Its exact text in the file, when the file was scanned: equal texts are equal labels. */
  text?: string;
  /** Its parsed content, as a string, for when texts differ (or were not kept). */
  content(): string;
}

/**
 * The children of a container file (`<CustomLabels>` holding `<labels>` elements, named by their
 * `<fullName>`), by name. Throws when a child has no name (source-deploy-retrieve fails on it too).
 */
export function readInFileChildren(xml: string, container: string, element: string, idElement: string): Map<string, InFileChild> {
  return scanInFileChildren(xml, container, element, idElement) ?? parseWhole(xml, container, element, idElement);
}

/** Whether a child is unchanged between two versions of its file: same text, or same content once parsed. */
export function sameChild(a: InFileChild, b: InFileChild): boolean {
  return (a.text !== undefined && a.text === b.text) || a.content() === b.content();
}

const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/**
 * The scan: every `<element>…</element>` block, each holding exactly one `<idElement>name</idElement>`,
 * with nothing left around them but the XML declaration and the container's own tags. Undefined
 * when the file is anything else, so the caller parses it (readInFileChildren, or the retrieve's
 * check of which children came back, which keeps its own parse for the rest).
 */
export function scanInFileChildren(xml: string, container: string, element: string, idElement: string): Map<string, InFileChild> | undefined {
  // Comments, CDATA, DOCTYPE/entities and processing instructions could hide or fake a tag.
  if (xml.includes('<!') || xml.indexOf('<?', 1) >= 0) return undefined;
  const open = `<${element}>`;
  const close = `</${element}>`;
  const idOpen = `<${idElement}>`;
  const idClose = `</${idElement}>`;
  const children = new Map<string, InFileChild>();
  let outside = '';
  let at = 0;
  for (;;) {
    const start = xml.indexOf(`<${element}`, at);
    if (start < 0) break;
    // `<labels>` exactly: attributes or a self-closing tag are left to the parser.
    if (!xml.startsWith(open, start)) return undefined;
    const end = xml.indexOf(close, start);
    if (end < 0) return undefined;
    const text = xml.slice(start, end + close.length);
    if (text.indexOf(`<${element}`, open.length) >= 0) return undefined;
    const idStart = text.indexOf(idOpen);
    const idEnd = text.indexOf(idClose, idStart);
    if (idStart < 0 || idEnd < 0 || text.indexOf(idOpen, idEnd) >= 0) return undefined;
    const name = text.slice(idStart + idOpen.length, idEnd).trim();
    if (!NAME.test(name) || children.has(name)) return undefined;
    children.set(name, { name, text, content: once(() => JSON.stringify(parser.parse(text)[element])) });
    outside += xml.slice(at, start);
    at = end + close.length;
  }
  outside += xml.slice(at);
  const shell = new RegExp(`^\\s*(<\\?xml[^?<>]*\\?>)?\\s*<${container}(\\s[^<>]*)?>\\s*</${container}>\\s*$`);
  return shell.test(outside) ? children : undefined;
}

function parseWhole(xml: string, container: string, element: string, idElement: string): Map<string, InFileChild> {
  const root = (parser.parse(xml) as Record<string, Record<string, unknown> | undefined>)[container];
  const found = root?.[element];
  const children = new Map<string, InFileChild>();
  for (const child of Array.isArray(found) ? found : found === undefined ? [] : [found]) {
    const name = (child as Record<string, unknown> | undefined)?.[idElement];
    if (typeof name !== 'string' || !name) throw new Error(`a <${element}> element of the <${container}> file has no <${idElement}>`);
    const content = JSON.stringify(child);
    children.set(name, { name, content: () => content });
  }
  return children;
}

function once(compute: () => string): () => string {
  let value: string | undefined;
  return () => (value ??= compute());
}
