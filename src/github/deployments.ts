import type { RunContext } from '../settings.js';
import { describe, isTransient, type GitHubClient } from './client.js';

/** What a GitHub Deployment records about one deploy or rollback. */
export interface DeploymentRequest {
  /** Environment name, as the `environment` input gives it. */
  environment: string;
  description: string;
  /** Shown with the deployment. Display only: no gate reads it back (anyone with deployments: write writes them). */
  payload: Record<string, unknown>;
  /** `deploy` (the default) or `deploy:rollback`. */
  task?: 'deploy' | 'deploy:rollback';
}

/** The states this action sets on a deployment. */
export type DeploymentStatusState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive';

/** One status update of a deployment. */
export interface DeploymentStatusUpdate {
  state: DeploymentStatusState;
  /** Truncated to GitHub's 140 characters. */
  description: string;
  /** Where the deployed org can be seen, e.g. its Setup deployment status page. */
  environmentUrl?: string;
  /** The workflow run that did it. */
  logUrl?: string;
}

/** GitHub's limit on a deployment status description. */
export const DESCRIPTION_LIMIT = 140;

/**
 * Records a deployment of the run's commit under `environment`. It is never auto-merged and
 * waits for no status checks: the gates have already been checked by the action itself.
 */
export async function createDeployment(client: GitHubClient, context: RunContext, request: DeploymentRequest): Promise<number> {
  const { octokit, owner, repo } = client;
  const response = await octokit.rest.repos.createDeployment({
    owner,
    repo,
    ref: context.sha,
    task: request.task ?? 'deploy',
    environment: request.environment,
    description: truncate(request.description, DESCRIPTION_LIMIT),
    payload: request.payload as { [key: string]: unknown },
    auto_merge: false,
    required_contexts: [],
    production_environment: request.environment.toLowerCase() === 'production',
    transient_environment: false,
  });
  const data = response.data as { id?: number; message?: string };
  // 202 means GitHub merged the default branch instead of creating a deployment; auto_merge is
  // off, so this only happens if GitHub changes its behaviour.
  if (typeof data.id !== 'number') throw new Error(`GitHub did not create a deployment for ${context.sha.slice(0, 7)} in '${request.environment}' (HTTP ${response.status}: ${data.message ?? 'no id'}).`);
  return data.id;
}

/** How setDeploymentStatus retries; injected so tests need not wait. */
export interface StatusRetryOptions {
  /** Waits before each retry; its length is the number of retries. */
  retryDelaysMs?: number[];
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Sets the deployment's status; `success` also marks earlier deployments of the environment
 * inactive (GitHub's default). Unlike other writes it is retried on a 5xx or a broken
 * connection: posting the same status twice only repeats a line in the deployment's history,
 * while a lost `success` would leave a deploy that reached production recorded as in progress.
 */
export async function setDeploymentStatus(client: GitHubClient, context: RunContext, id: number, update: DeploymentStatusUpdate, options: StatusRetryOptions = {}): Promise<void> {
  const { octokit, owner, repo } = client;
  const delays = options.retryDelaysMs ?? [1000, 3000];
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      await octokit.rest.repos.createDeploymentStatus({
        owner,
        repo,
        deployment_id: id,
        state: update.state,
        description: truncate(update.description, DESCRIPTION_LIMIT),
        ...(update.environmentUrl ? { environment_url: update.environmentUrl } : {}),
        log_url: update.logUrl ?? `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`,
      });
      return;
    } catch (error) {
      if (attempt >= delays.length || !isTransient(error)) throw new Error(`Recording status '${update.state}' on GitHub deployment ${id} failed (${describe(error)}).`, { cause: error });
      await sleep(delays[attempt]);
    }
  }
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
