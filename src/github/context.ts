import { readFileSync } from 'node:fs';
import type { RunContext } from '../settings.js';

/**
 * Reads the run's context from the runner's GITHUB_* variables and event payload file, without
 * loading @actions/github, so start-up stays lean.
 */
export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  let payload: Record<string, any> = {};
  if (env.GITHUB_EVENT_PATH) {
    try {
      payload = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    } catch {
      payload = {};
    }
  }
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    owner,
    repo,
    runId: Number(env.GITHUB_RUN_ID ?? 0),
    runAttempt: Number(env.GITHUB_RUN_ATTEMPT ?? 1),
    actor: env.GITHUB_ACTOR ?? '',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    payload,
  };
}

/** The pull request number of a pull-request event, if any. */
export function pullRequestNumber(context: RunContext): number | undefined {
  const n = context.payload.pull_request?.number ?? context.payload.number;
  return typeof n === 'number' ? n : undefined;
}

/** Link to the run's page. */
export function runUrl(context: RunContext): string {
  return `${context.serverUrl}/${context.owner}/${context.repo}/actions/runs/${context.runId}`;
}

/** Events that run pull-request content nobody has merged yet; none of them may reach a deploy. */
export const PULL_REQUEST_EVENTS: readonly string[] = ['pull_request', 'pull_request_target', 'merge_group'];

/** Whether the event is one of PULL_REQUEST_EVENTS. */
export function isPullRequestEvent(eventName: string): boolean {
  return PULL_REQUEST_EVENTS.includes(eventName);
}

/** The only events a production deploy or rollback runs for (SPEC.md, gate 1). */
export const PRODUCTION_EVENTS: readonly string[] = ['push', 'workflow_dispatch'];

/** Whether a production deploy or rollback may run for this event. */
export function isProductionEvent(eventName: string): boolean {
  return PRODUCTION_EVENTS.includes(eventName);
}
