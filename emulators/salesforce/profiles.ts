import { joinRootElements, splitRootElements, type XmlElement } from './xml.js';
import { unescapeXml } from './xml.js';

/**
 * Profiles and permission sets, as the Metadata API treats them (Metadata API Developer Guide,
 * "Profile"): "The content of a profile returned by Metadata API depends on the content requested
 * in the RetrieveRequest message. For example, profiles only include field-level security for
 * fields included in custom objects returned in the same RetrieveRequest as the profiles." and
 * "We designed Profile metadata deployment to overlay the existing Profile settings in a target
 * org": a deployed profile is merged into the stored one, entry by entry; an entry the file does
 * not mention keeps its value. The emulator treats PermissionSet the same way (same guide,
 * "PermissionSet": its retrieved content also depends on the other components requested).
 */

/** Element name → the child element that identifies an entry, and the component type it refers to. */
const ENTRY_KEYS: Record<string, { key: string; type?: string }> = {
  applicationVisibilities: { key: 'application', type: 'CustomApplication' },
  classAccesses: { key: 'apexClass', type: 'ApexClass' },
  customMetadataTypeAccesses: { key: 'name', type: 'CustomObject' },
  customPermissions: { key: 'name', type: 'CustomPermission' },
  customSettingAccesses: { key: 'name', type: 'CustomObject' },
  externalDataSourceAccesses: { key: 'externalDataSource', type: 'ExternalDataSource' },
  fieldPermissions: { key: 'field', type: 'CustomField' },
  flowAccesses: { key: 'flow', type: 'Flow' },
  layoutAssignments: { key: 'layout', type: 'Layout' },
  objectPermissions: { key: 'object', type: 'CustomObject' },
  pageAccesses: { key: 'apexPage', type: 'ApexPage' },
  recordTypeVisibilities: { key: 'recordType', type: 'RecordType' },
  tabVisibilities: { key: 'tab', type: 'CustomTab' },
  tabSettings: { key: 'tab', type: 'CustomTab' },
  // Not tied to another component: always part of a retrieved profile.
  userPermissions: { key: 'name' },
  loginFlows: { key: 'flow', type: 'Flow' },
  profileActionOverrides: { key: 'actionName' },
};

/** Whether a type is merged on deploy and filtered on retrieve. */
export function isPermissionContainer(type: string): boolean {
  return type === 'Profile' || type === 'PermissionSet';
}

function childText(element: XmlElement, tag: string): string | undefined {
  const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(element.raw);
  return match ? unescapeXml(match[1]!.trim()) : undefined;
}

/** The identity of an entry: element name plus its key (a layout assignment adds its record type). */
function identity(element: XmlElement): string {
  const spec = ENTRY_KEYS[element.name];
  if (!spec) return element.name; // single-valued settings: custom, userLicense, description, label…
  const extra = element.name === 'layoutAssignments' ? `\u0000${childText(element, 'recordType') ?? ''}` : '';
  return `${element.name}\u0000${(childText(element, spec.key) ?? '').toLowerCase()}${extra}`;
}

function sortElements(elements: XmlElement[]): XmlElement[] {
  return elements
    .map((element, index) => ({ element, sortKey: identity(element), index }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : a.index - b.index))
    .map(({ element }) => element);
}

/** Overlays a deployed profile on the stored one: entries of the file replace or add, others stay. */
export function mergePermissionFile(stored: string, deployed: string): string {
  const before = splitRootElements(stored);
  const after = splitRootElements(deployed);
  const merged = new Map<string, XmlElement[]>();
  for (const element of before.elements) merged.set(identity(element), [...(merged.get(identity(element)) ?? []), element]);
  const replaced = new Set<string>();
  for (const element of after.elements) {
    const id = identity(element);
    // loginIpRanges and other keyless lists are replaced as a whole when the file has any.
    if (!replaced.has(id)) merged.set(id, []);
    replaced.add(id);
    merged.get(id)!.push(element);
  }
  return joinRootElements(after.root || before.root, sortElements([...merged.values()].flat()));
}

/** A component named by a retrieve request (type and full name, `*` for all of a type). */
export interface RequestedRef {
  type: string;
  fullName: string;
}

/**
 * Keeps only the entries of a retrieved profile that refer to components of the same retrieve
 * request (an object requested brings its fields and record types), and the entries tied to no
 * component (user permissions, license, description).
 */
export function filterPermissionFile(xml: string, requested: readonly RequestedRef[]): string {
  const wanted = new Set(requested.map((ref) => `${ref.type}\u0000${ref.fullName.toLowerCase()}`));
  const all = new Set(requested.filter((ref) => ref.fullName === '*').map((ref) => ref.type));
  const has = (type: string, name: string): boolean => all.has(type) || wanted.has(`${type}\u0000${name.toLowerCase()}`);
  const { root, elements } = splitRootElements(xml);
  const kept = elements.filter((element) => {
    const spec = ENTRY_KEYS[element.name];
    if (!spec?.type) return true;
    const name = childText(element, spec.key) ?? '';
    if (has(spec.type, name)) return true;
    // A field or record type comes with its object; a standard tab (`standard-Account`) with the object.
    if (spec.type === 'CustomField' || spec.type === 'RecordType') return has('CustomObject', name.split('.')[0]!);
    if (spec.type === 'CustomTab' && name.startsWith('standard-')) return has('CustomObject', name.slice('standard-'.length));
    if (spec.type === 'CustomTab') return has('CustomObject', name);
    return false;
  });
  return joinRootElements(root, kept);
}
