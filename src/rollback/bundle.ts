import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { Gate, GateError, SalesforceError } from '../errors.js';
import { DESTRUCTIVE_CHANGES, DESTRUCTIVE_CHANGES_POST, readPackageXml, writePackageXml, type ComponentRef } from '../salesforce/manifest.js';
import type { RetrievedComponents } from '../salesforce/retrieve.js';

/** What a rollback bundle restores and deletes, and the checksum of each of its files (`rollback.json`). */
export interface RollbackManifest {
  /** 18-character id of the production org the bundle was retrieved from; a restore refuses any other org. */
  orgId: string;
  /** The commit whose release the bundle undoes. */
  commit: string;
  /** When the production versions were retrieved (ISO 8601). */
  createdAt: string;
  /** API version of the bundle's package.xml. */
  apiVersion?: string;
  /** What the bundle restores: the production versions it holds. */
  components: ComponentRef[];
  /** What the bundle deletes: components the release adds that production lacks. */
  destructive?: ComponentRef[];
  /** sha256 (hex) of every file of the bundle except rollback.json, by path relative to the bundle root. */
  files: Record<string, string>;
  /** The release run the bundle was saved by, and the components that release deletes. */
  release?: { runId: number; runAttempt: number; deleted?: ComponentRef[] };
}

/** Name of the bundle's own manifest; never part of the deploy zip. */
export const ROLLBACK_MANIFEST = 'rollback.json';
const PACKAGE_XML = 'package.xml';

/** Children deleted together with their CustomObject, so they are not listed again for deletion. */
const OBJECT_CHILD_TYPES = new Set([
  'CustomField', 'ValidationRule', 'RecordType', 'ListView', 'WebLink', 'CompactLayout',
  'FieldSet', 'BusinessProcess', 'SharingReason', 'Index',
]);

const ARTIFACT_PREFIX = 'salesforce-rollback-';

/** `salesforce-rollback-<18-character org id>-<run id>-<attempt>`: unique per org, run and attempt. */
export function rollbackArtifactName(orgId: string, runId: number, attempt: number): string {
  return `${ARTIFACT_PREFIX}${orgId18(orgId)}-${runId}-${attempt}`;
}

/** The parts of a default rollback artifact name, or undefined for any other name. */
export function parseRollbackArtifactName(name: string): { orgId: string; runId: number; attempt: number } | undefined {
  const match = /^salesforce-rollback-([0-9A-Za-z]{18})-(\d+)-(\d+)$/.exec(name);
  if (!match) return undefined;
  return { orgId: match[1]!, runId: Number(match[2]), attempt: Number(match[3]) };
}

/** Whether two org ids (15 or 18 characters) name the same org. */
export function sameOrg(a: string, b: string): boolean {
  // The first 15 characters are the case-sensitive id; the 18-character suffix only encodes their case.
  return a.length >= 15 && b.length >= 15 && a.slice(0, 15) === b.slice(0, 15);
}

/** The 18-character form of a Salesforce id (an 18-character id is returned as it is). */
export function orgId18(id: string): string {
  if (id.length !== 15) return id;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id[chunk * 5 + i]!;
      if (c >= 'A' && c <= 'Z') bits |= 1 << i;
    }
    suffix += alphabet[bits];
  }
  return id + suffix;
}

/**
 * The components a rollback deletes: those the release adds that production lacks, except the
 * ones the release itself deletes (production lacks them anyway) and children of an object that
 * is deleted too (Salesforce deletes them with it; listing them again fails the deploy with
 * "not found").
 */
export function destructiveComponents(absent: ComponentRef[], deletedByRelease: ComponentRef[] = []): ComponentRef[] {
  const key = (c: ComponentRef) => `${c.type}:${c.fullName.toLowerCase()}`;
  const deleted = new Set(deletedByRelease.map(key));
  const deletedObjects = new Set(absent.filter((c) => c.type === 'CustomObject').map((c) => c.fullName.toLowerCase()));
  return absent.filter((c) => {
    if (deleted.has(key(c))) return false;
    if (OBJECT_CHILD_TYPES.has(c.type) && deletedObjects.has(c.fullName.split('.')[0]!.toLowerCase())) return false;
    return true;
  });
}

/**
 * Writes a rollback bundle into `dir` (which should be empty): the retrieved production files,
 * a package.xml of the components they restore, a destructiveChanges.xml of the components the
 * release adds, and rollback.json with the checksum of every other file.
 */
export function writeRollbackBundle(
  dir: string,
  retrieved: RetrievedComponents,
  meta: { orgId: string; commit: string; createdAt: string; apiVersion: string; release?: RollbackManifest['release'] },
): { files: string[]; manifest: RollbackManifest } {
  const contents = new Map<string, Buffer>();
  for (const [name, bytes] of Object.entries(retrieved.files)) {
    const file = safeBundlePath(name);
    // The retrieve's own package.xml lists what was asked, not what came back: it is rewritten below.
    if (file === PACKAGE_XML) continue;
    if (!file.includes('/')) {
      throw new SalesforceError(`The production retrieve returned a file '${file}' at the root of the metadata folder; a rollback bundle keeps that place for its manifests.`);
    }
    contents.set(file, bytes);
  }
  const destructive = destructiveComponents(retrieved.absent, meta.release?.deleted);
  contents.set(PACKAGE_XML, Buffer.from(writePackageXml(retrieved.present, meta.apiVersion)));
  if (destructive.length > 0) contents.set(DESTRUCTIVE_CHANGES, Buffer.from(writePackageXml(destructive)));

  const files: Record<string, string> = {};
  for (const file of [...contents.keys()].sort()) {
    const target = path.join(dir, ...file.split('/'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, contents.get(file)!);
    files[file] = sha256(contents.get(file)!);
  }
  const manifest: RollbackManifest = {
    orgId: orgId18(meta.orgId),
    commit: meta.commit,
    createdAt: meta.createdAt,
    apiVersion: meta.apiVersion,
    components: retrieved.present.map(({ type, fullName }) => ({ type, fullName })),
    ...(destructive.length > 0 ? { destructive: destructive.map(({ type, fullName }) => ({ type, fullName })) } : {}),
    files,
    ...(meta.release ? { release: meta.release } : {}),
  };
  writeFileSync(path.join(dir, ROLLBACK_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return { files: [...Object.keys(files), ROLLBACK_MANIFEST], manifest };
}

/**
 * Checks a bundle as read back from the artifact service: rollback.json is well formed, names
 * the expected org, and lists exactly the files present with their sha256; package.xml and
 * destructiveChanges.xml agree with it. Refuses anything else with the rollback artifact gate.
 */
export function verifyRollbackBundle(dir: string, expectedOrgId?: string): RollbackManifest {
  const manifest = readManifest(dir);
  if (expectedOrgId && !sameOrg(manifest.orgId, expectedOrgId)) {
    refuse(`the bundle was retrieved from org ${manifest.orgId}, but the production credentials reach org ${orgId18(expectedOrgId)}. A rollback restores only the org it was saved from; pick the run that released to org ${orgId18(expectedOrgId)}.`);
  }
  const present = listFiles(dir).filter((f) => f !== ROLLBACK_MANIFEST);
  const presentSet = new Set(present);
  const listed = Object.keys(manifest.files);
  for (const file of listed) {
    safeManifestPath(file);
    if (!presentSet.has(file)) refuse(`file '${file}' listed in ${ROLLBACK_MANIFEST} is missing from the bundle.`);
  }
  for (const file of present) {
    if (!(file in manifest.files)) refuse(`file '${file}' is in the bundle but not listed in ${ROLLBACK_MANIFEST}.`);
  }
  // The manifests are kept as read for their checksum, so what is parsed is what was verified.
  const manifests = new Map<string, Buffer>();
  for (const file of listed) {
    const bytes = readFileSync(path.join(dir, ...file.split('/')));
    const actual = sha256(bytes);
    if (actual !== manifest.files[file]) refuse(`file '${file}' does not match its checksum in ${ROLLBACK_MANIFEST} (expected sha256 ${manifest.files[file]}, found ${actual}); the bundle was changed after it was saved.`);
    if (file === PACKAGE_XML || file === DESTRUCTIVE_CHANGES) manifests.set(file, bytes);
  }
  const packageXml = manifests.get(PACKAGE_XML);
  if (!packageXml) refuse(`the bundle has no ${PACKAGE_XML}.`);
  assertSameComponents(PACKAGE_XML, readPackageXml(packageXml.toString('utf8')), manifest.components);
  const destructiveXml = manifests.get(DESTRUCTIVE_CHANGES);
  const destructive = destructiveXml ? readPackageXml(destructiveXml.toString('utf8')) : [];
  assertSameComponents(DESTRUCTIVE_CHANGES, destructive, manifest.destructive ?? []);
  return manifest;
}

/**
 * The Metadata API deploy zip of a verified bundle: package.xml, the metadata files and the
 * deletions, without rollback.json. Each file is checked against its checksum again as it is
 * read, so the zip holds exactly the verified bytes. The bundle's destructiveChanges.xml (the
 * name SPEC.md fixes) goes in as destructiveChangesPost.xml: a rollback must delete what a
 * release added only after the restored versions no longer reference it (a restored class that
 * dropped its use of a new field), and a plain destructiveChanges.xml would delete first and fail.
 */
export function zipRollbackBundle(dir: string, manifest: RollbackManifest): Buffer {
  const entries: Record<string, Uint8Array> = {};
  for (const file of Object.keys(manifest.files).sort()) {
    const bytes = readFileSync(path.join(dir, ...safeManifestPath(file).split('/')));
    if (sha256(bytes) !== manifest.files[file]) refuse(`file '${file}' changed after the bundle was verified.`);
    entries[file === DESTRUCTIVE_CHANGES ? DESTRUCTIVE_CHANGES_POST : file] = bytes;
  }
  return Buffer.from(zipSync(entries, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') }));
}

/** The sha256 of some bytes, in hex. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Every regular file under `dir`, as sorted paths relative to it with forward slashes. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(dir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
      // A symlink in a downloaded bundle could point anywhere; it is never part of a bundle.
      else refuse(`'${child}' in the bundle is not a regular file.`);
    }
  };
  walk('');
  return out.sort();
}

function readManifest(dir: string): RollbackManifest {
  let text: string;
  try {
    if (!lstatSync(path.join(dir, ROLLBACK_MANIFEST)).isFile()) refuse(`${ROLLBACK_MANIFEST} is not a regular file.`);
    text = readFileSync(path.join(dir, ROLLBACK_MANIFEST), 'utf8');
  } catch (error) {
    if (error instanceof GateError) throw error;
    refuse(`the bundle has no ${ROLLBACK_MANIFEST}; it is not a rollback artifact of this action.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    refuse(`${ROLLBACK_MANIFEST} is not valid JSON.`);
  }
  const m = value as Partial<RollbackManifest> | null;
  const isRefs = (v: unknown): v is ComponentRef[] =>
    Array.isArray(v) && v.every((c) => typeof c?.type === 'string' && typeof c?.fullName === 'string');
  if (
    !m || typeof m !== 'object' ||
    typeof m.orgId !== 'string' || !/^[0-9A-Za-z]{15}([0-9A-Za-z]{3})?$/.test(m.orgId) ||
    typeof m.commit !== 'string' || typeof m.createdAt !== 'string' ||
    !isRefs(m.components) || (m.destructive !== undefined && !isRefs(m.destructive)) ||
    !m.files || typeof m.files !== 'object' || Array.isArray(m.files) ||
    !Object.values(m.files).every((h) => typeof h === 'string' && /^[0-9a-f]{64}$/.test(h)) ||
    (m.release !== undefined && (typeof m.release?.runId !== 'number' || (m.release.deleted !== undefined && !isRefs(m.release.deleted))))
  ) {
    refuse(`${ROLLBACK_MANIFEST} does not have the expected shape (orgId, commit, createdAt, components, files with sha256 hex).`);
  }
  return m as RollbackManifest;
}

function assertSameComponents(file: string, inFile: ComponentRef[], inManifest: ComponentRef[]): void {
  const key = (c: ComponentRef) => `${c.type}:${c.fullName}`;
  const a = new Set(inFile.map(key));
  const b = new Set(inManifest.map(key));
  const differ = [...a].filter((k) => !b.has(k)).concat([...b].filter((k) => !a.has(k)));
  if (differ.length > 0) refuse(`${file} and ${ROLLBACK_MANIFEST} disagree about ${differ.slice(0, 5).join(', ')}${differ.length > 5 ? ', …' : ''}.`);
}

/** A path read from rollback.json: relative, forward slashes, no `..`, not rollback.json itself. */
function safeManifestPath(file: string): string {
  if (!isSafeRelative(file) || file === ROLLBACK_MANIFEST) refuse(`${ROLLBACK_MANIFEST} lists an unsafe path '${file}'.`);
  return file;
}

/** A path from a retrieve zip, normalised to the bundle's form. */
function safeBundlePath(name: string): string {
  const file = name.replace(/^unpackaged\//, '');
  if (!isSafeRelative(file) || file === ROLLBACK_MANIFEST || file === DESTRUCTIVE_CHANGES || file === DESTRUCTIVE_CHANGES_POST) {
    throw new SalesforceError(`The production retrieve returned a file with an unexpected path '${name}'.`);
  }
  return file;
}

function isSafeRelative(file: string): boolean {
  return file.length > 0 && !file.startsWith('/') && !file.includes('\\') && !file.includes('\0') &&
    file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

function refuse(message: string): never {
  throw new GateError(Gate.RollbackArtifact, `The rollback bundle cannot be trusted: ${message}`);
}
