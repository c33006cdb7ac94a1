import { strFromU8, unzipSync, zipSync } from 'fflate';
import { Gate, GateError, sanitize } from '../errors.js';
import { METADATA_LIMITS } from '../salesforce/limits.js';
import { DESTRUCTIVE_CHANGES, DESTRUCTIVE_CHANGES_POST, readPackageXml, writePackageXml, type ComponentRef } from '../salesforce/manifest.js';

/** One deploy of a restore that one deploy cannot carry. */
export interface RestoreBatch {
  /** The deploy zip: its package.xml, its components' files, and (last batch only) the deletions. */
  zip: Buffer;
  restores: ComponentRef[];
  deletes: ComponentRef[];
  /** Files in the zip, manifests included. */
  fileCount: number;
  /** Type names in the batch, for the plan. */
  types: string[];
}

/**
 * Restore order: what others refer to first. Objects and their fields, value sets, labels,
 * static resources and custom metadata, then Apex classes (which refer to them), triggers and
 * pages (which refer to classes), Lightning components (which refer to Apex), then automation,
 * layouts and pages of the UI, and profiles and permission sets last (they grant access to
 * everything before them). Types not listed go between components and automation.
 */
const RESTORE_ORDER: string[][] = [
  ['CustomObject', 'CustomField', 'ValidationRule', 'RecordType', 'ListView', 'WebLink', 'CompactLayout', 'FieldSet', 'BusinessProcess', 'SharingReason', 'Index',
    'GlobalValueSet', 'StandardValueSet', 'CustomLabels', 'CustomLabel', 'CustomMetadata', 'StaticResource', 'ContentAsset', 'Document', 'DocumentFolder',
    'RemoteSiteSetting', 'NamedCredential', 'ExternalCredential', 'CustomPermission', 'Group', 'Queue', 'Role'],
  ['ApexClass'],
  ['ApexTrigger', 'ApexPage', 'ApexComponent'],
  ['LightningComponentBundle', 'AuraDefinitionBundle'],
  [],
  ['Flow', 'FlowDefinition', 'Workflow', 'WorkflowRule', 'WorkflowFieldUpdate', 'WorkflowAlert', 'WorkflowOutboundMessage', 'WorkflowTask', 'ApprovalProcess',
    'AssignmentRules', 'AutoResponseRules', 'EscalationRules', 'SharingRules', 'SharingCriteriaRule', 'SharingOwnerRule'],
  ['Layout', 'FlexiPage', 'CustomTab', 'QuickAction', 'CustomApplication', 'ReportType', 'Report', 'ReportFolder', 'Dashboard', 'DashboardFolder', 'EmailTemplate', 'EmailFolder'],
  ['Profile', 'PermissionSet', 'MutingPermissionSet', 'PermissionSetGroup'],
];
const UNLISTED_RANK = 4;
const RANK = new Map(RESTORE_ORDER.flatMap((types, rank) => types.map((type) => [type, rank] as const)));

/** Components stored inside their parent's file, owned by the part of their fullName before the first dot. */
const CHILD_TYPES = new Set([
  'CustomField', 'ValidationRule', 'RecordType', 'ListView', 'WebLink', 'CompactLayout', 'FieldSet', 'BusinessProcess', 'SharingReason', 'Index',
  'WorkflowRule', 'WorkflowFieldUpdate', 'WorkflowAlert', 'WorkflowOutboundMessage', 'WorkflowTask', 'SharingCriteriaRule', 'SharingOwnerRule',
]);

const PACKAGE_XML = 'package.xml';

/**
 * Splits a rollback deploy zip that one deploy cannot carry (over the Metadata API's 10,000
 * files or 39 MB) into deploys under both limits, in dependency order (RESTORE_ORDER), with the
 * deletions in the last one (as destructiveChangesPost.xml: after everything is restored, nothing
 * restored refers to what is deleted). Components that share files (an object and its fields, the
 * labels) stay in one deploy. A zip within the limits comes back as one batch, unchanged: that
 * restore stays one atomic deploy. Each batch is sized by its uncompressed bytes, so its zip is
 * under 39 MB whatever the compression (pure).
 */
export function planRestoreBatches(zip: Buffer, limits: { files: number; zipBytes: number } = METADATA_LIMITS): RestoreBatch[] {
  const entries = unzipSync(zip);
  const names = Object.keys(entries).filter((n) => !n.endsWith('/'));
  const manifest = entries[PACKAGE_XML] ? strFromU8(entries[PACKAGE_XML]!) : '';
  const restores = readPackageXml(manifest);
  const deletionsFile = names.find((n) => n === DESTRUCTIVE_CHANGES_POST || n === DESTRUCTIVE_CHANGES);
  const deletes = deletionsFile ? readPackageXml(strFromU8(entries[deletionsFile]!)) : [];
  if (names.length <= limits.files && zip.length <= limits.zipBytes) {
    return [{ zip, restores, deletes, fileCount: names.length, types: [...new Set(restores.map((c) => c.type))] }];
  }
  const apiVersion = /<version>\s*([^<\s]+)\s*<\/version>/.exec(manifest)?.[1];

  // Components grouped by the name that owns their files (an object for its fields, CustomLabels for labels).
  const groups = new Map<string, { components: ComponentRef[]; files: string[]; bytes: number; rank: number }>();
  for (const component of restores) {
    const key = ownerKey(component);
    const group = groups.get(key) ?? { components: [], files: [], bytes: 0, rank: Number.MAX_SAFE_INTEGER };
    group.components.push(component);
    group.rank = Math.min(group.rank, RANK.get(component.type) ?? UNLISTED_RANK);
    groups.set(key, group);
  }
  for (const name of names) {
    if (name === PACKAGE_XML || name === deletionsFile) continue;
    const key = ownerOfFile(name, groups);
    if (key === undefined) refuse(`'${sanitize(name)}' belongs to no component its package.xml restores.`);
    const group = groups.get(key)!;
    group.files.push(name);
    group.bytes += entries[name]!.length;
  }

  // Room for package.xml and the deletions manifest in every deploy.
  const fileBudget = limits.files - 2;
  const byteBudget = limits.zipBytes - (entries[PACKAGE_XML]?.length ?? 0) - (deletionsFile ? entries[deletionsFile]!.length : 0);
  const ordered = [...groups.values()].sort((a, b) => a.rank - b.rank);
  const packed: Array<{ components: ComponentRef[]; files: string[]; bytes: number }> = [];
  let current = { components: [] as ComponentRef[], files: [] as string[], bytes: 0 };
  for (const group of ordered) {
    if (group.files.length > fileBudget || group.bytes > byteBudget) {
      refuse(`${group.components.slice(0, 3).map((c) => sanitize(`${c.type} ${c.fullName}`)).join(', ')} alone ${group.files.length > fileBudget ? `has ${group.files.length} files` : `holds ${group.bytes} bytes`}, more than one deploy can carry.`);
    }
    if (current.components.length > 0 && (current.files.length + group.files.length > fileBudget || current.bytes + group.bytes > byteBudget)) {
      packed.push(current);
      current = { components: [], files: [], bytes: 0 };
    }
    current.components.push(...group.components);
    current.files.push(...group.files);
    current.bytes += group.bytes;
  }
  packed.push(current);

  return packed.map((batch, i) => {
    const last = i === packed.length - 1;
    const files: Record<string, Uint8Array> = { [PACKAGE_XML]: new TextEncoder().encode(writePackageXml(batch.components, apiVersion)) };
    for (const name of batch.files) files[name] = entries[name]!;
    if (last && deletionsFile) files[DESTRUCTIVE_CHANGES_POST] = entries[deletionsFile]!;
    return {
      zip: Buffer.from(zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') })),
      restores: batch.components,
      deletes: last ? deletes : [],
      fileCount: Object.keys(files).length,
      types: [...new Set(batch.components.map((c) => c.type))],
    };
  });
}

/** The name that owns a component's files: the parent of a child, CustomLabels for a label, else its fullName (lower-cased). */
function ownerKey(component: ComponentRef): string {
  if (component.type === 'CustomLabel' || component.type === 'CustomLabels') return 'customlabels';
  if (CHILD_TYPES.has(component.type) && component.fullName.includes('.')) return component.fullName.slice(0, component.fullName.indexOf('.')).toLowerCase();
  return component.fullName.toLowerCase();
}

/**
 * The group a file belongs to: the longest prefix of its path inside its folder, cut at a dot or
 * a slash (`Name.cls`, `Name.cls-meta.xml`, `lwc/name/name.js`, `Type.Record.md`,
 * `Folder/Report.report`), that names a restored component. Percent-encoded names are decoded.
 */
function ownerOfFile(file: string, groups: Map<string, unknown>): string | undefined {
  const inFolder = file.slice(file.indexOf('/') + 1);
  const forms = new Set([inFolder]);
  try {
    forms.add(decodeURIComponent(inFolder));
  } catch {
    // Not percent-encoded.
  }
  for (const form of forms) {
    const lower = form.replace(/-meta\.xml$/, '').toLowerCase();
    if (groups.has(lower)) return lower;
    for (let cut = lower.length - 1; cut > 0; cut--) {
      if ((lower[cut] === '.' || lower[cut] === '/') && groups.has(lower.slice(0, cut))) return lower.slice(0, cut);
    }
  }
  return undefined;
}

function refuse(message: string): never {
  throw new GateError(Gate.RollbackArtifact, `The rollback bundle cannot be split into deploys under the Metadata API's limits: ${message} Nothing was deployed.`);
}
