import { Gate, GateError } from '../errors.js';
import type { RunContext } from '../settings.js';
import { hasWriteAccess, repositoryRole } from './approvals.js';
import { describe, type GitHubClient } from './client.js';

/** What GitHub says about who may roll back: the dispatcher's role and the run's deployment-review decisions. */
export interface RollbackEvidence {
  actor: string;
  actorRole: string;
  decisions: Array<{ login: string; userType: string; state: string; environments: string[] }>;
  roles: Record<string, string>;
}

/**
 * Who may roll back, as a pure decision: the user who dispatched the run needs write access;
 * when `required` is above zero, that many other people with write access must have approved
 * this run's deployment review for the environment (GitHub Environments required reviewers).
 * Returns the evidence line for the report, or throws naming what would satisfy the gate.
 */
export function evaluateRollbackPermission(evidence: RollbackEvidence, required: number, environment: string): string {
  if (!hasWriteAccess(evidence.actorRole)) {
    throw new GateError(Gate.RollbackPermission, `${evidence.actor} dispatched this rollback but has '${evidence.actorRole}' access; a rollback needs a user with write, maintain or admin access to dispatch it.`);
  }
  if (required === 0) return `dispatched by ${evidence.actor} (${evidence.actorRole} access)`;
  const approvers = new Set<string>();
  const ignored: string[] = [];
  for (const d of evidence.decisions) {
    if (d.state !== 'approved' || !d.environments.some((e) => e.toLowerCase() === environment.toLowerCase())) continue;
    const login = d.login;
    if (login.toLowerCase() === evidence.actor.toLowerCase()) ignored.push(`${login} (dispatched the rollback)`);
    else if (d.userType === 'Bot' || login.endsWith('[bot]')) ignored.push(`${login} (bot)`);
    else if (!hasWriteAccess(evidence.roles[login] ?? 'none')) ignored.push(`${login} (${evidence.roles[login] ?? 'no'} access)`);
    else approvers.add(login);
  }
  const counted = [...approvers];
  if (counted.length < required) {
    const not = ignored.length ? ` Not counted: ${ignored.join(', ')}.` : '';
    throw new GateError(
      Gate.RollbackPermission,
      `${counted.length} of ${required} required deployment-review approval(s) for environment '${environment}'${counted.length ? ` (${counted.join(', ')})` : ''}.${not} Protect the '${environment}' environment with required reviewers and have ${required - counted.length} more reviewer(s) with write access approve this run.`,
    );
  }
  return `dispatched by ${evidence.actor} (${evidence.actorRole} access); approved by ${counted.join(', ')}`;
}

/** Gathers the evidence and applies evaluateRollbackPermission. */
export async function assertRollbackPermission(client: GitHubClient, context: RunContext, required: number, environment: string): Promise<string> {
  const { octokit, owner, repo } = client;
  const roleOf = (login: string): Promise<string> =>
    repositoryRole(client, login).catch((error: unknown) => {
      throw new GateError(Gate.RollbackPermission, `could not read ${login}'s access to ${owner}/${repo} (${describe(error)}).`);
    });
  const actorRole = await roleOf(context.actor);
  const decisions: RollbackEvidence['decisions'] = [];
  if (required > 0) {
    const { data } = await octokit.rest.actions.getReviewsForRun({ owner, repo, run_id: context.runId });
    for (const d of data) decisions.push({ login: d.user.login, userType: d.user.type, state: d.state, environments: d.environments.map((e) => e.name ?? '') });
  }
  const roles: Record<string, string> = {};
  for (const login of new Set(decisions.map((d) => d.login))) roles[login] = await roleOf(login);
  return evaluateRollbackPermission({ actor: context.actor, actorRole, decisions, roles }, required, environment);
}
