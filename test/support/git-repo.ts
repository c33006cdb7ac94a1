// A real git repository standing for the GitHub repository's content: releases check the
// checked-out tree against GITHUB_SHA and compare the release commit with the approved pull
// request's head, so the workspace of a production run must be a clone whose HEAD is the
// commit the run names, as actions/checkout leaves it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

/** File changes of a commit: content to write, or null to delete the file. Paths relative to the repository root. */
export type FileChanges = Record<string, string | null>;

/** Runs git in `cwd` with a fixed identity (the runner has none) and returns its trimmed stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', '-c', 'init.defaultBranch=main', '-c', 'advice.detachedHead=false', ...args], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

/** The origin repository of acme/crm: `main` starts as the `project` fixture; pull-request branches merge into it. */
export interface OriginRepo {
  /** Path of the repository (a normal one with a work tree: commits are made in it). */
  dir: string;
  /** The current commit of `main`. */
  main(): string;
  /**
   * Makes a pull-request branch off `main` (or `base`) with two commits, the second the head:
   * `tree` replaces the whole content with a fixture (a folder of test/fixtures or an absolute path), `files` changes single files; with neither,
   * the pull request adds a note outside the package directories, so it still has a diff.
   */
  pullRequestBranch(name: string, spec: { base?: string; tree?: string; files?: FileChanges }): { earlierSha: string; headSha: string };
  /**
   * Merges a branch into `main` with a merge commit (first parent `main`), as GitHub's merge
   * button does; returns the merge commit. `alsoChange` makes it an "evil merge": the merge
   * commit carries changes of its own that neither parent has.
   */
  mergeIntoMain(branch: string, message: string, alsoChange?: FileChanges): string;
  /** Commits `files` straight onto `main` (a push without a pull request); returns the commit. */
  commitOnMain(message: string, files: FileChanges): string;
  /**
   * A fresh clone checked out at `sha`, as actions/checkout leaves the workspace (full history
   * unless `depth` is given; `origin` points back here, so missing commits can be fetched).
   */
  checkout(sha: string, options?: { depth?: number }): string;
  /** Removes the repository and every checkout made of it (and folders tests put next to them). */
  remove(): void;
}

/** Creates the origin repository from a fixture project (a folder of test/fixtures, or an absolute path). */
export function createOriginRepo(fixture = 'project'): OriginRepo {
  const dir = mkdtempSync(path.join(tmpdir(), 'origin-repo-'));
  const made: string[] = [dir];
  git(dir, 'init', '-q', '-b', 'main');
  // Fetching a commit by its id from a shallow clone, as GitHub allows.
  git(dir, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  // A test's own clone may push to main, as a writer's `git push` does.
  git(dir, 'config', 'receive.denyCurrentBranch', 'updateInstead');
  cpSync(path.resolve(FIXTURES, fixture), dir, { recursive: true });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', `Initial content (${fixture})`);

  const commitAll = (message: string): string => {
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '--allow-empty', '-m', message);
    return git(dir, 'rev-parse', 'HEAD');
  };
  const apply = (files: FileChanges): void => {
    for (const [file, content] of Object.entries(files)) {
      const full = path.join(dir, file);
      if (content === null) rmSync(full, { force: true });
      else {
        mkdirSync(path.dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
  };
  const replaceTree = (fixtureName: string): void => {
    for (const entry of readdirSync(dir)) if (entry !== '.git') rmSync(path.join(dir, entry), { recursive: true, force: true });
    cpSync(path.resolve(FIXTURES, fixtureName), dir, { recursive: true });
  };

  return {
    dir,
    main: () => git(dir, 'rev-parse', 'refs/heads/main'),

    pullRequestBranch(name, spec) {
      git(dir, 'checkout', '-q', '-B', name, spec.base ?? 'main');
      apply({ [`changes/${name}.md`]: `Work in progress on ${name}.\n` });
      const earlierSha = commitAll(`${name}: first commit`);
      if (spec.tree) replaceTree(spec.tree);
      if (spec.files) apply(spec.files);
      if (!spec.tree && !spec.files) apply({ [`changes/${name}.md`]: `The change of ${name}.\n` });
      const headSha = commitAll(`${name}: head`);
      git(dir, 'checkout', '-q', 'main');
      return { earlierSha, headSha };
    },

    mergeIntoMain(branch, message, alsoChange) {
      git(dir, 'checkout', '-q', 'main');
      if (!alsoChange) {
        git(dir, 'merge', '-q', '--no-ff', '-m', message, branch);
        return git(dir, 'rev-parse', 'HEAD');
      }
      git(dir, 'merge', '-q', '--no-ff', '--no-commit', branch);
      apply(alsoChange);
      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '-m', message);
      return git(dir, 'rev-parse', 'HEAD');
    },

    commitOnMain(message, files) {
      git(dir, 'checkout', '-q', 'main');
      apply(files);
      return commitAll(message);
    },

    checkout(sha, options = {}) {
      const workspace = mkdtempSync(path.join(tmpdir(), 'workspace-'));
      made.push(workspace);
      if (options.depth) {
        // What actions/checkout does for fetch-depth: n — an empty repository fetching one commit.
        git(workspace, 'init', '-q');
        git(workspace, 'remote', 'add', 'origin', `file://${dir}`);
        git(workspace, 'fetch', '-q', '--no-tags', `--depth=${options.depth}`, 'origin', sha);
      } else {
        git(workspace, 'clone', '-q', '--no-checkout', dir, '.');
      }
      git(workspace, 'checkout', '-q', '--detach', sha);
      return workspace;
    },

    remove() {
      for (const folder of made) {
        const parent = path.dirname(folder);
        const prefix = path.basename(folder);
        // Siblings such as `<workspace>-evil`, which tests create to attack a prefix check.
        for (const entry of readdirSync(parent)) if (entry === prefix || entry.startsWith(`${prefix}-`)) rmSync(path.join(parent, entry), { recursive: true, force: true });
      }
    },
  };
}
