/**
 * Unites two retrieved versions of one profile or permission set. Salesforce returns, for a
 * profile or permission set, only its permissions on the other components of the same retrieve
 * (Metadata API Developer Guide, "Profile": "the contents of a retrieved profile depend on the
 * other components in the retrieve request"); a snapshot retrieved in batches gets each batch's
 * share, and the union is what one retrieve of everything would have returned. The top-level
 * elements of both files are kept once each, grouped by element name, the names in alphabetical
 * order: the order of the Profile, PermissionSet and MutingPermissionSet sequences in the Metadata
 * API WSDL, which a deploy checks ("Element … invalid at this location"), and the order
 * Salesforce writes them in.
 */
export function mergePermissionFiles(first: string, second: string): string {
  const a = splitTopLevel(first);
  const b = splitTopLevel(second);
  if (!a || !b || a.root !== b.root) return first === second ? first : fail();
  const byName = new Map<string, string[]>();
  const seen = new Set<string>();
  for (const element of [...a.elements, ...b.elements]) {
    const text = element.text.trim();
    if (seen.has(text)) continue;
    seen.add(text);
    byName.set(element.name, [...(byName.get(element.name) ?? []), text]);
  }
  const body = [...byName.keys()].sort().flatMap((name) => byName.get(name)!).map((text) => `    ${text}\n`).join('');
  return `${a.head}${body}${a.tail}`;
}

function fail(): never {
  throw new Error('two retrieved versions of a permission file could not be read as XML; they cannot be united');
}

/** The root element's opening (with the declaration), its top-level child elements, and its closing. */
function splitTopLevel(xml: string): { root: string; head: string; tail: string; elements: Array<{ name: string; text: string }> } | undefined {
  const open = /<([A-Za-z][\w:.-]*)(\s[^>]*)?>/g;
  let match: RegExpExecArray | null;
  // The root: the first element that is not the XML declaration or a comment.
  while ((match = open.exec(xml)) && (match[0].startsWith('<?') || match[0].startsWith('<!'))) { /* skip */ }
  if (!match) return undefined;
  const root = match[1]!;
  const bodyStart = match.index + match[0].length;
  const close = xml.lastIndexOf(`</${root}>`);
  if (close < bodyStart) return undefined;
  const elements: Array<{ name: string; text: string }> = [];
  let at = bodyStart;
  for (;;) {
    const start = xml.indexOf('<', at);
    if (start < 0 || start >= close) break;
    const tag = /^<([A-Za-z][\w:.-]*)(\s[^>]*)?(\/?)>/.exec(xml.slice(start, start + 512));
    if (!tag) return undefined;
    const name = tag[1]!;
    if (tag[3] === '/') {
      elements.push({ name, text: tag[0] });
      at = start + tag[0].length;
      continue;
    }
    // The matching close tag, counting nested elements of the same name.
    let depth = 1;
    const pattern = new RegExp(`<(/?)${name.replace(/[.]/g, '\\.')}(\\s[^>]*)?(/?)>`, 'g');
    pattern.lastIndex = start + tag[0].length;
    let end = -1;
    let m: RegExpExecArray | null;
    while ((m = pattern.exec(xml))) {
      if (m[3] === '/') continue;
      depth += m[1] === '/' ? -1 : 1;
      if (depth === 0) {
        end = m.index + m[0].length;
        break;
      }
    }
    if (end < 0 || end > close) return undefined;
    elements.push({ name, text: xml.slice(start, end) });
    at = end;
  }
  return { root, head: `${xml.slice(0, bodyStart)}\n`, tail: xml.slice(close), elements };
}
