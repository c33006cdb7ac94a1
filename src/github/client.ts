import type { RunContext } from '../settings.js';

/** Octokit as @actions/github builds it: REST endpoint methods plus pagination. */
export type Octokit = ReturnType<typeof import('@actions/github').getOctokit>;

/** The one handle through which this action talks to GitHub, scoped to the run's repository. */
export interface GitHubClient {
  octokit: Octokit;
  owner: string;
  repo: string;
}

/** Knobs for tests; production code uses the defaults. */
export interface GitHubClientOptions {
  /** Waits before each retry of a GET; its length is the number of retries. */
  retryDelaysMs?: number[];
  /** How to wait (injected so tests do not sleep). */
  sleep?: (ms: number) => Promise<void>;
  /** Told about each retry, e.g. to write a debug line; never receives the token. */
  onRetry?: (message: string) => void;
}

/** Network errors worth another try: the connection broke, not the request. */
const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/**
 * Builds an authenticated Octokit for the run's repository. @actions/github is imported here,
 * not at the top, so a run that never talks to GitHub does not pay for loading it.
 */
export async function createGitHubClient(token: string, context: RunContext, options: GitHubClientOptions = {}): Promise<GitHubClient> {
  const { getOctokit } = await import('@actions/github');
  // Only baseUrl is passed: giving `request` would replace @actions/github's proxy-aware fetch.
  const octokit = getOctokit(token, { baseUrl: context.apiUrl.replace(/\/+$/, '') });
  const delays = options.retryDelaysMs ?? [1000, 3000, 9000];
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  // Reads are retried on 5xx and broken connections; writes never are, since a POST that
  // reached GitHub before the connection broke would be applied twice.
  octokit.hook.wrap('request', async (request, endpoint) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await request(endpoint);
      } catch (error) {
        if (endpoint.method !== 'GET' || attempt >= delays.length || !isTransient(error)) throw error;
        options.onRetry?.(`GitHub GET ${String(endpoint.url).split('?')[0]} failed (${describe(error)}); retrying in ${delays[attempt]} ms.`);
        await sleep(delays[attempt]);
      }
    }
  });
  return { octokit, owner: context.owner, repo: context.repo };
}

/** The HTTP status of an Octokit error, if it has one. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/**
 * A one-line description of an Octokit error that never includes request headers (the token)
 * or the request body.
 */
export function describe(error: unknown): string {
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return status !== undefined ? `HTTP ${status}: ${message}` : message;
}

/** Whether an error is a 5xx answer or a broken connection: worth another try where repeating the request is safe. */
export function isTransient(error: unknown): boolean {
  const status = httpStatus(error);
  if (status !== undefined && status >= 500) return true;
  for (let cause: any = error; cause; cause = cause.cause) {
    if (typeof cause.code === 'string' && RETRYABLE_CODES.has(cause.code)) return true;
  }
  return false;
}
