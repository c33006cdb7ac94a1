import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/**
 * The deletion manifest that runs before the package's updates. SPEC.md fixes this name for the
 * rollback bundle's deletions (a bundle keeps it; its deploy zip renames it, see bundle.ts).
 */
export const DESTRUCTIVE_CHANGES = 'destructiveChanges.xml';
/**
 * The deletion manifest that runs after the package's updates, so references moved off a
 * component first do not block its deletion: what every deploy zip of the action uses.
 */
export const DESTRUCTIVE_CHANGES_POST = 'destructiveChangesPost.xml';

/** One metadata component, as a package.xml names it. */
export interface ComponentRef {
  type: string;
  fullName: string;
}

const parser = new XMLParser({ ignoreAttributes: true, isArray: (name) => name === 'types' || name === 'members', parseTagValue: false });

/** The components a package.xml (or destructiveChanges.xml) lists, in document order. */
export function readPackageXml(xml: string): ComponentRef[] {
  const types = parser.parse(xml)?.Package?.types ?? [];
  return types.flatMap((t: { name: string; members?: string[] }) => (t.members ?? []).map((fullName) => ({ type: String(t.name), fullName: String(fullName) })));
}

/** A package.xml (or destructiveChanges.xml) for the given components, types and members sorted as the CLI writes them. */
export function writePackageXml(components: ComponentRef[], apiVersion?: string): string {
  const byType = new Map<string, Set<string>>();
  for (const c of components) byType.set(c.type, (byType.get(c.type) ?? new Set()).add(c.fullName));
  const types = [...byType.keys()].sort().map((name) => ({ members: [...byType.get(name)!].sort(), name }));
  const body = new XMLBuilder({ format: true, indentBy: '    ', ignoreAttributes: false }).build({
    Package: { '@_xmlns': 'http://soap.sforce.com/2006/04/metadata', types, ...(apiVersion ? { version: apiVersion } : {}) },
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}
