import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ComponentSet, SourceComponent } from '@salesforce/source-deploy-retrieve';
import { Inputs } from '../constants.js';
import { ActionError, InputError, SalesforceError } from '../errors.js';
import { packagedFileProblems } from './package-contents.js';
import { copiedFiles, isCopiedAsIs } from './package-copy.js';
import { plainFiles, plainPackageXml, resolvePlainPackage, type PlainPackage } from './package-plain.js';
import { ZipPartWriter, type ZipPart } from './zip-writer.js';

// One share of a source package's conversion, as `sf project convert source` / `sf project deploy`
// convert it (source-deploy-retrieve's own resolution, transformers, .forceignore and
// replacements; for a plain project, package-plain.ts's exact mirror of them, without loading SDR),
// written into compressed zip entries instead of SDR's in-memory JSZip. It runs in
// a worker thread (package-worker.ts), one share per worker; package.ts merges the shares into one
// zip. It is also what runs in-thread when no worker can be started (tests run src/ under jest).

/** What every share resolves: the same components, the same order (resolution is deterministic). */
export interface PackagingJob {
  workspace: string;
  sourceDirs: string[];
  manifest?: string;
  apiVersion: string;
  /** This share's number, 0 … shares-1; share 0 also writes package.xml. */
  share: number;
  shares: number;
}

/** What a share sends back. */
export interface ShareResult {
  part: ZipPart;
  /** Zip entries SDR's ZipWriter counts for this share (files added; folders are counted on the merged zip). */
  files: number;
  /** Share 0 only: the package.xml of the whole component set, as SDR writes it. */
  packageXml?: string;
  /** Share 0 only: whether the whole set is empty (nothing to deploy). */
  empty?: boolean;
  /** Workspace-relative source file of every Apex class and trigger of this share, by `type:fullName`. */
  apexFiles: Record<string, string>;
}

/** Resolves the component set of the package directories (or of a manifest over them), as buildPackage always has. */
export async function resolveComponentSet(job: Pick<PackagingJob, 'workspace' | 'sourceDirs' | 'manifest' | 'apiVersion'>): Promise<ComponentSet> {
  process.env.SF_DISABLE_LOG_FILE = 'true'; // the bundle has no pino log workers: a workflow's SF_DISABLE_LOG_FILE=false would crash SDR
  const { ComponentSet } = await import('@salesforce/source-deploy-retrieve');
  const fsPaths = job.sourceDirs.map((dir) => path.resolve(job.workspace, dir));
  const componentSet = job.manifest
    ? await ComponentSet.fromManifest({ manifestPath: path.resolve(job.workspace, job.manifest), resolveSourcePaths: fsPaths, forceAddWildcards: true })
    : ComponentSet.fromSource({ fsPaths });
  componentSet.sourceApiVersion = job.apiVersion;
  componentSet.apiVersion = job.apiVersion;
  return componentSet;
}

/** SPEC.md "Evidence", packages: what SDR resolved stays inside the package directories, outside dot-folders. */
export function assertPackagedFiles(components: Parameters<typeof packagedFileProblems>[0], packageDirs: string[], workspace: string): void {
  const problems = packagedFileProblems(components, packageDirs, workspace);
  if (problems.length > 0) throw new InputError(problems.map((p) => `Input '${Inputs.SourceDir}': ${p}`));
}

/**
 * Splits components into `shares` groups of about the same number of files, in resolution order.
 * A component goes whole to one share, children included (a CustomObject with its fields), so SDR's
 * recomposition sees everything it merges. Pure: every share computes the same split.
 */
export function splitComponents<T>(components: T[], shares: number, weight: (component: T) => number): T[][] {
  const groups: T[][] = Array.from({ length: shares }, () => []);
  const load = new Array<number>(shares).fill(0);
  for (const component of components) {
    let lightest = 0;
    for (let i = 1; i < shares; i++) if (load[i] < load[lightest]) lightest = i;
    groups[lightest].push(component);
    load[lightest] += weight(component);
  }
  return groups;
}

/** Files a component reads: its metadata file, its content, its children's. */
function weightOf(component: SourceComponent): number {
  let files = component.xml ? 1 : 0;
  try {
    files += component.content ? component.walkContent().length || 1 : 0;
  } catch {
    files += 1;
  }
  return files + component.getChildren().length;
}

/** The parts of SDR a share converts with. */
function loadConverter() {
  process.env.SF_DISABLE_LOG_FILE = 'true';
  return Promise.all([
    import('@salesforce/source-deploy-retrieve'),
    import('@salesforce/source-deploy-retrieve/lib/src/convert/streams.js'),
    import('@salesforce/source-deploy-retrieve/lib/src/convert/replacements.js'),
  ]);
}

/**
 * What a worker started ahead of its job does while it waits (package-workers.ts): resolves a
 * plain project's package, or else loads SDR. A failure shows when the job runs.
 */
export function prepareShare(inputs: PlainInputs): PlainPackage | undefined {
  let plan: PlainPackage | undefined;
  try {
    plan = resolvePlainPackage(inputs);
  } catch {
    plan = undefined;
  }
  if (!plan) loadConverter().catch(() => undefined);
  return plan;
}

/** The inputs a package is resolved from, which a worker started ahead of its job is told first. */
export type PlainInputs = Pick<PackagingJob, 'workspace' | 'sourceDirs' | 'manifest'>;

/** Whether a job packages what `inputs` named (so what was resolved for them serves it). */
export function sameInputs(job: PlainInputs, inputs: PlainInputs): boolean {
  return job.workspace === inputs.workspace && job.manifest === inputs.manifest && job.sourceDirs.join('\0') === inputs.sourceDirs.join('\0');
}

/**
 * Converts this job's share of the package to metadata format, compressed entry by entry: a plain
 * project without loading SDR (package-plain.ts), any other with SDR.
 */
export async function convertShare(job: PackagingJob, resolved?: PlainPackage): Promise<ShareResult> {
  // Decided once, from the resolution alone, the same in every share: a share that turned to SDR
  // halfway would take SDR's split of the components, not the plain one, and lose or double some.
  const plan = resolved ?? resolvePlainPackage(job);
  return plan ? convertPlainShare(job, plan) : convertSdrShare(job);
}

/** Where each Apex class's and trigger's source is, relative to the workspace. */
function apexFilesOf(components: Array<{ type: { name: string }; fullName: string; content?: string; xml?: string }>, workspace: string): Record<string, string> {
  const apexFiles: Record<string, string> = {};
  for (const component of components) {
    const file = component.content ?? component.xml;
    if (!file || (component.type.name !== 'ApexClass' && component.type.name !== 'ApexTrigger')) continue;
    apexFiles[`${component.type.name}:${component.fullName}`] = path.relative(workspace, path.resolve(workspace, file)).split(path.sep).join('/');
  }
  return apexFiles;
}

/** A plain project's share: the same split, gate, entries and package.xml as with SDR. */
function convertPlainShare(job: PackagingJob, plan: PlainPackage): ShareResult {
  const fsPaths = job.sourceDirs.map((dir) => path.resolve(job.workspace, dir));
  const all = plan.components;
  const mine = job.shares === 1 ? all : splitComponents(all, job.shares, (c) => 1 + c.files.length)[job.share]!;
  assertPackagedFiles((job.share === 0 ? all : mine).map((c) => ({ type: c.type, fullName: c.fullName, xml: c.xml, content: c.content, walkContent: () => c.files })), fsPaths, job.workspace);
  const packageXml = job.share === 0 ? plainPackageXml(plan, job.apiVersion) : undefined;
  const writer = new ZipPartWriter();
  let files = 0;
  for (const file of plainFiles(plan, mine, (component) => copiedFiles(component, component.files))) {
    writer.add(file.output, file.data ?? readFileSync(file.source!));
    files++;
  }
  const result: ShareResult = { part: writer.finish(), files, apexFiles: apexFilesOf(mine, job.workspace) };
  if (packageXml !== undefined) {
    result.empty = false;
    result.packageXml = packageXml;
  }
  return result;
}

/** A share converted by SDR's resolution and converter. */
async function convertSdrShare(job: PackagingJob): Promise<ShareResult> {
  const componentSet = await resolveComponentSet(job);
  const fsPaths = job.sourceDirs.map((dir) => path.resolve(job.workspace, dir));
  // The order and filter of MetadataConverter.convert: source components that can be addressed.
  const all = componentSet.getSourceComponents().toArray().filter((c) => c.type.isAddressable !== false);
  // Share 0 checks the whole set (its own part included), so its error names every offending file
  // as buildPackage always has; every other share checks what it converts, so nothing a worker
  // writes escapes the gate.
  const mine = job.shares === 1 ? all : splitComponents(all, job.shares, weightOf)[job.share]!;
  // Each component's content files are walked once (a walk stats every file and asks .forceignore).
  const walked = new Map<SourceComponent, string[]>();
  const contentOf = (c: SourceComponent): string[] => {
    let files = walked.get(c);
    if (!files) walked.set(c, (files = c.walkContent()));
    return files;
  };
  const checked = (job.share === 0 ? componentSet.getSourceComponents().toArray() : mine).map((c) => ({ type: c.type, fullName: c.fullName, xml: c.xml, content: c.content, walkContent: () => contentOf(c) }));
  assertPackagedFiles(checked, fsPaths, job.workspace);

  const [{ RegistryAccess }, { ComponentConverter }, { getReplacementMarkingStream }] = await loadConverter();
  const writer = new ZipPartWriter();
  let files = 0;
  // Components SDR converts by copying their files are copied here directly (package-copy.ts);
  // the rest go through SDR's converter. With replacements configured, everything goes through
  // SDR, which marks the files to replace.
  const replacing = await getReplacementMarkingStream(componentSet.projectDirectory);
  const copied = replacing ? [] : mine.filter(isCopiedAsIs);
  const converted = replacing ? mine : mine.filter((c) => !isCopiedAsIs(c));
  for (const component of copied) {
    for (const file of copiedFiles(component, contentOf(component))) {
      writer.add(file.output, readFileSync(file.source));
      files++;
    }
  }
  const sink = new Writable({
    objectMode: true,
    write(chunk: { writeInfos: Array<{ source?: NodeJS.ReadableStream; output: string }> }, _encoding, callback) {
      // As SDR's ZipWriter: every write info with a source becomes an entry at its output path.
      Promise.all(
        chunk.writeInfos
          .filter((info) => info.source)
          .map(async (info) => {
            const chunks: Buffer[] = [];
            for await (const data of info.source as AsyncIterable<Buffer | string>) chunks.push(typeof data === 'string' ? Buffer.from(data) : data);
            writer.add(info.output, Buffer.concat(chunks));
            files++;
          }),
      ).then(() => callback(), callback);
    },
  });
  // The stages of MetadataConverter.convert for a zip: replacements (sfdx-project.json
  // "replacements"), then SDR's ComponentConverter with its transformers and finalizers.
  await pipeline(
    Readable.from(converted),
    replacing ?? new PassThrough({ objectMode: true }),
    new ComponentConverter('metadata', new RegistryAccess(), undefined, undefined),
    sink,
  );
  const result: ShareResult = { part: writer.finish(), files, apexFiles: apexFilesOf(mine, job.workspace) };
  if (job.share === 0) {
    result.empty = componentSet.size === 0;
    if (!result.empty) result.packageXml = await componentSet.getPackageXml();
  }
  return result;
}

/** An error as it crosses the thread boundary: enough to throw the same typed error on the main thread. */
export interface SharedError {
  name: string;
  message: string;
  problems?: string[];
  status?: string;
}

export function shareError(error: unknown): SharedError {
  if (error instanceof InputError) return { name: 'InputError', message: error.message, problems: [...error.problems] };
  if (error instanceof ActionError) return { name: error.name, message: error.message, status: error.status };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The typed error a share threw, thrown again on the main thread. */
export function sharedErrorToError(shared: SharedError): Error {
  if (shared.name === 'InputError' && shared.problems) return new InputError(shared.problems);
  if (shared.name === 'SalesforceError') return new SalesforceError(shared.message, shared.status as ConstructorParameters<typeof SalesforceError>[1]);
  if (shared.name === 'ActionError') return new ActionError(shared.message, shared.status as ConstructorParameters<typeof ActionError>[1]);
  const error = new Error(shared.message);
  error.name = shared.name;
  return error;
}
