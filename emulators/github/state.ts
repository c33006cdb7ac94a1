// In-memory model of the slice of GitHub the gate touches: repositories, users, teams, pull
// requests and reviews, workflow runs with their deployment-review history, deployments,
// issue comments, and workflow-run artifacts with the blobs behind them.
import { createHash } from 'node:crypto';

export type RepoPermission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';
export type UserType = 'User' | 'Bot';
export type ReviewState = 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
export type DeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';
export const deploymentStates: readonly DeploymentState[] = [
  'error', 'failure', 'inactive', 'in_progress', 'queued', 'pending', 'success',
];

/** The identity behind the accepted GITHUB_TOKEN: what GitHub shows as creator of deployments and comments. */
export const actionsBot = { login: 'github-actions[bot]', id: 41898282, type: 'Bot' as const };

export interface UserRecord { login: string; id: number; type: UserType }

export interface BranchRecord {
  name: string;
  sha: string;
  protected: boolean;
  requiredApprovals: number | undefined;
  dismissStaleReviews: boolean;
}

export interface ReviewRecord {
  id: number;
  user: UserRecord;
  state: ReviewState;
  commitId: string;
  submittedAt: string;
  body: string;
}

export interface PullRequestRecord {
  number: number;
  id: number;
  author: UserRecord;
  title: string;
  headSha: string;
  headRef: string;
  baseRef: string;
  state: 'open' | 'closed';
  mergedAt: string | null;
  mergeCommitSha: string | null;
  /** Commit shas in the pull request, oldest first. */
  commits: string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  reviews: ReviewRecord[];
}

export interface ApprovalRecord {
  user: UserRecord;
  environment: string;
  state: 'approved' | 'rejected';
  comment: string;
  at: string;
}

/** What one attempt of a workflow run ran on: GitHub reports these per attempt (`/runs/{id}/attempts/{n}`). */
export interface WorkflowRunAttemptRecord {
  attempt: number;
  headSha: string;
  headBranch: string;
  event: string;
  actor: UserRecord;
  /** The repository the head commit came from: the run's own repository, or a fork for a fork's pull request. */
  headRepo: RepoRecord;
  startedAt: string;
}

/** A workflow run; its top-level fields are those of its latest attempt. */
export interface WorkflowRunRecord {
  id: number;
  attempt: number;
  headSha: string;
  headBranch: string;
  event: string;
  actor: UserRecord;
  headRepo: RepoRecord;
  createdAt: string;
  updatedAt: string;
  approvals: ApprovalRecord[];
  /** Every attempt registered so far, by attempt number. */
  attempts: Map<number, WorkflowRunAttemptRecord>;
}

export interface DeploymentStatusRecord {
  id: number;
  state: DeploymentState;
  description: string;
  environment: string;
  environmentUrl: string;
  logUrl: string;
  creator: UserRecord;
  createdAt: string;
}

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  payload: unknown;
  description: string;
  transientEnvironment: boolean;
  productionEnvironment: boolean;
  creator: UserRecord;
  createdAt: string;
  updatedAt: string;
  statuses: DeploymentStatusRecord[];
}

export interface IssueCommentRecord {
  id: number;
  issueNumber: number;
  body: string;
  user: UserRecord;
  createdAt: string;
  updatedAt: string;
}

export interface RulesetRecord {
  id: number;
  name: string;
  enforcement: 'active' | 'evaluate' | 'disabled';
  /** Ref-name conditions: fnmatch patterns on branch names, `~DEFAULT_BRANCH` or `~ALL`. */
  include: string[];
  exclude: string[];
  rules: Array<{ type: string; parameters?: Record<string, unknown> }>;
}

export interface RepoRecord {
  owner: string;
  name: string;
  id: number;
  defaultBranch: string;
  visibility: 'public' | 'private';
  /** A fork of `parent` (GitHub's `fork: true`). */
  fork: boolean;
  /**
   * Whether the caller's token may read administration data (classic branch protection). The
   * workflow's GITHUB_TOKEN never can: GitHub answers 403 "Resource not accessible by integration".
   * Undefined means it can.
   */
  administrationRead?: boolean;
  parent?: RepoRecord;
  createdAt: string;
  branches: Map<string, BranchRecord>;
  /** Direct repository roles, keyed by lower-cased login. */
  permissions: Map<string, RepoPermission>;
  pulls: Map<number, PullRequestRecord>;
  runs: Map<number, WorkflowRunRecord>;
  deployments: DeploymentRecord[];
  comments: IssueCommentRecord[];
  rulesets: RulesetRecord[];
}

/** One committed (or still being staged) block blob, addressed by its URL path. */
export interface BlobRecord {
  blocks: Map<string, Buffer>;
  committed: Buffer | undefined;
  contentType: string;
  etag: string;
  lastModified: Date;
}

export interface ArtifactRecord {
  id: number;
  repo: RepoRecord;
  runId: number;
  attempt: number;
  runBackendId: string;
  jobBackendId: string;
  name: string;
  mimeType: string;
  blobPath: string;
  size: number;
  /** `sha256:<hex>` as declared by FinalizeArtifact. */
  digest: string | null;
  finalized: boolean;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
  expiresAt: string;
}

/** The run a runtime token (ACTIONS_RUNTIME_TOKEN) was minted for. */
export interface RunIdentity {
  repo: RepoRecord;
  runId: number;
  attempt: number;
  jobId: string;
  runBackendId: string;
  jobBackendId: string;
}

const idBases = {
  repo: 700_000_000, user: 1_000_000, pull: 1_800_000_000, review: 2_000_000_000,
  deployment: 3_000_000_000, ruleset: 4_200_000, deploymentStatus: 3_500_000_000, comment: 2_500_000_000, artifact: 4_000_000,
} as const;

/** Everything the emulator knows, shared by the REST, results-service and blob surfaces. */
export class EmulatorState {
  readonly repos = new Map<string, RepoRecord>();
  readonly users = new Map<string, UserRecord>();
  /** Team members by `org/slug` (lower-cased), each with a team role. */
  readonly teams = new Map<string, Map<string, 'member' | 'maintainer'>>();
  readonly artifacts = new Map<number, ArtifactRecord>();
  readonly blobs = new Map<string, BlobRecord>();
  readonly runIdentities = new Map<string, RunIdentity>();
  private readonly counters = new Map<keyof typeof idBases, number>();

  constructor(readonly clock: () => Date) {}

  /** GitHub's timestamp form: ISO 8601 in UTC without milliseconds. */
  timestamp(offsetMs = 0): string {
    return new Date(this.clock().getTime() + offsetMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  nextId(kind: keyof typeof idBases): number {
    const next = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, next);
    return idBases[kind] + next;
  }

  /** Registers a login the first time it is seen; logins ending in `[bot]` default to Bot. */
  user(login: string, type?: UserType): UserRecord {
    const key = login.toLowerCase();
    const known = this.users.get(key);
    if (known) {
      if (type) known.type = type;
      return known;
    }
    const record: UserRecord = login === actionsBot.login
      ? { ...actionsBot }
      : { login, id: this.nextId('user'), type: type ?? (login.endsWith('[bot]') ? 'Bot' : 'User') };
    this.users.set(key, record);
    return record;
  }

  findUser(login: string): UserRecord | undefined {
    return this.users.get(login.toLowerCase());
  }

  findRepo(owner: string, name: string): RepoRecord | undefined {
    return this.repos.get(repoKey(owner, name));
  }

  teamMembers(org: string, slug: string): Map<string, 'member' | 'maintainer'> | undefined {
    return this.teams.get(`${org}/${slug}`.toLowerCase());
  }

  /** True when `org` has teams, i.e. the emulator treats it as an organization rather than a user account. */
  isOrganization(login: string): boolean {
    const prefix = `${login.toLowerCase()}/`;
    return [...this.teams.keys()].some((key) => key.startsWith(prefix));
  }

  isOrgMember(org: string, login: string): boolean {
    const prefix = `${org.toLowerCase()}/`;
    return [...this.teams.entries()].some(([key, members]) => key.startsWith(prefix) && members.has(login.toLowerCase()));
  }

  /** The role a user effectively holds on a repository (owner account → admin). */
  roleOf(repo: RepoRecord, login: string): RepoPermission {
    if (login.toLowerCase() === repo.owner.toLowerCase()) return 'admin';
    return repo.permissions.get(login.toLowerCase()) ?? 'none';
  }

  /** GitHub's `author_association` for a user's activity on a repository. */
  authorAssociation(repo: RepoRecord, login: string): string {
    if (login.toLowerCase() === repo.owner.toLowerCase()) return 'OWNER';
    if (this.isOrgMember(repo.owner, login)) return 'MEMBER';
    if (this.roleOf(repo, login) !== 'none') return 'COLLABORATOR';
    return 'NONE';
  }

  /** Artifact bytes as they sit in blob storage now (tampering included). */
  artifactBytes(artifact: ArtifactRecord): Buffer {
    return this.blobs.get(artifact.blobPath)?.committed ?? Buffer.alloc(0);
  }

  isExpired(artifact: ArtifactRecord): boolean {
    return Date.parse(artifact.expiresAt) <= this.clock().getTime();
  }
}

/** Map key of a repository; GitHub names are case-insensitive. */
export function repoKey(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

/** A stable, realistic-looking 40-hex sha for things the tests did not name. */
export function syntheticSha(seed: string): string {
  return createHash('sha1').update(seed).digest('hex');
}
