import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RegistryAccess, SourceComponent } from '@salesforce/source-deploy-retrieve';
import { ActionError, errorMessage, sanitize } from '../errors.js';
import { childrenOf, componentKey, hasInFileChildren, isAddressable, isLabelsFile, planDestructive, rememberChildren, sortRefs, type DeltaComponent } from './delta-rules.js';
import { readInFileChildren, sameChild, type InFileChild } from './delta-labels.js';
import type { ComponentRef } from './manifest.js';

/** What `delta: true` deploys: the components touched between two commits, and those deleted. */
export interface DeltaScope {
  /** Full SHA of the commit the target org is assumed to hold. */
  base: string;
  /** Full SHA of the commit being deployed (the checked-out one). */
  head: string;
  /** Files added, modified or renamed-to in the source folders, relative to the workspace, `/`-separated. */
  changedPaths: string[];
  /** Files deleted or renamed-from in the source folders, relative to the workspace, `/`-separated. */
  deletedPaths: string[];
  /** Components to deploy, as SDR names them: a bundle whole, a decomposed child (CustomField) alone. */
  deploy: ComponentRef[];
  /**
   * Files at head, relative to the workspace, that source-deploy-retrieve resolves into exactly the
   * `deploy` components (a bundle's -meta.xml, a field's file, an object translation's own file):
   * what the package is built from, without resolving the whole source again.
   */
  deployPaths: string[];
  /**
   * For a labels file among `deployPaths`: the labels of it that ship (`CustomLabel:Name`), the
   * ones added or changed since base; its other labels are left out of the package. Keyed by the
   * file, relative to the workspace, `/`-separated. Absent entries ship their file whole.
   */
  inFileChildren?: Record<string, string[]>;
  /** Components gone at head, for destructiveChangesPost.xml. */
  destructive: ComponentRef[];
  /** Things the run summary should say: empty delta, skipped files, flows and fields to be deleted. */
  notes: string[];
  /** How many files of the base commit were read to resolve deletions: it follows the change, not the repository. */
  baseFilesRead: number;
  /**
   * Why the delta could not be computed safely (base missing or not an ancestor of head, a file
   * of unknown type): the caller packages the whole source instead and warns. Absent otherwise.
   */
  fallback?: string;
}

/** Where and between which commits to compute a delta. */
export interface DeltaOptions {
  /** The checkout; `head` must be its checked-out commit, since the package is built from the working tree. */
  workspace: string;
  /** Commit the target org is assumed to hold: PR base, last production deploy, or the push's `before`. */
  base: string;
  /** Commit being deployed, normally GITHUB_SHA. */
  head: string;
  /** SFDX source folders relative to the workspace (settings.sourceDirs). */
  sourceDirs: string[];
  /** The API version the package is built for; resolution itself does not depend on it. */
  apiVersion: string;
  /** Where the base blobs of the touched paths are written while they are resolved; defaults to the OS temp folder. */
  tempDir?: string;
}

/**
 * Computes what changed between `base` and `head` in the source folders, with `git diff
 * --name-status -M` for the files and source-deploy-retrieve for what they are. Only the touched
 * paths are resolved: changed files in the working tree, deleted ones (and the old version of
 * files holding children, like labels) in a temporary folder holding just the base commit's blobs
 * of those paths and of the files that give them their meaning (a bundle's -meta.xml, an object's
 * own file, the .forceignore on the way up), read with `git ls-tree` and `git cat-file`. The cost
 * follows the size of the change, not of the repository.
 *
 * When the delta cannot be computed safely (the base is missing or is not an ancestor of head, or
 * a touched file is metadata source-deploy-retrieve cannot type), the scope says why in
 * `fallback`, and the caller packages the whole source instead: never a guess.
 */
export async function computeDelta(options: DeltaOptions): Promise<DeltaScope> {
  process.env.SF_DISABLE_LOG_FILE = 'true'; // the bundle has no pino log workers: a workflow's SF_DISABLE_LOG_FILE=false would crash SDR
  const workspace = path.resolve(options.workspace);
  const sourceDirs = relativeSourceDirs(workspace, options.sourceDirs);
  const git = (args: string[], extra: GitOptions = {}) => runGit(args, { cwd: workspace, ...extra });

  // The usual case in one git call: the checkout's shallowness, its top, the workspace's place in
  // it, and the three commits. When that fails (not a checkout, a commit missing), the questions
  // are asked one at a time below, for a precise answer.
  const quick = await resolveAtOnce(git, options.head, options.base);
  const [shallowFlag = 'false', top = workspace, prefix = ''] = quick?.checkout ?? (
    await git(['rev-parse', '--is-shallow-repository', '--show-toplevel', '--show-prefix']).catch((error) => {
      throw new ActionError(`delta needs the repository's history, but the workspace ${workspace} is not a git checkout (${errorMessage(error)}). Check out the repository with actions/checkout and fetch-depth: 0.`);
    })
  ).split('\n');
  const head = quick?.head ?? (await resolveCommit(git, options.head, 'head'));
  const checkedOut = quick?.checkedOut ?? (await resolveCommit(git, 'HEAD', 'head'));
  if (checkedOut !== head) {
    throw new ActionError(`delta head ${head} is not the checked-out commit (HEAD is ${checkedOut}): the package is built from the working tree, so it would not match the delta. Check out ${head}, or pass the checked-out commit as head.`);
  }
  const unsafe = (base: string, reason: string): DeltaScope => ({ base, head, changedPaths: [], deletedPaths: [], deploy: [], deployPaths: [], destructive: [], notes: [], baseFilesRead: 0, fallback: reason });
  const shallow = shallowFlag.trim() === 'true';
  const shallowHint = shallow ? 'The checkout is shallow: check out with actions/checkout and fetch-depth: 0.' : 'Fetch the full history (actions/checkout with fetch-depth: 0).';
  let base: string;
  try {
    base = quick?.base ?? (await resolveCommit(git, options.base, 'base'));
  } catch (error) {
    if (!(error instanceof MissingCommitError)) throw error;
    return unsafe(options.base, `base ${sanitize(options.base, 80)} is not in the checkout, so what changed since then is unknown. ${shallowHint}`);
  }

  const pathspecs = [...sourceDirs.map((dir) => `:(literal)${dir}`), ':(glob)**/.forceignore'];
  // Both at once: the diff is only used once base is known to be an ancestor.
  const [ancestor, nameStatus] = await Promise.all([isAncestor(git, base, head), git(['diff', '--name-status', '-z', '-M', '--no-color', '--no-ext-diff', '--relative', base, head, '--', ...pathspecs])]);
  if (!ancestor) {
    return unsafe(base, `base ${short(base)} is not an ancestor of head ${short(head)}${shallow ? ' in this shallow checkout' : ''} (history rewritten, or another branch), so a diff of the two would undo or miss changes. ${shallow ? shallowHint : ''}`.trim());
  }
  const diff = parseNameStatus(nameStatus);
  const forceIgnoreChanged = [...diff.changed, ...diff.deleted].some(isForceIgnore);
  const changedPaths = diff.changed.filter((p) => !isForceIgnore(p));
  const deletedPaths = diff.deleted.filter((p) => !isForceIgnore(p));
  const notes: string[] = [];
  const range = `${short(base)}..${short(head)}`;
  let baseFilesRead = 0;
  const inFileChildren: Record<string, string[]> = {};
  const scope = (deploy: Map<string, Deployed>, destructive: ComponentRef[]): DeltaScope => ({
    base,
    head,
    changedPaths,
    deletedPaths,
    deploy: sortRefs([...deploy.values()].map(({ component }) => refOf(component))),
    deployPaths: [...new Set([...deploy.values()].flatMap(({ files }) => [...files].map((file) => path.relative(workspace, file).split(path.sep).join('/'))))].sort(),
    ...(Object.keys(inFileChildren).length ? { inFileChildren: Object.fromEntries(Object.entries(inFileChildren).map(([file, names]) => [file, names.sort()])) } : {}),
    destructive,
    notes,
    baseFilesRead,
  });

  if (changedPaths.length === 0 && deletedPaths.length === 0) {
    notes.push(`No metadata changed in ${sourceDirs.join(', ')} between ${range}: nothing to deploy.`);
    if (forceIgnoreChanged) notes.push(forceIgnoreNote);
    return scope(new Map(), []);
  }

  const { MetadataResolver, SourceComponent } = await sourceDeployRetrieve();
  const registry = await deltaRegistry();
  const headResolver = new MetadataResolver(registry);
  const skipped: string[] = [];
  const unknown: string[] = [];
  /** Components of one file, or undefined when source-deploy-retrieve cannot type it. */
  const resolve = (resolver: InstanceType<typeof MetadataResolver>, file: string): SourceComponent[] | undefined => {
    try {
      return resolver.getComponentsFromPath(file);
    } catch {
      return undefined;
    }
  };
  // A head file resolves once: its components (and the children read from them) are reused.
  const resolvedAtHead = new Map<string, SourceComponent[] | undefined>();
  const resolveHead = (file: string): SourceComponent[] | undefined => {
    if (!resolvedAtHead.has(file)) resolvedAtHead.set(file, resolve(headResolver, file));
    return resolvedAtHead.get(file);
  };
  /**
   * The labels of a labels file, each with what tells a change (see delta-labels.ts: the file is
   * cut into its labels, not parsed whole; source-deploy-retrieve's getChildren() parses it on
   * every call), and remembered as the file's children so nothing parses it again. Undefined when
   * the file cannot be read label by label: it then ships whole.
   */
  const readLabels = (component: SourceComponent): Map<string, InFileChild> | undefined => {
    const childTypes = Object.values(component.type.children?.types ?? {}).filter((t) => t.uniqueIdElement && t.xmlElementName);
    if (childTypes.length !== 1 || !component.xml) return undefined;
    const [childType] = childTypes as [(typeof childTypes)[number]];
    let read: Map<string, InFileChild>;
    try {
      read = readInFileChildren(readFileSync(component.xml, 'utf8'), component.type.name, childType.xmlElementName!, childType.uniqueIdElement!);
    } catch {
      return undefined;
    }
    const labels = new Map<string, InFileChild>();
    const children = [...read.values()].map(({ name }) => new SourceComponent({ name, type: childType, xml: component.xml, parent: component }, component.tree, component.getForceIgnore()));
    children.forEach((child) => labels.set(componentKey(child), read.get(child.name)!));
    rememberChildren(component, children);
    return labels;
  };

  // What head deploys: each changed file's component; a child Salesforce cannot address alone
  // (a field translation) ships as its parent, as `sf project deploy start` does.
  const deploy = new Map<string, Deployed>();
  const add = (component: SourceComponent, file: string) => {
    const shipped = !isAddressable(component) && component.parent ? component.parent : component;
    const key = componentKey(shipped);
    // Several files can hold one component (every labels file is CustomLabels): each is kept.
    const entry = deploy.get(key) ?? { component: shipped, files: new Set<string>() };
    entry.files.add(shipped.xml ?? shipped.content ?? file);
    deploy.set(key, entry);
  };
  /** Changed labels files at head, with their labels: they ship the labels that changed, not the file. */
  const labelFiles: Array<{ component: SourceComponent; labels: Map<string, InFileChild> }> = [];
  for (const file of changedPaths) {
    const absolute = path.resolve(workspace, file);
    if (!existsSync(absolute)) {
      skipped.push(file);
      continue;
    }
    const components = resolveHead(absolute);
    if (!components) unknown.push(file);
    else if (components.length === 0) skipped.push(file);
    else {
      for (const component of components) {
        const labels = isLabelsFile(component) ? readLabels(component) : undefined;
        if (labels) labelFiles.push({ component, labels });
        else add(component, absolute);
      }
    }
  }

  // What base had: deleted files, and the old version of changed files that hold children.
  // Every file of such a component: two labels files are one CustomLabels.
  const withChildren = [
    ...labelFiles.map(({ component }) => component),
    ...[...deploy.values()]
      .filter(({ component }) => component.xml && hasInFileChildren(component))
      .flatMap(({ component, files }) => (files.size === 1 && files.has(component.xml!) ? [component] : [...files].flatMap((file) => resolveHead(file) ?? []))),
  ];
  const basePaths = [...deletedPaths, ...withChildren.map((component) => path.relative(workspace, component.xml!).split(path.sep).join('/'))];
  let destructive: ComponentRef[] = [];
  if (basePaths.length > 0) {
    baseFilesRead = await withBaseBlobs({ top, prefix: prefix.trim() }, base, basePaths, options.tempDir, (baseRoot) => {
      const baseResolver = new MetadataResolver(registry);
      const headFile = (file: string | undefined) => (file ? path.resolve(workspace, path.relative(baseRoot, file)) : undefined);
      /** The component as it is at head, if it still exists: a bundle losing one file, or a rename. */
      const survivor = (was: DeltaComponent): SourceComponent | undefined => {
        const key = componentKey(was);
        const deployed = deploy.get(key);
        if (deployed) return deployed.component;
        // A child moved to another file that ships (a label moved between label files).
        for (const component of [...[...deploy.values()].map((d) => d.component), ...withChildren]) {
          const child = childrenOf(component).find((c) => componentKey(c) === key);
          if (child) return child;
        }
        for (const file of [headFile(was.xml), headFile((was as SourceComponent).content)]) {
          if (!file || !existsSync(file)) continue;
          for (const component of resolveHead(file) ?? []) {
            // A folder left behind (forceignored __tests__, or not yet pruned) is not the component.
            if (!component.xml || !existsSync(component.xml)) continue;
            if (componentKey(component) === key) return component;
            const child = childrenOf(component).find((c) => componentKey(c) === key);
            if (child) return child;
          }
        }
        return undefined;
      };
      /** The base version of a head file, when base had it at the same place (resolved once, so its labels are read once). */
      const labelsRead = new Set<SourceComponent>();
      const resolvedAtBase = new Map<string, SourceComponent | undefined>();
      const atBase = (component: SourceComponent): SourceComponent | undefined => {
        const file = path.resolve(baseRoot, path.relative(workspace, component.xml!));
        if (!resolvedAtBase.has(file)) resolvedAtBase.set(file, existsSync(file) ? resolve(baseResolver, file)?.[0] : undefined);
        return resolvedAtBase.get(file);
      };

      // A changed labels file ships the labels added or changed since base, one parse per version.
      for (const { component, labels } of labelFiles) {
        const was = atBase(component);
        const before = was && isLabelsFile(was) ? readLabels(was) : undefined;
        if (was) labelsRead.add(was);
        const file = path.relative(workspace, component.xml!).split(path.sep).join('/');
        for (const child of childrenOf(component)) {
          const key = componentKey(child);
          const old = before?.get(key);
          if (old && sameChild(old, labels.get(key)!)) continue;
          add(child, component.xml!);
          (inFileChildren[file] ??= []).push(`${child.type.name}:${child.fullName}`);
        }
      }

      const deleted: SourceComponent[] = [];
      for (const file of deletedPaths) {
        const components = resolve(baseResolver, path.resolve(baseRoot, file));
        if (!components) {
          unknown.push(file);
          continue;
        }
        if (components.length === 0) skipped.push(file);
        for (const was of components) {
          // A deleted labels file: its labels, read with one parse.
          if (isLabelsFile(was)) readLabels(was);
          const now = survivor(was);
          if (now) add(now, now.xml ?? path.resolve(workspace, file));
          else deleted.push(was);
        }
      }
      // A label taken out of CustomLabels, a rule out of a Workflow: children that lived in the changed file itself.
      for (const component of withChildren) {
        const headChildren = new Set(childrenOf(component).map(componentKey));
        const was = atBase(component);
        if (!was) continue;
        if (isLabelsFile(was) && !labelsRead.has(was) && !readLabels(was)) continue;
        for (const child of childrenOf(was)) if (child.xml === was.xml && !headChildren.has(componentKey(child)) && !survivor(child)) deleted.push(child);
      }
      const plan = planDestructive(deleted, survivor);
      for (const parent of plan.redeployParents) add(parent as SourceComponent, (parent as SourceComponent).xml ?? '');
      notes.push(...plan.notes);
      destructive = plan.destructive;
    });
  }

  if (unknown.length) {
    return unsafe(base, `${unknown.length} changed file(s) look like metadata that source-deploy-retrieve cannot type (${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}), so their components are unknown.`);
  }
  // A child whose parent ships too goes with the parent: the parent's file holds every child.
  for (const [key, { component }] of deploy) {
    if (component.parent && deploy.has(componentKey(component.parent))) deploy.delete(key);
  }
  const result = scope(deploy, destructive);
  if (skipped.length) {
    const shown = skipped.slice(0, 10).join(', ');
    notes.unshift(`${skipped.length} changed file(s) are not deployable metadata (forceignored, or not source) and were left out: ${shown}${skipped.length > 10 ? ', …' : ''}.`);
  }
  if (forceIgnoreChanged) notes.push(forceIgnoreNote);
  if (result.deploy.length === 0 && destructive.length === 0) notes.unshift(`No deployable metadata changed in ${sourceDirs.join(', ')} between ${range}: nothing to deploy.`);
  // The files the package is read from: each deployed component's files, and its parent's file
  // that SDR recomposes a child into. Uncommitted changes there are in the package; elsewhere they
  // are not, and a status of those few paths costs nothing next to one of 10,000 files. (A
  // production release passes Gate 1 first, which refuses any uncommitted file in the source folders.)
  const packaged = [...deploy.values()].flatMap(({ component, files }) => [...files, component.xml, component.content, component.parent?.xml]);
  const relative = [...new Set(packaged.filter((file): file is string => Boolean(file)).map((file) => path.relative(workspace, file).split(path.sep).join('/')))];
  if (relative.length > 0) notes.push(...(await uncommittedChangesNote(git, relative.map((file) => `:(literal)${file}`))));
  return result;
}

let sdr: Promise<typeof import('@salesforce/source-deploy-retrieve')> | undefined;

/**
 * source-deploy-retrieve, imported once for the delta and its package: every `import()` goes
 * through the loader's resolution again (and its hooks, under tsx), even for a module already
 * loaded. Loaded here, not at the top: it is the largest module, and authentication need not wait.
 */
export function sourceDeployRetrieve(): Promise<typeof import('@salesforce/source-deploy-retrieve')> {
  return (sdr ??= import('@salesforce/source-deploy-retrieve'));
}

const registries = new Map<string, Promise<RegistryAccess>>();

/**
 * source-deploy-retrieve's metadata registry, built once per working directory for the delta and
 * its package (each `new RegistryAccess()` merges the whole registry with the project's variants
 * again: tens of milliseconds). Keyed like SDR keys it: by the project at the working directory.
 */
export function deltaRegistry(): Promise<RegistryAccess> {
  const cwd = process.cwd();
  let registry = registries.get(cwd);
  if (!registry) registries.set(cwd, (registry = sourceDeployRetrieve().then(({ RegistryAccess }) => new RegistryAccess())));
  return registry;
}

/** A component the delta deploys, and the file at head that source-deploy-retrieve resolves it from. */
interface Deployed {
  component: SourceComponent;
  files: Set<string>;
}

/** Whether a delta has nothing to deploy and nothing to delete: the run is skipped, not failed. */
export function isEmptyDelta(delta: DeltaScope): boolean {
  return delta.deploy.length === 0 && delta.destructive.length === 0;
}

const forceIgnoreNote =
  '.forceignore changed between base and head: components it newly includes or excludes are in this delta only if their files changed too. Deploy once with delta: false to bring the org in line.';

function refOf(component: { type: { name: string }; fullName: string }): ComponentRef {
  return { type: component.type.name, fullName: component.fullName };
}

function isForceIgnore(file: string): boolean {
  return path.posix.basename(file) === '.forceignore';
}

function short(sha: string): string {
  return sha.slice(0, 12);
}

/** Source folders as git pathspecs relative to the workspace; a folder outside it cannot be diffed with --relative. */
function relativeSourceDirs(workspace: string, sourceDirs: string[]): string[] {
  if (sourceDirs.length === 0) {
    throw new ActionError('delta needs source-dir: it diffs SFDX source folders, and a manifest alone names no files. Set source-dir, or turn delta off.');
  }
  return sourceDirs.map((dir) => {
    const relative = path.relative(workspace, path.resolve(workspace, dir));
    if (relative.startsWith('..') || path.isAbsolute(relative)) {
      throw new ActionError(`delta cannot diff source-dir '${sanitize(dir)}': it is outside the workspace ${workspace}. Use folders inside the checkout.`);
    }
    return relative === '' ? '.' : relative.split(path.sep).join('/');
  });
}

/** The files of `git diff --name-status -z`: renames are a deletion of the old path and an addition of the new one. */
export function parseNameStatus(output: string): { changed: string[]; deleted: string[] } {
  const fields = output.split('\0');
  const changed: string[] = [];
  const deleted: string[] = [];
  for (let i = 0; i < fields.length; ) {
    const status = fields[i++];
    if (!status) continue;
    if (status.startsWith('R')) {
      deleted.push(fields[i++]!);
      changed.push(fields[i++]!);
    } else if (status.startsWith('C')) {
      i++;
      changed.push(fields[i++]!);
    } else if (status === 'D') {
      deleted.push(fields[i++]!);
    } else {
      changed.push(fields[i++]!);
    }
  }
  return { changed, deleted };
}

/** Rejects what is not a commit to look up, before git sees it. */
function assertRevision(rev: string, role: 'base' | 'head'): void {
  if (/^0{40}$|^0{64}$/.test(rev)) {
    throw new ActionError(`delta ${role} ${rev} is the null SHA GitHub sends for the first push of a branch: there is no earlier commit to diff against. Deploy this one with delta: false.`);
  }
  if (!rev || rev.startsWith('-') || /\s/.test(rev)) {
    throw new ActionError(`Invalid delta ${role} '${sanitize(rev, 80)}'. Expected a commit SHA or ref of this repository.`);
  }
}

/**
 * The checkout's `--is-shallow-repository`, `--show-toplevel` and `--show-prefix` lines and the
 * commits of head, HEAD and base, from one `git rev-parse`; undefined when any of it fails, so
 * the caller asks one question at a time and says precisely what is wrong.
 */
async function resolveAtOnce(git: Git, head: string, base: string): Promise<{ checkout: string[]; head: string; checkedOut: string; base: string } | undefined> {
  try {
    assertRevision(head, 'head');
    assertRevision(base, 'base');
    // `--` after the revisions: none of them is read as a path (rev-parse echoes it, last).
    const lines = (await git(['rev-parse', '--is-shallow-repository', '--show-toplevel', '--show-prefix', `${head}^{commit}`, 'HEAD^{commit}', `${base}^{commit}`, '--'])).split('\n');
    const commits = lines.slice(3, 6);
    if (lines.slice(6).some((line) => line.trim() && line !== '--') || commits.length !== 3 || !commits.every((sha) => /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(sha))) return undefined;
    return { checkout: lines.slice(0, 3), head: commits[0]!, checkedOut: commits[1]!, base: commits[2]! };
  } catch {
    return undefined;
  }
}

async function resolveCommit(git: Git, rev: string, role: 'base' | 'head'): Promise<string> {
  const shown = sanitize(rev, 80);
  assertRevision(rev, role);
  try {
    return (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim();
  } catch {
    throw new MissingCommitError(`delta ${role} ${shown} is not in the checkout: fetch more history (actions/checkout with fetch-depth: 0).`);
  }
}

/** A commit the checkout does not have: for the base, a reason to package the whole source. */
class MissingCommitError extends ActionError {}

/**
 * Writes the base commit's blobs that resolving `paths` needs to a temporary folder laid out like
 * the repository: the paths themselves, the files next to them sharing their name (a class's
 * -meta.xml), for every folder above them the files named after that folder (a bundle's
 * `card.js-meta.xml`, an object's `Invoice__c.object-meta.xml`, a static resource's
 * `lib.resource-meta.xml` one level up), and the `.forceignore` and `sfdx-project.json` files on
 * the way up to the repository's top. Nothing else of the base tree is read: `git ls-tree` of the
 * touched folders, one `git cat-file --batch` for the blobs. The checkout, its index and its
 * worktree list are untouched.
 */
async function withBaseBlobs(checkout: { top: string; prefix: string }, base: string, paths: string[], tempDir: string | undefined, use: (baseRoot: string) => void): Promise<number> {
  const { top, prefix } = checkout;
  const fromTop = paths.map((file) => path.posix.join(prefix, file));
  const folders = new Set<string>();
  const exact = new Set<string>(fromTop);
  for (const file of fromTop) {
    for (let dir = path.posix.dirname(file); ; dir = path.posix.dirname(dir)) {
      const at = dir === '.' ? '' : `${dir}/`;
      exact.add(`${at}.forceignore`).add(`${at}sfdx-project.json`);
      if (dir === '.') break;
      folders.add(dir);
    }
  }
  const listed: Array<{ oid: string; file: string }> = [];
  const specs = [...[...folders].map((dir) => `${dir}/`), ...exact];
  for (let i = 0; i < specs.length; i += 500) {
    const out = await runGit(['--literal-pathspecs', 'ls-tree', '-z', '--full-tree', base, '--', ...specs.slice(i, i + 500)], { cwd: top });
    for (const entry of out.split('\0')) {
      const match = /^\d+ blob ([0-9a-f]+)\t(.*)$/s.exec(entry);
      if (match) listed.push({ oid: match[1]!, file: match[2]! });
    }
  }
  const stems = new Set(fromTop.map((file) => `${path.posix.dirname(file)}/${stem(path.posix.basename(file))}`));
  const wanted = new Map<string, string>();
  for (const { oid, file } of listed) {
    const dir = path.posix.dirname(file);
    const name = path.posix.basename(file);
    const keep =
      exact.has(file) ||
      stems.has(`${dir}/${stem(name)}`) ||
      (folders.has(dir) && name.startsWith(`${path.posix.basename(dir)}.`)) ||
      [...folders].some((folder) => path.posix.dirname(folder) === dir && name.startsWith(`${path.posix.basename(folder)}.`));
    if (keep) wanted.set(file, oid);
  }
  const parent = tempDir ?? tmpdir();
  mkdirSync(parent, { recursive: true });
  const work = mkdtempSync(path.join(parent, 'delta-base-'));
  try {
    const tree = path.join(work, 'tree');
    mkdirSync(tree);
    const files = [...wanted.keys()];
    const blobs = files.length ? parseBatch(await runGitBuffer(['cat-file', '--batch'], { cwd: top, input: files.map((f) => wanted.get(f)).join('\n') + '\n' })) : [];
    files.forEach((file, i) => {
      const target = path.join(tree, ...file.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, blobs[i]!);
    });
    use(path.join(tree, prefix));
    return files.length;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A file name up to its first dot: `Greeting` for both `Greeting.cls` and `Greeting.cls-meta.xml`. */
function stem(name: string): string {
  const dot = name.indexOf('.', 1);
  return dot < 0 ? name : name.slice(0, dot);
}

/** The contents of `git cat-file --batch` output, in request order. */
function parseBatch(out: Buffer): Buffer[] {
  const blobs: Buffer[] = [];
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    const header = out.subarray(at, eol).toString('utf8');
    const size = Number(/^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1]);
    if (!Number.isFinite(size)) throw new Error(`git cat-file answered '${header}'`);
    blobs.push(out.subarray(eol + 1, eol + 1 + size));
    at = eol + 1 + size + 1;
  }
  return blobs;
}

async function isAncestor(git: Git, base: string, head: string): Promise<boolean> {
  try {
    await git(['merge-base', '--is-ancestor', base, head]);
    return true;
  } catch {
    return false;
  }
}

async function uncommittedChangesNote(git: Git, pathspecs: string[]): Promise<string[]> {
  const status = await git(['--no-optional-locks', 'status', '--porcelain', '-z', '--untracked-files=no', '--', ...pathspecs]).catch(() => '');
  return status.trim() ? ['The working tree has uncommitted changes in files this package is built from; the package is built from the working tree, so it holds them.'] : [];
}

interface GitOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
}
type Git = (args: string[], options?: GitOptions) => Promise<string>;

/** Runs git with execFile (no shell); rejects with its stderr when it exits non-zero. */
async function runGit(args: string[], options: GitOptions): Promise<string> {
  return (await runGitBuffer(args, options)).toString('utf8');
}

function runGitBuffer(args: string[], options: GitOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd: options.cwd, env: { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new ActionError('delta needs the git binary, and it was not found on PATH.'));
        reject(new Error(`git ${args[0]} failed: ${stderr.toString('utf8').trim() || error.message}`));
      },
    );
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input ?? '');
  });
}
