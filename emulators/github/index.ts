// GitHub emulator: one HTTP server on 127.0.0.1 that the real Octokit (@actions/github) and the
// real DefaultArtifactClient (@actions/artifact) talk to unchanged. Point them at it with
// GITHUB_API_URL and ACTIONS_RESULTS_URL = `url`, ACTIONS_RUNTIME_TOKEN = runtimeToken(...), and a
// GITHUB_TOKEN equal to the emulator's token. @actions/github reads GITHUB_API_URL when it is first
// imported, so set it before importing @actions/github or @actions/artifact.
import { randomBytes } from 'node:crypto';
import { ArtifactBackend } from './artifacts.js';
import { RepoHandle, type EmulatedRepo } from './repo.js';
import { restSurface } from './rest.js';
import { FaultPlan, listen, type FaultSpec, type RequestLogEntry } from './server.js';
import { EmulatorState, repoKey, syntheticSha, type RepoRecord } from './state.js';

export type { EmulatedRepo } from './repo.js';
export type {
  ArtifactSnapshot, WorkflowRunSnapshot, CommentSnapshot, DeploymentReviewSpec, DeploymentSnapshot, DeploymentStatusSnapshot,
  PullRequestSpec, ReviewSpec, RulesetSpec, WorkflowRunSpec,
} from './repo.js';
export type { FaultKind, FaultSpec, RequestLogEntry } from './server.js';
export type { DeploymentState, RepoPermission, ReviewState, UserType } from './state.js';

export interface GitHubEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Accepted GITHUB_TOKEN value(s); default 'ghs_emulator'. */
  token?: string | string[];
  /** Source of "now" for timestamps, expiry and signed-URL lifetimes; default the system clock. */
  clock?: () => Date;
}

export interface RepoSpec {
  owner: string;
  repo: string;
  /** Default 'main'; the branch is created unprotected. */
  defaultBranch?: string;
  /** Default 'private'. */
  visibility?: 'public' | 'private';
  /** Makes the repository a fork of an emulated one (`fork: true`, `parent`), e.g. where a fork's pull request runs from. */
  forkOf?: { owner: string; repo: string };
}

export interface RuntimeTokenSpec {
  runId: number;
  /** Default: the run's latest attempt, or 1 for a new run. */
  attempt?: number;
  /** Job name; each job gets its own job backend id. Default 'deploy'. */
  jobId?: string;
  /** Repository of the run, needed only when the run is not registered and more than one repo exists. */
  owner?: string;
  repo?: string;
}

export interface GitHubEmulator {
  /** `http://127.0.0.1:PORT`; serves REST, the results service and blob storage. */
  readonly url: string;
  /** Same as `url`: use as GITHUB_API_URL. */
  readonly apiUrl: string;
  /** Same as `url`: use as ACTIONS_RESULTS_URL. */
  readonly resultsUrl: string;
  /** The first accepted GITHUB_TOKEN. */
  readonly token: string;
  addRepo(spec: RepoSpec): EmulatedRepo;
  repo(owner: string, repo: string): EmulatedRepo;
  /** A JWT for ACTIONS_RUNTIME_TOKEN bound to the run's backend ids; registers the run if it is new. */
  runtimeToken(run: RuntimeTokenSpec): string;
  /** Every request in arrival order; tokens and signatures never appear. */
  readonly requests: RequestLogEntry[];
  readonly faults: { add(fault: FaultSpec): void; clear(): void };
  close(): Promise<void>;
}

export async function startGitHubEmulator(options: GitHubEmulatorOptions = {}): Promise<GitHubEmulator> {
  const clock = options.clock ?? (() => new Date());
  const tokens = [options.token ?? 'ghs_emulator'].flat();
  const state = new EmulatorState(clock);
  const faults = new FaultPlan();
  const requests: RequestLogEntry[] = [];
  let baseUrl = '';
  const links = { get api() { return baseUrl; }, html: 'https://github.com' };
  const artifacts = new ArtifactBackend(state, randomBytes(32), () => baseUrl);
  const rest = restSurface({ state, links, tokens, signedDownloadUrl: (a) => artifacts.signedBlobUrl(a, 'r') });
  const host = await listen([artifacts.twirpSurface(), artifacts.blobSurface(), rest], {
    port: options.port ?? 0, faults, log: requests, clock,
  });
  baseUrl = host.url;

  const handleOf = (record: RepoRecord) => new RepoHandle(state, record);

  function resolveRunRepo(run: RuntimeTokenSpec): RepoRecord {
    if (run.owner && run.repo) {
      return state.findRepo(run.owner, run.repo) ?? fail(`Repository ${run.owner}/${run.repo} is not emulated; call addRepo first.`);
    }
    const withRun = [...state.repos.values()].filter((r) => r.runs.has(run.runId));
    if (withRun.length === 1) return withRun[0]!;
    if (state.repos.size === 1) return [...state.repos.values()][0]!;
    return fail(`runtimeToken: say which repository run ${run.runId} belongs to (owner, repo); ${state.repos.size} repositories are emulated.`);
  }

  return {
    url: host.url,
    apiUrl: host.url,
    resultsUrl: host.url,
    token: tokens[0]!,
    requests,
    faults: { add: (f) => faults.add(f), clear: () => faults.clear() },

    addRepo(spec) {
      const key = repoKey(spec.owner, spec.repo);
      if (state.repos.has(key)) throw new Error(`Repository ${spec.owner}/${spec.repo} already exists.`);
      const defaultBranch = spec.defaultBranch ?? 'main';
      const parent = spec.forkOf
        ? state.findRepo(spec.forkOf.owner, spec.forkOf.repo) ?? fail(`Repository ${spec.forkOf.owner}/${spec.forkOf.repo} is not emulated; add it before its fork.`)
        : undefined;
      const record: RepoRecord = {
        owner: spec.owner, name: spec.repo, id: state.nextId('repo'), defaultBranch,
        visibility: spec.visibility ?? parent?.visibility ?? 'private', fork: parent !== undefined, ...(parent && { parent }),
        createdAt: state.timestamp(),
        branches: new Map([[defaultBranch, {
          name: defaultBranch, sha: syntheticSha(`${key}@${defaultBranch}`), protected: false,
          requiredApprovals: undefined, dismissStaleReviews: false,
        }]]),
        permissions: new Map(), pulls: new Map(), runs: new Map(), deployments: [], comments: [], rulesets: [],
      };
      state.repos.set(key, record);
      state.user(spec.owner);
      return handleOf(record);
    },

    repo(owner, repo) {
      return handleOf(state.findRepo(owner, repo) ?? fail(`Repository ${owner}/${repo} is not emulated; call addRepo first.`));
    },

    runtimeToken(run) {
      const record = resolveRunRepo(run);
      const handle = handleOf(record);
      if (!record.runs.has(run.runId) || (run.attempt !== undefined && record.runs.get(run.runId)!.attempt < run.attempt)) {
        handle.addWorkflowRun({ id: run.runId, ...(run.attempt !== undefined && { attempt: run.attempt }) });
      }
      const attempt = run.attempt ?? record.runs.get(run.runId)!.attempt;
      return artifacts.mintRuntimeToken(record, run.runId, attempt, run.jobId ?? 'deploy');
    },

    close: () => host.close(),
  };
}

function fail(message: string): never {
  throw new Error(message);
}
