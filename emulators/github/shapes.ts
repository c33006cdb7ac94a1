// REST representations in the shapes of GitHub's OpenAPI description (components/schemas in
// @octokit/openapi-types 29: simple-user, full-repository, branch-with-protection,
// protected-branch, pull-request, pull-request-simple, pull-request-review, commit,
// repository-collaborator-permission, team-membership, minimal-repository, workflow-run, environment-approvals,
// deployment, deployment-status, issue-comment, artifact). Fields the gate cannot observe are
// filled with plausible constants rather than left out, so clients that read them do not crash.
import type {
  ApprovalRecord, ArtifactRecord, BranchRecord, DeploymentRecord, DeploymentStatusRecord, EmulatorState,
  IssueCommentRecord, PullRequestRecord, RepoPermission, RepoRecord, ReviewRecord, UserRecord, WorkflowRunRecord,
} from './state.js';
import { syntheticSha } from './state.js';

export interface Links {
  /** Base of API URLs (the emulator). */
  api: string;
  /** Base of html_url links; github.com because clients compare GITHUB_SERVER_URL against it. */
  html: string;
}

/** A GraphQL-style node id (base64 of `0<len>:<Type><id>`, as GitHub's legacy ids look). */
export function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64');
}

/** `simple-user`. */
export function simpleUser(links: Links, user: UserRecord) {
  const api = `${links.api}/users/${encodeURIComponent(user.login)}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Bot' ? 'Bot' : 'User', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: `${links.html}/${user.type === 'Bot' ? `apps/${user.login.replace(/\[bot\]$/, '')}` : user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

function ownerUser(state: EmulatorState, links: Links, repo: RepoRecord) {
  const type = state.isOrganization(repo.owner) ? 'Organization' : 'User';
  return { ...simpleUser(links, state.user(repo.owner)), type };
}

const legacyPermission: Record<RepoPermission, string> = {
  admin: 'admin', maintain: 'write', write: 'write', triage: 'read', read: 'read', none: 'none',
};
const rank: Record<RepoPermission, number> = { none: 0, read: 1, triage: 2, write: 3, maintain: 4, admin: 5 };

function permissionFlags(role: RepoPermission) {
  return {
    admin: rank[role] >= rank.admin, maintain: rank[role] >= rank.maintain, push: rank[role] >= rank.write,
    triage: rank[role] >= rank.triage, pull: rank[role] >= rank.read,
  };
}

/** `full-repository` (the fields clients read; counters are zero). */
export function repository(state: EmulatorState, links: Links, repo: RepoRecord) {
  const full = `${repo.owner}/${repo.name}`;
  const api = `${links.api}/repos/${full}`;
  return {
    id: repo.id,
    node_id: nodeId('Repository', repo.id),
    name: repo.name,
    full_name: full,
    private: repo.visibility === 'private',
    owner: ownerUser(state, links, repo),
    html_url: `${links.html}/${full}`,
    description: null,
    fork: repo.fork,
    url: api,
    archive_url: `${api}/{archive_format}{/ref}`,
    branches_url: `${api}/branches{/branch}`,
    collaborators_url: `${api}/collaborators{/collaborator}`,
    comments_url: `${api}/comments{/number}`,
    commits_url: `${api}/commits{/sha}`,
    compare_url: `${api}/compare/{base}...{head}`,
    contents_url: `${api}/contents/{+path}`,
    deployments_url: `${api}/deployments`,
    issue_comment_url: `${api}/issues/comments{/number}`,
    issues_url: `${api}/issues{/number}`,
    pulls_url: `${api}/pulls{/number}`,
    statuses_url: `${api}/statuses/{sha}`,
    teams_url: `${api}/teams`,
    git_url: `git://github.com/${full}.git`,
    ssh_url: `git@github.com:${full}.git`,
    clone_url: `${links.html}/${full}.git`,
    homepage: null,
    size: 0,
    stargazers_count: 0,
    watchers_count: 0,
    language: 'Apex',
    has_issues: true,
    has_projects: true,
    has_downloads: true,
    has_wiki: false,
    has_pages: false,
    has_discussions: false,
    forks_count: 0,
    archived: false,
    disabled: false,
    open_issues_count: [...repo.pulls.values()].filter((p) => p.state === 'open').length,
    license: null,
    allow_forking: true,
    is_template: false,
    web_commit_signoff_required: false,
    topics: [],
    visibility: repo.visibility,
    forks: 0,
    open_issues: [...repo.pulls.values()].filter((p) => p.state === 'open').length,
    watchers: 0,
    default_branch: repo.defaultBranch,
    permissions: permissionFlags('admin'),
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
    pushed_at: state.timestamp(),
    network_count: 0,
    subscribers_count: 0,
  };
}

function commitSummary(links: Links, repo: RepoRecord, sha: string) {
  return { sha, url: `${links.api}/repos/${repo.owner}/${repo.name}/commits/${sha}` };
}

/** `branch-with-protection`. */
export function branch(state: EmulatorState, links: Links, repo: RepoRecord, record: BranchRecord) {
  const api = `${links.api}/repos/${repo.owner}/${repo.name}/branches/${encodeURIComponent(record.name)}`;
  return {
    name: record.name,
    commit: commit(state, links, repo, record.sha, undefined),
    _links: { self: api, html: `${links.html}/${repo.owner}/${repo.name}/tree/${record.name}` },
    protected: record.protected,
    // The summary GitHub returns to callers without admin rights: only the status-check part.
    protection: {
      enabled: record.protected,
      required_status_checks: { enforcement_level: record.protected ? 'non_admins' : 'off', contexts: [], checks: [] },
    },
    protection_url: `${api}/protection`,
  };
}

/** `protected-branch`: required reviews only when the branch requires approvals. */
export function branchProtection(links: Links, repo: RepoRecord, record: BranchRecord) {
  const url = `${links.api}/repos/${repo.owner}/${repo.name}/branches/${encodeURIComponent(record.name)}/protection`;
  return {
    url,
    ...(record.requiredApprovals !== undefined && {
      required_pull_request_reviews: {
        url: `${url}/required_pull_request_reviews`,
        dismiss_stale_reviews: record.dismissStaleReviews,
        require_code_owner_reviews: false,
        required_approving_review_count: record.requiredApprovals,
        require_last_push_approval: false,
      },
    }),
    required_signatures: { url: `${url}/required_signatures`, enabled: false },
    enforce_admins: { url: `${url}/enforce_admins`, enabled: false },
    required_linear_history: { enabled: false },
    allow_force_pushes: { enabled: false },
    allow_deletions: { enabled: false },
    block_creations: { enabled: false },
    required_conversation_resolution: { enabled: false },
    lock_branch: { enabled: false },
    allow_fork_syncing: { enabled: false },
  };
}

/** `commit`, synthesised from a sha and its parent. */
export function commit(state: EmulatorState, links: Links, repo: RepoRecord, sha: string, parent: string | undefined, author?: UserRecord) {
  const api = `${links.api}/repos/${repo.owner}/${repo.name}`;
  const who = author ?? state.user(repo.owner);
  const signature = { name: who.login, email: `${who.id}+${who.login}@users.noreply.github.com`, date: state.timestamp() };
  return {
    sha,
    node_id: Buffer.from(`C_${sha}`).toString('base64'),
    url: `${api}/commits/${sha}`,
    html_url: `${links.html}/${repo.owner}/${repo.name}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: signature,
      committer: signature,
      message: `Commit ${sha.slice(0, 7)}`,
      tree: { sha: syntheticSha(`tree-${sha}`), url: `${api}/git/trees/${syntheticSha(`tree-${sha}`)}` },
      comment_count: 0,
      verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
    },
    author: simpleUser(links, who),
    committer: simpleUser(links, who),
    parents: parent ? [{ ...commitSummary(links, repo, parent), html_url: `${links.html}/${repo.owner}/${repo.name}/commit/${parent}` }] : [],
  };
}

function prLinks(links: Links, repo: RepoRecord, pr: PullRequestRecord) {
  const api = `${links.api}/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${api}/pulls/${pr.number}`,
    html_url: `${links.html}/${repo.owner}/${repo.name}/pull/${pr.number}`,
    diff_url: `${links.html}/${repo.owner}/${repo.name}/pull/${pr.number}.diff`,
    patch_url: `${links.html}/${repo.owner}/${repo.name}/pull/${pr.number}.patch`,
    issue_url: `${api}/issues/${pr.number}`,
    commits_url: `${api}/pulls/${pr.number}/commits`,
    review_comments_url: `${api}/pulls/${pr.number}/comments`,
    review_comment_url: `${api}/pulls/comments{/number}`,
    comments_url: `${api}/issues/${pr.number}/comments`,
    statuses_url: `${api}/statuses/${pr.headSha}`,
  };
}

/** `pull-request-simple`: the element of list endpoints such as commits/{sha}/pulls. */
export function pullRequestSimple(state: EmulatorState, links: Links, repo: RepoRecord, pr: PullRequestRecord) {
  const urls = prLinks(links, repo, pr);
  const repoShape = repository(state, links, repo);
  const base = repo.branches.get(pr.baseRef);
  return {
    ...urls,
    id: pr.id,
    node_id: nodeId('PullRequest', pr.id),
    number: pr.number,
    state: pr.state,
    locked: false,
    title: pr.title,
    user: simpleUser(links, pr.author),
    body: null,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: pr.createdAt,
    updated_at: pr.updatedAt,
    closed_at: pr.closedAt,
    merged_at: pr.mergedAt,
    merge_commit_sha: pr.mergeCommitSha,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: { label: `${repo.owner}:${pr.headRef}`, ref: pr.headRef, sha: pr.headSha, user: repoShape.owner, repo: repoShape },
    base: {
      label: `${repo.owner}:${pr.baseRef}`, ref: pr.baseRef, sha: base?.sha ?? syntheticSha(`${pr.baseRef}-base`),
      user: repoShape.owner, repo: repoShape,
    },
    _links: {
      self: { href: urls.url }, html: { href: urls.html_url }, issue: { href: urls.issue_url },
      comments: { href: urls.comments_url }, review_comments: { href: urls.review_comments_url },
      review_comment: { href: urls.review_comment_url }, commits: { href: urls.commits_url },
      statuses: { href: urls.statuses_url },
    },
    author_association: state.authorAssociation(repo, pr.author.login),
    auto_merge: null,
    draft: false,
  };
}

/** `pull-request`: the single-PR representation with merge state and counters. */
export function pullRequest(state: EmulatorState, links: Links, repo: RepoRecord, pr: PullRequestRecord) {
  const merged = pr.mergedAt !== null;
  return {
    ...pullRequestSimple(state, links, repo, pr),
    merged,
    mergeable: merged ? null : true,
    rebaseable: merged ? null : true,
    mergeable_state: merged ? 'unknown' : 'clean',
    merged_by: merged ? simpleUser(links, state.user(repo.owner)) : null,
    comments: repo.comments.filter((c) => c.issueNumber === pr.number).length,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: pr.commits.length,
    additions: 0,
    deletions: 0,
    changed_files: 0,
  };
}

/** `pull-request-review`. */
export function review(state: EmulatorState, links: Links, repo: RepoRecord, pr: PullRequestRecord, record: ReviewRecord) {
  const html = `${links.html}/${repo.owner}/${repo.name}/pull/${pr.number}#pullrequestreview-${record.id}`;
  const prUrl = `${links.api}/repos/${repo.owner}/${repo.name}/pulls/${pr.number}`;
  return {
    id: record.id,
    node_id: nodeId('PullRequestReview', record.id),
    user: simpleUser(links, record.user),
    body: record.body,
    state: record.state,
    html_url: html,
    pull_request_url: prUrl,
    author_association: state.authorAssociation(repo, record.user.login),
    _links: { html: { href: html }, pull_request: { href: prUrl } },
    submitted_at: record.submittedAt,
    commit_id: record.commitId,
  };
}

/** `repository-collaborator-permission`: legacy `permission` plus the actual `role_name`. */
export function collaboratorPermission(state: EmulatorState, links: Links, repo: RepoRecord, user: UserRecord) {
  let role = state.roleOf(repo, user.login);
  // Everyone can read a public repository, and this endpoint says so.
  if (role === 'none' && repo.visibility === 'public') role = 'read';
  return {
    permission: legacyPermission[role],
    role_name: role,
    user: { ...simpleUser(links, user), permissions: permissionFlags(role), role_name: role },
  };
}

/** `team-membership`. */
export function teamMembership(links: Links, org: string, slug: string, login: string, role: 'member' | 'maintainer') {
  return { url: `${links.api}/orgs/${org}/teams/${slug}/memberships/${login}`, role, state: 'active' };
}

/** `workflow-run`, always in progress (it is the run asking). */
/** `minimal-repository` (as a workflow run's `repository` and `head_repository`). */
export function minimalRepository(state: EmulatorState, links: Links, repo: RepoRecord) {
  const full = repository(state, links, repo);
  return {
    id: full.id, node_id: full.node_id, name: full.name, full_name: full.full_name, private: full.private,
    owner: full.owner, html_url: full.html_url, description: full.description, fork: full.fork, url: full.url,
    archive_url: full.archive_url, branches_url: full.branches_url, collaborators_url: full.collaborators_url,
    comments_url: full.comments_url, commits_url: full.commits_url, compare_url: full.compare_url,
    contents_url: full.contents_url, deployments_url: full.deployments_url, issues_url: full.issues_url,
    pulls_url: full.pulls_url, statuses_url: full.statuses_url, git_url: full.git_url, ssh_url: full.ssh_url,
    clone_url: full.clone_url,
  };
}

/**
 * `workflow-run`: the run as its latest attempt sees it, or one attempt of it
 * (`GET /runs/{id}/attempts/{n}` answers the same schema). `pull_requests` lists the open pull
 * requests of this repository whose head is the run's commit, for pull-request events from this
 * repository; GitHub leaves it empty for a fork's pull request.
 */
export function workflowRun(state: EmulatorState, links: Links, repo: RepoRecord, run: WorkflowRunRecord, attemptNumber?: number) {
  const attempt = run.attempts.get(attemptNumber ?? run.attempt) ?? run;
  const number = attemptNumber ?? run.attempt;
  const api = `${links.api}/repos/${repo.owner}/${repo.name}/actions/runs/${run.id}`;
  const headRepo = attempt.headRepo;
  const pullRequests = attempt.event.startsWith('pull_request') && headRepo === repo
    ? [...repo.pulls.values()].filter((pr) => pr.state === 'open' && pr.headSha === attempt.headSha).map((pr) => ({
      id: pr.id,
      number: pr.number,
      url: `${links.api}/repos/${repo.owner}/${repo.name}/pulls/${pr.number}`,
      head: { ref: pr.headRef, sha: pr.headSha, repo: { id: repo.id, url: `${links.api}/repos/${repo.owner}/${repo.name}`, name: repo.name } },
      base: { ref: pr.baseRef, sha: repo.branches.get(pr.baseRef)?.sha ?? syntheticSha(`${pr.baseRef}@${repo.name}`), repo: { id: repo.id, url: `${links.api}/repos/${repo.owner}/${repo.name}`, name: repo.name } },
    }))
    : [];
  return {
    id: run.id,
    name: 'Salesforce gated deploy',
    node_id: nodeId('WorkflowRun', run.id),
    check_suite_id: run.id + 1,
    check_suite_node_id: nodeId('CheckSuite', run.id + 1),
    head_branch: attempt.headBranch,
    head_sha: attempt.headSha,
    path: '.github/workflows/deploy.yml',
    display_title: `Deploy ${attempt.headSha.slice(0, 7)}`,
    run_number: run.id % 10_000,
    run_attempt: number,
    referenced_workflows: [],
    event: attempt.event,
    status: number < run.attempt ? 'completed' : 'in_progress',
    conclusion: number < run.attempt ? 'failure' : null,
    workflow_id: 1001,
    url: api,
    html_url: `${links.html}/${repo.owner}/${repo.name}/actions/runs/${run.id}`,
    pull_requests: pullRequests,
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    run_started_at: 'startedAt' in attempt ? attempt.startedAt : run.updatedAt,
    actor: simpleUser(links, attempt.actor),
    triggering_actor: simpleUser(links, attempt.actor),
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${links.api}/repos/${repo.owner}/${repo.name}/check-suites/${run.id + 1}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: number > 1 ? `${api}/attempts/${number - 1}` : null,
    workflow_url: `${links.api}/repos/${repo.owner}/${repo.name}/actions/workflows/1001`,
    head_commit: {
      id: attempt.headSha, tree_id: syntheticSha(`tree-${attempt.headSha}`), message: `Commit ${attempt.headSha.slice(0, 7)}`,
      timestamp: run.createdAt, author: { name: attempt.actor.login, email: `${attempt.actor.login}@users.noreply.github.com` },
      committer: { name: attempt.actor.login, email: `${attempt.actor.login}@users.noreply.github.com` },
    },
    repository: minimalRepository(state, links, repo),
    head_repository: minimalRepository(state, links, headRepo),
    head_repository_id: headRepo.id,
  };
}

/** `environment-approvals`: one required-reviewer decision. */
export function environmentApproval(links: Links, repo: RepoRecord, approval: ApprovalRecord, environmentId: number) {
  return {
    environments: [{
      id: environmentId,
      node_id: nodeId('Environment', environmentId),
      name: approval.environment,
      url: `${links.api}/repos/${repo.owner}/${repo.name}/environments/${encodeURIComponent(approval.environment)}`,
      html_url: `${links.html}/${repo.owner}/${repo.name}/deployments/activity_log?environments_filter=${encodeURIComponent(approval.environment)}`,
      created_at: repo.createdAt,
      updated_at: repo.createdAt,
    }],
    state: approval.state,
    user: simpleUser(links, approval.user),
    comment: approval.comment,
  };
}

/** `deployment`. */
export function deployment(links: Links, repo: RepoRecord, record: DeploymentRecord) {
  const api = `${links.api}/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${api}/deployments/${record.id}`,
    id: record.id,
    node_id: nodeId('Deployment', record.id),
    task: record.task,
    original_environment: record.environment,
    environment: record.environment,
    description: record.description,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    statuses_url: `${api}/deployments/${record.id}/statuses`,
    repository_url: api,
    creator: simpleUser(links, record.creator),
    sha: record.sha,
    ref: record.ref,
    payload: record.payload,
    transient_environment: record.transientEnvironment,
    production_environment: record.productionEnvironment,
    performed_via_github_app: null,
  };
}

/** `deployment-status`; `target_url` mirrors `log_url` as GitHub does. */
export function deploymentStatus(links: Links, repo: RepoRecord, record: DeploymentRecord, status: DeploymentStatusRecord) {
  const api = `${links.api}/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${api}/deployments/${record.id}/statuses/${status.id}`,
    id: status.id,
    node_id: nodeId('DeploymentStatus', status.id),
    state: status.state,
    creator: simpleUser(links, status.creator),
    description: status.description,
    environment: status.environment,
    target_url: status.logUrl,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    deployment_url: `${api}/deployments/${record.id}`,
    repository_url: api,
    environment_url: status.environmentUrl,
    log_url: status.logUrl,
    performed_via_github_app: null,
  };
}

/** `issue-comment`. */
export function issueComment(state: EmulatorState, links: Links, repo: RepoRecord, comment: IssueCommentRecord) {
  const api = `${links.api}/repos/${repo.owner}/${repo.name}`;
  return {
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `${links.html}/${repo.owner}/${repo.name}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    id: comment.id,
    node_id: nodeId('IssueComment', comment.id),
    user: simpleUser(links, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: state.authorAssociation(repo, comment.user.login),
    body: comment.body,
    reactions: {
      url: `${api}/issues/comments/${comment.id}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0,
      hooray: 0, confused: 0, heart: 0, rocket: 0, eyes: 0,
    },
    performed_via_github_app: null,
  };
}

/** `artifact` with its `workflow_run` summary. */
export function artifact(state: EmulatorState, links: Links, record: ArtifactRecord) {
  const repo = record.repo;
  const api = `${links.api}/repos/${repo.owner}/${repo.name}/actions/artifacts/${record.id}`;
  // GitHub records the run that uploaded the artifact; the head is that attempt's (a fork's for a fork's pull request).
  const run = repo.runs.get(record.runId);
  const attempt = run?.attempts.get(record.attempt) ?? run;
  return {
    id: record.id,
    node_id: nodeId('MigrationArtifact', record.id),
    name: record.name,
    size_in_bytes: record.size,
    url: api,
    archive_download_url: `${api}/zip`,
    expired: state.isExpired(record),
    digest: record.digest,
    created_at: record.createdAt,
    updated_at: record.updatedAt,
    expires_at: record.expiresAt,
    workflow_run: {
      id: record.runId,
      repository_id: repo.id,
      head_repository_id: attempt?.headRepo.id ?? repo.id,
      head_branch: attempt?.headBranch ?? repo.defaultBranch,
      head_sha: attempt?.headSha ?? syntheticSha(`run-${record.runId}`),
    },
  };
}
