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
  /** Retries of a GET after a 5xx answer or a broken connection (default 3). */
  retries?: number;
  /**
   * Milliseconds per unit of wait (default 1000): plugin-retry waits (n+1)² units before retry n,
   * the throttling plugin the seconds GitHub names. Tests pass 0 or 1 so nothing sleeps.
   */
  waitUnitMs?: number;
  /** Longest rate-limit wait, in seconds, before a request fails instead (default 600). */
  maxRateLimitWaitSeconds?: number;
  /** Told about each retry, e.g. to write a debug line; never receives the token. */
  onRetry?: (message: string) => void;
}

/** Network errors worth another try: the connection broke, not the request (see isTransient). */
const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT']);

/** Statuses plugin-retry never retries (its defaults); rate limits (403, 429) are the throttling plugin's. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451];
/** Methods that are safe to send again: they change nothing. */
const SAFE_METHODS = new Set(['GET', 'HEAD']);
/** Rate-limit retries per request: GitHub names the wait, so more tries only add waiting. */
const RATE_LIMIT_RETRIES = 2;

/**
 * Builds an authenticated Octokit for the run's repository, with @octokit/plugin-retry (GETs
 * retried after a 5xx or a broken connection) and @octokit/plugin-throttling (requests spaced as
 * GitHub asks, and retried — writes too — after a primary or secondary rate limit, up to
 * `maxRateLimitWaitSeconds`). @actions/github is imported here, not at the top, so a run that never
 * talks to GitHub does not pay for loading it.
 */
export async function createGitHubClient(token: string, context: RunContext, options: GitHubClientOptions = {}): Promise<GitHubClient> {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([import('@actions/github'), import('@octokit/plugin-retry'), import('@octokit/plugin-throttling')]);
  const retries = options.retries ?? 3;
  const unit = options.waitUnitMs ?? 1000;
  const maxWait = options.maxRateLimitWaitSeconds ?? 600;
  const where = (request: { method: string; url: string }) => `${request.method} ${String(request.url).split('?')[0]}`;
  const onRateLimit = (kind: string) => (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number): boolean => {
    if (retryCount >= RATE_LIMIT_RETRIES || retryAfter > maxWait) return false;
    options.onRetry?.(`GitHub ${kind} reached on ${where(request)}; retrying in ${retryAfter} s.`);
    return true;
  };

  /**
   * Innermost, so it sees every attempt: a write is never retried after a 5xx or a broken
   * connection (a POST that reached GitHub before the connection broke would be applied twice),
   * and each GET retry is reported, with the wait plugin-retry is about to take.
   */
  const retryPolicy = (octokit: { hook: { before: Function; error: Function } }) => {
    octokit.hook.before('request', (request: { method: string; request?: { retries?: number } }) => {
      if (!SAFE_METHODS.has(request.method)) request.request = { ...request.request, retries: 0 };
    });
    octokit.hook.error('request', (error: unknown, request: { method: string; url: string; request?: { retryCount?: number } }) => {
      const attempt = request.request?.retryCount ?? 0;
      const status = httpStatus(error);
      if (SAFE_METHODS.has(request.method) && status !== undefined && status >= 400 && !DO_NOT_RETRY.includes(status) && attempt < retries) {
        options.onRetry?.(`GitHub ${where(request)} failed (${describe(error)}); retrying in ${((attempt + 1) ** 2 * unit) / 1000} s.`);
      }
      throw error;
    });
    return {};
  };

  // Only baseUrl is passed, no `request`: giving one would replace @actions/github's proxy-aware fetch.
  const octokit = getOctokit(
    token,
    {
      baseUrl: context.apiUrl.replace(/\/+$/, ''),
      retry: { retries, doNotRetry: DO_NOT_RETRY, retryAfterBaseValue: unit },
      throttle: { onRateLimit: onRateLimit('rate limit'), onSecondaryRateLimit: onRateLimit('secondary rate limit'), retryAfterBaseValue: unit },
    },
    retryPolicy as never,
    retry,
    throttling,
  );
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
