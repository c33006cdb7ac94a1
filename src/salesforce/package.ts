import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import type { ComponentSet } from '@salesforce/source-deploy-retrieve';
import { Inputs, RunStatus } from '../constants.js';
import { ActionError, InputError, SalesforceError, sanitize } from '../errors.js';
import { deltaRegistry, isEmptyDelta, sourceDeployRetrieve, type DeltaScope } from './delta.js';
import { appendToZip } from './delta-zip.js';
import { isInside } from './package-contents.js';
import { assertPackagedFiles, convertShare, resolveComponentSet, sharedErrorToError, type PackagingJob, type ShareResult, type SharedError } from './package-convert.js';
import { assembleZip, ZipPartWriter } from './zip-writer.js';
import { startPackagingWorker, workerScript } from './package-workers.js';
import { DESTRUCTIVE_CHANGES_POST, readPackageXml, writePackageXml, type ComponentRef } from './manifest.js';

/** A Metadata API deploy package built from the repository, plus what reports need to map results back. */
export interface DeployPackage {
  /** The zip sent to Salesforce: metadata format with its package.xml. */
  zip: Buffer;
  /** Every component the package.xml lists, children (CustomField, CustomLabel …) included: what the package deploys. */
  components: ComponentRef[];
  /**
   * What the package deletes (its destructiveChangesPost.xml, which runs after the updates, so
   * references moved off a component first do not block its deletion); buildPackage always sets it, empty
   * unless a delta deleted components. Optional only for packages assembled by hand.
   */
  destructive?: ComponentRef[];
  /** The source the package came from, so DeployResult failures map back to files (absent for a metadata-format folder). */
  componentSet?: ComponentSet;
  /** Resolves componentSet when the package was built in worker threads (see packageComponentSet). */
  loadComponentSet?: () => Promise<ComponentSet>;
  /** Workspace-relative source file of every Apex class and trigger, by `type:fullName` (packages built in worker threads). */
  apexFiles?: Record<string, string>;
  /** Files in the zip. */
  fileCount: number;
  /** Whether Apex is deployed, which decides whether tests run by default. */
  hasApex: boolean;
}

/** Where the components come from. */
export interface PackageSource {
  workspace: string;
  sourceDirs: string[];
  manifest?: string;
  apiVersion: string;
  /** With `delta: true`: package only the delta's components from `sourceDirs`, and delete its destructive ones. */
  delta?: DeltaScope;
}

/**
 * Builds the deploy zip as source-deploy-retrieve builds it (its conversion, .forceignore handling
 * and child-component recomposition are Salesforce's own; a plain project's are mirrored exactly,
 * package-plain.ts), from the source folders or a manifest. A source package is converted off the
 * main thread, split across worker threads (see sourcePackage), so authentication and the org
 * checks go on while it is built.
 */
export async function buildPackage(source: PackageSource, options: PackagingOptions = {}): Promise<DeployPackage> {
  process.env.SF_DISABLE_LOG_FILE = 'true'; // the bundle has no pino log workers: a workflow's SF_DISABLE_LOG_FILE=false would crash SDR
  const fsPaths = source.sourceDirs.map((dir) => path.resolve(source.workspace, dir));
  if (source.delta) return deltaPackage(source, source.delta, fsPaths);
  if (source.manifest && fsPaths.length === 0) return metadataFolderPackage(path.resolve(source.workspace, source.manifest));
  return sourcePackage(source, fsPaths, options);
}

/** How a source package is built; the defaults are what a run uses. */
export interface PackagingOptions {
  /** Shares the conversion is split into (default: by size and CPUs, see packagingShares). */
  shares?: number;
  /** false: convert every share on this thread, one after the other (default: worker threads when they can start). */
  threads?: boolean;
}

/**
 * Files a share must have to be worth its own worker: each worker loads SDR and resolves the whole
 * component set (about 0.9 s on a 10,000-file project), while converting 10,000 files, most of
 * them copied (package-copy.ts), takes about 1 s more. Measured on 2 CPUs (`npm run bench`): one
 * share 1.9 s, two shares 2.1–2.5 s.
 */
const FILES_PER_EXTRA_SHARE = 5000;
const MAX_SHARES = 4;

/**
 * Shares for a package of about `files` files: one CPU is left to the run's own thread (its
 * requests, the org checks), at most MAX_SHARES, none that would convert under
 * FILES_PER_EXTRA_SHARE files.
 */
export function packagingShares(files: number, cpus: number): number {
  return Math.max(1, Math.min(cpus - 1, MAX_SHARES, Math.floor(files / FILES_PER_EXTRA_SHARE)));
}

/** Files under the package directories (a quick count, on libuv's threads, to size the split). */
async function countFiles(dirs: string[]): Promise<number> {
  const { readdir } = await import('node:fs/promises');
  const counts = await Promise.all(dirs.map((dir) => readdir(dir, { recursive: true }).then((entries) => entries.length, () => 0)));
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * The package of the source folders (or of a manifest over them): each share resolves the component
 * set (package-plain.ts for a plain project, SDR for any other), converts its part of the components into compressed zip entries
 * (package-convert.ts), and the parts are merged into one zip with share 0's package.xml, the
 * entries and contents `sf project convert source` writes (test/integration/package-convert.test.ts).
 */
async function sourcePackage(source: PackageSource, fsPaths: string[], options: PackagingOptions): Promise<DeployPackage> {
  const { availableParallelism } = await import('node:os');
  // On 2 CPUs there is one share whatever the size: the files are not counted.
  const cpus = availableParallelism();
  const shares = options.shares ?? (packagingShares(Infinity, cpus) === 1 ? 1 : packagingShares(await countFiles(fsPaths), cpus));
  const job = { workspace: source.workspace, sourceDirs: source.sourceDirs, ...(source.manifest ? { manifest: source.manifest } : {}), apiVersion: source.apiVersion };
  const results = await runShares(job, shares, options.threads !== false);
  const [first] = results;
  if (first.empty || first.packageXml === undefined) {
    throw new SalesforceError(`Nothing to deploy: no metadata found in ${source.manifest ?? fsPaths.map((p) => path.relative(source.workspace, p) || '.').join(', ')}.`);
  }
  // package.xml first, as SDR's ZipWriter adds it before the components.
  const manifest = new ZipPartWriter();
  manifest.add('package.xml', Buffer.from(first.packageXml));
  const { zip, entryCount } = assembleZip([manifest.finish(), ...results.map((r) => r.part)]);
  const components = readPackageXml(first.packageXml);
  return {
    zip,
    components,
    destructive: [],
    // Resolved on this thread only if a deploy fails and its failures need mapping to files.
    loadComponentSet: () => resolveComponentSet(job),
    apexFiles: Object.assign({}, ...results.map((r) => r.apexFiles)),
    fileCount: entryCount,
    hasApex: hasApex(components),
  };
}

/** Runs the shares in worker threads when one can start here, otherwise on this thread; results in share order. */
async function runShares(job: Omit<PackagingJob, 'share' | 'shares'>, shares: number, threads: boolean): Promise<ShareResult[]> {
  const entry = threads ? workerScript() : undefined;
  const jobs = Array.from({ length: shares }, (_, share) => ({ ...job, share, shares }));
  if (!entry) {
    const results: ShareResult[] = [];
    for (const share of jobs) results.push(await convertShare(share));
    return results;
  }
  const settled = await Promise.allSettled(
    jobs.map(
      async (share) => {
        const worker = await startPackagingWorker(entry, share);
        return new Promise<ShareResult>((resolve, reject) => {
          worker.once('message', (message: { result?: ShareResult; error?: SharedError }) => {
            // Its bytes are here (transferred): nothing SDR left running in it may keep the run alive.
            void worker.terminate();
            if (message.result) resolve(message.result);
            else reject(sharedErrorToError(message.error ?? { name: 'Error', message: 'no result' }));
          });
          worker.once('error', (error) => reject(new SalesforceError(`Packaging (share ${share.share + 1} of ${shares}) failed: ${error.message}`)));
          worker.once('exit', (code) => reject(new SalesforceError(`Packaging (share ${share.share + 1} of ${shares}) stopped (exit code ${code}) before it finished.`)));
        });
      },
    ),
  );
  // Share 0's error first: it checked the whole set, so it names every offending file.
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<ShareResult>).value);
}

/** The component set a package came from, resolved on this thread when the package was built in workers. */
export async function packageComponentSet(pkg: DeployPackage): Promise<ComponentSet | undefined> {
  if (!pkg.componentSet && pkg.loadComponentSet) pkg.componentSet = await pkg.loadComponentSet();
  return pkg.componentSet;
}

/**
 * The package of a delta: SDR resolves the source folders keeping only the delta's components
 * (as `sf project deploy start --manifest` does, so a lone CustomField still recomposes into its
 * object file), and the deletions go in destructiveChangesPost.xml next to package.xml.
 */
async function deltaPackage(source: PackageSource, delta: DeltaScope, fsPaths: string[]): Promise<DeployPackage> {
  if (source.manifest) {
    throw new ActionError(`delta packages the changed components of source-dir, so it cannot be combined with manifest '${sanitize(source.manifest)}'. Remove the manifest, or turn delta off.`);
  }
  if (isEmptyDelta(delta)) {
    throw new ActionError(`Nothing to deploy: no metadata changed between ${delta.base.slice(0, 12)} and ${delta.head.slice(0, 12)}.`, RunStatus.Skipped);
  }
  const files: Record<string, Uint8Array> = {};
  /** Every file of the package, by name. */
  const entries: string[] = [];
  /** SDR's zip of the components to deploy. */
  let built: Uint8Array | undefined;
  let components: ComponentRef[] = [];
  let componentSet: ComponentSet | undefined;
  if (delta.deploy.length > 0) {
    const { ComponentSet, MetadataConverter, SourceComponent } = await sourceDeployRetrieve();
    // The delta's registry for the resolution, the set and the conversion: each builds its own otherwise (tens of ms each).
    const registry = await deltaRegistry();
    // The delta's own files, not the whole source: resolving them gives exactly its components.
    componentSet = ComponentSet.fromSource({ fsPaths: delta.deployPaths.map((file) => path.resolve(source.workspace, file)), registry });
    // A labels file ships the labels the delta names, not the file's others: SDR recomposes the
    // file from just those (what `sf project deploy start --metadata CustomLabel:Name` sends).
    const inFile = delta.inFileChildren ?? {};
    if (Object.keys(inFile).length > 0) {
      const kept = componentSet.getSourceComponents().toArray().flatMap((component) => {
        const names = component.xml ? inFile[path.relative(source.workspace, component.xml).split(path.sep).join('/')] : undefined;
        if (!names) return [component];
        const types = Object.values(component.type.children?.types ?? {});
        return names.map((name) => {
          const [typeName, fullName] = [name.slice(0, name.indexOf(':')), name.slice(name.indexOf(':') + 1)];
          const type = types.find((t) => t.name === typeName);
          if (!type) throw new SalesforceError(`The delta names ${typeName} ${fullName} in ${component.xml}, which holds no ${typeName}.`);
          return new SourceComponent({ name: fullName, type, xml: component.xml, parent: component }, component.tree, component.getForceIgnore());
        });
      });
      componentSet = new ComponentSet(kept, registry);
    }
    assertPackagedFiles(componentSet.getSourceComponents().toArray(), fsPaths, source.workspace);
    componentSet.sourceApiVersion = source.apiVersion;
    componentSet.apiVersion = source.apiVersion;
    const converted = await new MetadataConverter(registry).convert(componentSet, 'metadata', { type: 'zip' });
    if (!converted.zipBuffer) throw new SalesforceError('source-deploy-retrieve produced no zip.');
    // Only what is read back is inflated; every file is counted.
    Object.assign(files, unzipSync(converted.zipBuffer, { filter: ({ name }) => (name.endsWith('/') ? false : (entries.push(name), name === 'package.xml' || LABELS_FILE.test(name))) }));
    built = converted.zipBuffer;
    // What the package claims is what its package.xml lists, nothing the delta merely intended.
    components = readPackageXml(strFromU8(files['package.xml'] ?? new Uint8Array()));
    const listed = new Set(components.map((c) => `${c.type}:${c.fullName}`));
    const missing = delta.deploy.filter((ref) => !listed.has(`${ref.type}:${ref.fullName}`));
    // A recomposed labels file holds each named label, found by name in the head file.
    if (Object.keys(inFile).length > 0) missing.push(...missingLabels(files, delta.deploy));
    if (missing.length > 0) {
      throw new SalesforceError(`The delta names ${missing.map((c) => `${c.type} ${c.fullName}`).join(', ')}, which the package built from ${source.sourceDirs.join(', ')} does not contain: the working tree no longer matches the delta. Compute the delta again from the checked-out commit.`);
    }
  }
  let zip = built;
  if (delta.destructive.length > 0) {
    // Next to package.xml. SDR's entries are copied as they are (delta-zip.ts), not inflated and deflated again.
    const manifest = Buffer.from(writePackageXml(delta.destructive, source.apiVersion));
    if (entries.includes(DESTRUCTIVE_CHANGES_POST)) throw new SalesforceError(`source-deploy-retrieve's package already holds a ${DESTRUCTIVE_CHANGES_POST}.`);
    zip = built && appendToZip(built, DESTRUCTIVE_CHANGES_POST, manifest);
    if (!zip) {
      // Deletions only (Salesforce still wants a package.xml, an empty one), or a zip appendToZip cannot extend.
      if (!built) entries.push('package.xml');
      zip = zipSync({ ...(built ? unzipSync(built) : { 'package.xml': Buffer.from(writePackageXml([], source.apiVersion)) }), [DESTRUCTIVE_CHANGES_POST]: manifest });
    }
    entries.push(DESTRUCTIVE_CHANGES_POST);
  }
  if (!zip) throw new SalesforceError('source-deploy-retrieve produced no zip.');
  return {
    zip: Buffer.isBuffer(zip) ? zip : Buffer.from(zip.buffer, zip.byteOffset, zip.length),
    components,
    destructive: [...delta.destructive],
    ...(componentSet ? { componentSet } : {}),
    fileCount: entries.length,
    hasApex: hasApex(components),
  };
}

/** A labels file in a metadata-format package. */
const LABELS_FILE = /^labels\/[^/]+\.labels$/;

/**
 * The labels of the delta missing from the package's labels file. Source-deploy-retrieve builds a
 * label it cannot find in the file from the whole file instead (SourceComponent.parseFromParentXml),
 * so the zip's own labels file is read back: every named label, by its fullName, and nothing else.
 */
function missingLabels(files: Record<string, Uint8Array>, deploy: ComponentRef[]): ComponentRef[] {
  const wanted = deploy.filter((ref) => ref.type === 'CustomLabel');
  const found = new Set<string>();
  let entries = 0;
  for (const [name, bytes] of Object.entries(files)) {
    if (!LABELS_FILE.test(name)) continue;
    const parsed = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (tag) => tag === 'labels' }).parse(strFromU8(bytes)) as { CustomLabels?: { labels?: Array<{ fullName?: unknown }> } };
    for (const label of parsed.CustomLabels?.labels ?? []) {
      entries++;
      if (typeof label.fullName === 'string') found.add(label.fullName);
    }
  }
  const missing = wanted.filter((ref) => !found.has(ref.fullName));
  return missing.length > 0 || entries === wanted.length ? missing : [{ type: 'CustomLabel', fullName: `(${entries - wanted.length} unnamed or extra label(s) in the labels file)` }];
}

/** Whether a package carries Apex (Salesforce then runs tests on a production deploy). */
export function hasApex(components: readonly ComponentRef[]): boolean {
  return components.some((c) => c.type === 'ApexClass' || c.type === 'ApexTrigger');
}

/** A manifest next to a metadata-format folder (no SFDX project): the folder is zipped as it is. */
async function metadataFolderPackage(manifestPath: string): Promise<DeployPackage> {
  const { lstatSync, readdirSync, realpathSync, statSync } = await import('node:fs');
  const root = path.dirname(manifestPath);
  const files: Record<string, Uint8Array> = {};
  const realRoot = realpathSync(root);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      // Never a dot-entry (.git, .github, .env …): they are not metadata (SPEC.md "Evidence").
      if (entry.startsWith('.')) continue;
      const full = path.join(dir, entry);
      // Checked with the inputs already; read again here so a link added since cannot leak a file.
      if (lstatSync(full).isSymbolicLink() && !isInside(realRoot, realpathSync(full))) {
        throw new InputError([`Input '${Inputs.Manifest}': ${sanitize(path.relative(root, full))} is a symbolic link to a path outside the metadata folder; packages hold only files inside it.`]);
      }
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = readFileSync(full);
    }
  };
  walk(root);
  if (!existsSync(path.join(root, 'package.xml'))) files['package.xml'] = readFileSync(manifestPath);
  const components = readPackageXml(readFileSync(manifestPath, 'utf8'));
  return {
    zip: Buffer.from(zipSync(files)),
    components,
    destructive: [],
    fileCount: Object.keys(files).length,
    hasApex: hasApex(components),
  };
}

/**
 * A digest of what a package deploys: every zip entry's name and content, in name order, so two
 * builds of the same sources match whatever the zip's timestamps or entry order.
 */
export function packageDigest(zip: Buffer): string {
  const entries = unzipSync(zip);
  const hash = createHash('sha256');
  for (const name of Object.keys(entries).sort()) {
    if (name.endsWith('/')) continue;
    hash.update(name).update('\0').update(createHash('sha256').update(entries[name]).digest('hex')).update('\n');
  }
  return hash.digest('hex');
}
