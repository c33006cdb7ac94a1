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

/** Transient failures worth another try, by the name jsforce or undici gives them. */
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
  'SERVER_UNAVAILABLE',
  'REQUEST_LIMIT_EXCEEDED',
  'socket hang up',
  'fetch failed',
];

/** Errors that mean the request never reached Salesforce, so even a deploy may be sent again. */
const NOT_SENT_ERRORS = ['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'UND_ERR_CONNECT_TIMEOUT'];

const MAX_ATTEMPTS = 5;

/** Options of connect(); `sleep` is injected so tests need not wait. */
export interface ConnectOptions {
  apiVersion: string;
  log: (line: string) => void;
  /** Told every session id obtained, so the runner masks it (core.setSecret). */
  registerSecret?: (secret: string) => void;
  sleep?: (ms: number) => Promise<void>;
}

/** Authenticates with the one configured method, then reads the org's identity. */
export async function connect(credentials: OrgCredentials, options: ConnectOptions): Promise<OrgSession> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const authenticated = async (): Promise<Connection> => {
    const c = await authenticate(credentials, options.apiVersion);
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

  const session: OrgSession = {
    role: credentials.role,
    get connection() {
      return connection;
    },
    identity: undefined as unknown as OrgIdentity,
    async retrying(what, call) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await call(connection);
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS) throw wrap(what, error, attempt);
          if (isExpiredSession(error)) {
            await renew(what, error);
            continue;
          }
          if (!isRetryable(error)) throw wrap(what, error, attempt);
          const delay = Math.min(500 * 2 ** (attempt - 1), 8000);
          options.log(`${what} failed (${errorName(error)}); retrying in ${delay / 1000} s (attempt ${attempt + 1} of ${MAX_ATTEMPTS}).`);
          await sleep(delay);
        }
      }
    },
    async once(what, call) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await call(connection);
        } catch (error) {
          // A refused session or a connection that never opened means Salesforce did not take
          // the request; anything else (reset, 5xx) may have reached it, so it is not resent.
          if (attempt < 3 && isExpiredSession(error)) {
            await renew(what, error);
            continue;
          }
          if (attempt < 3 && wasNotSent(error)) {
            await sleep(1000 * attempt);
            continue;
          }
          throw wrap(what, error, attempt);
        }
      }
    },
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

async function authenticate(credentials: OrgCredentials, version: string): Promise<Connection> {
  try {
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
  } catch (error) {
    throw new SalesforceError(`Could not authenticate to the ${credentials.role} org with ${describeMethod(credentials)} at ${loginHost(credentials)}: ${errorName(error)}: ${redact(errorMessage(error))}`);
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

/** Whether Salesforce refused a request for a dead session (it did not process it). */
export function isExpiredSession(error: unknown): boolean {
  return /INVALID_SESSION_ID|Session expired or invalid/.test(`${errorName(error)} ${errorMessage(error)}`);
}

/** The most specific name an error carries: a Salesforce error code, an HTTP status name or a socket code. */
export function errorName(error: unknown): string {
  const e = error as { name?: string; errorCode?: string; code?: string; cause?: { code?: string; name?: string } };
  return e?.cause?.code ?? e?.errorCode ?? e?.code ?? e?.name ?? 'Error';
}

function wrap(what: string, error: unknown, attempts: number): SalesforceError {
  const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
  return new SalesforceError(`${what} failed${tries}: ${errorName(error)}: ${redact(errorMessage(error))}`);
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
