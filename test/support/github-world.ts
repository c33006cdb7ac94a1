// A GitHub the way a release sees it, on the GitHub emulator: repository acme/crm with a protected
// `main`, people with the roles a team has, merged pull requests with reviews, and workflow runs
// whose runtime token reaches the artifact service. `world.run(...)` gives the runAction options
// that point the bundled action at it.
import { randomBytes } from 'node:crypto';
import {
  startGitHubEmulator, type EmulatedRepo, type GitHubEmulator, type RepoPermission, type RequestLogEntry, type ReviewState, type UserType,
} from '../../emulators/github/index.js';
import type { RunOptions } from './action-runner.js';
import { createOriginRepo, type FileChanges, type OriginRepo } from './git-repo.js';

export const OWNER = 'acme';
export const REPO = 'crm';
/** Opens most pull requests; their own approval never counts. */
export const AUTHOR = 'carol';
/** People with write access whose approval counts. */
export const WRITERS = ['alice', 'bob', 'dave'] as const;
/** A collaborator with read access only. */
export const READER = 'erin';
/** A bot with write access (its approval never counts). */
export const BOT = 'renovate[bot]';
/** `org/team` slug whose only member is dave. */
export const RELEASE_TEAM = 'acme/release-managers';

/** How a review of a merged pull request is given: on its head commit unless `on` says otherwise. */
export interface ReviewGiven {
  user: string;
  state: ReviewState;
  /** `head` (default), `earlier` (the commit before the head: a stale approval) or a sha. */
  on?: 'head' | 'earlier' | string;
  userType?: UserType;
}

/** What a pull request changes, on a branch off `main`: see OriginRepo.pullRequestBranch. */
export interface PullRequestContent {
  /** Replace the whole content with this fixture project. */
  tree?: string;
  /** Change these files (null deletes one). */
  files?: FileChanges;
}

/** An open pull request: two real commits on its branch of the origin repository, reviewed as asked. */
export interface OpenPullRequest {
  number: number;
  author: string;
  branch: string;
  earlierSha: string;
  headSha: string;
  reviewIds: number[];
}

/** A pull request merged into `main`; `mergeSha` (a real merge commit, first parent the previous `main`) is what the push event's GITHUB_SHA names. */
export interface MergedPullRequest extends OpenPullRequest {
  mergeSha: string;
  /** A fresh checkout of `mergeSha`, as actions/checkout leaves the workspace of the push run. */
  workspace: string;
}

/** The runAction options of one workflow run of acme/crm against the emulator. */
export type RunEnvironment = Required<Pick<RunOptions, 'repository' | 'runId' | 'runAttempt' | 'githubToken' | 'env'>>;

export interface GitHubWorld {
  emulator: GitHubEmulator;
  repo: EmulatedRepo;
  /** The accepted GITHUB_TOKEN (random per world, so a leak of it is detectable). */
  token: string;
  /** The repository's content: a real git repository whose `main` is the emulator's `main`. */
  origin: OriginRepo;
  /** Opens a pull request off the current `main` with these reviews. */
  openPullRequest(spec?: { author?: string; reviews?: ReviewGiven[] } & PullRequestContent): OpenPullRequest;
  /**
   * Merges an open pull request into the current `main` (a merge commit), which becomes `main`'s
   * head on GitHub. `alsoChange` pushes an "evil merge" instead: a merge commit with changes of
   * its own, made locally and pushed by a writer; GitHub still marks the pull request merged.
   */
  mergePullRequest(pr: OpenPullRequest, options?: { alsoChange?: FileChanges }): MergedPullRequest;
  /** Opens and merges a pull request into `main` with these reviews, on a fresh pair of commits. */
  mergedPullRequest(spec?: { author?: string; reviews?: ReviewGiven[] } & PullRequestContent): MergedPullRequest;
  /** Pushes a commit straight to `main`, no pull request (as an admin bypassing protection could); returns it. */
  pushToMain(files: FileChanges, message?: string): string;
  /** A fresh checkout of `sha` (full history unless `depth`), as actions/checkout leaves the workspace. */
  checkout(sha: string, options?: { depth?: number }): string;
  /**
   * Registers a workflow run (a fresh id unless given) for `sha` and returns the options for
   * runAction: repository, run id/attempt, token and the env (GITHUB_API_URL, ACTIONS_RESULTS_URL,
   * ACTIONS_RUNTIME_TOKEN). GITHUB_SERVER_URL is left unset, as @actions/artifact needs.
   */
  run(spec: {
    sha: string;
    event?: string;
    runId?: number;
    attempt?: number;
    jobId?: string;
    actor?: string;
    /** The run's head branch (GITHUB_REF_NAME of a push or dispatch); default `main`. */
    branch?: string;
    /** Where the head commit came from, e.g. a fork (`addRepo({ forkOf })`) for a fork's pull request; default acme/crm. */
    headRepository?: { owner: string; repo: string };
    /** Required-reviewer decisions already given on the run's environment (GitHub Environments). */
    deploymentReviews?: Array<{ user: string; environment: string; state?: 'approved' | 'rejected' }>;
  }): RunEnvironment & { runtimeToken: string };
  /** Protects `main` (the default) or leaves it unprotected, keeping its sha. */
  protectMain(isProtected: boolean): void;
  /** The requests the emulator received after `mark()` returned `since`. */
  requestsSince(since: number): RequestLogEntry[];
  mark(): number;
  close(): Promise<void>;
}

let worldCount = 0;

/** Starts the GitHub emulator with acme/crm, its people and a protected `main`. */
export async function startGitHubWorld(options: { firstRunId?: number; fixture?: string } = {}): Promise<GitHubWorld> {
  const token = `ghs_${randomBytes(18).toString('base64url')}`;
  const emulator = await startGitHubEmulator({ token });
  const repo = emulator.addRepo({ owner: OWNER, repo: REPO });
  const roles: Array<[string, RepoPermission, UserType?]> = [
    [AUTHOR, 'write'], ...WRITERS.map((w): [string, RepoPermission] => [w, 'write']), [READER, 'read'], [BOT, 'write', 'Bot'],
  ];
  for (const [login, role, type] of roles) repo.setPermission(login, role, type ? { type } : undefined);
  repo.addTeam(OWNER, 'release-managers', ['dave']);
  const origin = createOriginRepo(options.fixture);
  // setBranch replaces the whole record, so what `main` is (sha, protection) is kept here.
  // Protected as a team protects it: pull-request reviews required (the release reads that
  // where its token can).
  const main: { protected: boolean; sha?: string; requiredApprovals?: number } = { protected: true, sha: origin.main(), requiredApprovals: 1 };
  repo.setBranch('main', main);
  // The workflow's GITHUB_TOKEN cannot read classic branch protection (administration: read).
  repo.setAdministrationRead(false);

  ++worldCount;
  let prCount = 0;
  let nextRunId = options.firstRunId ?? 5000;
  const attempts = new Map<number, number>();
  const advanceMain = (sha: string) => {
    main.sha = sha;
    repo.setBranch('main', main);
  };

  const openPullRequest: GitHubWorld['openPullRequest'] = (spec = {}) => {
    const n = ++prCount;
    const branch = `pr-${n}`;
    const { earlierSha, headSha } = origin.pullRequestBranch(branch, { tree: spec.tree, files: spec.files });
    const author = spec.author ?? AUTHOR;
    const number = repo.addPullRequest({ author, headSha, headRef: branch, commits: [earlierSha, headSha], title: `Release change ${n}` });
    const reviewIds = (spec.reviews ?? []).map((r) => {
      const commitId = r.on === undefined || r.on === 'head' ? headSha : r.on === 'earlier' ? earlierSha : r.on;
      return repo.addReview(number, { user: r.user, state: r.state, commitId, ...(r.userType ? { userType: r.userType } : {}) });
    });
    return { number, author, branch, earlierSha, headSha, reviewIds };
  };
  const mergePullRequest: GitHubWorld['mergePullRequest'] = (pr, mergeOptions = {}) => {
    const mergeSha = origin.mergeIntoMain(pr.branch, `Merge pull request #${pr.number} from acme/${pr.branch}`, mergeOptions.alsoChange);
    repo.merge(pr.number, mergeSha);
    advanceMain(mergeSha);
    return { ...pr, mergeSha, workspace: origin.checkout(mergeSha) };
  };

  return {
    emulator,
    repo,
    token,

    origin,
    openPullRequest,
    mergePullRequest,
    mergedPullRequest: (spec = {}) => mergePullRequest(openPullRequest(spec)),

    pushToMain(files, message = 'Direct push') {
      const sha = origin.commitOnMain(message, files);
      advanceMain(sha);
      return sha;
    },

    checkout: (sha, checkoutOptions) => origin.checkout(sha, checkoutOptions),

    run(spec) {
      const runId = spec.runId ?? nextRunId++;
      // Another job of a known run keeps its attempt; addWorkflowRun without one would start a new attempt.
      const attempt = spec.attempt ?? attempts.get(runId) ?? 1;
      attempts.set(runId, attempt);
      repo.addWorkflowRun({
        id: runId, headSha: spec.sha, event: spec.event ?? 'push', actor: spec.actor ?? AUTHOR, attempt,
        ...(spec.branch ? { headBranch: spec.branch } : {}), ...(spec.headRepository ? { headRepository: spec.headRepository } : {}),
      });
      for (const review of spec.deploymentReviews ?? []) repo.approveDeploymentReview(runId, review);
      const runtimeToken = emulator.runtimeToken({ runId, attempt, owner: OWNER, repo: REPO, ...(spec.jobId ? { jobId: spec.jobId } : {}) });
      return {
        repository: `${OWNER}/${REPO}`,
        runId,
        runAttempt: attempt,
        githubToken: token,
        runtimeToken,
        env: { GITHUB_API_URL: emulator.apiUrl, ACTIONS_RESULTS_URL: emulator.resultsUrl, ACTIONS_RUNTIME_TOKEN: runtimeToken },
      };
    },

    protectMain(isProtected) {
      main.protected = isProtected;
      repo.setBranch('main', main);
    },

    mark: () => emulator.requests.at(-1)?.seq ?? 0,
    requestsSince: (since) => emulator.requests.filter((r) => r.seq > since),
    close: async () => {
      origin.remove();
      await emulator.close();
    },
  };
}

/** A request as one of several emulators logged it, with its place in their merged arrival order. */
export interface TimelineEntry<E> {
  /** Which log it came from (the name given to recordArrivalOrder). */
  source: string;
  /** Position among every request any of the recorded logs received, from 1. */
  order: number;
  /** The log's own entry, live: the Salesforce emulator fills in its kind and org just after logging the arrival. */
  entry: E;
}

/**
 * Records the order in which requests reach several emulators running in this process. Each
 * emulator numbers its own requests and timestamps them with millisecond resolution, so two
 * logs cannot be interleaved exactly afterwards; this hooks each log's `push` (called when a
 * request arrives, before it is answered) and numbers the entries across all of them.
 */
export function recordArrivalOrder<E extends object>(logs: Record<string, E[]>): { timeline(): Array<TimelineEntry<E>>; stop(): void } {
  const recorded: Array<TimelineEntry<E>> = [];
  const restore: Array<() => void> = [];
  for (const [source, log] of Object.entries(logs)) {
    restore.push(
      onPush(log, (entry) => {
        recorded.push({ source, order: recorded.length + 1, entry });
      }),
    );
  }
  return { timeline: () => [...recorded], stop: () => restore.forEach((r) => r()) };
}

/**
 * Calls `listener` with each entry an emulator adds to its request log from now on, when the
 * request arrives; returns a function that stops listening.
 */
export function onPush<E>(log: E[], listener: (entry: E) => void): () => void {
  const hadOwn = Object.prototype.hasOwnProperty.call(log, 'push');
  const push = log.push;
  log.push = function (this: E[], ...items: E[]): number {
    for (const entry of items) listener(entry);
    return push.apply(this, items);
  };
  return () => {
    if (hadOwn) log.push = push;
    else delete (log as { push?: unknown }).push;
  };
}
