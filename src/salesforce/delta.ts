import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SourceComponent } from '@salesforce/source-deploy-retrieve';
import { ActionError, errorMessage, sanitize } from '../errors.js';
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
  /** Components gone at head, for destructiveChangesPost.xml. */
  destructive: ComponentRef[];
  /** Things the run summary should say: empty delta, skipped files, flows and fields to be deleted. */
  notes: string[];
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
  /** Where the base tree is materialised while it is resolved; defaults to the OS temp folder. */
  tempDir?: string;
}

/**
 * Types whose file is only a container of children (labels, workflow rules, sharing rules …):
 * Salesforce deletes the children, never the container, so a deleted container file lists its
 * children in destructiveChanges.
 */
const CONTAINER_TYPES = new Set([
  'CustomLabels',
  'Workflow',
  'SharingRules',
  'AssignmentRules',
  'AutoResponseRules',
  'EscalationRules',
  'MatchingRules',
  'ManagedTopics',
]);

/** Deleting these deletes data with them; the summary must say so. */
const DATA_TYPES = new Set(['CustomObject', 'CustomField']);

/**
 * Computes what changed between `base` and `head` in the source folders, with `git diff
 * --name-status -M` for the files and source-deploy-retrieve for what they are: changed files
 * are resolved in the working tree, deleted ones in the base tree, so .forceignore, bundles and
 * decomposed children behave exactly as in a full package.
 */
export async function computeDelta(options: DeltaOptions): Promise<DeltaScope> {
  process.env.SF_DISABLE_LOG_FILE ??= 'true';
  const workspace = path.resolve(options.workspace);
  const sourceDirs = relativeSourceDirs(workspace, options.sourceDirs);
  const git = (args: string[], extra: GitOptions = {}) => runGit(args, { cwd: workspace, ...extra });

  await git(['rev-parse', '--git-dir']).catch((error) => {
    throw new ActionError(`delta needs the repository's history, but the workspace ${workspace} is not a git checkout (${errorMessage(error)}). Check out the repository with actions/checkout and fetch-depth: 0.`);
  });
  const base = await resolveCommit(git, options.base, 'base');
  const head = await resolveCommit(git, options.head, 'head');
  const checkedOut = await resolveCommit(git, 'HEAD', 'head');
  if (checkedOut !== head) {
    throw new ActionError(`delta head ${head} is not the checked-out commit (HEAD is ${checkedOut}): the package is built from the working tree, so it would not match the delta. Check out ${head}, or pass the checked-out commit as head.`);
  }

  const pathspecs = [...sourceDirs.map((dir) => `:(literal)${dir}`), ':(glob)**/.forceignore'];
  const diff = parseNameStatus(await git(['diff', '--name-status', '-z', '-M', '--no-color', '--no-ext-diff', '--relative', base, head, '--', ...pathspecs]));
  const forceIgnoreChanged = [...diff.changed, ...diff.deleted].some(isForceIgnore);
  const changedPaths = diff.changed.filter((p) => !isForceIgnore(p));
  const deletedPaths = diff.deleted.filter((p) => !isForceIgnore(p));
  const notes: string[] = [];
  const range = `${short(base)}..${short(head)}`;

  if (changedPaths.length === 0 && deletedPaths.length === 0) {
    notes.push(`No metadata changed in ${sourceDirs.join(', ')} between ${range}: nothing to deploy.`);
    if (forceIgnoreChanged) notes.push(forceIgnoreNote);
    return { base, head, changedPaths, deletedPaths, deploy: [], destructive: [], notes };
  }

  const { ComponentSet } = await import('@salesforce/source-deploy-retrieve');
  const headComponents = ComponentSet.fromSource({ fsPaths: sourceDirs.map((dir) => path.resolve(workspace, dir)) }).getSourceComponents().toArray();
  const headByFile = indexByFile(headComponents);
  const headByKey = indexByKey(headComponents);

  const deploy = new Map<string, SourceComponent>();
  const skipped: string[] = [];
  for (const file of changedPaths) {
    const component = headByFile.get(path.resolve(workspace, file));
    if (component) deploy.set(keyOf(component), component);
    else skipped.push(file);
  }

  const needsBase = deletedPaths.length > 0 || [...deploy.values()].some(hasInFileChildren);
  let deletions: ComponentRef[] = [];
  if (needsBase) {
    await withBaseTree(git, base, sourceDirs, options.tempDir, (baseRoot) => {
      const baseDirs = sourceDirs.map((dir) => path.resolve(baseRoot, dir)).filter((dir) => existsSync(dir));
      let baseComponents: SourceComponent[];
      try {
        baseComponents = baseDirs.length ? ComponentSet.fromSource({ fsPaths: baseDirs }).getSourceComponents().toArray() : [];
      } catch (error) {
        throw new ActionError(`Could not read the metadata of delta base ${base}: ${errorMessage(error)}. Deploy once with delta: false, so later deltas start from a readable base.`);
      }
      const baseByFile = indexByFile(baseComponents);
      const baseByKey = indexByKey(baseComponents);
      const destructive = new Map<string, SourceComponent>();

      for (const file of deletedPaths) {
        const was = baseByFile.get(path.resolve(baseRoot, file));
        if (!was) {
          skipped.push(file);
          continue;
        }
        // One file of a bundle, or a component moved to another folder: it is still there, so it is deployed.
        const now = headByKey.get(keyOf(was));
        if (now) deploy.set(keyOf(now), now);
        else destructive.set(keyOf(was), was);
      }
      // A label taken out of CustomLabels, a rule out of a Workflow: children that lived in the changed file itself.
      for (const key of deploy.keys()) {
        const was = baseByKey.get(key);
        if (!was || !hasInFileChildren(was)) continue;
        for (const child of was.getChildren()) {
          if (child.xml === was.xml && !headByKey.has(keyOf(child))) destructive.set(keyOf(child), child);
        }
      }
      // Still inside: a container's children are read from its base file, which goes with the base tree.
      deletions = destructiveRefs(destructive, headByKey, deploy, notes);
    });
  }

  const deployRefs = sortRefs([...deploy.values()].map(refOf));
  if (skipped.length) {
    const shown = skipped.slice(0, 10).join(', ');
    notes.push(`${skipped.length} changed file(s) are not deployable metadata (forceignored, or not source) and were left out: ${shown}${skipped.length > 10 ? ', …' : ''}.`);
  }
  if (forceIgnoreChanged) notes.push(forceIgnoreNote);
  if (deployRefs.length === 0 && deletions.length === 0) notes.unshift(`No deployable metadata changed in ${sourceDirs.join(', ')} between ${range}: nothing to deploy.`);
  for (const ref of deletions) {
    if (ref.type === 'Flow') {
      notes.push(`Flow ${ref.fullName} is deleted by destructiveChangesPost.xml: Salesforce deletes a flow only once it is deactivated and no interview is paused, so deactivate it in the target org first or the deploy fails.`);
    } else if (DATA_TYPES.has(ref.type)) {
      notes.push(`${ref.type} ${ref.fullName} is deleted with its data; Salesforce keeps deleted fields and objects restorable from Setup for 15 days only.`);
    }
  }
  await noteUncommittedChanges(git, pathspecs, notes);
  return { base, head, changedPaths, deletedPaths, deploy: deployRefs, destructive: deletions, notes };
}

/** Whether a delta has nothing to deploy and nothing to delete: the run is skipped, not failed. */
export function isEmptyDelta(delta: DeltaScope): boolean {
  return delta.deploy.length === 0 && delta.destructive.length === 0;
}

const forceIgnoreNote =
  '.forceignore changed between base and head: components it newly includes or excludes are in this delta only if their files changed too. Deploy once with delta: false to bring the org in line.';

/**
 * What destructiveChangesPost.xml lists: containers replaced by their children, children of a
 * deleted parent dropped (deleting the object deletes its fields), and children Salesforce
 * cannot address alone (field translations) turned into a deploy of their surviving parent.
 */
function destructiveRefs(destructive: Map<string, SourceComponent>, headByKey: Map<string, SourceComponent>, deploy: Map<string, SourceComponent>, notes: string[]): ComponentRef[] {
  const expanded = new Map<string, SourceComponent>();
  for (const [key, component] of destructive) {
    if (CONTAINER_TYPES.has(component.type.name)) {
      for (const child of component.getChildren()) if (!headByKey.has(keyOf(child))) expanded.set(keyOf(child), child);
    } else {
      expanded.set(key, component);
    }
  }
  const refs: ComponentRef[] = [];
  for (const component of expanded.values()) {
    const parent = component.parent;
    if (parent && !CONTAINER_TYPES.has(parent.type.name) && expanded.has(keyOf(parent))) continue;
    if (!isAddressable(component)) {
      const survivor = parent && headByKey.get(keyOf(parent));
      if (survivor) deploy.set(keyOf(survivor), survivor);
      else if (!parent) notes.push(`${component.type.name} ${component.fullName} was deleted, but Salesforce cannot delete it through destructiveChanges; remove it in the org by hand.`);
      continue;
    }
    refs.push(refOf(component));
  }
  return sortRefs(refs);
}

function isAddressable(component: SourceComponent): boolean {
  return component.type.isAddressable !== false && !component.type.unaddressableWithoutParent;
}

/** Children stored in the component's own file (labels in CustomLabels), not in files of their own (fields). */
function hasInFileChildren(component: SourceComponent): boolean {
  return component.getChildren().some((child) => child.xml === component.xml);
}

/**
 * Maps every file of every component to the component that deploys it: a bundle's files to the
 * bundle, a decomposed child's file to the child, a container's file to the container.
 */
function indexByFile(components: SourceComponent[]): Map<string, SourceComponent> {
  const byFile = new Map<string, SourceComponent>();
  const put = (file: string | undefined, component: SourceComponent) => file && byFile.set(path.normalize(file), component);
  for (const component of components) {
    put(component.xml, component);
    for (const file of component.walkContent()) put(file, component);
  }
  // Children second, so a child's own file (fields/Amount__c.field-meta.xml) maps to the child, not the object.
  for (const component of components) {
    for (const child of component.getChildren()) {
      if (child.xml === component.xml) continue;
      put(child.xml, child);
      for (const file of child.walkContent()) put(file, child);
    }
  }
  return byFile;
}

function indexByKey(components: SourceComponent[]): Map<string, SourceComponent> {
  const byKey = new Map<string, SourceComponent>();
  for (const component of components) {
    byKey.set(keyOf(component), component);
    for (const child of component.getChildren()) byKey.set(keyOf(child), child);
  }
  return byKey;
}

function keyOf(component: { type: { name: string }; fullName: string }): string {
  return `${component.type.name}:${component.fullName}`;
}

function refOf(component: SourceComponent): ComponentRef {
  return { type: component.type.name, fullName: component.fullName };
}

function sortRefs(refs: ComponentRef[]): ComponentRef[] {
  return refs.sort((a, b) => a.type.localeCompare(b.type) || a.fullName.localeCompare(b.fullName));
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

async function resolveCommit(git: Git, rev: string, role: 'base' | 'head'): Promise<string> {
  const shown = sanitize(rev, 80);
  if (/^0{40}$|^0{64}$/.test(rev)) {
    throw new ActionError(`delta ${role} ${rev} is the null SHA GitHub sends for the first push of a branch: there is no earlier commit to diff against. Deploy this one with delta: false.`);
  }
  if (!rev || rev.startsWith('-') || /\s/.test(rev)) {
    throw new ActionError(`Invalid delta ${role} '${shown}'. Expected a commit SHA or ref of this repository.`);
  }
  try {
    return (await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])).trim();
  } catch {
    throw new ActionError(`delta ${role} ${shown} is not in the checkout: fetch more history (actions/checkout with fetch-depth: 0).`);
  }
}

/**
 * Writes the base commit's source folders (and its .forceignore and sfdx-project.json files) to a
 * temporary folder through a temporary index, so SDR resolves deleted files exactly as it did
 * when they existed, without touching the checkout, its index or its worktree list.
 */
async function withBaseTree(git: Git, base: string, sourceDirs: string[], tempDir: string | undefined, use: (baseRoot: string) => void): Promise<void> {
  const top = (await git(['rev-parse', '--show-toplevel'])).trim();
  const prefix = (await git(['rev-parse', '--show-prefix'])).trim();
  const dirsFromTop = sourceDirs.map((dir) => path.posix.join(prefix, dir));
  const listed = (await git(['ls-tree', '-r', '-z', '--name-only', '--full-tree', base], { cwd: top })).split('\0').filter(Boolean);
  const wanted = listed.filter((file) => {
    const name = path.posix.basename(file);
    return name === '.forceignore' || name === 'sfdx-project.json' || dirsFromTop.some((dir) => dir === '.' || file === dir || file.startsWith(`${dir.replace(/\/$/, '')}/`));
  });
  const parent = tempDir ?? tmpdir();
  mkdirSync(parent, { recursive: true });
  const work = mkdtempSync(path.join(parent, 'delta-base-'));
  try {
    const tree = path.join(work, 'tree');
    mkdirSync(tree);
    const env = { GIT_INDEX_FILE: path.join(work, 'index') };
    await runGit(['read-tree', base], { cwd: top, env });
    if (wanted.length) await runGit(['checkout-index', '-z', '--stdin', `--prefix=${tree}/`], { cwd: top, env, input: `${wanted.join('\0')}\0` });
    use(path.join(tree, prefix));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function noteUncommittedChanges(git: Git, pathspecs: string[], notes: string[]): Promise<void> {
  const status = await git(['--no-optional-locks', 'status', '--porcelain', '-z', '--untracked-files=no', '--', ...pathspecs]).catch(() => '');
  if (status.trim()) notes.push('The working tree has uncommitted changes in the source folders; the package is built from the working tree, so it holds them.');
}

interface GitOptions {
  cwd?: string;
  env?: Record<string, string>;
  input?: string;
}
type Git = (args: string[], options?: GitOptions) => Promise<string>;

/** Runs git with execFile (no shell); rejects with its stderr when it exits non-zero. */
function runGit(args: string[], options: GitOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      { cwd: options.cwd, env: { ...process.env, ...options.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout.toString('utf8'));
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new ActionError('delta needs the git binary, and it was not found on PATH.'));
        reject(new Error(`git ${args[0]} failed: ${stderr.toString('utf8').trim() || error.message}`));
      },
    );
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input ?? '');
  });
}
