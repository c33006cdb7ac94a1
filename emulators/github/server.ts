// HTTP plumbing shared by the three surfaces the emulator serves on one port: the REST API, the
// Actions results service (Twirp) and blob storage. Routes a request, applies injected faults,
// runs the handler and records the exchange in the request log.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a handler answers. */
export interface Reply {
  status: number;
  headers?: Record<string, string | number | string[]>;
  /** Objects are sent as JSON; strings and buffers as they are. */
  body?: unknown;
}

/** Thrown by handlers to answer with an error reply already shaped for their surface. */
export class ReplyError extends Error {
  constructor(readonly reply: Reply, message = `HTTP ${reply.status}`) {
    super(message);
  }
}

/** One incoming request, body already read. */
export interface RequestContext {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** A note for the request log (artifact name, block id…); never a secret. */
  detail?: string;
}

/** A method and path pattern bound to a handler. */
export interface Route {
  method: string;
  /** `/repos/:owner/:repo/pulls/:pull_number`; a final `*rest` takes the remaining segments. */
  pattern: string;
  /** Log and fault key, e.g. `rest.pulls.listReviews`, `twirp.CreateArtifact`, `blob.put`. */
  kind: string;
  handle(ctx: RequestContext): Reply | Promise<Reply>;
}

/** One API surface: its routes plus how it shapes replies and errors. */
export interface Surface {
  name: string;
  owns(path: string): boolean;
  routes: Route[];
  /** Adds the surface's standard response headers (request ids, rate limits…). */
  decorate(reply: Reply, ctx: RequestContext): Reply;
  /** The surface's error body for a status with no more specific cause (unknown route, injected fault). */
  errorReply(status: number, message: string): Reply;
}

/**
 * `http-NNN` answers that status in the surface's error shape; `reset` drops the connection before
 * the request is handled; `reset-after` handles it (its effects happen) and drops the connection
 * instead of answering, an answer lost on the way back; `delay` holds the request; `rate-limit` and
 * `secondary-rate-limit` answer as GitHub does when a limit is hit.
 */
export type FaultKind = 'http-403' | 'http-500' | 'http-502' | 'http-503' | 'reset' | 'reset-after' | 'delay' | 'rate-limit' | 'secondary-rate-limit';

/** A fault to inject into matching requests. */
export interface FaultSpec {
  /** A request kind, `prefix.*` (e.g. `twirp.*`), or `*` for every request. */
  kind: string;
  fault: FaultKind;
  /** How many matching requests it hits; default 1, `Infinity` for all. */
  times?: number;
  /** For `delay`: how long to hold the request before handling it normally; default 1000. */
  delayMs?: number;
  /** For the rate-limit faults: seconds until the limit resets (`retry-after`, `x-ratelimit-reset`); default 1. */
  retryAfterSeconds?: number;
}

/** One request as the emulator saw it. */
export interface RequestLogEntry {
  seq: number;
  at: string;
  method: string;
  /** Path and query, with signatures (`sig=`) redacted. */
  path: string;
  kind: string;
  /** 0 when the connection was reset. */
  status: number;
  detail?: string;
}

/** Injected faults, consumed in the order they were added. */
export class FaultPlan {
  private readonly pending: Array<FaultSpec & { remaining: number }> = [];

  add(fault: FaultSpec): void {
    this.pending.push({ ...fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.pending.length = 0;
  }

  /** Consumes and returns the first fault that applies to a request of this kind. */
  take(kind: string): FaultSpec | undefined {
    const index = this.pending.findIndex((f) => matchesKind(f.kind, kind));
    if (index < 0) return undefined;
    const fault = this.pending[index]!;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.pending.splice(index, 1);
    return fault;
  }
}

function matchesKind(pattern: string, kind: string): boolean {
  if (pattern === '*' || pattern === kind) return true;
  return pattern.endsWith('.*') && kind.startsWith(pattern.slice(0, -1));
}

/**
 * GitHub's answers once a rate limit is hit
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#exceeding-the-primary-rate-limit):
 * primary: 403 with `x-ratelimit-remaining: 0` and the reset time in epoch seconds; secondary: 403
 * with a `retry-after` header and a message naming the secondary rate limit. The reset time is real
 * time (not the emulator's clock): clients compare it with their own clock.
 */
function rateLimitReply(kind: 'rate-limit' | 'secondary-rate-limit', seconds: number): Reply {
  const documentation_url = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';
  if (kind === 'rate-limit') {
    return {
      status: 403,
      headers: { 'x-ratelimit-remaining': 0, 'x-ratelimit-reset': Math.ceil(Date.now() / 1000) + seconds },
      body: { message: 'API rate limit exceeded for installation ID 1.', documentation_url, status: '403' },
    };
  }
  return {
    status: 403,
    headers: { 'retry-after': seconds },
    body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url, status: '403' },
  };
}

/** A listening emulator server. */
export interface HttpHost {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Serves the surfaces on 127.0.0.1; the first surface whose `owns` accepts a path routes it. */
export async function listen(
  surfaces: Surface[],
  options: { port: number; faults: FaultPlan; log: RequestLogEntry[]; clock: () => Date },
): Promise<HttpHost> {
  const compiled = surfaces.map((surface) => ({ surface, routes: surface.routes.map(compileRoute) }));
  const server = createServer((req, res) => {
    void serve(req, res).catch(() => res.destroy());
  });

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = req.method ?? 'GET';
    const ctx: RequestContext = { method, url, params: {}, headers: req.headers, body };
    const owner = compiled.find((c) => c.surface.owns(url.pathname)) ?? compiled[0]!;
    const match = matchRoute(owner.routes, method, url.pathname);
    const kind = match ? match.route.kind : `${owner.surface.name}.unrouted`;
    const entry: RequestLogEntry = {
      seq: options.log.length + 1, at: options.clock().toISOString(), method, path: redact(url), kind, status: 0,
    };
    options.log.push(entry);

    let reply: Reply;
    const fault = options.faults.take(kind);
    if (fault?.fault === 'reset') {
      entry.detail = 'fault: reset';
      req.socket.destroy();
      return;
    }
    if (fault?.fault === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
    if (fault?.fault === 'rate-limit' || fault?.fault === 'secondary-rate-limit') {
      reply = rateLimitReply(fault.fault, fault.retryAfterSeconds ?? 1);
      ctx.detail = `fault: ${fault.fault}`;
    } else if (fault && fault.fault !== 'delay' && fault.fault !== 'reset-after') {
      const status = Number(fault.fault.slice('http-'.length));
      reply = owner.surface.errorReply(status, `Injected fault ${fault.fault}`);
      ctx.detail = `fault: ${fault.fault}`;
    } else if (!match) {
      reply = owner.surface.errorReply(404, 'Not Found');
    } else {
      ctx.params = match.params;
      reply = await runHandler(match.route, ctx, owner.surface);
    }
    reply = owner.surface.decorate(reply, ctx);
    if (fault?.fault === 'reset-after') {
      // Handled, answer lost: status 0 as for a reset, the answer that was lost in the detail.
      entry.detail = `fault: reset after handling (answer ${reply.status} lost)`;
      req.socket.destroy();
      return;
    }
    entry.status = reply.status;
    if (ctx.detail) entry.detail = ctx.detail;
    send(res, reply);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    }),
  };
}

async function runHandler(route: Route, ctx: RequestContext, surface: Surface): Promise<Reply> {
  try {
    return await route.handle(ctx);
  } catch (error) {
    if (error instanceof ReplyError) return error.reply;
    ctx.detail = `handler error: ${error instanceof Error ? error.message : String(error)}`;
    return surface.errorReply(500, 'Internal emulator error');
  }
}

interface CompiledRoute { route: Route; method: string; segments: string[] }

function compileRoute(route: Route): CompiledRoute {
  return { route, method: route.method, segments: route.pattern.split('/').filter(Boolean) };
}

function matchRoute(routes: CompiledRoute[], method: string, pathname: string) {
  const parts = pathname.split('/').filter(Boolean).map(decodeSegment);
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const params = matchSegments(candidate.segments, parts);
    if (params) return { route: candidate.route, params };
  }
  return undefined;
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    if (segment.startsWith('*')) {
      if (i >= parts.length) return undefined;
      params[segment.slice(1)] = parts.slice(i).join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined) return undefined;
    if (segment.startsWith(':')) params[segment.slice(1)] = part;
    else if (segment !== part) return undefined;
  }
  return parts.length === segments.length ? params : undefined;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function redact(url: URL): string {
  const query = new URLSearchParams(url.search);
  if (query.has('sig')) query.set('sig', 'REDACTED');
  const search = query.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string | number | string[]> = { ...reply.headers };
  let payload: Buffer | undefined;
  if (Buffer.isBuffer(reply.body)) payload = reply.body;
  else if (typeof reply.body === 'string') payload = Buffer.from(reply.body);
  else if (reply.body !== undefined) {
    payload = Buffer.from(JSON.stringify(reply.body));
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  headers['content-length'] = payload?.length ?? 0;
  res.writeHead(reply.status, headers);
  res.end(payload);
}

/** Parses a JSON request body; a malformed one becomes the surface's 400. */
export function jsonBody<T>(ctx: RequestContext, invalid: (message: string) => Reply): T {
  if (ctx.body.length === 0) return {} as T;
  try {
    return JSON.parse(ctx.body.toString('utf8')) as T;
  } catch {
    throw new ReplyError(invalid('Problems parsing JSON'));
  }
}
