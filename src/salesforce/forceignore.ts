import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ignoreModule, { type Ignore } from 'ignore';

// SDR's ForceIgnore (resolve/forceIgnore.js) without loading SDR: its default patterns, then the
// .forceignore file's, matched by the same `ignore` package against paths relative to the file's
// folder, a folder also tried with a trailing slash. The packaging of a plain project
// (package-plain.ts) and the release's tree gate (release.ts) ask it which files SDR would leave
// out; test/integration/forceignore.test.ts holds it to SDR's answers.

const DEFAULTS = [
  '**/*.dup',
  '**/.*',
  '!.sf',
  '**/.sf/**',
  '!**/.sf/orgs',
  '!**/.sf/orgs/**',
  '**/.sf/orgs/*/**',
  '!**/.sf/orgs/*/remoteMetadata',
  '!**/.sf/orgs/*/remoteMetadata/**',
  '**/package2-descriptor.json',
  '**/package2-manifest.json',
];

/** Whether SDR leaves `fsPath` out; `isDirectory` when known (else it is asked of the disk, as SDR does). */
export type Denies = (fsPath: string, isDirectory?: boolean) => boolean;

/** SDR's searchUp: the nearest `name` in `start` or a folder above it. */
export function searchUp(start: string, name: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const file = path.join(dir, name);
    if (existsSync(file)) return file;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The rules of a .forceignore file; none (nothing denied) when there is no file. */
export function forceIgnoreAt(file: string | undefined): Denies {
  if (!file || !existsSync(file)) return () => false;
  const parser: Ignore = ignoreModule.default().add(`${DEFAULTS.join('\n')}\n${readFileSync(file, 'utf8')}`);
  const root = path.dirname(file);
  const prefix = `${root}${path.sep}`;
  return (fsPath, isDirectory) => {
    const absolute = path.isAbsolute(fsPath) ? fsPath : path.resolve(root, fsPath);
    // A normalised path under root needs no path.relative (which resolves both paths again).
    const relative = absolute.startsWith(prefix) && !absolute.endsWith(path.sep) && path.normalize(absolute) === absolute ? absolute.slice(prefix.length) : path.relative(root, absolute);
    try {
      return parser.ignores(relative) || ((isDirectory ?? couldBeDirectory(absolute)) && parser.ignores(`${relative}/`));
    } catch {
      return false;
    }
  };
}

/** SDR's couldBeDirectory: anything but a file on disk (a missing path included). */
function couldBeDirectory(fsPath: string): boolean {
  try {
    return !statSync(fsPath).isFile();
  } catch {
    return true;
  }
}
