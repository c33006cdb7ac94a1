// The test-facing handle on one emulated repository: seeds state the way GitHub would hold it and
// reads back what the action wrote (deployments, comments, artifacts).
import type {
  ArtifactRecord, DeploymentState, EmulatorState, RepoPermission, RepoRecord, ReviewState, UserType, WorkflowRunAttemptRecord,
} from './state.js';
import { syntheticSha } from './state.js';

export interface PullRequestSpec {
  number?: number;
  author: string;
  title?: string;
  headSha: string;
  headRef?: string;
  baseRef?: string;
  state?: 'open' | 'closed';
  mergedAt?: string | null;
  mergeCommitSha?: string | null;
  /** Shas in the pull request, oldest first; defaults to `[headSha]`. */
  commits?: string[];
}

export interface ReviewSpec {
  user: string;
  state: ReviewState;
  commitId: string;
  submittedAt?: string;
  userType?: UserType;
  body?: string;
}

/**
 * A workflow run, or one attempt of it. Fields left out are taken from the run's latest attempt
 * (a re-run runs on the same event, branch and commit), else from the default branch.
 */
export interface WorkflowRunSpec {
  id: number;
  /** Default: a new attempt (latest + 1), or 1 for a new run; naming an existing attempt updates it. */
  attempt?: number;
  headSha?: string;
  headBranch?: string;
  event?: string;
  actor?: string;
  /** Where the head commit came from (a fork's pull request runs from the fork); default this repository. */
  headRepository?: { owner: string; repo: string };
}

/** A workflow run attempt as the tests read it back. */
export interface WorkflowRunSnapshot {
  id: number;
  attempt: number;
  event: string;
  headSha: string;
  headBranch: string;
  headRepository: string;
  actor: string;
}

export interface DeploymentReviewSpec {
  user: string;
  environment: string;
  state?: 'approved' | 'rejected';
  comment?: string;
}

export interface RulesetSpec {
  name?: string;
  /** Branches the ruleset targets: names or fnmatch patterns (`release/*`), `~DEFAULT_BRANCH`, `~ALL`. */
  branches: string[];
  exclude?: string[];
  /** Only `active` rulesets show up in a branch's rules. Default 'active'. */
  enforcement?: 'active' | 'evaluate' | 'disabled';
  /** E.g. `{ type: 'pull_request', parameters: { required_approving_review_count: 1 } }`; pull_request parameters not given take GitHub's defaults. */
  rules: Array<{ type: string; parameters?: Record<string, unknown> }>;
}

export interface DeploymentStatusSnapshot {
  id: number;
  state: DeploymentState;
  description: string;
  environment: string;
  environment_url: string;
  log_url: string;
  creator: string;
  created_at: string;
}

export interface DeploymentSnapshot {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  task: string;
  payload: unknown;
  description: string;
  production_environment: boolean;
  transient_environment: boolean;
  creator: string;
  created_at: string;
  /** Oldest first. */
  statuses: DeploymentStatusSnapshot[];
}

export interface CommentSnapshot { id: number; body: string; user: string; created_at: string; updated_at: string }

export interface ArtifactSnapshot {
  id: number;
  name: string;
  runId: number;
  attempt: number;
  size: number;
  finalized: boolean;
  deleted: boolean;
  expired: boolean;
  digest: string | null;
  createdAt: string;
  expiresAt: string;
  /** The zip exactly as blob storage would serve it now. */
  bytes: Buffer;
}

/** Control surface for one repository. */
export interface EmulatedRepo {
  readonly owner: string;
  readonly name: string;
  readonly id: number;
  readonly defaultBranch: string;
  /** Makes a login exist on GitHub without giving it any role here. */
  addUser(login: string, opts?: { type?: UserType }): void;
  /** Gives a user a direct repository role ('none' removes it but keeps the user known). */
  setPermission(login: string, permission: RepoPermission, opts?: { type?: UserType }): void;
  /** Creates (or replaces) a team in `org` with these members. */
  addTeam(org: string, slug: string, members: string[], opts?: { maintainers?: string[] }): void;
  setBranch(name: string, opts: { sha?: string; protected: boolean; requiredApprovals?: number; dismissStaleReviews?: boolean }): void;
  /** Adds a repository ruleset (protection without the classic `protected` flag); returns its id. */
  addRuleset(ruleset: RulesetSpec): number;
  /** Whether the token may read classic branch protection (administration: read); the workflow token may not (403). */
  setAdministrationRead(allowed: boolean): void;
  /** Returns the pull request number. */
  addPullRequest(pr: PullRequestSpec): number;
  /** Marks the pull request merged; `GET /commits/{mergeCommitSha}/pulls` then returns it. */
  merge(prNumber: number, mergeCommitSha: string, opts?: { mergedAt?: string }): void;
  /** Returns the review id. */
  addReview(prNumber: number, review: ReviewSpec): number;
  dismissReview(prNumber: number, reviewId: number): void;
  /** Adds a run, or a new attempt of an existing run. */
  addWorkflowRun(run: WorkflowRunSpec): void;
  /** Every registered attempt of a run, oldest first. */
  workflowRunAttempts(runId: number): WorkflowRunSnapshot[];
  /** Records a required-reviewer decision on an environment for a run. */
  approveDeploymentReview(runId: number, approval: DeploymentReviewSpec): void;
  deployments(): DeploymentSnapshot[];
  comments(issueNumber: number): CommentSnapshot[];
  /** Artifacts of this repository (optionally of one run), finalized or not, oldest first. */
  artifacts(runId?: number): ArtifactSnapshot[];
  /** Replaces the stored bytes of an artifact, leaving its recorded digest alone (a tampered download). */
  setArtifactBytes(artifactId: number, bytes: Buffer): void;
  /** Moves an artifact past its retention date: REST lists it as expired and the zip download answers 410. */
  expireArtifact(artifactId: number): void;
}

/** The parameters GitHub fills in for a new "Require a pull request before merging" rule. */
const pullRequestRuleDefaults = {
  required_approving_review_count: 0,
  dismiss_stale_reviews_on_push: false,
  require_code_owner_review: false,
  require_last_push_approval: false,
  required_review_thread_resolution: false,
  allowed_merge_methods: ['merge', 'squash', 'rebase'],
};

export class RepoHandle implements EmulatedRepo {
  constructor(private readonly state: EmulatorState, private readonly record: RepoRecord) {}

  get owner(): string { return this.record.owner; }
  get name(): string { return this.record.name; }
  get id(): number { return this.record.id; }
  get defaultBranch(): string { return this.record.defaultBranch; }

  addUser(login: string, opts?: { type?: UserType }): void {
    this.state.user(login, opts?.type);
  }

  setPermission(login: string, permission: RepoPermission, opts?: { type?: UserType }): void {
    this.state.user(login, opts?.type);
    if (permission === 'none') this.record.permissions.delete(login.toLowerCase());
    else this.record.permissions.set(login.toLowerCase(), permission);
  }

  addTeam(org: string, slug: string, members: string[], opts?: { maintainers?: string[] }): void {
    const roster = new Map<string, 'member' | 'maintainer'>();
    for (const login of members) roster.set(this.state.user(login).login.toLowerCase(), 'member');
    for (const login of opts?.maintainers ?? []) roster.set(this.state.user(login).login.toLowerCase(), 'maintainer');
    this.state.teams.set(`${org}/${slug}`.toLowerCase(), roster);
  }

  setBranch(name: string, opts: { sha?: string; protected: boolean; requiredApprovals?: number; dismissStaleReviews?: boolean }): void {
    const existing = this.record.branches.get(name);
    this.record.branches.set(name, {
      name,
      sha: opts.sha ?? existing?.sha ?? syntheticSha(`${this.record.owner}/${this.record.name}@${name}`),
      protected: opts.protected,
      requiredApprovals: opts.requiredApprovals,
      dismissStaleReviews: opts.dismissStaleReviews ?? false,
    });
  }

  setAdministrationRead(allowed: boolean): void {
    this.record.administrationRead = allowed;
  }

  addRuleset(ruleset: RulesetSpec): number {
    const id = this.state.nextId('ruleset');
    this.record.rulesets.push({
      id,
      name: ruleset.name ?? `ruleset-${id}`,
      enforcement: ruleset.enforcement ?? 'active',
      include: ruleset.branches.map((b) => b.replace(/^refs\/heads\//, '')),
      exclude: (ruleset.exclude ?? []).map((b) => b.replace(/^refs\/heads\//, '')),
      rules: ruleset.rules.map((rule) => rule.type === 'pull_request'
        ? { type: rule.type, parameters: { ...pullRequestRuleDefaults, ...rule.parameters } }
        : { ...rule }),
    });
    return id;
  }

  addPullRequest(pr: PullRequestSpec): number {
    const number = pr.number ?? Math.max(0, ...this.record.pulls.keys(), ...this.record.comments.map((c) => c.issueNumber)) + 1;
    if (this.record.pulls.has(number)) throw new Error(`Pull request #${number} already exists in ${this.record.owner}/${this.record.name}.`);
    const now = this.state.timestamp();
    const mergedAt = pr.mergedAt ?? (pr.mergeCommitSha ? now : null);
    const state = pr.state ?? (mergedAt ? 'closed' : 'open');
    this.record.pulls.set(number, {
      number,
      id: this.state.nextId('pull'),
      author: this.state.user(pr.author),
      title: pr.title ?? `Pull request #${number}`,
      headSha: pr.headSha,
      headRef: pr.headRef ?? `feature/pr-${number}`,
      baseRef: pr.baseRef ?? this.record.defaultBranch,
      state,
      mergedAt,
      mergeCommitSha: pr.mergeCommitSha ?? null,
      commits: pr.commits ?? [pr.headSha],
      createdAt: now,
      updatedAt: now,
      closedAt: state === 'closed' ? (mergedAt ?? now) : null,
      reviews: [],
    });
    return number;
  }

  merge(prNumber: number, mergeCommitSha: string, opts?: { mergedAt?: string }): void {
    const pr = this.pull(prNumber);
    const at = opts?.mergedAt ?? this.state.timestamp();
    Object.assign(pr, { state: 'closed', mergedAt: at, closedAt: at, updatedAt: at, mergeCommitSha });
  }

  addReview(prNumber: number, review: ReviewSpec): number {
    const pr = this.pull(prNumber);
    const id = this.state.nextId('review');
    pr.reviews.push({
      id,
      user: this.state.user(review.user, review.userType),
      state: review.state,
      commitId: review.commitId,
      submittedAt: review.submittedAt ?? this.state.timestamp(),
      body: review.body ?? '',
    });
    return id;
  }

  dismissReview(prNumber: number, reviewId: number): void {
    const review = this.pull(prNumber).reviews.find((r) => r.id === reviewId);
    if (!review) throw new Error(`Review ${reviewId} is not on pull request #${prNumber}.`);
    review.state = 'DISMISSED';
  }

  addWorkflowRun(run: WorkflowRunSpec): void {
    const existing = this.record.runs.get(run.id);
    const now = this.state.timestamp();
    const number = run.attempt ?? (existing ? existing.attempt + 1 : 1);
    if (!Number.isInteger(number) || number < 1) throw new Error(`Workflow run attempt must be a positive integer, not ${number}.`);
    // An attempt named again keeps what it had; a new one starts from the latest attempt (a re-run).
    const base = existing?.attempts.get(number) ?? existing;
    const headBranch = run.headBranch ?? base?.headBranch ?? this.record.defaultBranch;
    const headRepo = run.headRepository
      ? this.state.findRepo(run.headRepository.owner, run.headRepository.repo)
        ?? fail(`Repository ${run.headRepository.owner}/${run.headRepository.repo} is not emulated; add it (forkOf) before a run from it.`)
      : base?.headRepo ?? this.record;
    const attempt: WorkflowRunAttemptRecord = {
      attempt: number,
      headSha: run.headSha ?? base?.headSha ?? this.record.branches.get(headBranch)?.sha ?? syntheticSha(`run-${run.id}`),
      headBranch,
      event: run.event ?? base?.event ?? 'push',
      actor: this.state.user(run.actor ?? base?.actor.login ?? this.record.owner),
      headRepo,
      startedAt: existing?.attempts.get(number)?.startedAt ?? now,
    };
    const attempts = existing?.attempts ?? new Map<number, WorkflowRunAttemptRecord>();
    attempts.set(number, attempt);
    // GitHub numbers attempts from 1 without gaps: earlier attempts not registered ran on the same head.
    for (let earlier = 1; earlier < number; earlier++) {
      if (!attempts.has(earlier)) attempts.set(earlier, { ...attempt, attempt: earlier });
    }
    const latest = attempts.get(Math.max(...attempts.keys()))!;
    this.record.runs.set(run.id, {
      id: run.id,
      attempt: latest.attempt,
      headSha: latest.headSha,
      headBranch: latest.headBranch,
      event: latest.event,
      actor: latest.actor,
      headRepo: latest.headRepo,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
      approvals: existing?.approvals ?? [],
      attempts,
    });
  }

  workflowRunAttempts(runId: number): WorkflowRunSnapshot[] {
    const run = this.record.runs.get(runId);
    if (!run) return [];
    return [...run.attempts.values()].sort((a, b) => a.attempt - b.attempt).map((a) => ({
      id: runId, attempt: a.attempt, event: a.event, headSha: a.headSha, headBranch: a.headBranch,
      headRepository: `${a.headRepo.owner}/${a.headRepo.name}`, actor: a.actor.login,
    }));
  }

  approveDeploymentReview(runId: number, approval: DeploymentReviewSpec): void {
    const run = this.record.runs.get(runId);
    if (!run) throw new Error(`Workflow run ${runId} does not exist in ${this.record.owner}/${this.record.name}; call addWorkflowRun first.`);
    run.approvals.push({
      user: this.state.user(approval.user),
      environment: approval.environment,
      state: approval.state ?? 'approved',
      comment: approval.comment ?? '',
      at: this.state.timestamp(),
    });
  }

  deployments(): DeploymentSnapshot[] {
    return this.record.deployments.map((d) => ({
      id: d.id, sha: d.sha, ref: d.ref, environment: d.environment, task: d.task, payload: d.payload,
      description: d.description, production_environment: d.productionEnvironment,
      transient_environment: d.transientEnvironment, creator: d.creator.login, created_at: d.createdAt,
      statuses: d.statuses.map((s) => ({
        id: s.id, state: s.state, description: s.description, environment: s.environment,
        environment_url: s.environmentUrl, log_url: s.logUrl, creator: s.creator.login, created_at: s.createdAt,
      })),
    }));
  }

  comments(issueNumber: number): CommentSnapshot[] {
    return this.record.comments
      .filter((c) => c.issueNumber === issueNumber)
      .map((c) => ({ id: c.id, body: c.body, user: c.user.login, created_at: c.createdAt, updated_at: c.updatedAt }));
  }

  artifacts(runId?: number): ArtifactSnapshot[] {
    return [...this.state.artifacts.values()]
      .filter((a) => a.repo === this.record && (runId === undefined || a.runId === runId))
      .map((a) => ({
        id: a.id, name: a.name, runId: a.runId, attempt: a.attempt, size: a.size, finalized: a.finalized,
        deleted: a.deleted, expired: this.state.isExpired(a), digest: a.digest, createdAt: a.createdAt,
        expiresAt: a.expiresAt, bytes: Buffer.from(this.state.artifactBytes(a)),
      }));
  }

  setArtifactBytes(artifactId: number, bytes: Buffer): void {
    const blob = this.state.blobs.get(this.artifact(artifactId).blobPath);
    if (!blob?.committed) throw new Error(`Artifact ${artifactId} has no committed upload to replace.`);
    blob.committed = Buffer.from(bytes);
    blob.lastModified = this.state.clock();
  }

  expireArtifact(artifactId: number): void {
    this.artifact(artifactId).expiresAt = this.state.timestamp(-1000);
  }

  private pull(prNumber: number) {
    const pr = this.record.pulls.get(prNumber);
    if (!pr) throw new Error(`Pull request #${prNumber} does not exist in ${this.record.owner}/${this.record.name}.`);
    return pr;
  }

  private artifact(artifactId: number): ArtifactRecord {
    const artifact = this.state.artifacts.get(artifactId);
    if (!artifact || artifact.repo !== this.record) throw new Error(`Artifact ${artifactId} does not belong to ${this.record.owner}/${this.record.name}.`);
    return artifact;
  }
}

function fail(message: string): never {
  throw new Error(message);
}
