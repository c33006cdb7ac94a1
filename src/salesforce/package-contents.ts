import { existsSync, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { Inputs } from '../constants.js';
import { sanitize } from '../errors.js';
import { forceIgnoreAt, searchUp } from './forceignore.js';

// SPEC.md "Evidence", packages: only files inside their package directory (realpath), no
// symlink leading outside it, no dot-folder, nothing outside the workspace. A package is sent to
// an org; a symlink to /proc/self/environ in a source folder would otherwise send the runner's
// environment (every secret input) to Salesforce as a static resource, and a manifest at a
// metadata-format repository root would zip .git/config.

/** Whether `child` is `parent` or inside it, by path.relative (so `/repo-evil` is not inside `/repo`). */
export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * realpath, or undefined when the path does not resolve (missing, a dangling link, a loop). The
 * system's realpath(3): one call per path, where Node's JavaScript realpathSync lstats every
 * segment (a 10,000-file package: 0.23 s of its packaging).
 */
export function realpathOrUndefined(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

/** Whether a path relative to a root has a segment starting with a dot (`.git`, `.sfdx`, `.env`). */
export function hasDotSegment(relative: string): boolean {
  return relative.split(/[\\/]/).some((segment) => segment.startsWith('.') && segment !== '.' && segment !== '..');
}

/**
 * Where a package input (a source folder or the manifest) lies, relative to the workspace, both
 * sides resolved with realpath; a problem when it is outside the workspace or in a dot-folder.
 */
export function packagePathProblem(workspace: string, input: Inputs, value: string): string | undefined {
  const root = realpathOrUndefined(workspace) ?? path.resolve(workspace);
  const lexical = path.resolve(workspace, value);
  if (!isInside(path.resolve(workspace), lexical)) return `Input '${input}': '${sanitize(value)}' is outside the repository (${workspace}).`;
  const real = realpathOrUndefined(lexical);
  if (real === undefined) return undefined; // the caller reports a missing path
  if (!isInside(root, real)) return `Input '${input}': '${sanitize(value)}' resolves to ${sanitize(real)}, outside the repository (${workspace}) (a symbolic link). Point it at a folder inside the repository.`;
  if (hasDotSegment(path.relative(root, real))) return `Input '${input}': '${sanitize(value)}' is in a dot-folder (${sanitize(path.relative(root, real))}); packages never include dot-folders such as .git or .sfdx.`;
  return undefined;
}

/**
 * Walks a package directory and returns one problem per symbolic link that resolves outside the
 * directory (or into a dot-folder) or does not resolve at all.
 */
export function symlinkProblems(input: Inputs, workspace: string, dir: string): string[] {
  const root = realpathOrUndefined(dir);
  if (root === undefined || !statSync(root).isDirectory()) return [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const walk = (current: string): void => {
    const real = realpathOrUndefined(current);
    if (real === undefined || seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(current)) {
      // Dot-entries too: without a .forceignore, SDR does not skip them. Not into .git, which is
      // never metadata and may be large.
      if (entry === '.git') continue;
      const full = path.join(current, entry);
      const shown = sanitize(path.relative(workspace, full).split(path.sep).join('/'));
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) {
        const target = realpathOrUndefined(full);
        if (target === undefined) {
          problems.push(`Input '${input}': ${shown} is a symbolic link that does not resolve; remove it from the package directory.`);
          continue;
        }
        if (!isInside(root, target)) {
          problems.push(`Input '${input}': ${shown} is a symbolic link to a path outside its package directory (${sanitize(path.relative(workspace, dir) || '.')}); packages hold only files inside it. Replace the link with the file itself, or remove it.`);
          continue;
        }
        if (hasDotSegment(path.relative(root, target))) {
          problems.push(`Input '${input}': ${shown} is a symbolic link into a dot-folder; packages never include dot-folders.`);
          continue;
        }
        if (statSync(full).isDirectory()) walk(full);
      } else if (stat.isDirectory()) {
        walk(full);
      }
    }
  };
  walk(root);
  return problems;
}

/**
 * Every content problem of the package inputs, before any network call: source folders and the
 * manifest (with its metadata folder, when it drives packaging alone) inside the workspace and
 * outside dot-folders, and no symbolic link leading out of a package directory.
 */
export function packageContentProblems(workspace: string, sourceDirs: string[], manifest: string | undefined): string[] {
  const problems: string[] = [];
  for (const dir of sourceDirs) {
    const problem = packagePathProblem(workspace, Inputs.SourceDir, dir);
    if (problem) problems.push(problem);
    else if (existsSync(path.resolve(workspace, dir))) problems.push(...symlinkProblems(Inputs.SourceDir, workspace, path.resolve(workspace, dir)));
  }
  if (manifest) {
    const problem = packagePathProblem(workspace, Inputs.Manifest, manifest);
    if (problem) problems.push(problem);
    else if (sourceDirs.length === 0) {
      // The manifest's folder is zipped as it is: the metadata-format package directory.
      const folder = path.dirname(path.resolve(workspace, manifest));
      problems.push(...symlinkProblems(Inputs.Manifest, workspace, folder));
    }
  }
  return problems;
}

/**
 * Whether packaging leaves a workspace-relative path out, by the .forceignore it reads (forceignore.ts):
 * inside a source folder, the nearest one up from that folder, as SDR (and package-plain.ts) find
 * it; a path in more than one source folder only when every one of them leaves it out; anywhere
 * else, the workspace root's. None: nothing is left out.
 */
export function forceIgnoreOf(workspace: string, sourceDirs: string[] = []): (file: string) => boolean {
  const root = forceIgnoreAt(path.join(workspace, '.forceignore'));
  const folders = sourceDirs.map((dir) => {
    const absolute = path.resolve(workspace, dir);
    return { absolute, denies: forceIgnoreAt(searchUp(absolute, '.forceignore')) };
  });
  return (relative) => {
    const file = path.join(workspace, relative);
    const holding = folders.filter((folder) => isInside(folder.absolute, file));
    return holding.length === 0 ? root(file) : holding.every((folder) => folder.denies(file));
  };
}

/** The part of a source component that names its files (source-deploy-retrieve's SourceComponent). */
interface PackagedComponent {
  type: { name: string };
  fullName: string;
  xml?: string;
  content?: string;
  walkContent(): string[];
}

/**
 * After source-deploy-retrieve resolved the components, the files it will put in the package:
 * each must lie inside one of the package directories once symbolic links are resolved, outside
 * any dot-folder (SDR skips dot-entries only when a .forceignore exists). One problem per file.
 */
export function packagedFileProblems(components: PackagedComponent[], packageDirs: string[], workspace: string): string[] {
  const roots = packageDirs.map((dir) => realpathOrUndefined(dir) ?? path.resolve(dir));
  const realpathOf = realpaths();
  const problems: string[] = [];
  for (const component of components) {
    const files = [component.xml, ...(component.content ? component.walkContent() : [])].filter((f): f is string => Boolean(f));
    for (const file of files) {
      const shown = () => sanitize(path.relative(workspace, file).split(path.sep).join('/'));
      const real = realpathOf(file);
      const root = real === undefined ? undefined : roots.find((r) => isInside(r, real));
      if (real === undefined || root === undefined) {
        problems.push(`${component.type.name} ${sanitize(component.fullName)}: ${shown()} resolves outside the package directories; packages hold only files inside them.`);
      } else if (hasDotSegment(path.relative(root, real))) {
        problems.push(`${component.type.name} ${sanitize(component.fullName)}: ${shown()} is in a dot-folder; packages never include dot-folders. Move it, or add it to .forceignore.`);
      }
    }
  }
  return problems;
}

/**
 * realpath of many files, each folder resolved once: a file that is not itself a symbolic link is
 * its folder's real path plus its name (one lstat), and a link is resolved in full. A 10,000-file
 * package spends 0.1 s here instead of resolving every path segment of every file.
 */
function realpaths(): (file: string) => string | undefined {
  const folders = new Map<string, string | undefined>();
  return (file) => {
    const absolute = path.resolve(file);
    let stat;
    try {
      stat = lstatSync(absolute);
    } catch {
      return undefined;
    }
    if (stat.isSymbolicLink()) return realpathOrUndefined(absolute);
    const folder = path.dirname(absolute);
    if (!folders.has(folder)) folders.set(folder, realpathOrUndefined(folder));
    const real = folders.get(folder);
    return real === undefined ? undefined : path.join(real, path.basename(absolute));
  };
}
