import { unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { SalesforceError } from '../errors.js';
import type { OrgSession } from './connection.js';
import { pollInterval } from './deploy.js';
import type { ComponentRef } from './manifest.js';

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
const CHILD_TYPES: Record<string, { file: (parent: string) => string; element: string }> = {
  CustomField: { file: (p) => `objects/${p}.object`, element: 'fields' },
  ValidationRule: { file: (p) => `objects/${p}.object`, element: 'validationRules' },
  RecordType: { file: (p) => `objects/${p}.object`, element: 'recordTypes' },
  ListView: { file: (p) => `objects/${p}.object`, element: 'listViews' },
  WebLink: { file: (p) => `objects/${p}.object`, element: 'webLinks' },
  CompactLayout: { file: (p) => `objects/${p}.object`, element: 'compactLayouts' },
  FieldSet: { file: (p) => `objects/${p}.object`, element: 'fieldSets' },
  BusinessProcess: { file: (p) => `objects/${p}.object`, element: 'businessProcesses' },
  SharingReason: { file: (p) => `objects/${p}.object`, element: 'sharingReasons' },
  Index: { file: (p) => `objects/${p}.object`, element: 'indexes' },
  CustomLabel: { file: () => 'labels/CustomLabels.labels', element: 'labels' },
  WorkflowRule: { file: (p) => `workflows/${p}.workflow`, element: 'rules' },
  WorkflowFieldUpdate: { file: (p) => `workflows/${p}.workflow`, element: 'fieldUpdates' },
  WorkflowAlert: { file: (p) => `workflows/${p}.workflow`, element: 'alerts' },
  WorkflowOutboundMessage: { file: (p) => `workflows/${p}.workflow`, element: 'outboundMessages' },
  WorkflowTask: { file: (p) => `workflows/${p}.workflow`, element: 'tasks' },
  SharingCriteriaRule: { file: (p) => `sharingRules/${p}.sharingRules`, element: 'sharingCriteriaRules' },
  SharingOwnerRule: { file: (p) => `sharingRules/${p}.sharingRules`, element: 'sharingOwnerRules' },
};

/** Types whose components live in folders; listMetadata needs the folder to list them. */
const FOLDER_TYPES = new Set(['Report', 'Dashboard', 'Document', 'EmailTemplate']);

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: () => true });

/**
 * Retrieves the org's versions of the given components (one Metadata API retrieve, polled with
 * the deploy's interval) and sorts them into present and absent. A component is absent only
 * when the retrieve did not return it and listMetadata confirms the org lacks it: a rollback
 * deletes absent components, so a wrong "absent" would delete something production has.
 */
export async function retrieveComponents(session: OrgSession, components: ComponentRef[], options: RetrieveOptions): Promise<RetrievedComponents> {
  const requested = uniqueComponents(components);
  if (requested.length === 0) return { files: {}, present: [], absent: [] };

  const result = await awaitRetrieve(session, await startRetrieve(session, requested, options.apiVersion), options);
  const files = unzipRetrieved(result.zipFile);
  const listed = fileProperties(result).filter((p) => p.type !== 'Package' && !/(^|\/)package\.xml$/.test(p.fileName));
  // "cannot be found" messages are expected for what the deploy adds; they are counted, not listed.
  const notes = asArray(result.messages).filter((m) => m?.problem);
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
      throw new SalesforceError(`The retrieve ${id} of ${session.role} components failed: ${code}${result.errorMessage ?? 'no reason given'}.`);
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
    files[name.replace(/^unpackaged\//, '')] = Buffer.from(bytes);
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
      return this.childNames(child.file(parent), child.element).has(normalName(name));
    }
    const fileName = this.properties.get(`${component.type}:${normalName(component.fullName)}`);
    if (!fileName) return false;
    const lower = fileName.toLowerCase();
    return this.paths.has(lower) || this.folders.has(lower);
  }

  private childNames(wanted: string, element: string): Set<string> {
    const file = this.paths.get(wanted.toLowerCase());
    if (file === undefined) return new Set();
    const key = `${file}\0${element}`;
    let names = this.children.get(key);
    if (!names) {
      names = parseChildNames(this.files[file]!, element);
      this.children.set(key, names);
    }
    return names;
  }
}

/** Names of the children an XML metadata file holds under an element, e.g. the fields of an object. */
function parseChildNames(bytes: Buffer, element: string): Set<string> {
  try {
    const document = xml.parse(bytes.toString('utf8')) as Record<string, Array<Record<string, unknown>>>;
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
