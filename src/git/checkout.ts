import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ActionError, Gate, GateError, sanitize } from '../errors.js';

// The checked-out repository as evidence. Once HEAD is GITHUB_SHA, git's object store is
// content-addressed: the tree of a commit id is what that id says, whoever served the objects,
// so the checkout can prove what a release packages and how it differs from the approved head
// without trusting anything a writer could have forged on GitHub.

/** Runs git in `cwd` (no shell, no prompt); resolves its stdout, rejects with its stderr. */
export function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout.toString('utf8'));
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return reject(new ActionError('A production release checks the checked-out tree with git, and git was not found on PATH.'));
        reject(new Error(`git ${args.filter((a) => !a.startsWith('-c')).slice(0, 2).join(' ')} failed: ${redactUrlCredentials(stderr.toString('utf8').trim() || error.message)}`));
      },
    );
  });
}

/** Hides the user-info part of URLs (`https://x-access-token:…@github.com`) in git's messages, which reach the summary. */
export function redactUrlCredentials(text: string): string {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi, '$1***@');
}

/** One path of `git status --porcelain=v1 -z` and its two-letter state (`??` untracked, `!!` ignored). */
export interface StatusEntry {
  state: string;
  path: string;
}

/** Parses `git status --porcelain=v1 -z`: `XY path\0`, renames and copies followed by `orig\0`. */
export function parsePorcelainStatus(output: string): StatusEntry[] {
  const entries: StatusEntry[] = [];
  const fields = output.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (field.length < 4) continue;
    const state = field.slice(0, 2);
    entries.push({ state, path: field.slice(3) });
    if (state[0] === 'R' || state[0] === 'C') i++; // the rename's origin path follows
  }
  return entries;
}

/**
 * The paths of the worktree that end up in a package: the source folders, or the manifest and
 * its metadata folder, plus the project files that steer packaging (sfdx-project.json,
 * .forceignore). Relative to the workspace, `/`-separated.
 */
export function packagingPaths(sourceDirs: string[], manifest: string | undefined): string[] {
  const paths = new Set<string>(['sfdx-project.json', '.forceignore']);
  for (const dir of sourceDirs) paths.add(dir);
  if (manifest) {
    paths.add(manifest);
    if (sourceDirs.length === 0) paths.add(path.posix.dirname(manifest.split(path.sep).join('/')));
  }
  return [...paths].map((p) => p.split(path.sep).join('/').replace(/^\.\/+/, '') || '.');
}

/**
 * What decides whether a working-tree change reaches the package: untracked and modified files
 * always; files git ignores only when packaging would read them (a dot-file never is; the
 * caller says which the .forceignore skips).
 */
export function packagedChanges(entries: StatusEntry[], forceIgnored: (file: string) => boolean): StatusEntry[] {
  return entries.filter((e) => {
    if (e.state !== '!!') return true;
    if (e.path.split('/').some((segment) => segment.startsWith('.'))) return false;
    return !forceIgnored(e.path);
  });
}

/**
 * Gate 1 (SPEC.md): the checked-out tree is exactly GITHUB_SHA, with no uncommitted, untracked
 * (or ignored but packaged) file in the folders the package is built from. Throws
 * GateError(Gate.Branch) naming the files; returns the evidence line.
 */
export async function assertCheckedOutCommit(workspace: string, sha: string, paths: string[], forceIgnored: (file: string) => boolean = () => false): Promise<string> {
  const head = await git(workspace, ['rev-parse', '--verify', '-q', 'HEAD^{commit}']).then((o) => o.trim(), () => '');
  if (!head) {
    const reason = existsSync(path.join(workspace, '.git')) ? 'git cannot read its HEAD' : 'it is not a git checkout';
    throw new GateError(
      Gate.Branch,
      `the workspace (${sanitize(workspace)}) cannot be proven to be commit ${sha.slice(0, 12)}: ${reason}. A production release packages the checked-out tree, so check the repository out with actions/checkout before this step.`,
    );
  }
  if (head.toLowerCase() !== sha.toLowerCase()) {
    throw new GateError(
      Gate.Branch,
      `the checked-out commit is ${head.slice(0, 12)}, but this run releases ${sha.slice(0, 12)} (GITHUB_SHA). A production release deploys only the commit its run was started for: check out the run's commit (actions/checkout with no ref), and do not switch commits in the job.`,
    );
  }
  // --ignored=matching lists ignored files one by one; -uall lists untracked ones inside new folders too.
  const pathspecs = paths.map((p) => `:(literal)${p}`);
  const status = await git(workspace, ['--no-optional-locks', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignored=matching', '--', ...pathspecs]);
  const changed = packagedChanges(parsePorcelainStatus(status), forceIgnored);
  if (changed.length > 0) {
    const shown = changed.slice(0, 20).map((e) => `${sanitize(e.path)} (${describeState(e.state)})`);
    const more = changed.length > shown.length ? ` and ${changed.length - shown.length} more` : '';
    throw new GateError(
      Gate.Branch,
      `the source folders differ from commit ${sha.slice(0, 12)}: ${shown.join(', ')}${more}. A production release deploys exactly the approved commit; commit these changes through a reviewed pull request, or remove the step that writes them before this action runs.`,
    );
  }
  return `the checked-out tree is commit ${sha.slice(0, 7)} with no uncommitted or untracked file in ${paths.filter((p) => p !== 'sfdx-project.json' && p !== '.forceignore').join(', ') || 'the source folders'}`;
}

function describeState(state: string): string {
  if (state === '??') return 'untracked';
  if (state === '!!') return 'ignored by git, but packaged';
  if (state.includes('D')) return 'deleted';
  if (state.includes('A')) return 'added';
  if (state.includes('R')) return 'renamed';
  if (state.includes('T')) return 'type changed';
  return 'modified';
}

/** One file the release commit changes against its first parent that does not hold the approved head's content. */
export interface UnapprovedFile {
  path: string;
  /** Whether the approved head has the file at all. */
  inApprovedHead: boolean;
}

/**
 * The files the release changes that the approved head does not hold as released: `changed` are
 * the paths differing between the release commit and its first parent, `differFromHead` those
 * differing between the approved head and the release commit. A file in both was changed by the
 * release to something nobody approved.
 */
export function unapprovedChanges(changed: string[], differFromHead: string[], headHas: (file: string) => boolean): UnapprovedFile[] {
  const differing = new Set(differFromHead);
  return changed.filter((file) => differing.has(file)).map((file) => ({ path: file, inApprovedHead: headHas(file) }));
}

/**
 * Gate 4, the content half (SPEC.md): every file the release commit changes against its first
 * parent holds, at the release commit, exactly its content at the approved pull request's head.
 * Stops an "evil merge": a writer pushes the approved head merged with a change of their own,
 * GitHub marks the pull request merged, and the approvals would otherwise carry the backdoor.
 * Reads the checkout (HEAD is the release commit, checked before); a shallow clone's missing
 * commits are fetched by id from `origin`, which git verifies against their ids.
 */
export async function assertApprovedChange(workspace: string, release: string, approvedHead: string, pullRequest: number): Promise<string> {
  const raw = await git(workspace, ['cat-file', 'commit', release]);
  const parents = [...raw.split('\n\n')[0].matchAll(/^parent ([0-9a-f]{40,64})$/gm)].map((m) => m[1]);
  const firstParent = parents[0];
  await ensureCommits(workspace, [firstParent, approvedHead].filter((c): c is string => c !== undefined), pullRequest);

  const diff = async (a: string | undefined, b: string): Promise<string[]> => {
    const args = ['diff-tree', '-r', '-z', '--no-renames', '--name-only', '--no-commit-id'];
    const out = a ? await git(workspace, [...args, a, b]) : await git(workspace, [...args, '--root', b]);
    return out.split('\0').filter(Boolean);
  };
  const changed = await diff(firstParent, release);
  const differFromHead = await diff(approvedHead, release);
  const inHead = new Set((await git(workspace, ['ls-tree', '-r', '-z', '--name-only', approvedHead])).split('\0').filter(Boolean));
  const unapproved = unapprovedChanges(changed, differFromHead, (file) => inHead.has(file));
  if (unapproved.length > 0) {
    const shown = unapproved.slice(0, 20).map((f) => `${sanitize(f.path)}${f.inApprovedHead ? '' : ' (not in the approved head)'}`);
    const more = unapproved.length > shown.length ? ` and ${unapproved.length - shown.length} more` : '';
    throw new GateError(
      Gate.Approvals,
      `commit ${release.slice(0, 7)} changes ${shown.join(', ')}${more} to content that pull request #${pullRequest}'s approved head ${approvedHead.slice(0, 7)} does not hold: ` +
        `the deployed change must be the approved change. Merge the pull request as it was approved (a merge commit that adds nothing, or update the pull request and have it approved again), and require pull requests on the production branch.`,
    );
  }
  return `the ${changed.length} file(s) commit ${release.slice(0, 7)} changes${firstParent ? ` against its first parent ${firstParent.slice(0, 7)}` : ''} hold the content of the approved head ${approvedHead.slice(0, 7)} of pull request #${pullRequest}`;
}

/** Makes sure the checkout has these commits, fetching missing ones by id from `origin` (a shallow clone has only HEAD). */
async function ensureCommits(workspace: string, commits: string[], pullRequest: number): Promise<void> {
  const has = (c: string) => git(workspace, ['cat-file', '-e', `${c}^{commit}`]).then(() => true, () => false);
  const missing: string[] = [];
  for (const c of commits) if (!(await has(c))) missing.push(c);
  if (missing.length === 0) return;
  let fetchError = '';
  try {
    await git(workspace, ['-c', 'protocol.version=2', 'fetch', '--no-tags', '--no-write-fetch-head', '--depth=1', 'origin', ...missing]);
  } catch (error) {
    fetchError = (error as Error).message;
  }
  const still: string[] = [];
  for (const c of missing) if (!(await has(c))) still.push(c);
  if (still.length === 0) return;
  throw new GateError(
    Gate.Approvals,
    `the checkout lacks commit(s) ${still.map((c) => c.slice(0, 7)).join(', ')} (the release commit's first parent and pull request #${pullRequest}'s approved head), so the release cannot be compared with the approved change${fetchError ? `, and fetching them from origin failed (${sanitize(fetchError, 300)})` : ''}. ` +
      `Check out with actions/checkout's fetch-depth: 0 (or keep its default persist-credentials so the action can fetch them).`,
  );
}
