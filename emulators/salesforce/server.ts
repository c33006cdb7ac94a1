import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { identityOf, tokenRequest, userInfoOf, type ConnectedApp, type SessionRegistry } from './oauth.js';
import type { Org, OrgUser } from './org.js';
import * as rest from './rest.js';
import { invalidSessionFault, metadataCall, parseSoapRequest, partnerCall, soapFault, type SoapRequest } from './soap.js';

/** One request as the emulator saw it; never holds a token or a zip. */
export interface RequestLogEntry {
  seq: number;
  at: string;
  method: string;
  /** Path without the query string (identity calls carry the token there). */
  path: string;
  /** What the request was: `oauth.token`, `identity`, `rest.query`, `soap.deploy`, ... */
  kind: string;
  orgId?: string;
  /** HTTP status answered; 0 when the connection was reset. */
  status: number;
  /** Epoch ms the request's head arrived (before its body was read): when its first bytes came in, for benchmarks. */
  receivedAt?: number;
  /** The fault injected into this request, if any. */
  fault?: FaultKind;
  detail?: Record<string, unknown>;
}

/**
 * Faults the injector can play: a 5xx answer, a dropped connection, a dead session, a slow answer;
 * `maintenance` (the HTML page Salesforce serves during an instance's maintenance window, HTTP
 * 503), `unknown-exception` (the `UNKNOWN_EXCEPTION` fault, as `http-500`), `request-limit` (the
 * org's API request limit: SOAP fault `sf:REQUEST_LIMIT_EXCEEDED`, REST 403 with that error code,
 * per the REST API Developer Guide "Status Codes and Error Responses"; the request is not
 * processed), `another-job-reset-after` (another job submits the same request at the same
 * moment, then this request is processed and its answer lost) and `finish-first` (for a cancel:
 * the deploy it names finishes just before the request arrives, the race between a client's last
 * status check and its cancel; the request is then processed as usual).
 */
export type FaultKind =
  | 'http-500'
  | 'http-503'
  | 'reset'
  | 'reset-after'
  | 'expire-session'
  | 'delay'
  | 'maintenance'
  | 'unknown-exception'
  | 'request-limit'
  | 'another-job-reset-after'
  | 'finish-first';

/** A fault to inject into the next matching requests. */
export interface FaultSpec {
  /** A RequestLogEntry kind, or `*` for any request. */
  kind: string;
  /** `reset-after` processes the request, then drops the connection instead of answering. */
  fault: FaultKind;
  /** How many matching requests get the fault (default 1). */
  times?: number;
  /**
   * Instead of a count: every matching request gets the fault for this long after the first one
   * did (an outage of a given length, whatever the client's retry rhythm).
   */
  durationMs?: number;
  delayMs?: number;
  /** Only requests for this org. */
  orgId?: string;
}

/** Queue of faults, consumed by the requests they match. */
export class FaultInjector {
  private readonly pending: Array<FaultSpec & { left: number; until?: number }> = [];

  /** Queues a fault for the next `times` matching requests. */
  add(fault: FaultSpec): void {
    this.pending.push({ ...fault, left: fault.durationMs !== undefined ? Infinity : fault.times ?? 1 });
  }

  /** Drops all queued faults. */
  clear(): void {
    this.pending.length = 0;
  }

  /** Takes the first queued fault matching a request, if any. */
  take(kind: string, orgId: string | undefined): FaultSpec | undefined {
    const now = Date.now();
    // An outage that has run its length is over.
    for (let i = this.pending.length - 1; i >= 0; i--) if (this.pending[i]!.until !== undefined && now >= this.pending[i]!.until!) this.pending.splice(i, 1);
    const index = this.pending.findIndex((f) => (f.kind === '*' || f.kind === kind) && (!f.orgId || f.orgId === orgId));
    if (index < 0) return undefined;
    const fault = this.pending[index]!;
    if (fault.durationMs !== undefined) fault.until ??= now + fault.durationMs;
    else if (--fault.left <= 0) this.pending.splice(index, 1);
    return fault;
  }
}

/** A request whose session resolved to an org and user. */
export interface AuthenticatedCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  params: string[];
  /** API version from the path, when the route has one. */
  version: string;
  baseUrl: string;
  org: Org;
  user: OrgUser;
  /** The `finish-first` fault: the operation the request names ends before it is processed. */
  finishFirst?: boolean;
}

/** What a route answers: JSON for objects, the string as is otherwise. */
export interface Reply {
  status: number;
  body?: unknown;
  contentType?: string;
  detail?: Record<string, unknown>;
}

/** What the HTTP layer needs from the emulator. */
export interface EmulatorState {
  url: string;
  apiVersions: readonly string[];
  apps: Map<string, ConnectedApp>;
  sessions: SessionRegistry;
  faults: FaultInjector;
  requests: RequestLogEntry[];
  /** Called once a request is answered (or its connection dropped), with its final log entry. */
  onRequest?: (entry: RequestLogEntry) => void;
  orgById(id: string): Org | undefined;
  userByUsername(username: string): { org: Org; user: OrgUser } | undefined;
}

type Protocol = 'oauth' | 'rest' | 'soap';

interface Route {
  method: string;
  pattern: RegExp;
  kind: string;
  protocol: Protocol;
  /** Whether the first capture group is an API version the instance must serve. Every route but `rest.versions` needs a session. */
  versioned?: boolean;
  handle(call: AuthenticatedCall, state: EmulatorState): Reply;
}

const DATA = String.raw`^/services/data/v(\d+\.\d)`;

const ROUTES: Route[] = [
  // The one data route that needs no session.
  { method: 'GET', pattern: /^\/services\/data\/?$/, kind: 'rest.versions', protocol: 'rest', handle: (_, state) => rest.versions(state.apiVersions) },
  { method: 'GET', pattern: new RegExp(`${DATA}/?$`), kind: 'rest.resources', protocol: 'rest', versioned: true, handle: (call, state) => rest.resources(call, state.url) },
  { method: 'GET', pattern: new RegExp(`${DATA}/query/?$`), kind: 'rest.query', protocol: 'rest', versioned: true, handle: (call) => rest.query(call, false) },
  { method: 'POST', pattern: new RegExp(`${DATA}/tooling/runTestsSynchronous/?$`), kind: 'rest.tooling.runTestsSynchronous', protocol: 'rest', versioned: true, handle: (call) => rest.runTests(call, false) },
  { method: 'POST', pattern: new RegExp(`${DATA}/tooling/runTestsAsynchronous/?$`), kind: 'rest.tooling.runTestsAsynchronous', protocol: 'rest', versioned: true, handle: (call) => rest.runTests(call, true) },
  { method: 'GET', pattern: new RegExp(`${DATA}/tooling/query/?$`), kind: 'rest.tooling.query', protocol: 'rest', versioned: true, handle: (call) => rest.query(call, true) },
  { method: 'GET', pattern: new RegExp(`${DATA}/sobjects/(User|Organization)/(\\w+)$`), kind: 'rest.sobject', protocol: 'rest', versioned: true, handle: (call) => rest.sobject(call, call.params[1]!, call.params[2]!) },
  { method: 'GET', pattern: new RegExp(`${DATA}/limits/?$`), kind: 'rest.limits', protocol: 'rest', versioned: true, handle: (call) => rest.limits(call) },
  { method: 'POST', pattern: new RegExp(`${DATA}/metadata/deployRequest/?$`), kind: 'rest.deployRequest.create', protocol: 'rest', versioned: true, handle: (call) => rest.createDeployRequest(call) },
  { method: 'GET', pattern: new RegExp(`${DATA}/metadata/deployRequest/(\\w+)$`), kind: 'rest.deployRequest.status', protocol: 'rest', versioned: true, handle: (call) => rest.deployRequestStatus(call, call.params[1]!) },
  { method: 'PATCH', pattern: new RegExp(`${DATA}/metadata/deployRequest/(\\w+)$`), kind: 'rest.deployRequest.cancel', protocol: 'rest', versioned: true, handle: (call) => rest.cancelDeployRequest(call, call.params[1]!) },
  { method: 'POST', pattern: /^\/cometd\/(\d+\.\d)\/?$/, kind: 'cometd', protocol: 'rest', versioned: true, handle: (call) => rest.cometd(call) },
  { method: 'POST', pattern: /^\/services\/oauth2\/token$/, kind: 'oauth.token', protocol: 'oauth', handle: () => ({ status: 500 }) },
  { method: 'POST', pattern: /^\/services\/oauth2\/revoke$/, kind: 'oauth.revoke', protocol: 'oauth', handle: () => ({ status: 500 }) },
  { method: 'GET', pattern: /^\/services\/oauth2\/userinfo$/, kind: 'userinfo', protocol: 'rest', handle: (call, state) => ({ status: 200, body: userInfoOf(state.url, call.org, call.user) }) },
  { method: 'GET', pattern: /^\/id\/(00D\w+)\/(005\w+)$/, kind: 'identity', protocol: 'rest', handle: identity },
  { method: 'POST', pattern: /^\/services\/Soap\/m\/(\d+\.\d)(?:\/\w+)?$/, kind: 'soap', protocol: 'soap', versioned: true, handle: () => ({ status: 500 }) },
  // The Partner SOAP API, for the one call the action makes there (getServerTimestamp).
  { method: 'POST', pattern: /^\/services\/Soap\/u\/(\d+\.\d)(?:\/\w+)?$/, kind: 'soap.partner', protocol: 'soap', versioned: true, handle: () => ({ status: 500 }) },
];

function identity(call: AuthenticatedCall, state: EmulatorState): Reply {
  const [orgId = '', userId = ''] = call.params;
  if (!call.org.id.startsWith(orgId.slice(0, 15)) || !call.user.id.startsWith(userId.slice(0, 15))) {
    return { status: 403, body: 'Bad_Id', contentType: 'text/plain' };
  }
  return { status: 200, body: identityOf(state.url, call.org, call.user) };
}

const SESSION_EXPIRED = (): Reply => ({
  status: 401,
  body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
});

function faultReply(fault: FaultKind, protocol: Protocol): Reply {
  if (fault === 'maintenance') {
    return {
      status: 503,
      contentType: 'text/html;charset=UTF-8',
      body: '<!DOCTYPE html><html><head><title>Salesforce - Maintenance</title></head><body><h1>We are down for maintenance.</h1><p>Sorry for the inconvenience. We will be back shortly.</p></body></html>',
    };
  }
  if (fault === 'request-limit') {
    // The org's API request limit is used up (REST API Developer Guide, "Status Codes and Error
    // Responses": 403 REQUEST_LIMIT_EXCEEDED; the SOAP APIs answer the same code as a fault).
    const message = 'TotalRequests Limit exceeded.';
    if (protocol === 'soap') return soapFault('REQUEST_LIMIT_EXCEEDED', message);
    if (protocol === 'oauth') return { status: 400, body: { error: 'invalid_grant', error_description: 'ip restricted or request limit exceeded' } };
    return rest.restError(403, 'REQUEST_LIMIT_EXCEEDED', message);
  }
  if (fault === 'http-503') {
    return {
      status: 503,
      contentType: 'text/html;charset=UTF-8',
      body: '<html><head><title>Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request. Please try again later.</p></body></html>',
    };
  }
  if (fault === 'expire-session') {
    if (protocol === 'soap') return invalidSessionFault();
    if (protocol === 'oauth') return { status: 400, body: { error: 'invalid_grant', error_description: 'expired access/refresh token' } };
    return SESSION_EXPIRED();
  }
  const unexpected = 'An unexpected error occurred. Please include this ErrorId if you contact support: 1357924680-24680 (-1357924680)';
  if (protocol === 'soap') return soapFault('UNKNOWN_EXCEPTION', unexpected);
  if (protocol === 'oauth') return { status: 500, body: { error: 'unknown_error', error_description: 'retry your request' } };
  return rest.restError(500, 'UNKNOWN_EXCEPTION', unexpected);
}

function bearerToken(headers: IncomingHttpHeaders, query: URLSearchParams): string | undefined {
  const header = headers.authorization;
  const match = header ? /^(?:Bearer|OAuth)\s+(.+)$/i.exec(header) : null;
  return match?.[1]?.trim() ?? query.get('oauth_token') ?? undefined;
}

/** The org an OAuth token request is for, read without verifying anything, so faults can target an org. */
function tokenRequestOrg(form: URLSearchParams, state: EmulatorState): string | undefined {
  const refresh = form.get('refresh_token');
  if (refresh) return state.sessions.refreshGrant(refresh)?.orgId;
  try {
    const claims = JSON.parse(Buffer.from((form.get('assertion') ?? '').split('.')[1] ?? '', 'base64url').toString('utf8')) as { sub?: string };
    return state.userByUsername(claims.sub ?? '')?.org.id;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, reply: Reply): void {
  const isText = typeof reply.body === 'string';
  const payload = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    'content-type': reply.contentType ?? (isText ? 'text/plain;charset=UTF-8' : 'application/json;charset=UTF-8'),
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

async function handle(req: IncomingMessage, res: ServerResponse, state: EmulatorState): Promise<void> {
  const receivedAt = Date.now();
  // Not `new URL(req.url, base)`: the Salesforce CLI sends `//services/...` (an instance URL with a
  // trailing slash), which URL would read as a host name.
  const [rawPath = '/', rawQuery = ''] = (req.url ?? '/').split(/\?(.*)/s);
  const path = rawPath.replace(/\/{2,}/g, '/');
  const query = new URLSearchParams(rawQuery);
  const method = (req.method ?? 'GET').toUpperCase();
  const body = await readBody(req);
  const entry: RequestLogEntry = { seq: state.requests.length + 1, at: new Date().toISOString(), method, path, kind: 'unknown', status: 0, receivedAt };
  state.requests.push(entry);
  const { onRequest } = state;
  if (onRequest) res.once('close', () => onRequest(entry));

  const route = ROUTES.find((r) => r.method === method && r.pattern.test(path));
  const params = route ? [...route.pattern.exec(path)!].slice(1).map((p) => p ?? '') : [];
  let soap: SoapRequest | undefined;
  let form: URLSearchParams | undefined;
  let token: string | undefined;
  if (route?.protocol === 'soap') {
    soap = parseSoapRequest(body.toString('utf8'));
    entry.kind = `soap.${soap?.method ?? 'unknown'}`;
    token = soap?.sessionId;
  } else if (route?.protocol === 'oauth') {
    form = new URLSearchParams(body.toString('utf8'));
    entry.kind = route.kind;
    entry.orgId = route.kind === 'oauth.token' ? tokenRequestOrg(form, state) : undefined;
  } else if (route) {
    entry.kind = route.kind;
    token = bearerToken(req.headers, query);
  }
  const session = state.sessions.session(token);
  entry.orgId ??= session?.orgId;

  const reply = (answer: Reply): void => {
    entry.status = answer.status;
    if (answer.detail) entry.detail = answer.detail;
    send(res, answer);
  };

  const fault = state.faults.take(entry.kind, entry.orgId);
  if (fault) entry.fault = fault.fault;
  if (fault?.fault === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
  if (fault?.fault === 'reset') {
    req.socket.destroy();
    return;
  }
  const processed = new Set<FaultKind>(['delay', 'reset-after', 'another-job-reset-after', 'finish-first']);
  if (fault && !processed.has(fault.fault)) return reply(faultReply(fault.fault, route?.protocol ?? 'rest'));

  // Another job's identical request lands first; its answer goes to that job, not to this client.
  if (fault?.fault === 'another-job-reset-after') entry.detail = { anotherJob: (await answerRoute()).detail };
  const answer = await answerRoute();
  if (fault?.fault === 'reset-after' || fault?.fault === 'another-job-reset-after') {
    // The request took effect but its answer is lost: what a client must not blindly retry.
    entry.detail = { ...entry.detail, ...answer.detail };
    req.socket.destroy();
    return;
  }
  reply(answer);

  async function answerRoute(): Promise<Reply> {
    if (!route) return rest.NOT_FOUND();
    if (route.protocol === 'oauth') {
      if (route.kind === 'oauth.revoke') {
        state.sessions.revoke(form!.get('token') ?? '');
        return { status: 200, body: '' };
      }
      const outcome = tokenRequest(form!, {
        url: state.url,
        apps: state.apps,
        sessions: state.sessions,
        orgById: (id) => state.orgById(id),
        userByUsername: (username) => state.userByUsername(username),
      });
      entry.orgId = outcome.orgId ?? entry.orgId;
      return { status: outcome.status, body: outcome.body, detail: outcome.detail };
    }
    if (route.kind === 'rest.versions') return rest.versions(state.apiVersions);
    const version = route.versioned ? params[0]! : '';
    if (route.versioned && !state.apiVersions.includes(version)) {
      return route.protocol === 'soap'
        ? soapFault('UNSUPPORTED_API_VERSION', `Invalid Api version specified on URL`)
        : rest.NOT_FOUND();
    }
    if (route.protocol === 'soap' && !soap) return soapFault('INVALID_OPERATION', 'Unable to parse the SOAP envelope');
    const org = session ? state.orgById(session.orgId) : undefined;
    if (!session || !org) return route.protocol === 'soap' ? invalidSessionFault() : SESSION_EXPIRED();
    org.apiRequests++;
    const call: AuthenticatedCall = {
      method,
      path,
      query,
      headers: req.headers,
      body,
      params,
      version,
      baseUrl: state.url,
      org,
      user: org.user(session.userId),
      ...(fault?.fault === 'finish-first' ? { finishFirst: true } : {}),
    };
    if (route.kind === 'soap.partner') return partnerCall(call, soap!);
    return route.protocol === 'soap' ? metadataCall(call, soap!) : route.handle(call, state);
  }
}

/** Serves the emulator over HTTP on 127.0.0.1; resolves once listening. */
export async function listen(state: EmulatorState & { url: string }, port: number): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    handle(req, res, state).catch((error: unknown) => {
      // An emulator bug must show up in the test that hit it, not hang the client.
      const last = state.requests.at(-1);
      if (last) last.status = 500;
      if (!res.headersSent) send(res, rest.restError(500, 'UNKNOWN_EXCEPTION', `Emulator error: ${(error as Error).stack ?? String(error)}`));
    });
  });
  // Idle keep-alive connections stay open longer than clients keep them (undici: 4 s), so a client
  // never sends a request into a socket the server is closing (a spurious UND_ERR_SOCKET).
  server.keepAliveTimeout = 65_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    port: actualPort,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
