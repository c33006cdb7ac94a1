import { unzipSync, strFromU8 } from 'fflate';
import { Gate, GateError, sanitize } from '../errors.js';
import { DESTRUCTIVE_CHANGES, DESTRUCTIVE_CHANGES_POST, readPackageXml, type ComponentRef } from '../salesforce/manifest.js';
import type { RollbackManifest } from './bundle.js';

const PACKAGE_XML = 'package.xml';
const DESTRUCTIVE_CHANGES_PRE = 'destructiveChangesPre.xml';
const DESTRUCTIVE_MANIFEST = /^destructiveChanges(Pre|Post)?\.xml$/i;

/**
 * Components stored inside their parent's file (an object's fields, the labels file, a
 * workflow's rules): such a component owns the parent's files, named by the part of its
 * fullName before the first dot.
 */
const CHILD_TYPES = new Set([
  'CustomField', 'ValidationRule', 'RecordType', 'ListView', 'WebLink', 'CompactLayout', 'FieldSet',
  'BusinessProcess', 'SharingReason', 'Index', 'WorkflowRule', 'WorkflowFieldUpdate', 'WorkflowAlert',
  'WorkflowOutboundMessage', 'WorkflowTask', 'SharingCriteriaRule', 'SharingOwnerRule',
]);

/**
 * A bundle holds exactly what its rollback.json declares, and nothing a deploy would act on
 * besides: at its root only package.xml and, when rollback.json lists components to delete,
 * destructiveChanges.xml (a destructiveChangesPre.xml or destructiveChangesPost.xml is never
 * written by the action, and would delete what nobody declared); every other file belongs to a
 * component rollback.json restores. Checksums only prove the files are the ones rollback.json
 * lists; a self-consistent bundle uploaded by anyone lists its own. Refuses naming the file.
 */
export function assertDeclaredContents(manifest: RollbackManifest): void {
  const refuse = (message: string): never => {
    throw new GateError(Gate.RollbackArtifact, `The rollback bundle holds more than its rollback.json declares: ${message} Nothing was deployed.`);
  };
  const owners = ownerKeys(manifest.components);
  for (const file of Object.keys(manifest.files).sort()) {
    const slash = file.indexOf('/');
    if (slash < 0) {
      if (file === PACKAGE_XML) continue;
      if (file === DESTRUCTIVE_CHANGES && (manifest.destructive?.length ?? 0) > 0) continue;
      if (DESTRUCTIVE_MANIFEST.test(file)) {
        refuse(`'${sanitize(file)}' would delete components that rollback.json does not declare (${manifest.destructive?.length ? `it declares ${manifest.destructive.length} to delete, in ${DESTRUCTIVE_CHANGES}` : 'it declares none to delete'}).`);
      }
      refuse(`'${sanitize(file)}' at the bundle root is not one of its manifests (${PACKAGE_XML}, ${DESTRUCTIVE_CHANGES}).`);
    }
    const inFolder = file.slice(slash + 1);
    if (!isOwned(inFolder, owners)) {
      refuse(`'${sanitize(file)}' belongs to no component rollback.json restores (${summarise(manifest.components)}).`);
    }
  }
}

/** What a rollback will really do, read from the deploy zip Salesforce receives. */
export interface RollbackPlan {
  /** Components package.xml deploys. */
  restores: ComponentRef[];
  /** Deleted before the restore (destructiveChangesPre.xml, or a plain destructiveChanges.xml). */
  deletesBefore: ComponentRef[];
  /** Deleted after the restore (destructiveChangesPost.xml). */
  deletesAfter: ComponentRef[];
}

/** Reads the plan from the manifests inside the deploy zip itself, not from rollback.json. */
export function planOfDeployZip(zip: Uint8Array): RollbackPlan {
  const entries = unzipSync(zip, { filter: (f) => f.name === PACKAGE_XML || DESTRUCTIVE_MANIFEST.test(f.name) });
  const read = (name: string): ComponentRef[] => (entries[name] ? readPackageXml(strFromU8(entries[name]!)) : []);
  return {
    restores: read(PACKAGE_XML),
    deletesBefore: [...read(DESTRUCTIVE_CHANGES_PRE), ...read(DESTRUCTIVE_CHANGES)],
    deletesAfter: read(DESTRUCTIVE_CHANGES_POST),
  };
}

/** Markdown for the job summary, written before anything is deployed. */
export function renderPlan(plan: RollbackPlan, source: { runId: number; attempt?: number; artifactName: string; attemptNote?: string }, warnings: string[]): string {
  // Names come from the artifact: control characters are dropped so a name cannot forge a log line.
  const list = (refs: ComponentRef[]) => refs.map((c) => sanitize(`${c.type} ${c.fullName}`)).join(', ');
  const from = source.attempt !== undefined ? `attempt ${source.attempt} of run ${source.runId}` : `run ${source.runId}`;
  const lines = [
    '### Rollback plan',
    '',
    `From rollback artifact \`${sanitize(source.artifactName)}\`, ${from}${source.attemptNote ? ` (${source.attemptNote})` : ''}. What production receives:`,
    '',
    `- restores ${plan.restores.length} component(s)${plan.restores.length ? `: ${list(plan.restores)}` : ''}`,
    `- deletes ${plan.deletesBefore.length} component(s) before the restore (destructiveChangesPre)${plan.deletesBefore.length ? `: ${list(plan.deletesBefore)}` : ''}`,
    `- deletes ${plan.deletesAfter.length} component(s) after the restore (destructiveChangesPost)${plan.deletesAfter.length ? `: ${list(plan.deletesAfter)}` : ''}`,
    ...warnings.map((w) => `- ⚠️ data loss: ${sanitize(w, 1000)}`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

function ownerKeys(components: ComponentRef[]): Set<string> {
  const keys = new Set<string>();
  for (const { type, fullName } of components) {
    keys.add(fullName);
    if (CHILD_TYPES.has(type) && fullName.includes('.')) keys.add(fullName.slice(0, fullName.indexOf('.')));
    if (type === 'CustomLabel') keys.add('CustomLabels');
  }
  return keys;
}

/**
 * Whether a path inside a metadata folder belongs to one of the components: its file
 * (`Name.cls`), its meta file (`Name.cls-meta.xml`, `Folder-meta.xml`) or its bundle folder
 * (`lwc/name/…`). File names may percent-encode characters of the fullName.
 */
function isOwned(inFolder: string, owners: Set<string>): boolean {
  const candidates = new Set([inFolder]);
  try {
    candidates.add(decodeURIComponent(inFolder));
  } catch {
    // Not percent-encoded.
  }
  for (const name of candidates) {
    for (const key of owners) {
      if (name === key || name === `${key}-meta.xml` || name.startsWith(`${key}.`) || name.startsWith(`${key}/`)) return true;
    }
  }
  return false;
}

function summarise(components: ComponentRef[]): string {
  const shown = components.slice(0, 5).map((c) => sanitize(`${c.type} ${c.fullName}`)).join(', ');
  return components.length > 5 ? `${shown}, …` : shown || 'none';
}
