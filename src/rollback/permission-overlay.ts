import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { OrgSession } from '../salesforce/connection.js';
import type { ComponentRef } from '../salesforce/manifest.js';
import { retrieveComponents, type RetrieveOptions } from '../salesforce/retrieve.js';

/**
 * Profiles and permission sets in a rollback are restored exactly, by deploying revocations.
 *
 * Salesforce does not replace a profile on deploy, it overlays it (Metadata API Developer Guide,
 * "Profile": "We designed Profile metadata deployment to overlay the existing Profile settings in
 * a target org"), and a retrieved profile holds only the permissions of the components retrieved
 * with it ("profiles only include field-level security for fields included in custom objects
 * returned in the same RetrieveRequest as the profiles"). So the rollback artifact's profile —
 * retrieved before the release together with the release's components — carries the earlier
 * value of every permission that existed then, and deploying it restores those; but a
 * permission the release granted where there was none before (a class or field access, a user
 * permission) is absent from it, and the overlay would leave it granted.
 *
 * The choice: restore exactly rather than only warn. Right before the rollback is validated,
 * the production versions of the same profiles are retrieved with the same components; every
 * entry granted now that the artifact's version does not mention is added to the deployed
 * profile with its flags false (an explicit false is what the overlay applies). Entries of
 * components the rollback deletes go with them and are left alone. What cannot be expressed as a
 * revocation (a layout assignment: there is no "unassigned") is returned as a warning, before the
 * rollback is deployed. The artifact itself is not changed: the revocations are derived from
 * production's own records at rollback time and listed in the run's warnings.
 */

/** Entries whose flags grant something, by element name: the key child and the flags. */
const GRANTS: Record<string, { key: string; flags: string[]; falseValue?: Record<string, string> }> = {
  applicationVisibilities: { key: 'application', flags: ['visible', 'default'] },
  classAccesses: { key: 'apexClass', flags: ['enabled'] },
  customMetadataTypeAccesses: { key: 'name', flags: ['enabled'] },
  customPermissions: { key: 'name', flags: ['enabled'] },
  customSettingAccesses: { key: 'name', flags: ['enabled'] },
  externalDataSourceAccesses: { key: 'externalDataSource', flags: ['enabled'] },
  fieldPermissions: { key: 'field', flags: ['editable', 'readable'] },
  flowAccesses: { key: 'flow', flags: ['enabled'] },
  objectPermissions: { key: 'object', flags: ['allowCreate', 'allowDelete', 'allowEdit', 'allowRead', 'modifyAllRecords', 'viewAllRecords', 'viewAllFields'] },
  pageAccesses: { key: 'apexPage', flags: ['enabled'] },
  recordTypeVisibilities: { key: 'recordType', flags: ['visible', 'default'] },
  tabVisibilities: { key: 'tab', flags: [], falseValue: { visibility: 'Hidden' } },
  tabSettings: { key: 'tab', flags: [], falseValue: { visibility: 'None' } },
  userPermissions: { key: 'name', flags: ['enabled'] },
};

/** Element name → the component type its key names, for entries the rollback's deletions take away. */
const KEY_TYPES: Record<string, string> = {
  classAccesses: 'ApexClass',
  fieldPermissions: 'CustomField',
  objectPermissions: 'CustomObject',
  pageAccesses: 'ApexPage',
  customPermissions: 'CustomPermission',
  flowAccesses: 'Flow',
  recordTypeVisibilities: 'RecordType',
  tabVisibilities: 'CustomTab',
  applicationVisibilities: 'CustomApplication',
};

const PERMISSION_TYPES: Record<string, { directory: string; suffix: string }> = {
  Profile: { directory: 'profiles', suffix: 'profile' },
  PermissionSet: { directory: 'permissionsets', suffix: 'permissionset' },
};

interface Entry {
  name: string;
  key: string;
  raw: string;
}

/** Top-level entries of a profile or permission set file, with their keys. */
function entriesOf(xml: string): Entry[] {
  const entries: Entry[] = [];
  for (const match of xml.matchAll(/<(\w+)>([\s\S]*?)<\/\1>/g)) {
    const [raw, name = '', body = ''] = match;
    const spec = GRANTS[name] ?? (name === 'layoutAssignments' ? { key: 'layout' } : undefined);
    if (!spec) continue;
    const key = new RegExp(`<${spec.key}>([\\s\\S]*?)</${spec.key}>`).exec(body)?.[1]?.trim() ?? '';
    const recordType = name === 'layoutAssignments' ? `|${/<recordType>([\s\S]*?)<\/recordType>/.exec(body)?.[1]?.trim() ?? ''}` : '';
    entries.push({ name, key: key + recordType, raw });
  }
  return entries;
}

function grants(entry: Entry): boolean {
  const spec = GRANTS[entry.name];
  if (!spec) return entry.name === 'layoutAssignments';
  if (spec.falseValue) return Object.entries(spec.falseValue).some(([tag, value]) => !new RegExp(`<${tag}>${value}</${tag}>`).test(entry.raw));
  return spec.flags.some((flag) => new RegExp(`<${flag}>true</${flag}>`).test(entry.raw));
}

/** The entry with every granting flag false (or its "hidden" value). */
function revoked(entry: Entry): string {
  const spec = GRANTS[entry.name]!;
  let raw = entry.raw;
  for (const flag of spec.flags) raw = raw.replace(new RegExp(`<${flag}>true</${flag}>`, 'g'), `<${flag}>false</${flag}>`);
  for (const [tag, value] of Object.entries(spec.falseValue ?? {})) raw = raw.replace(new RegExp(`<${tag}>[^<]*</${tag}>`), `<${tag}>${value}</${tag}>`);
  return raw;
}

/** What the rollback must add to a profile's restored version so that deploying it restores it exactly. */
export function revocationsFor(
  restoredXml: string,
  currentXml: string,
  deleted: readonly ComponentRef[],
): { revocations: string[]; described: string[]; unrevocable: string[] } {
  const before = new Set(entriesOf(restoredXml).map((e) => `${e.name}\u0000${e.key.toLowerCase()}`));
  const gone = new Set(deleted.map((c) => `${c.type}\u0000${c.fullName.toLowerCase()}`));
  const revocations: string[] = [];
  const described: string[] = [];
  const unrevocable: string[] = [];
  for (const entry of entriesOf(currentXml)) {
    if (before.has(`${entry.name}\u0000${entry.key.toLowerCase()}`) || !grants(entry)) continue;
    const type = KEY_TYPES[entry.name];
    const object = entry.key.split('.')[0] ?? '';
    if (type && (gone.has(`${type}\u0000${entry.key.toLowerCase()}`) || gone.has(`CustomObject\u0000${object.toLowerCase()}`))) continue;
    if (entry.name === 'layoutAssignments') {
      unrevocable.push(`layout assignment ${entry.key.replace(/\|$/, '')}`);
      continue;
    }
    revocations.push(revoked(entry));
    described.push(`${entry.name} ${entry.key}`);
  }
  return { revocations, described, unrevocable };
}

/** Adds entries before the closing root tag of a metadata file. */
function withEntries(xml: string, entries: string[]): string {
  if (!entries.length) return xml;
  const close = xml.lastIndexOf('</');
  return `${xml.slice(0, close)}${entries.map((e) => `    ${e}\n`).join('')}${xml.slice(close)}`;
}

/** What {@link restorePermissionsExactly} did. */
export interface PermissionOverlay {
  /** The deploy zip, with revocations added to the profiles and permission sets that needed them. */
  zip: Buffer;
  /** One line per revoked permission, for the log and the summary. */
  revoked: string[];
  /** What the rollback cannot undo, as warnings given before it is deployed. */
  warnings: string[];
}

/**
 * Makes a rollback's profiles and permission sets restore their earlier state exactly (see the
 * module comment). Without any profile or permission set in the rollback, nothing is retrieved.
 */
export async function restorePermissionsExactly(
  production: OrgSession,
  zip: Buffer,
  scope: { restored: ComponentRef[]; deleted: ComponentRef[] },
  options: RetrieveOptions,
): Promise<PermissionOverlay> {
  const containers = scope.restored.filter((c) => PERMISSION_TYPES[c.type]);
  if (containers.length === 0) return { zip, revoked: [], warnings: [] };
  // The same components the snapshot retrieved them with, so both versions cover the same permissions.
  const current = await retrieveComponents(production, [...scope.restored, ...scope.deleted], options);
  const entries = unzipSync(zip);
  const revokedLines: string[] = [];
  const warnings: string[] = [];
  for (const container of containers) {
    const { directory, suffix } = PERMISSION_TYPES[container.type]!;
    const path = `${directory}/${container.fullName}.${suffix}`;
    const restoredBytes = entries[path];
    const currentBytes = Object.entries(current.files).find(([p]) => p.toLowerCase() === path.toLowerCase())?.[1];
    if (!restoredBytes || !currentBytes) continue;
    const { revocations, described, unrevocable } = revocationsFor(strFromU8(restoredBytes), currentBytes.toString('utf8'), scope.deleted);
    if (revocations.length) {
      entries[path] = strToU8(withEntries(strFromU8(restoredBytes), revocations));
      for (const line of described) revokedLines.push(`${container.type} ${container.fullName}: revoking ${line} (granted since the rollback artifact was taken)`);
    }
    for (const line of unrevocable) {
      warnings.push(`${container.type} ${container.fullName}: the ${line} made since the rollback artifact was taken cannot be undone by a deploy (Salesforce overlays profiles); change it in Setup.`);
    }
  }
  return { zip: revokedLines.length ? Buffer.from(zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') })) : zip, revoked: revokedLines, warnings };
}
