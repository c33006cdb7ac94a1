// The REST API surface (api.github.com): token check, rate-limit and request-id headers,
// page/per_page pagination with Link headers, and the endpoints the gate calls.
import { randomBytes } from 'node:crypto';
import {
  jsonBody, ReplyError, type Reply, type RequestContext, type Route, type Surface,
} from './server.js';
import * as shape from './shapes.js';
import {
  actionsBot, deploymentStates, type ArtifactRecord, type DeploymentRecord, type DeploymentState, type DeploymentStatusRecord,
  type EmulatorState, type RepoRecord,
} from './state.js';

const docs = 'https://docs.github.com/rest';

type StatusFields = Pick<DeploymentStatusRecord, 'state' | 'description' | 'environment' | 'environmentUrl' | 'logUrl'>;
const rateLimit = 5000;

export interface RestOptions {
  state: EmulatorState;
  links: shape.Links;
  /** Accepted GITHUB_TOKEN values. */
  tokens: readonly string[];
  /** A short-lived, signed blob URL for an artifact's zip (what the 302 points at). */
  signedDownloadUrl(artifact: ArtifactRecord): string;
}

/** GitHub's error body: message, documentation_url and the status as a string. */
export function githubError(status: number, message: string, extra?: Record<string, unknown>): Reply {
  return { status, body: { message, ...extra, documentation_url: docs, status: String(status) } };
}

function fail(status: number, message: string, extra?: Record<string, unknown>): never {
  throw new ReplyError(githubError(status, message, extra));
}

function validationFailed(resource: string, field: string, message: string): never {
  fail(422, 'Validation Failed', { errors: [{ resource, code: 'custom', field, message }] });
}

/** The REST routes, authenticated against the accepted tokens. */
export function restSurface(options: RestOptions): Surface {
  const { state, links } = options;
  let used = 0;
  const resetAt = Math.floor(state.clock().getTime() / 1000) + 3600;

  const authenticated = (handler: (ctx: RequestContext) => Reply) => (ctx: RequestContext): Reply => {
    const header = ctx.headers.authorization;
    if (!header) fail(401, 'Requires authentication');
    const [scheme, token] = header.split(/\s+/, 2);
    if (!/^(token|bearer)$/i.test(scheme ?? '') || !token || !options.tokens.includes(token)) fail(401, 'Bad credentials');
    return handler(ctx);
  };

  const repoOf = (ctx: RequestContext): RepoRecord =>
    state.findRepo(ctx.params.owner!, ctx.params.repo!) ?? fail(404, 'Not Found');

  const route = (method: string, pattern: string, kind: string, handler: (ctx: RequestContext) => Reply): Route =>
    ({ method, pattern, kind, handle: authenticated(handler) });

  const paged = <T>(ctx: RequestContext, items: T[], wrap?: (page: T[]) => unknown): Reply => {
    const { slice, link } = paginate(ctx, items, links.api);
    return { status: 200, headers: link ? { link } : {}, body: wrap ? wrap(slice) : slice };
  };

  const deploymentOf = (ctx: RequestContext, repo: RepoRecord): DeploymentRecord =>
    repo.deployments.find((d) => d.id === Number(ctx.params.deployment_id)) ?? fail(404, 'Not Found');

  const pullOf = (ctx: RequestContext, repo: RepoRecord) =>
    repo.pulls.get(Number(ctx.params.pull_number)) ?? fail(404, 'Not Found');

  const artifactOf = (ctx: RequestContext, repo: RepoRecord): ArtifactRecord => {
    const found = state.artifacts.get(Number(ctx.params.artifact_id));
    if (!found || found.repo !== repo || !found.finalized || found.deleted) fail(404, 'Not Found');
    return found;
  };

  const listedArtifacts = (repo: RepoRecord, keep: (a: ArtifactRecord) => boolean, ctx: RequestContext) => {
    const name = ctx.url.searchParams.get('name');
    return [...state.artifacts.values()]
      .filter((a) => a.repo === repo && a.finalized && !a.deleted && keep(a) && (name === null || a.name === name))
      .sort((a, b) => b.id - a.id);
  };

  const routes: Route[] = [
    route('GET', '/repos/:owner/:repo', 'rest.repos.get', (ctx) =>
      ok(shape.repository(state, links, repoOf(ctx)))),

    route('GET', '/repos/:owner/:repo/branches/:branch', 'rest.repos.getBranch', (ctx) => {
      const repo = repoOf(ctx);
      const branch = repo.branches.get(ctx.params.branch!) ?? fail(404, 'Branch not found');
      return ok(shape.branch(state, links, repo, branch));
    }),

    route('GET', '/repos/:owner/:repo/branches/:branch/protection', 'rest.repos.getBranchProtection', (ctx) => {
      const repo = repoOf(ctx);
      const branch = repo.branches.get(ctx.params.branch!) ?? fail(404, 'Branch not found');
      // docs.github.com "Get branch protection": needs the "Administration" repository permission (read).
      if (repo.administrationRead === false) fail(403, 'Resource not accessible by integration');
      if (!branch.protected) fail(404, 'Branch not protected');
      return ok(shape.branchProtection(links, repo, branch));
    }),

    route('GET', '/repos/:owner/:repo/rules/branches/:branch', 'rest.repos.getBranchRules', (ctx) => {
      const repo = repoOf(ctx);
      const branch = ctx.params.branch!;
      const applies = (pattern: string) => pattern === '~ALL' ||
        (pattern === '~DEFAULT_BRANCH' ? branch === repo.defaultBranch : branchPattern(pattern).test(branch));
      const rules = repo.rulesets
        .filter((rs) => rs.enforcement === 'active' && rs.include.some(applies) && !rs.exclude.some(applies))
        .flatMap((rs) => rs.rules.map((rule) => ({
          ...rule, ruleset_source_type: 'Repository', ruleset_source: `${repo.owner}/${repo.name}`, ruleset_id: rs.id,
        })));
      return paged(ctx, rules);
    }),

    route('GET', '/repos/:owner/:repo/commits/:commit_sha/pulls', 'rest.repos.listPullRequestsAssociatedWithCommit', (ctx) => {
      const repo = repoOf(ctx);
      const sha = ctx.params.commit_sha!;
      // Merged pull requests that brought the commit in; otherwise open ones that contain it.
      const associated = [...repo.pulls.values()].filter((pr) => {
        const contains = pr.headSha === sha || pr.commits.includes(sha);
        if (pr.mergedAt) return pr.mergeCommitSha === sha || contains;
        return pr.state === 'open' && contains;
      });
      return paged(ctx, associated.map((pr) => shape.pullRequestSimple(state, links, repo, pr)));
    }),

    route('GET', '/repos/:owner/:repo/pulls/:pull_number', 'rest.pulls.get', (ctx) => {
      const repo = repoOf(ctx);
      return ok(shape.pullRequest(state, links, repo, pullOf(ctx, repo)));
    }),

    route('GET', '/repos/:owner/:repo/pulls/:pull_number/reviews', 'rest.pulls.listReviews', (ctx) => {
      const repo = repoOf(ctx);
      const pr = pullOf(ctx, repo);
      return paged(ctx, pr.reviews.map((r) => shape.review(state, links, repo, pr, r)));
    }),

    route('GET', '/repos/:owner/:repo/pulls/:pull_number/reviews/:review_id', 'rest.pulls.getReview', (ctx) => {
      const repo = repoOf(ctx);
      const pr = pullOf(ctx, repo);
      const found = pr.reviews.find((r) => r.id === Number(ctx.params.review_id)) ?? fail(404, 'Not Found');
      return ok(shape.review(state, links, repo, pr, found));
    }),

    route('GET', '/repos/:owner/:repo/pulls/:pull_number/commits', 'rest.pulls.listCommits', (ctx) => {
      const repo = repoOf(ctx);
      const pr = pullOf(ctx, repo);
      // GitHub caps this list at 250 commits.
      const commits = pr.commits.slice(0, 250).map((sha, i) => shape.commit(state, links, repo, sha, pr.commits[i - 1], pr.author));
      return paged(ctx, commits);
    }),

    route('GET', '/repos/:owner/:repo/collaborators/:username/permission', 'rest.repos.getCollaboratorPermissionLevel', (ctx) => {
      const repo = repoOf(ctx);
      const user = state.findUser(ctx.params.username!) ?? fail(404, 'Not Found');
      return ok(shape.collaboratorPermission(state, links, repo, user));
    }),

    route('GET', '/orgs/:org/teams/:team_slug/memberships/:username', 'rest.teams.getMembershipForUserInOrg', (ctx) => {
      const { org, team_slug: slug, username } = ctx.params as Record<string, string>;
      const role = state.teamMembers(org, slug)?.get(username.toLowerCase()) ?? fail(404, 'Not Found');
      return ok(shape.teamMembership(links, org, slug, state.findUser(username)?.login ?? username, role));
    }),

    route('GET', '/repos/:owner/:repo/actions/runs', 'rest.actions.listWorkflowRunsForRepo', (ctx) => {
      const repo = repoOf(ctx);
      const q = ctx.url.searchParams;
      // The filters GitHub documents for this list; each applies to the run's latest attempt.
      const shaped = [...repo.runs.values()].sort((a, b) => b.id - a.id).map((run) => shape.workflowRun(state, links, repo, run));
      const matching = shaped.filter((r) =>
        (!q.get('head_sha') || r.head_sha === q.get('head_sha')) && (!q.get('event') || r.event === q.get('event')) &&
        (!q.get('branch') || r.head_branch === q.get('branch')) && (!q.get('actor') || r.actor.login.toLowerCase() === q.get('actor')!.toLowerCase()) &&
        (!q.get('status') || r.status === q.get('status') || r.conclusion === q.get('status')));
      const listed = q.get('exclude_pull_requests') === 'true' ? matching.map((r) => ({ ...r, pull_requests: [] })) : matching;
      return paged(ctx, listed, (page) => ({ total_count: listed.length, workflow_runs: page }));
    }),

    route('GET', '/repos/:owner/:repo/actions/runs/:run_id', 'rest.actions.getWorkflowRun', (ctx) => {
      const repo = repoOf(ctx);
      const run = repo.runs.get(Number(ctx.params.run_id)) ?? fail(404, 'Not Found');
      return ok(shape.workflowRun(state, links, repo, run));
    }),

    route('GET', '/repos/:owner/:repo/actions/runs/:run_id/attempts/:attempt_number', 'rest.actions.getWorkflowRunAttempt', (ctx) => {
      const repo = repoOf(ctx);
      const run = repo.runs.get(Number(ctx.params.run_id)) ?? fail(404, 'Not Found');
      const attempt = Number(ctx.params.attempt_number);
      if (!run.attempts.has(attempt)) fail(404, 'Not Found');
      return ok(shape.workflowRun(state, links, repo, run, attempt));
    }),

    route('GET', '/repos/:owner/:repo/actions/runs/:run_id/approvals', 'rest.actions.getReviewsForRun', (ctx) => {
      const repo = repoOf(ctx);
      const run = repo.runs.get(Number(ctx.params.run_id)) ?? fail(404, 'Not Found');
      const environmentIds = new Map<string, number>();
      const idFor = (name: string) => environmentIds.get(name) ?? environmentIds.set(name, 56_780_000 + environmentIds.size + 1).get(name)!;
      return ok(run.approvals.map((a) => shape.environmentApproval(links, repo, a, idFor(a.environment))));
    }),

    route('POST', '/repos/:owner/:repo/deployments', 'rest.repos.createDeployment', (ctx) => {
      const repo = repoOf(ctx);
      const input = jsonBody<Record<string, unknown>>(ctx, (m) => githubError(400, m));
      if (typeof input.ref !== 'string' || input.ref === '') fail(422, 'Invalid request.\n\n"ref" wasn\'t supplied.');
      const sha = resolveRef(repo, input.ref) ?? fail(422, `No ref found for: ${input.ref}`);
      const environment = typeof input.environment === 'string' ? input.environment : 'production';
      const now = state.timestamp();
      const record: DeploymentRecord = {
        id: state.nextId('deployment'),
        sha,
        ref: input.ref,
        task: typeof input.task === 'string' ? input.task : 'deploy',
        environment,
        payload: input.payload ?? {},
        description: typeof input.description === 'string' ? input.description : '',
        transientEnvironment: input.transient_environment === true,
        productionEnvironment: typeof input.production_environment === 'boolean' ? input.production_environment : environment === 'production',
        creator: state.user(actionsBot.login),
        createdAt: now,
        updatedAt: now,
        statuses: [],
      };
      repo.deployments.push(record);
      ctx.detail = `deployment ${record.id} ${environment}@${sha.slice(0, 7)}`;
      return { status: 201, body: shape.deployment(links, repo, record) };
    }),

    route('GET', '/repos/:owner/:repo/deployments', 'rest.repos.listDeployments', (ctx) => {
      const repo = repoOf(ctx);
      const q = ctx.url.searchParams;
      const matching = repo.deployments.filter((d) =>
        (!q.get('sha') || d.sha === q.get('sha')) && (!q.get('ref') || d.ref === q.get('ref')) &&
        (!q.get('task') || d.task === q.get('task')) && (!q.get('environment') || d.environment === q.get('environment')));
      return paged(ctx, [...matching].reverse().map((d) => shape.deployment(links, repo, d)));
    }),

    route('GET', '/repos/:owner/:repo/deployments/:deployment_id', 'rest.repos.getDeployment', (ctx) => {
      const repo = repoOf(ctx);
      return ok(shape.deployment(links, repo, deploymentOf(ctx, repo)));
    }),

    route('POST', '/repos/:owner/:repo/deployments/:deployment_id/statuses', 'rest.repos.createDeploymentStatus', (ctx) => {
      const repo = repoOf(ctx);
      const record = deploymentOf(ctx, repo);
      const input = jsonBody<Record<string, unknown>>(ctx, (m) => githubError(400, m));
      if (typeof input.state !== 'string' || !deploymentStates.includes(input.state as DeploymentState)) {
        validationFailed('DeploymentStatus', 'state', `state is not included in the list`);
      }
      const description = typeof input.description === 'string' ? input.description : '';
      if (description.length > 140) validationFailed('DeploymentStatus', 'description', 'description is too long (maximum is 140 characters)');
      const status = addStatus(record, {
        state: input.state as DeploymentState,
        description,
        environment: typeof input.environment === 'string' ? input.environment : (record.statuses.at(-1)?.environment ?? record.environment),
        environmentUrl: typeof input.environment_url === 'string' ? input.environment_url : '',
        logUrl: typeof input.log_url === 'string' ? input.log_url : (typeof input.target_url === 'string' ? input.target_url : ''),
      });
      if (status.state === 'success' && input.auto_inactive !== false) inactivatePrior(repo, record, status.environment);
      ctx.detail = `deployment ${record.id} → ${status.state}`;
      const body = shape.deploymentStatus(links, repo, record, status);
      return { status: 201, headers: { location: body.url }, body };
    }),

    route('GET', '/repos/:owner/:repo/deployments/:deployment_id/statuses', 'rest.repos.listDeploymentStatuses', (ctx) => {
      const repo = repoOf(ctx);
      const record = deploymentOf(ctx, repo);
      return paged(ctx, [...record.statuses].reverse().map((s) => shape.deploymentStatus(links, repo, record, s)));
    }),

    route('GET', '/repos/:owner/:repo/issues/:issue_number/comments', 'rest.issues.listComments', (ctx) => {
      const repo = repoOf(ctx);
      const number = issueNumberOf(repo, ctx);
      return paged(ctx, repo.comments.filter((c) => c.issueNumber === number).map((c) => shape.issueComment(state, links, repo, c)));
    }),

    route('POST', '/repos/:owner/:repo/issues/:issue_number/comments', 'rest.issues.createComment', (ctx) => {
      const repo = repoOf(ctx);
      const number = issueNumberOf(repo, ctx);
      const body = commentBody(ctx);
      const now = state.timestamp();
      const comment = { id: state.nextId('comment'), issueNumber: number, body, user: state.user(actionsBot.login), createdAt: now, updatedAt: now };
      repo.comments.push(comment);
      const representation = shape.issueComment(state, links, repo, comment);
      return { status: 201, headers: { location: representation.url }, body: representation };
    }),

    route('GET', '/repos/:owner/:repo/issues/comments/:comment_id', 'rest.issues.getComment', (ctx) => {
      const repo = repoOf(ctx);
      const comment = repo.comments.find((c) => c.id === Number(ctx.params.comment_id)) ?? fail(404, 'Not Found');
      return ok(shape.issueComment(state, links, repo, comment));
    }),

    route('PATCH', '/repos/:owner/:repo/issues/comments/:comment_id', 'rest.issues.updateComment', (ctx) => {
      const repo = repoOf(ctx);
      const comment = repo.comments.find((c) => c.id === Number(ctx.params.comment_id)) ?? fail(404, 'Not Found');
      comment.body = commentBody(ctx);
      comment.updatedAt = state.timestamp();
      return ok(shape.issueComment(state, links, repo, comment));
    }),

    route('GET', '/repos/:owner/:repo/actions/runs/:run_id/artifacts', 'rest.actions.listWorkflowRunArtifacts', (ctx) => {
      const repo = repoOf(ctx);
      const runId = Number(ctx.params.run_id);
      if (!repo.runs.has(runId)) fail(404, 'Not Found');
      const found = listedArtifacts(repo, (a) => a.runId === runId, ctx);
      return paged(ctx, found.map((a) => shape.artifact(state, links, a)), (page) => ({ total_count: found.length, artifacts: page }));
    }),

    route('GET', '/repos/:owner/:repo/actions/artifacts', 'rest.actions.listArtifactsForRepo', (ctx) => {
      const repo = repoOf(ctx);
      const found = listedArtifacts(repo, () => true, ctx);
      return paged(ctx, found.map((a) => shape.artifact(state, links, a)), (page) => ({ total_count: found.length, artifacts: page }));
    }),

    route('GET', '/repos/:owner/:repo/actions/artifacts/:artifact_id', 'rest.actions.getArtifact', (ctx) => {
      const repo = repoOf(ctx);
      return ok(shape.artifact(state, links, artifactOf(ctx, repo)));
    }),

    route('GET', '/repos/:owner/:repo/actions/artifacts/:artifact_id/:archive_format', 'rest.actions.downloadArtifact', (ctx) => {
      const repo = repoOf(ctx);
      const found = artifactOf(ctx, repo);
      if (ctx.params.archive_format !== 'zip') fail(404, 'Not Found');
      if (state.isExpired(found)) fail(410, 'Artifact has expired');
      ctx.detail = `artifact ${found.id} ${found.name}`;
      return { status: 302, headers: { location: options.signedDownloadUrl(found) } };
    }),

    route('DELETE', '/repos/:owner/:repo/actions/artifacts/:artifact_id', 'rest.actions.deleteArtifact', (ctx) => {
      const repo = repoOf(ctx);
      artifactOf(ctx, repo).deleted = true;
      return { status: 204 };
    }),
  ];

  function addStatus(record: DeploymentRecord, fields: StatusFields): DeploymentStatusRecord {
    const status = { id: state.nextId('deploymentStatus'), creator: state.user(actionsBot.login), createdAt: state.timestamp(), ...fields };
    record.statuses.push(status);
    record.updatedAt = status.createdAt;
    return status;
  }

  /** auto_inactive: prior successful non-transient, non-production deployments to the same environment go inactive. */
  function inactivatePrior(repo: RepoRecord, current: DeploymentRecord, environment: string): void {
    for (const prior of repo.deployments) {
      if (prior === current || prior.id > current.id || prior.transientEnvironment || prior.productionEnvironment) continue;
      const latest = prior.statuses.at(-1);
      if (latest?.state !== 'success' || latest.environment !== environment) continue;
      addStatus(prior, { state: 'inactive', description: '', environment, environmentUrl: latest.environmentUrl, logUrl: latest.logUrl });
    }
  }

  return {
    name: 'rest',
    owns: () => true,
    routes,
    errorReply: (status, message) =>
      githubError(status, status === 403 ? 'Resource not accessible by integration' : status === 404 ? 'Not Found' : message),
    decorate: (reply) => {
      used += 1;
      return {
        ...reply,
        headers: {
          'x-github-request-id': requestId(),
          'x-github-media-type': 'github.v3; format=json',
          'x-github-api-version-selected': '2022-11-28',
          'x-ratelimit-limit': rateLimit,
          'x-ratelimit-remaining': Math.max(0, rateLimit - used),
          'x-ratelimit-reset': resetAt,
          'x-ratelimit-used': used,
          'x-ratelimit-resource': 'core',
          ...reply.headers,
        },
      };
    },
  };
}

function ok(body: unknown): Reply {
  return { status: 200, body };
}

function resolveRef(repo: RepoRecord, ref: string): string | undefined {
  const branchName = ref.replace(/^refs\/heads\//, '');
  const branch = repo.branches.get(branchName);
  if (branch) return branch.sha;
  return /^[0-9a-f]{40}$/i.test(ref) ? ref.toLowerCase() : undefined;
}

/** Ruleset ref-name matching (fnmatch with path semantics): `*` stays within a segment, `**` crosses them. */
function branchPattern(pattern: string): RegExp {
  const source = pattern.split(/(\*\*|\*|\?)/).map((part) =>
    part === '**' ? '.*' : part === '*' ? '[^/]*' : part === '?' ? '[^/]' : part.replace(/[.+^${}()|[\]\\]/g, '\\$&')).join('');
  return new RegExp(`^${source}$`);
}

function issueNumberOf(repo: RepoRecord, ctx: RequestContext): number {
  const number = Number(ctx.params.issue_number);
  if (!repo.pulls.has(number)) fail(404, 'Not Found');
  return number;
}

function commentBody(ctx: RequestContext): string {
  const input = jsonBody<{ body?: unknown }>(ctx, (m) => githubError(400, m));
  if (typeof input.body !== 'string') fail(422, 'Invalid request.\n\n"body" wasn\'t supplied.');
  if (input.body.length > 65536) validationFailed('IssueComment', 'body', 'Body is too long (maximum is 65536 characters)');
  return input.body;
}

/** GitHub's page/per_page pagination: default 30, at most 100, with first/prev/next/last links. */
export function paginate<T>(ctx: RequestContext, items: T[], apiBase: string): { slice: T[]; link?: string } {
  const perPage = Math.min(100, Math.max(1, Number(ctx.url.searchParams.get('per_page')) || 30));
  const page = Math.max(1, Number(ctx.url.searchParams.get('page')) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const urlFor = (n: number) => {
    const target = new URL(ctx.url.pathname + ctx.url.search, apiBase);
    target.searchParams.set('page', String(n));
    return `<${target.toString()}>`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(`${urlFor(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) parts.push(`${urlFor(page + 1)}; rel="next"`, `${urlFor(last)}; rel="last"`);
  if (page > 1) parts.push(`${urlFor(1)}; rel="first"`);
  return parts.length ? { slice, link: parts.join(', ') } : { slice };
}

function requestId(): string {
  const hex = randomBytes(10).toString('hex').toUpperCase();
  return `${hex.slice(0, 4)}:${hex.slice(4, 8)}:${hex.slice(8, 14)}:${hex.slice(14, 20)}:${Math.floor(Date.now() / 1000).toString(16).toUpperCase()}`;
}
