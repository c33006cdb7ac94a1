import { Inputs } from '../constants.js';
import { Gate, GateError, sanitize } from '../errors.js';
import type { RunContext, Settings } from '../settings.js';
import { describe, httpStatus, type GitHubClient } from './client.js';
import { isPullRequestEvent, pullRequestNumber } from './context.js';

/** What the approvals gate asks for, from the inputs. */
export interface ApprovalPolicy {
  /** Distinct approvers needed (`required-approvals`). */
  required: number;
  /** Logins and `org/team` slugs whose approvals count; empty means anyone with write access. */
  approvers: string[];
  /** Count an approval of an earlier commit than the pull request's head at merge. */
  allowStale: boolean;
}

/** Everything GitHub says about who approved this change, gathered once so the decision is pure. */
export interface ApprovalEvidence {
  /** The pull request merged into this commit (or of this pull-request event); absent when none. */
  pullRequest?: { number: number; author: string; headSha: string; mergeCommitSha?: string; url?: string };
  /** The commit the run deploys, named in messages when there is no pull request. */
  commit?: string;
  /** Every review of the pull request, in any order. */
  reviews: Array<{ id: number; login: string; userType: string; state: string; commitId: string; submittedAt: string }>;
  /** Required-reviewer decisions on this workflow run's deployment (GitHub Environments). */
  deploymentApprovals: Array<{ login: string; userType: string; state: 'approved' | 'rejected'; environments: string[] }>;
  /** Repository role per login: admin, maintain, write, triage, read or none. */
  permissions: Record<string, string>;
  /** Active members, by `org/team` slug, among the people whose approval could count. */
  teamMembers: Record<string, string[]>;
}

/** The approvals gate's decision and the reasons behind it, for the message and the report. */
export interface ApprovalVerdict {
  satisfied: boolean;
  required: number;
  /** Distinct people whose approval counts, each once. */
  counted: Array<{ login: string; source: 'review' | 'deployment review' }>;
  /** People who approved but do not count, and why. */
  notCounted: Array<{ login: string; reason: string }>;
  /** Outstanding requests for changes that block whatever the count. */
  blockers: Array<{ login: string; reason: string }>;
  /** Names the gate's state and what would satisfy it. */
  message: string;
}

const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);
const STANDARD_ROLES = new Set(['admin', 'maintain', 'write', 'triage', 'read', 'none']);

/** Whether a repository role may push (and so its approval can count). */
export function hasWriteAccess(role: string): boolean {
  return WRITE_ROLES.has(role);
}

/** The approvals gate's policy from the settings. */
export function approvalPolicy(settings: Pick<Settings, 'requiredApprovals' | 'approvers' | 'allowStaleApprovals'>): ApprovalPolicy {
  return { required: settings.requiredApprovals, approvers: settings.approvers, allowStale: settings.allowStaleApprovals };
}

/** One line per person the verdict names: `<login>: counted (<source>)`, `… not counted, <reason>`, `… blocks, <reason>`. */
export function describeVerdict(verdict: ApprovalVerdict): string[] {
  return [
    ...verdict.counted.map((c) => `${sanitize(c.login)}: counted (${c.source})`),
    ...verdict.notCounted.map((n) => `${sanitize(n.login)}: not counted, ${n.reason}`),
    ...verdict.blockers.map((b) => `${sanitize(b.login)}: blocks, ${b.reason}`),
  ];
}

/**
 * Gate 4 as a pure decision (SPEC.md "Gates a production deploy must pass", item 4). Per
 * reviewer only the latest APPROVED / CHANGES_REQUESTED review counts, a DISMISSED one erases
 * the opinion; approvals must be of the pull request's head commit unless stale ones are
 * allowed; the author, bots and users without write access never count; an outstanding request
 * for changes blocks when its reviewer has write access (GitHub's rule; a request from anyone
 * else is listed, not counted). Approvals
 * of this run's deployment review for `environment` count too, each person once across both
 * sources.
 */
export function evaluateApprovals(evidence: ApprovalEvidence, policy: ApprovalPolicy, environment: string): ApprovalVerdict {
  const pr = evidence.pullRequest;
  const author = pr?.author.toLowerCase();
  const counted: ApprovalVerdict['counted'] = [];
  const notCounted: ApprovalVerdict['notCounted'] = [];
  const blockers: ApprovalVerdict['blockers'] = [];
  const countedKeys = new Set<string>();
  const role = (login: string): string => lookup(evidence.permissions, login) ?? 'none';
  const hasWrite = (login: string): boolean => hasWriteAccess(role(login));

  /** Why an approval from this login cannot count, apart from staleness; undefined when it can. */
  const ineligible = (login: string, userType: string, source: 'review' | 'deployment review'): string | undefined => {
    if (login.toLowerCase() === author) {
      return source === 'review'
        ? 'author of the pull request'
        : 'author of the pull request: approving the deployment of one’s own change is self-approval';
    }
    if (isBot(login, userType)) return 'bot';
    if (!hasWrite(login)) return role(login) === 'none' ? 'has no write access to the repository' : `has ${role(login)} access only`;
    if (policy.approvers.length > 0 && !isApprover(login, policy.approvers, evidence.teamMembers)) return `not in ${Inputs.Approvers}`;
    return undefined;
  };

  if (pr) {
    for (const review of latestOpinions(evidence.reviews)) {
      const login = review.login;
      if (review.state === 'CHANGES_REQUESTED') {
        // GitHub's rule: a request for changes blocks merging only from someone with write access.
        // Anyone can review a public repository; letting their request block would hand every
        // passer-by a veto over releases.
        if (!hasWrite(login)) {
          notCounted.push({ login, reason: `requested changes, but has ${role(login) === 'none' ? 'no' : `${role(login)}`} access: only a request from someone with write access blocks` });
          continue;
        }
        const who = isBot(login, review.userType) ? ' (a bot with write access: its request blocks too)' : '';
        blockers.push({ login, reason: `requested changes (review ${review.id} on ${short(review.commitId)}) and has not approved since${who}` });
        continue;
      }
      const reason = ineligible(login, review.userType, 'review');
      if (reason) {
        notCounted.push({ login, reason });
      } else if (!policy.allowStale && !sameSha(review.commitId, pr.headSha)) {
        notCounted.push({ login, reason: `stale: approved ${short(review.commitId)}, head is ${short(pr.headSha)}` });
      } else {
        counted.push({ login, source: 'review' });
        countedKeys.add(login.toLowerCase());
      }
    }
  }

  const environmentKey = environment.toLowerCase();
  const deploymentSeen = new Set<string>();
  const decisions = evidence.deploymentApprovals.filter((a) => a.environments.some((e) => e.toLowerCase() === environmentKey));
  // A person's approval counts even if an earlier attempt of the run was rejected by them: this
  // attempt is running, so GitHub let its deployment through.
  for (const approval of [...decisions].sort((a, b) => (a.state === b.state ? 0 : a.state === 'approved' ? -1 : 1))) {
    const key = approval.login.toLowerCase();
    if (deploymentSeen.has(key)) continue;
    deploymentSeen.add(key);
    if (approval.state === 'rejected') {
      notCounted.push({ login: approval.login, reason: `rejected this run's deployment review for '${environment}'` });
      continue;
    }
    if (countedKeys.has(key)) continue;
    const reason = ineligible(approval.login, approval.userType, 'deployment review');
    if (reason) {
      notCounted.push({ login: approval.login, reason: `${reason} (deployment review)` });
    } else {
      counted.push({ login: approval.login, source: 'deployment review' });
      countedKeys.add(key);
    }
  }

  // Someone counted through one source is not also listed as not counting through the other.
  const finalNotCounted = dedupe(notCounted.filter((n) => !countedKeys.has(n.login.toLowerCase())));
  const satisfied = blockers.length === 0 && counted.length >= policy.required;
  const verdict: ApprovalVerdict = { satisfied, required: policy.required, counted, notCounted: finalNotCounted, blockers, message: '' };
  verdict.message = approvalMessage(verdict, evidence, policy, environment);
  return verdict;
}

/** Throws GateError(Gate.Approvals) with the verdict's message unless the gate is satisfied. */
export function assertApprovals(verdict: ApprovalVerdict): void {
  if (!verdict.satisfied) throw new GateError(Gate.Approvals, verdict.message);
}

/**
 * Reads from GitHub everything evaluateApprovals needs: the pull request merged into this commit
 * (or of this pull-request event) with its reviews, this run's deployment-review decisions, the
 * repository role of everyone who took a position, and (when `approvers` names teams) whether
 * they are active members of those teams.
 */
export async function gatherApprovalEvidence(client: GitHubClient, context: RunContext, policy: ApprovalPolicy, environment: string): Promise<ApprovalEvidence> {
  const { octokit, owner, repo } = client;
  const pullRequest = await findPullRequest(client, context);

  const reviews: ApprovalEvidence['reviews'] = [];
  if (pullRequest) {
    const raw = await octokit.paginate(octokit.rest.pulls.listReviews, { owner, repo, pull_number: pullRequest.number, per_page: 100 });
    for (const review of raw) {
      if (!review.user) continue; // a deleted account ("ghost") cannot be anyone's approval
      reviews.push({
        id: review.id,
        login: review.user.login,
        userType: review.user.type,
        state: review.state,
        commitId: review.commit_id ?? '',
        submittedAt: review.submitted_at ?? '',
      });
    }
  }

  const deploymentApprovals: ApprovalEvidence['deploymentApprovals'] = [];
  if (context.runId > 0) {
    try {
      const { data } = await octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: context.runId });
      for (const approval of data) {
        if (!approval.user || (approval.state !== 'approved' && approval.state !== 'rejected')) continue;
        deploymentApprovals.push({
          login: approval.user.login,
          userType: approval.user.type,
          state: approval.state,
          environments: approval.environments.map((e) => e.name ?? '').filter(Boolean),
        });
      }
    } catch (error) {
      // A run GitHub does not know (a local run with a made-up id) simply has no deployment review.
      if (httpStatus(error) !== 404) throw error;
    }
  }

  const people = new Map<string, string>();
  const opinions = pullRequest ? latestOpinions(reviews) : [];
  for (const person of [...opinions, ...deploymentApprovals.filter((a) => a.state === 'approved')]) {
    people.set(person.login.toLowerCase(), person.login);
  }
  const permissions: Record<string, string> = {};
  for (const login of people.values()) permissions[login] = await repositoryRole(client, login);

  const teamMembers: Record<string, string[]> = {};
  const teams = policy.approvers.filter((a) => a.includes('/'));
  // Only people who could count are looked up: writers who are not the author or a bot.
  const candidates = [...people.values()].filter(
    (login) => hasWriteAccess(permissions[login]) && login.toLowerCase() !== pullRequest?.author.toLowerCase() && !isBot(login, ''),
  );
  for (const team of teams) {
    teamMembers[team] = [];
    for (const login of candidates) {
      if (policy.approvers.some((a) => a.toLowerCase() === login.toLowerCase())) continue;
      if (await isActiveTeamMember(client, team, login)) teamMembers[team].push(login);
    }
  }

  return { pullRequest, commit: context.sha, reviews, deploymentApprovals, permissions, teamMembers };
}

/** Per reviewer, the review that stands: the latest APPROVED or CHANGES_REQUESTED, unless a later DISMISSED erased it. */
export function latestOpinions<R extends { id: number; login: string; state: string; submittedAt: string }>(reviews: R[]): R[] {
  const ordered = [...reviews].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt) || a.id - b.id);
  const standing = new Map<string, R | undefined>();
  for (const review of ordered) {
    const key = review.login.toLowerCase();
    if (review.state === 'APPROVED' || review.state === 'CHANGES_REQUESTED') standing.set(key, review);
    // GitHub turns the dismissed review itself into DISMISSED; erasing here means an approval
    // before a dismissed request for changes does not quietly come back.
    else if (review.state === 'DISMISSED') standing.set(key, undefined);
  }
  return [...standing.values()].filter((r): r is R => r !== undefined);
}

async function findPullRequest(client: GitHubClient, context: RunContext): Promise<ApprovalEvidence['pullRequest']> {
  const { octokit, owner, repo } = client;
  if (isPullRequestEvent(context.eventName)) {
    const event = context.payload.pull_request;
    const number = pullRequestNumber(context);
    if (!event || number === undefined) return undefined;
    // The event's head is the commit this run validated; a later push starts another run.
    return { number, author: event.user?.login ?? '', headSha: event.head?.sha ?? '', url: event.html_url };
  }
  const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, { owner, repo, commit_sha: context.sha, per_page: 100 });
  const merged = pulls.find((p) => p.merged_at && p.merge_commit_sha && sameSha(p.merge_commit_sha, context.sha));
  if (!merged) return undefined;
  return {
    number: merged.number,
    author: merged.user?.login ?? '',
    headSha: merged.head.sha,
    mergeCommitSha: merged.merge_commit_sha ?? undefined,
    url: merged.html_url,
  };
}

/** A user's role in the run's repository: admin, maintain, write, triage, read or none. */
export async function repositoryRole(client: GitHubClient, login: string): Promise<string> {
  const { octokit, owner, repo } = client;
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo, username: login });
    // role_name distinguishes maintain and triage, which `permission` folds into write and read;
    // a custom role's name says nothing, so its base permission is used instead.
    const role = (data.role_name || '').toLowerCase();
    return STANDARD_ROLES.has(role) ? role : (data.permission || 'none').toLowerCase();
  } catch (error) {
    if (httpStatus(error) === 404) return 'none';
    throw error;
  }
}

async function isActiveTeamMember(client: GitHubClient, team: string, login: string): Promise<boolean> {
  const [org, slug] = team.split('/');
  try {
    const { data } = await client.octokit.rest.teams.getMembershipForUserInOrg({ org, team_slug: slug, username: login });
    return data.state === 'active';
  } catch (error) {
    if (httpStatus(error) === 404) return false;
    throw new Error(
      `Could not read whether '${login}' is a member of team '${team}' (${describe(error)}). ` +
        `Reading team membership needs a github-token with read:org (a GitHub App token or a PAT; the workflow's GITHUB_TOKEN cannot), or list logins in ${Inputs.Approvers} instead of teams.`,
    );
  }
}

function approvalMessage(verdict: ApprovalVerdict, evidence: ApprovalEvidence, policy: ApprovalPolicy, environment: string): string {
  const pr = evidence.pullRequest;
  const commit = pr ? short(pr.headSha) : evidence.commit ? short(evidence.commit) : 'this commit';
  const subject = pr ? `pull request #${pr.number} (head ${commit})` : `commit ${commit} (no pull request was merged into it, so only this run's deployment review for '${environment}' can approve it)`;
  const parts: string[] = [];
  const countedList = verdict.counted.map((c) => `${c.login} (${c.source})`).join(', ');
  parts.push(`${verdict.counted.length}/${verdict.required} approvals for ${subject}${countedList ? `: ${countedList}` : ''}.`);
  if (verdict.notCounted.length > 0) {
    parts.push(`Not counted: ${verdict.notCounted.map((n) => `${sanitize(n.login)} — ${n.reason}`).join('; ')}.`);
  }
  if (verdict.blockers.length > 0) {
    parts.push(`Blocked by outstanding requests for changes: ${verdict.blockers.map((b) => `${sanitize(b.login)} ${b.reason}`).join('; ')}.`);
  }
  if (verdict.satisfied) return parts.join(' ');

  const needs: string[] = [];
  if (verdict.blockers.length > 0) {
    const who = verdict.blockers.map((b) => b.login).join(', ');
    needs.push(`${who} must approve${pr ? ` pull request #${pr.number}` : ''} or the review must be dismissed`);
  }
  const missing = verdict.required - verdict.counted.length;
  if (missing > 0) {
    const users = missing === 1 ? 'a user' : 'users';
    const from = policy.approvers.length > 0 ? `${users} with write access listed in ${Inputs.Approvers} (${policy.approvers.join(', ')})` : `${users} with write access`;
    const excluded = pr ? 'not the author, not a bot' : 'not a bot';
    const where = pr
      ? `on commit ${commit} of pull request #${pr.number}, or in this run's deployment review for environment '${environment}'`
      : `in this run's deployment review for environment '${environment}' (add required reviewers to the environment, or merge the change through a reviewed pull request)`;
    needs.push(`needs ${missing} more approval${missing === 1 ? '' : 's'} from ${from} (${excluded}) ${where}`);
  }
  parts.push(`To pass: ${needs.join('; and ')}.`);
  return parts.join(' ');
}

function isApprover(login: string, approvers: string[], teamMembers: Record<string, string[]>): boolean {
  const key = login.toLowerCase();
  return approvers.some((entry) => {
    if (!entry.includes('/')) return entry.toLowerCase() === key;
    const members = lookup(teamMembers, entry) ?? [];
    return members.some((m) => m.toLowerCase() === key);
  });
}

function isBot(login: string, userType: string): boolean {
  return userType === 'Bot' || login.toLowerCase().endsWith('[bot]');
}

function lookup<T>(record: Record<string, T>, key: string): T | undefined {
  if (key in record) return record[key];
  const lower = key.toLowerCase();
  const found = Object.keys(record).find((k) => k.toLowerCase() === lower);
  return found === undefined ? undefined : record[found];
}

function sameSha(a: string, b: string): boolean {
  return a.length > 0 && a.toLowerCase() === b.toLowerCase();
}

function short(sha: string): string {
  return sha.slice(0, 7);
}

function dedupe<T extends { login: string; reason: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.login.toLowerCase()}\u0000${item.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
