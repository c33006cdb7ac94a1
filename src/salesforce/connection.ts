import { createSign } from 'node:crypto';
import { Connection } from '@jsforce/jsforce-node';
import type { OrgRole } from '../constants.js';
import { SalesforceError, errorMessage } from '../errors.js';
import type { OrgCredentials } from '../settings.js';

/** Who an org says it is (`Organization` record), checked against the role the credentials claim. */
export interface OrgIdentity {
  id: string;
  name: string;
  isSandbox: boolean;
  organizationType: string;
  instanceUrl: string;
  username?: string;
}

/** An authenticated org with the one retry policy every Salesforce call of the action goes through. */
export interface OrgSession {
  role: OrgRole;
  connection: Connection;
  identity: OrgIdentity;
  /**
   * Runs a call that is safe to send again (status checks, queries, retrieves, listMetadata),
   * retrying the listed transient errors and renewing an expired session.
   */
  retrying<T>(what: string, call: (connection: Connection) => Promise<T>): Promise<T>;
  /** Runs a call that must never be sent twice (deploy submission); only renews a session it was refused for. */
  once<T>(what: string, call: (connection: Connection) => Promise<T>): Promise<T>;
}

/**
 * Transient failures worth another try, by the name jsforce or undici gives them (or the text of
 * the answer: an HTML maintenance page instead of XML or JSON).
 */
export const RETRYABLE_ERRORS = [
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'ERROR_HTTP_500',
  'ERROR_HTTP_502',
  'ERROR_HTTP_503',
  'ERROR_HTTP_504',
  'ERROR_HTTP_429',
  'SERVER_UNAVAILABLE',
  // Salesforce's own "try again": an internal error, or the org's API request limit (which it
  // refuses before doing anything, so even a deploy submission refused with it did not start).
  'UNKNOWN_EXCEPTION',
  'REQUEST_LIMIT_EXCEEDED',
  'socket hang up',
  'fetch failed',
  'other side closed',
  '<html',
  '<!DOCTYPE html',
];

/** Refusals that mean Salesforce did not process the request (so a deploy refused with one did not start). */
const NOT_STARTED_FAULTS = ['REQUEST_LIMIT_EXCEEDED', 'ERROR_HTTP_429'];

/** Errors that mean the request never reached Salesforce, so even a deploy may be sent again. */
const NOT_SENT_ERRORS = ['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_CONNECT_TIMEOUT'];

/** The longest pause between two attempts of a call. */
const MAX_DELAY_MS = 15000;

/** Options of connect(); `sleep` and `now` are injected so tests need not wait. */
export interface ConnectOptions {
  apiVersion: string;
  log: (line: string) => void;
  /** Told every session id obtained, so the runner masks it (core.setSecret). */
  registerSecret?: (secret: string) => void;
  /**
   * How long one call keeps being retried through transient faults (`wait-minutes`): an outage
   * shorter than the run may wait for does not fail the run. Default 10 minutes.
   */
  retryForMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * The pause before attempt `attempt + 1` of a call (pure): 0.5 s doubling to a 15 s ceiling, so
 * a blip costs half a second and a long outage is probed four times a minute.
 */
export function retryDelay(attempt: number): number {
  return Math.min(500 * 2 ** (attempt - 1), MAX_DELAY_MS);
}

/**
 * Runs `call` again after each failure `shouldRetry` accepts, with retryDelay pauses, until the
 * time budget from the first attempt is spent; the last failure is rethrown with the count.
 */
export async function withRetries<T>(
  what: string,
  call: () => Promise<T>,
  policy: { retryForMs: number; log: (line: string) => void; shouldRetry: (error: unknown) => boolean; sleep: (ms: number) => Promise<void>; now: () => number },
): Promise<T> {
  const started = policy.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = retryDelay(attempt);
      const spent = policy.now() - started;
      if (!policy.shouldRetry(error) || spent + delay > policy.retryForMs) throw new RetriesExhausted(error, attempt);
      policy.log(`${what} failed (${errorName(error)}); retrying in ${delay / 1000} s (attempt ${attempt + 1}, ${Math.round(spent / 1000)} s of ${Math.round(policy.retryForMs / 1000)} s spent).`);
      await policy.sleep(delay);
    }
  }
}

/** The last failure of a retried call, and how many attempts were made. */
export class RetriesExhausted extends Error {
  constructor(
    readonly last: unknown,
    readonly attempts: number,
  ) {
    super(errorMessage(last));
  }
}

/** Authenticates with the one configured method, then reads the org's identity. */
export async function connect(credentials: OrgCredentials, options: ConnectOptions): Promise<OrgSession> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const retryForMs = options.retryForMs ?? 10 * 60000;
  const policy = (shouldRetry: (error: unknown) => boolean) => ({ retryForMs, log: options.log, shouldRetry, sleep, now });
  const authenticated = async (): Promise<Connection> => {
    // A token request only reads (a refresh token or an assertion is redeemed as often as asked).
    const c = await withRetries(`The ${credentials.role} token request`, () => authenticate(credentials, options.apiVersion), policy(isRetryable)).catch((error: unknown) => {
      const last = error instanceof RetriesExhausted ? error.last : error;
      const tries = error instanceof RetriesExhausted && error.attempts > 1 ? ` (${error.attempts} attempts)` : '';
      throw new SalesforceError(`Could not authenticate to the ${credentials.role} org with ${describeMethod(credentials)} at ${loginHost(credentials)}${tries}: ${errorName(last)}: ${redact(shorten(errorMessage(last)))}`);
    });
    if (c.accessToken) options.registerSecret?.(c.accessToken);
    if (!c.userInfo?.id) await readUserInfo(c, credentials, options.log);
    // jsforce renews refresh-token sessions by itself; the new session id is masked too.
    c.on('refresh', (accessToken: string) => options.registerSecret?.(accessToken));
    return c;
  };
  let connection = await authenticated();

  const renew = async (what: string, error: unknown): Promise<void> => {
    if (credentials.method === 'access-token') {
      throw new SalesforceError(`The ${credentials.role} access token was rejected during ${what} (${errorName(error)}): the session expired or was revoked. Access tokens cannot be renewed; use ${credentials.role}-auth-url or the JWT inputs for long runs.`);
    }
    options.log(`The ${credentials.role} session expired during ${what}; authenticating again.`);
    connection = await authenticated();
  };

  /**
   * Calls Salesforce, renewing a dead session (at most `renewals` times, without waiting) and
   * retrying what `retryable` allows; a call that keeps failing is wrapped with what it was for.
   */
  async function attempt<T>(what: string, call: (connection: Connection) => Promise<T>, renewals: number, retryable: (error: unknown) => boolean, keepCause: boolean): Promise<T> {
    let renewed = 0;
    try {
      return await withRetries(
        what,
        async () => {
          try {
            return await call(connection);
          } catch (error) {
            if (isExpiredSession(error) && renewed++ < renewals) {
              await renew(what, error);
              return await call(connection);
            }
            throw error;
          }
        },
        policy(retryable),
      );
    } catch (error) {
      if (!(error instanceof RetriesExhausted)) throw error;
      throw wrap(what, error.last, error.attempts, keepCause ? error.last : undefined);
    }
  }
  const session: OrgSession = {
    role: credentials.role,
    get connection() {
      return connection;
    },
    identity: undefined as unknown as OrgIdentity,
    retrying: (what, call) => attempt(what, call, 3, isRetryable, false),
    // Only what Salesforce cannot have processed is sent again: a refused session, a connection
    // that never opened, or the API request limit (refused before any work). Anything else (reset,
    // 5xx, UNKNOWN_EXCEPTION) may have reached it, so it is not resent.
    once: (what, call) => attempt(what, call, 2, (error) => wasNotSent(error) || wasNotStarted(error), true),
  };
  session.identity = await readIdentity(session);
  return session;
}

/**
 * Sets `connection.userInfo` from the OpenID Connect userinfo endpoint when authentication did
 * not (an access token says nothing about its user). The user id scopes the DeployRequest lookup
 * that adopts a deploy whose submission answer was lost, so another user's deploy is never taken
 * for this run's; without it the lookup is not attempted. Best effort: a failure leaves it unset.
 */
async function readUserInfo(connection: Connection, credentials: OrgCredentials, log: (line: string) => void): Promise<void> {
  try {
    // One retry at most: jsforce's default of five, with backoff, would hold up every run ~15 s when userinfo is down.
    const info = await connection.request<{ user_id?: string; organization_id?: string; sub?: string }>('/services/oauth2/userinfo', { retry: { maxRetries: 1 } });
    if (typeof info?.user_id === 'string' && info.user_id) {
      connection.userInfo = { id: info.user_id, organizationId: String(info.organization_id ?? ''), url: String(info.sub ?? '') };
    }
  } catch (error) {
    log(`Could not read which user the ${credentials.role} credentials belong to (${errorName(error)}: ${redact(errorMessage(error))}); a deploy whose submission answer is lost cannot be looked up and will need checking by hand.`);
  }
}

/**
 * The highest API version an org offers: `GET /services/data` lists them and needs no session
 * (REST API Developer Guide, "Versions"). Retried like any read.
 */
export async function highestApiVersion(credentials: OrgCredentials, options: { log: (line: string) => void; retryForMs?: number }): Promise<string> {
  const base = credentials.method === 'access-token' ? credentials.instanceUrl : credentials.loginUrl;
  const url = `${base.replace(/\/+$/, '')}/services/data`;
  const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
  const listed = await withRetries(
    `Listing the API versions of the ${credentials.role} org`,
    async () => {
      const response = await fetch(url, { headers: { accept: 'application/json' } });
      const text = await response.text();
      if (!response.ok) throw Object.assign(new Error(text.slice(0, 300)), { errorCode: `ERROR_HTTP_${response.status}` });
      return JSON.parse(text) as Array<{ version?: string }>;
    },
    { retryForMs: options.retryForMs ?? 10 * 60000, log: options.log, shouldRetry: (error) => isRetryable(error) || error instanceof SyntaxError, sleep, now: Date.now },
  ).catch((error: unknown) => {
    const last = error instanceof RetriesExhausted ? error.last : error;
    throw new SalesforceError(`Could not list the API versions of the ${credentials.role} org at ${url} (${errorName(last)}: ${redact(shorten(errorMessage(last)))}). Set api-version, or sourceApiVersion in sfdx-project.json.`);
  });
  const versions = (Array.isArray(listed) ? listed : []).map((v) => String(v?.version ?? '')).filter((v) => /^\d{2,3}\.0$/.test(v));
  if (versions.length === 0) throw new SalesforceError(`The ${credentials.role} org at ${url} listed no API versions. Set api-version, or sourceApiVersion in sfdx-project.json.`);
  return versions.sort((a, b) => Number(b) - Number(a))[0]!;
}

/** Reads the Organization record of the connected org. */
async function readIdentity(session: OrgSession): Promise<OrgIdentity> {
  const result = await session.retrying('the Organization query', async (c) =>
    await c.query<{ Id: string; Name: string; IsSandbox: boolean; OrganizationType: string }>(
      'SELECT Id, Name, IsSandbox, OrganizationType FROM Organization',
    ),
  );
  const org = result.records[0];
  if (!org) throw new SalesforceError(`The ${session.role} org returned no Organization record; the user may lack the View Setup permission.`);
  return {
    id: org.Id,
    name: org.Name,
    isSandbox: org.IsSandbox === true || String(org.IsSandbox) === 'true',
    organizationType: org.OrganizationType,
    instanceUrl: session.connection.instanceUrl,
  };
}

/** Obtains a session with the configured method; the client's error is thrown as it is, for the retry policy to classify. */
async function authenticate(credentials: OrgCredentials, version: string): Promise<Connection> {
  {
    switch (credentials.method) {
      case 'access-token':
        return new Connection({ instanceUrl: credentials.instanceUrl, accessToken: credentials.accessToken, version });
      case 'auth-url': {
        const oauth2 = { clientId: credentials.clientId, clientSecret: credentials.clientSecret || undefined, loginUrl: credentials.loginUrl };
        const bootstrap = new Connection({ oauth2, version });
        // jsforce does not redeem a refresh token before the first call, so it is done here.
        const token = await bootstrap.oauth2.refreshToken(credentials.refreshToken);
        // The identity URL ends in /<org id>/<user id>: kept so the action knows which deploys are its own.
        const [organizationId, id] = String(token.id ?? '').split('/').slice(-2);
        const connection = new Connection({ oauth2, instanceUrl: token.instance_url, accessToken: token.access_token, refreshToken: credentials.refreshToken, version });
        if (id) connection.userInfo = { id, organizationId, url: String(token.id) };
        return connection;
      }
      case 'jwt': {
        const connection = new Connection({ loginUrl: credentials.loginUrl, version });
        await connection.authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: jwtAssertion(credentials) });
        return connection;
      }
    }
  }
}

/** A signed JWT bearer assertion (RS256), valid three minutes. */
export function jwtAssertion(credentials: Extract<OrgCredentials, { method: 'jwt' }>, now = Date.now()): string {
  const encode = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const audience = new URL(credentials.loginUrl).origin;
  const unsigned = `${encode({ alg: 'RS256' })}.${encode({ iss: credentials.clientId, sub: credentials.username, aud: audience, exp: Math.floor(now / 1000) + 180 })}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(credentials.privateKey).toString('base64url');
  return `${unsigned}.${signature}`;
}

/** Whether an error is one of the listed transient failures. */
export function isRetryable(error: unknown): boolean {
  const name = errorName(error);
  const text = `${name} ${errorMessage(error)}`;
  return RETRYABLE_ERRORS.some((code) => text.includes(code));
}

/** Whether an error means the request never reached Salesforce (refused connection, unknown host). */
export function wasNotSent(error: unknown): boolean {
  return NOT_SENT_ERRORS.some((code) => errorName(error).includes(code));
}

/** Whether Salesforce refused a request without processing it: the API request limit, a 429. */
export function wasNotStarted(error: unknown): boolean {
  const text = `${errorName(error)} ${errorMessage(error)}`;
  return NOT_STARTED_FAULTS.some((code) => text.includes(code));
}

/** Whether Salesforce refused a request for a dead session (it did not process it). */
export function isExpiredSession(error: unknown): boolean {
  return /INVALID_SESSION_ID|Session expired or invalid/.test(`${errorName(error)} ${errorMessage(error)}`);
}

/** The most specific name an error carries: a Salesforce error code, an HTTP status name or a socket code. */
export function errorName(error: unknown): string {
  const e = error as { name?: string; errorCode?: string; code?: string; cause?: { code?: string; name?: string } };
  return e?.cause?.code ?? e?.errorCode ?? e?.code ?? e?.name ?? 'Error';
}

/** A failed call as the action reports it; `cause` keeps the client's error for callers that classify it. */
function wrap(what: string, error: unknown, attempts: number, cause?: unknown): SalesforceError {
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  const wrapped = new SalesforceError(`${what} failed${tries}: ${errorName(error)}: ${redact(shorten(errorMessage(error)))}`);
  if (cause !== undefined) Object.defineProperty(wrapped, 'cause', { value: cause, enumerable: false });
  return wrapped;
}

/** An HTML page (a maintenance page) is named, not printed. */
function shorten(text: string): string {
  if (/<html|<!DOCTYPE html/i.test(text)) {
    const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return `an HTML page${title ? ` ('${title}')` : ''} instead of an API answer`;
  }
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** Removes anything token-shaped from a client error before it is printed. */
export function redact(text: string): string {
  return text
    .replace(/(access_token|refresh_token|assertion|client_secret|sessionId)([=:"'\s>]+)[^&"'\s<]+/gi, '$1$2[REDACTED]')
    .replace(/Bearer\s+[^\s"']+/g, 'Bearer [REDACTED]')
    .replace(/00D[A-Za-z0-9]{12,15}![A-Za-z0-9._]+/g, '[REDACTED]');
}

function describeMethod(credentials: OrgCredentials): string {
  return { 'auth-url': 'the SFDX auth URL', jwt: `the JWT bearer flow for ${credentials.method === 'jwt' ? credentials.username : ''}`, 'access-token': 'the access token' }[credentials.method];
}

function loginHost(credentials: OrgCredentials): string {
  return credentials.method === 'access-token' ? credentials.instanceUrl : credentials.loginUrl;
}
