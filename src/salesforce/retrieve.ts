import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { SalesforceError } from '../errors.js';
import type { OrgSession } from './connection.js';
import { scanInFileChildren } from './delta-labels.js';
import { pollInterval } from './deploy.js';
import { METADATA_LIMITS } from './limits.js';
import type { ComponentRef } from './manifest.js';
import { mergePermissionFiles } from './permission-merge.js';

/** The production versions of some components, in metadata format. */
export interface RetrievedComponents {
  /** Retrieved files by metadata-format path (`classes/A.cls`), the retrieve's package.xml included. */
  files: Record<string, Buffer>;
  /** Requested components that came back. */
  present: ComponentRef[];
  /** Requested components the org does not have. */
  absent: ComponentRef[];
}

/** How a retrieve waits; `sleep` and `now` are injected so tests need not wait. */
export interface RetrieveOptions {
  apiVersion: string;
  timeoutMs: number;
  log: (line: string) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** States of a Metadata API retrieve (RetrieveStatus). */
export enum RetrieveStatus {
  Pending = 'Pending',
  InProgress = 'InProgress',
  Succeeded = 'Succeeded',
  Failed = 'Failed',
}

/**
 * Where a child component lives: its parent's file and the element that holds it. A child can
 * come back inside its parent's file, or the parent's file can come back without it, so its
 * presence is read from the file itself.
 */
/** A child type's parent file and the element holding it, by the parent's kind of file. */
const inObject = (element: string) => ({ file: (p: string) => `objects/${p}.object`, element, container: 'CustomObject' });
const inWorkflow = (element: string) => ({ file: (p: string) => `workflows/${p}.workflow`, element, container: 'Workflow' });
const inSharingRules = (element: string) => ({ file: (p: string) => `sharingRules/${p}.sharingRules`, element, container: 'SharingRules' });

const CHILD_TYPES: Record<string, { file: (parent: string) => string; element: string; container: string }> = {
  CustomField: inObject('fields'),
  ValidationRule: inObject('validationRules'),
  RecordType: inObject('recordTypes'),
  ListView: inObject('listViews'),
  WebLink: inObject('webLinks'),
  CompactLayout: inObject('compactLayouts'),
  FieldSet: inObject('fieldSets'),
  BusinessProcess: inObject('businessProcesses'),
  SharingReason: inObject('sharingReasons'),
  Index: inObject('indexes'),
  CustomLabel: { file: () => 'labels/CustomLabels.labels', element: 'labels', container: 'CustomLabels' },
  WorkflowRule: inWorkflow('rules'),
  WorkflowFieldUpdate: inWorkflow('fieldUpdates'),
  WorkflowAlert: inWorkflow('alerts'),
  WorkflowOutboundMessage: inWorkflow('outboundMessages'),
  WorkflowTask: inWorkflow('tasks'),
  SharingCriteriaRule: inSharingRules('sharingCriteriaRules'),
  SharingOwnerRule: inSharingRules('sharingOwnerRules'),
};

/** Types whose components live in folders; listMetadata needs the folder to list them. */
const FOLDER_TYPES = new Set(['Report', 'Dashboard', 'Document', 'EmailTemplate']);

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: () => true });

/**
 * Retrieves the org's versions of the given components and sorts them into present and absent.
 * The components are retrieved in batches under the Metadata API's limits (planRetrieveBatches),
 * one after the other, each polled with the deploy's interval; a batch Salesforce still refuses
 * for its size is split in two and retried. The batches' files are put together as one retrieve
 * would have returned them. A component is absent only when no retrieve returned it and
 * listMetadata confirms the org lacks it: a rollback deletes absent components, so a wrong
 * "absent" would delete something production has.
 */
export async function retrieveComponents(session: OrgSession, components: ComponentRef[], options: RetrieveOptions): Promise<RetrievedComponents> {
  const requested = uniqueComponents(components);
  if (requested.length === 0) return { files: {}, present: [], absent: [] };

  const batches = planRetrieveBatches(requested);
  if (batches.length > 1) {
    options.log(
      `Retrieving ${requested.length} ${session.role} component(s) in ${batches.length} batches (predicted ${batches.map((b) => b.predictedFiles).join(', ')} files; ` +
        `Metadata API limits per retrieve: ${METADATA_LIMITS.files.toLocaleString('en-US')} files, 39 MB).`,
    );
  }
  const files: Record<string, Buffer> = {};
  const listed: FileProperty[] = [];
  const notes: RetrieveMessage[] = [];
  for (const [i, batch] of batches.entries()) {
    for (const result of await retrieveBatch(session, batch.components, options, batches.length > 1 ? `batch ${i + 1} of ${batches.length}` : '')) {
      mergeRetrievedFiles(files, unzipRetrieved(result.zipFile));
      listed.push(...fileProperties(result).filter((p) => p.type !== 'Package' && !/(^|\/)package\.xml$/.test(p.fileName)));
      notes.push(...asArray<RetrieveMessage>(result.messages).filter((m) => m?.problem));
    }
  }
  // "cannot be found" messages are expected for what the deploy adds; they are counted, not listed.
  const missing = notes.filter((m) => /cannot be found/i.test(String(m.problem)));
  if (missing.length) options.log(`Retrieve: ${missing.length} requested component(s) not in the org yet.`);
  for (const message of notes.filter((m) => !missing.includes(m))) {
    options.log(`Retrieve note: ${message.fileName ? `${message.fileName}: ` : ''}${message.problem}`);
  }

  const present: ComponentRef[] = [];
  const unconfirmed: ComponentRef[] = [];
  const index = new RetrievedIndex(listed, files);
  for (const component of requested) {
    (index.cameBack(component) ? present : unconfirmed).push(component);
  }
  const absent = await confirmAbsent(session, unconfirmed);
  return { files, present, absent };
}

interface RetrieveMessage {
  fileName?: string;
  problem?: string;
}

/** A retrieve Salesforce refused for the Metadata API's limits (too many files, zip too large). */
class RetrieveLimitExceeded extends SalesforceError {}

/**
 * Retrieves one batch; when Salesforce refuses it for its size (the prediction was short: a
 * bundle with more files than expected, large files), splits it in two along its groups and
 * retrieves each half. A single group Salesforce refuses cannot be split: that is an error.
 */
async function retrieveBatch(session: OrgSession, components: ComponentRef[], options: RetrieveOptions, label: string): Promise<RawRetrieveResult[]> {
  try {
    if (label) options.log(`Retrieve ${label}: ${components.length} component(s).`);
    return [await awaitRetrieve(session, await startRetrieve(session, components, options.apiVersion), options)];
  } catch (error) {
    if (!(error instanceof RetrieveLimitExceeded)) throw error;
    const halves = splitBatch(components);
    if (!halves) {
      throw new SalesforceError(`${error.message} It cannot be split further (${components.length} component(s) that share files or must be retrieved together), so no rollback bundle can be built.`);
    }
    options.log(`${error.message} Splitting it in two and retrying.`);
    return [
      ...(await retrieveBatch(session, halves[0], options, `${label || 'retrieve'} (first half)`)),
      ...(await retrieveBatch(session, halves[1], options, `${label || 'retrieve'} (second half)`)),
    ];
  }
}

/**
 * Puts a batch's files with those of earlier batches. A path comes back twice only for a
 * profile or permission set (retrieved with every batch, since Salesforce returns only the
 * permissions of the components in the same retrieve): their entries are united. Anything else
 * twice with different bytes would make the bundle ambiguous.
 */
function mergeRetrievedFiles(into: Record<string, Buffer>, batch: Record<string, Buffer>): void {
  for (const [file, bytes] of Object.entries(batch)) {
    const earlier = into[file];
    if (earlier === undefined || earlier.equals(bytes) || file === 'package.xml') {
      into[file] ??= bytes;
      continue;
    }
    if (PERMISSION_FOLDERS.some((folder) => file.startsWith(folder))) {
      into[file] = Buffer.from(mergePermissionFiles(earlier.toString('utf8'), bytes.toString('utf8')));
      continue;
    }
    throw new SalesforceError(`Two retrieve batches returned different versions of '${file}'; a rollback bundle cannot choose between them.`);
  }
}

/** One retrieve of a split snapshot, and the files it is predicted to bring back. */
export interface RetrieveBatch {
  components: ComponentRef[];
  predictedFiles: number;
}

/**
 * Files one component of a type brings back in a retrieve, predicted before making it. Types
 * with a `-meta.xml` beside their body: 2; bundles: a generous guess at their files (an LWC
 * bundle has its .js, .html, .css, .svg, .js-meta.xml; an Aura bundle up to nine); everything
 * else one file. Children (fields, labels, workflow rules) share their parent's file and are
 * counted once per parent file. An underestimate is caught by Salesforce's refusal, and the batch
 * is split (retrieveBatch).
 */
const FILES_PER_COMPONENT: Record<string, number> = {
  ApexClass: 2, ApexTrigger: 2, ApexPage: 2, ApexComponent: 2, StaticResource: 2, Document: 2, EmailTemplate: 2,
  ContentAsset: 2, Certificate: 2, LightningComponentBundle: 6, AuraDefinitionBundle: 9, WaveTemplateBundle: 10,
  ExperienceBundle: 40, DigitalExperienceBundle: 40, LightningTypeBundle: 4,
};

/** The parents whose file holds children (an object's fields, the org's labels, a workflow's rules). */
const PARENT_FILES: Record<string, (parent: string) => string> = {
  CustomObject: (p) => `objects/${p}.object`,
  CustomLabels: () => 'labels/CustomLabels.labels',
  Workflow: (p) => `workflows/${p}.workflow`,
  SharingRules: (p) => `sharingRules/${p}.sharingRules`,
};

/** Types whose retrieved file depends on the other components of the same retrieve (their permissions). */
const PERMISSION_TYPES = new Set(['Profile', 'PermissionSet', 'MutingPermissionSet']);
const PERMISSION_FOLDERS = ['profiles/', 'permissionsets/', 'mutingpermissionsets/'];

/** What fills a retrieve: at most this many predicted files, a margin under the limit for short predictions. */
export const RETRIEVE_FILE_BUDGET = Math.floor(METADATA_LIMITS.files * 0.9);

/**
 * Splits the components of a snapshot into retrieves under the Metadata API's limits (pure).
 * Components that share a file (an object and its fields, every label, a workflow and its rules)
 * stay in one batch: a later batch's copy of the file would hold only its own children and
 * replace the earlier one's. Profiles and permission sets ride with every batch, so each returns
 * their permissions on that batch's components. The zip size cannot be predicted from names; a
 * batch refused for it is split when Salesforce says so.
 */
export function planRetrieveBatches(components: ComponentRef[], budget = RETRIEVE_FILE_BUDGET): RetrieveBatch[] {
  const permissions = components.filter((c) => PERMISSION_TYPES.has(c.type));
  const groups = groupByFile(components.filter((c) => !PERMISSION_TYPES.has(c.type)));
  // package.xml, and the permission containers' files in every batch.
  const fixed = 1 + permissions.reduce((n, c) => n + filesOf(c), 0);
  const batches: RetrieveBatch[] = [];
  let current: RetrieveBatch = { components: [], predictedFiles: fixed };
  for (const group of groups) {
    if (current.components.length > 0 && current.predictedFiles + group.files > budget) {
      batches.push(current);
      current = { components: [], predictedFiles: fixed };
    }
    current.components.push(...group.components);
    current.predictedFiles += group.files;
  }
  if (current.components.length > 0 || batches.length === 0) batches.push(current);
  for (const batch of batches) batch.components.push(...permissions);
  return batches;
}

/** Halves of a batch along its file groups (permission containers in both), or undefined for one group. */
function splitBatch(components: ComponentRef[]): [ComponentRef[], ComponentRef[]] | undefined {
  const permissions = components.filter((c) => PERMISSION_TYPES.has(c.type));
  const groups = groupByFile(components.filter((c) => !PERMISSION_TYPES.has(c.type)));
  if (groups.length < 2) return undefined;
  const total = groups.reduce((n, g) => n + g.files, 0);
  let cut = 1;
  for (let files = groups[0]!.files; cut < groups.length - 1 && files + groups[cut]!.files <= total / 2; cut++) files += groups[cut]!.files;
  const first = groups.slice(0, cut).flatMap((g) => g.components);
  const second = groups.slice(cut).flatMap((g) => g.components);
  return [[...first, ...permissions], [...second, ...permissions]];
}

/** Components grouped by the file they share, in first-seen order, with the files each group brings. */
function groupByFile(components: ComponentRef[]): Array<{ components: ComponentRef[]; files: number }> {
  const groups = new Map<string, { components: ComponentRef[]; files: number }>();
  for (const component of components) {
    const shared = sharedFileOf(component);
    const key = shared ?? `${component.type}:${normalName(component.fullName)}`;
    let group = groups.get(key);
    if (!group) {
      group = { components: [], files: shared ? 1 : filesOf(component) };
      groups.set(key, group);
    }
    group.components.push(component);
  }
  return [...groups.values()];
}

/** The file a child or parent component shares with others, lower-cased; undefined for a component with files of its own. */
function sharedFileOf(component: ComponentRef): string | undefined {
  const child = CHILD_TYPES[component.type];
  if (child) return child.file(splitChild(component).parent).toLowerCase();
  const parent = PARENT_FILES[component.type];
  return parent ? parent(component.fullName).toLowerCase() : undefined;
}

function filesOf(component: ComponentRef): number {
  return FILES_PER_COMPONENT[component.type] ?? 1;
}

async function startRetrieve(session: OrgSession, components: ComponentRef[], apiVersion: string): Promise<string> {
  const byType = new Map<string, string[]>();
  for (const c of components) byType.set(c.type, [...(byType.get(c.type) ?? []), c.fullName]);
  const request = {
    apiVersion: Number(apiVersion),
    singlePackage: true,
    unpackaged: { types: [...byType].map(([name, members]) => ({ name, members })), version: apiVersion },
  };
  // A retrieve only reads, so sending it again after a broken connection is harmless.
  const started = await session.retrying(`Starting the retrieve of ${components.length} ${session.role} component(s)`, async (c) => {
    // jsforce's Package type marks every Package field required; a retrieve needs only types and version.
    const locator = c.metadata.retrieve(request as unknown as Parameters<typeof c.metadata.retrieve>[0]);
    return (await locator) as { id?: string };
  });
  if (!started?.id) throw new SalesforceError(`Salesforce accepted the retrieve of ${session.role} components but returned no id.`);
  return String(started.id);
}

interface RawRetrieveResult {
  done?: unknown;
  status?: unknown;
  success?: unknown;
  errorMessage?: string | null;
  errorStatusCode?: string | null;
  fileProperties?: unknown;
  messages?: unknown;
  zipFile?: string;
}

/** Polls checkRetrieveStatus until the retrieve finishes, failing past the timeout. */
async function awaitRetrieve(session: OrgSession, id: string, options: RetrieveOptions): Promise<RawRetrieveResult> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const started = now();
  let lastStatus = '';
  for (;;) {
    const elapsed = now() - started;
    if (elapsed > options.timeoutMs) {
      throw new SalesforceError(`The retrieve ${id} of ${session.role} components did not finish within wait-minutes (${Math.round(options.timeoutMs / 60000)}). Raise wait-minutes, or retry when the org is less busy.`);
    }
    await sleep(pollInterval(elapsed));
    const result = await session.retrying(`Checking the retrieve ${id}`, (c) => c.metadata.checkRetrieveStatus(id) as unknown as Promise<RawRetrieveResult>);
    const status = String(result.status ?? '');
    if (status !== lastStatus) {
      options.log(`Retrieve ${id}: ${status || RetrieveStatus.Pending} (${Math.round((now() - started) / 1000)} s)`);
      lastStatus = status;
    }
    if (status === RetrieveStatus.Failed) {
      const code = result.errorStatusCode ? `${result.errorStatusCode}: ` : '';
      const message = `The retrieve ${id} of ${session.role} components failed: ${code}${result.errorMessage ?? 'no reason given'}.`;
      // LIMIT_EXCEEDED: too many files or too large a zip (Metadata API limits); a smaller retrieve can pass.
      if (result.errorStatusCode === 'LIMIT_EXCEEDED' || /too many files|maximum size|limit/i.test(result.errorMessage ?? '')) throw new RetrieveLimitExceeded(message);
      throw new SalesforceError(message);
    }
    if (status === RetrieveStatus.Succeeded || (isTrue(result.done) && status !== RetrieveStatus.Pending && status !== RetrieveStatus.InProgress)) {
      if (!result.zipFile) throw new SalesforceError(`The retrieve ${id} of ${session.role} components finished without a zip file.`);
      return result;
    }
  }
}

function unzipRetrieved(zipBase64: string | undefined): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(Buffer.from(zipBase64 ?? '', 'base64'));
  } catch (error) {
    throw new SalesforceError(`The retrieved zip file could not be read: ${(error as Error).message}.`);
  }
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    // Without singlePackage Salesforce nests everything under `unpackaged/`; the bundle keeps the root form.
    // A view of fflate's output, not a copy of it.
    files[name.replace(/^unpackaged\//, '')] = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  return files;
}

interface FileProperty {
  type: string;
  fullName: string;
  fileName: string;
}

function fileProperties(result: RawRetrieveResult): FileProperty[] {
  return asArray(result.fileProperties)
    .filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null)
    .map((p) => ({ type: String(p.type ?? ''), fullName: String(p.fullName ?? ''), fileName: String(p.fileName ?? '').replace(/^unpackaged\//, '') }));
}

/**
 * What a retrieve returned, indexed once so that checking every requested component is linear
 * in the package: each parent file (a labels file with thousands of labels, an object with
 * hundreds of fields) is parsed once, not once per child.
 */
class RetrievedIndex {
  /** Lower-cased file path → actual path in `files`. */
  private readonly paths = new Map<string, string>();
  /** Lower-cased folders of bundle components (`lwc/foo`, `aura/bar`) that hold at least one file. */
  private readonly folders = new Set<string>();
  /** `type:normalised fullName` → fileName, from fileProperties. */
  private readonly properties = new Map<string, string>();
  /** `file\0element` → names of the children the file holds under the element. */
  private readonly children = new Map<string, Set<string>>();

  constructor(
    listed: FileProperty[],
    private readonly files: Record<string, Buffer>,
  ) {
    for (const file of Object.keys(files)) {
      const lower = file.toLowerCase();
      if (!this.paths.has(lower)) this.paths.set(lower, file);
      for (let slash = lower.indexOf('/'); slash >= 0; slash = lower.indexOf('/', slash + 1)) this.folders.add(lower.slice(0, slash));
    }
    for (const p of listed) {
      const key = `${p.type}:${normalName(p.fullName)}`;
      if (!this.properties.has(key)) this.properties.set(key, p.fileName);
    }
  }

  /**
   * Whether a requested component really came back. A top-level component must be listed in
   * fileProperties with its file (or bundle folder) in the zip. A child must be inside its
   * parent's file: listing the parent (which Salesforce does for a child request) is not enough.
   */
  cameBack(component: ComponentRef): boolean {
    const child = CHILD_TYPES[component.type];
    if (child) {
      const { parent, name } = splitChild(component);
      return this.childNames(child.file(parent), child.container, child.element).has(normalName(name));
    }
    const fileName = this.properties.get(`${component.type}:${normalName(component.fullName)}`);
    if (!fileName) return false;
    const lower = fileName.toLowerCase();
    return this.paths.has(lower) || this.folders.has(lower);
  }

  private childNames(wanted: string, container: string, element: string): Set<string> {
    const file = this.paths.get(wanted.toLowerCase());
    if (file === undefined) return new Set();
    const key = `${file}\0${element}`;
    let names = this.children.get(key);
    if (!names) {
      names = childNamesOf(this.files[file]!.toString('utf8'), container, element);
      this.children.set(key, names);
    }
    return names;
  }
}

/**
 * Names of the children an XML metadata file holds under an element, e.g. the fields of an object.
 * A file that is nothing but those children (a labels file of thousands of labels) is cut into them
 * with the labels scanner of the delta (delta-labels.ts: a scan, not a parse, and undefined for
 * anything it cannot vouch for); any other file is parsed.
 */
function childNamesOf(text: string, container: string, element: string): Set<string> {
  const scanned = scanInFileChildren(text, container, element, 'fullName');
  if (scanned) return new Set([...scanned.keys()].map(normalName));
  try {
    const document = xml.parse(text) as Record<string, Array<Record<string, unknown>>>;
    const root = Object.values(document).find((v) => Array.isArray(v) && typeof v[0] === 'object')?.[0] ?? {};
    const children = (root[element] ?? []) as Array<Record<string, unknown>>;
    return new Set(children.map((c) => normalName(String(asArray(c.fullName)[0] ?? ''))).filter(Boolean));
  } catch {
    return new Set();
  }
}

/**
 * Asks listMetadata whether the org has the components the retrieve did not return. Those it
 * lists exist in production yet could not be saved, so no trustworthy rollback bundle can be
 * built: that is an error, not an absence.
 */
async function confirmAbsent(session: OrgSession, components: ComponentRef[]): Promise<ComponentRef[]> {
  if (components.length === 0) return [];
  const queries = uniqueBy(
    components.map((c) => (FOLDER_TYPES.has(c.type) && c.fullName.includes('/') ? { type: c.type, folder: c.fullName.split('/')[0]! } : { type: c.type })),
    (q) => `${q.type}/${'folder' in q ? q.folder : ''}`,
  );
  const existing = new Set<string>();
  // listMetadata takes at most three queries per call.
  for (let i = 0; i < queries.length; i += 3) {
    const batch = queries.slice(i, i + 3);
    const listed = await session.retrying(`Listing ${session.role} ${batch.map((q) => q.type).join(', ')} components`, (c) => c.metadata.list(batch) as Promise<unknown>);
    for (const p of asArray(listed) as Array<{ type?: string; fullName?: string }>) {
      if (p?.type && p.fullName) existing.add(`${p.type}:${normalName(p.fullName)}`);
    }
  }
  const missed = components.filter((c) => existing.has(`${c.type}:${normalName(c.fullName)}`));
  if (missed.length > 0) {
    throw new SalesforceError(
      `The ${session.role} org has ${missed.map(describe).join(', ')}, but the retrieve did not return ${missed.length === 1 ? 'it' : 'them'}. ` +
        `A rollback bundle without ${missed.length === 1 ? 'it would delete it' : 'them would delete them'} on restore, so none is built. Check that the user can read these components (View Setup, Modify Metadata).`,
    );
  }
  return components;
}

function splitChild(component: ComponentRef): { parent: string; name: string } {
  if (component.type === 'CustomLabel') return { parent: 'CustomLabels', name: component.fullName };
  const dot = component.fullName.indexOf('.');
  return dot < 0 ? { parent: component.fullName, name: '' } : { parent: component.fullName.slice(0, dot), name: component.fullName.slice(dot + 1) };
}

/** Names compare without case and URL encoding (Salesforce encodes some characters in layout names). */
function normalName(name: string): string {
  // decodeURIComponent changes only %-sequences; most names have none.
  if (!name.includes('%')) return name.toLowerCase();
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    decoded = name;
  }
  return decoded.toLowerCase();
}

function uniqueComponents(components: ComponentRef[]): ComponentRef[] {
  return uniqueBy(components, (c) => `${c.type}:${normalName(c.fullName)}`);
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))));
}

function asArray<T = any>(value: unknown): T[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

function describe(c: ComponentRef): string {
  return `${c.type} ${c.fullName}`;
}
