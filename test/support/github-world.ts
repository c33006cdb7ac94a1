// A GitHub the way a release sees it, on the GitHub emulator: repository acme/crm with a protected
// `main`, people with the roles a team has, merged pull requests with reviews, and workflow runs
// whose runtime token reaches the artifact service. `world.run(...)` gives the runAction options
// that point the bundled action at it.
import { createHash, randomBytes } from 'node:crypto';
import {
  startGitHubEmulator, type EmulatedRepo, type GitHubEmulator, type RepoPermission, type RequestLogEntry, type ReviewState, type UserType,
} from '../../emulators/github/index.js';
import type { RunOptions } from './action-runner.js';

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

/** A pull request merged into `main`; `mergeSha` is what the push event's GITHUB_SHA names. */
export interface MergedPullRequest {
  number: number;
  author: string;
  earlierSha: string;
  headSha: string;
  mergeSha: string;
  reviewIds: number[];
}

/** The runAction options of one workflow run of acme/crm against the emulator. */
export type RunEnvironment = Required<Pick<RunOptions, 'repository' | 'runId' | 'runAttempt' | 'githubToken' | 'env'>>;

export interface GitHubWorld {
  emulator: GitHubEmulator;
  repo: EmulatedRepo;
  /** The accepted GITHUB_TOKEN (random per world, so a leak of it is detectable). */
  token: string;
  /** Opens and merges a pull request into `main` with these reviews, each on a fresh commit pair. */
  mergedPullRequest(spec?: { author?: string; reviews?: ReviewGiven[] }): MergedPullRequest;
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
export async function startGitHubWorld(options: { firstRunId?: number } = {}): Promise<GitHubWorld> {
  const token = `ghs_${randomBytes(18).toString('base64url')}`;
  const emulator = await startGitHubEmulator({ token });
  const repo = emulator.addRepo({ owner: OWNER, repo: REPO });
  const roles: Array<[string, RepoPermission, UserType?]> = [
    [AUTHOR, 'write'], ...WRITERS.map((w): [string, RepoPermission] => [w, 'write']), [READER, 'read'], [BOT, 'write', 'Bot'],
  ];
  for (const [login, role, type] of roles) repo.setPermission(login, role, type ? { type } : undefined);
  repo.addTeam(OWNER, 'release-managers', ['dave']);
  // setBranch replaces the whole record, so what `main` is (sha, protection) is kept here.
  const main: { protected: boolean; sha?: string } = { protected: true };
  repo.setBranch('main', main);

  const world = ++worldCount;
  let prCount = 0;
  let nextRunId = options.firstRunId ?? 5000;
  const attempts = new Map<number, number>();
  const sha = (seed: string) => createHash('sha1').update(`world-${world}:${seed}`).digest('hex');

  return {
    emulator,
    repo,
    token,

    mergedPullRequest(spec = {}) {
      const n = ++prCount;
      const earlierSha = sha(`pr-${n}-earlier`);
      const headSha = sha(`pr-${n}-head`);
      const mergeSha = sha(`pr-${n}-merge`);
      const author = spec.author ?? AUTHOR;
      const number = repo.addPullRequest({ author, headSha, commits: [earlierSha, headSha], title: `Release change ${n}` });
      const reviewIds = (spec.reviews ?? []).map((r) => {
        const commitId = r.on === undefined || r.on === 'head' ? headSha : r.on === 'earlier' ? earlierSha : r.on;
        return repo.addReview(number, { user: r.user, state: r.state, commitId, ...(r.userType ? { userType: r.userType } : {}) });
      });
      repo.merge(number, mergeSha);
      main.sha = mergeSha;
      repo.setBranch('main', main);
      return { number, author, earlierSha, headSha, mergeSha, reviewIds };
    },

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
    close: () => emulator.close(),
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
