// The Actions artifact backend as @actions/artifact 6 sees it: runtime tokens (ACTIONS_RUNTIME_TOKEN),
// the results service's Twirp ArtifactService (JSON, snake_case, int64 as strings) and the Azure
// block-blob endpoints behind its signed URLs.
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { jsonBody, ReplyError, type Reply, type RequestContext, type Surface } from './server.js';
import {
  repoKey, type ArtifactRecord, type BlobRecord, type EmulatorState, type RepoRecord, type RunIdentity,
} from './state.js';

const twirpPrefix = '/twirp/github.actions.results.api.v1.ArtifactService/';
const blobPrefix = '/blob/';
const azureVersion = '2025-11-05';
const uploadUrlTtlMs = 6 * 3600_000;
const downloadUrlTtlMs = 10 * 60_000;
const defaultRetentionMs = 90 * 24 * 3600_000;

/** Twirp error codes and the HTTP statuses Twirp pairs them with. */
const twirpStatus = {
  invalid_argument: 400, malformed: 400, unauthenticated: 401, permission_denied: 403, not_found: 404,
  bad_route: 404, already_exists: 409, failed_precondition: 412, resource_exhausted: 429, internal: 500,
  unknown: 500, unavailable: 503,
} as const;
type TwirpCode = keyof typeof twirpStatus;

function twirpError(code: TwirpCode, msg: string): Reply {
  return { status: twirpStatus[code], body: { code, msg } };
}

function twirpFail(code: TwirpCode, msg: string): never {
  throw new ReplyError(twirpError(code, msg));
}

function azureError(status: number, code: string, message: string): Reply {
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}\nRequestId:${randomUUID()}\nTime:${new Date().toISOString()}</Message></Error>`;
  return { status, headers: { 'content-type': 'application/xml', 'x-ms-error-code': code }, body };
}

function azureFail(status: number, code: string, message: string): never {
  throw new ReplyError(azureError(status, code, message));
}

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

/** Reads a proto3 JSON field by its proto name or its camelCase JSON name; wrappers may be bare or `{value}`. */
function field(body: Record<string, unknown>, protoName: string): unknown {
  const camel = protoName.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const value = body[protoName] ?? body[camel];
  if (value && typeof value === 'object' && 'value' in value) return (value as { value: unknown }).value;
  return value;
}

/** The artifact backend: mints runtime tokens, signs blob URLs, serves Twirp and blob requests. */
export class ArtifactBackend {
  constructor(
    private readonly state: EmulatorState,
    private readonly secret: Buffer,
    private readonly baseUrl: () => string,
  ) {}

  /** A JWT shaped like ACTIONS_RUNTIME_TOKEN whose `scp` carries the run's results-service backend ids. */
  mintRuntimeToken(repo: RepoRecord, runId: number, attempt: number, jobId: string): string {
    const runBackendId = this.backendId(`run:${repoKey(repo.owner, repo.name)}:${runId}:${attempt}`);
    const jobBackendId = this.backendId(`job:${repoKey(repo.owner, repo.name)}:${runId}:${attempt}:${jobId}`);
    this.state.runIdentities.set(runBackendId, { repo, runId, attempt, jobId, runBackendId, jobBackendId });
    const now = Math.floor(this.state.clock().getTime() / 1000);
    const header = { typ: 'JWT', alg: 'HS256' };
    const claims = {
      scp: `Actions.GenericRead:00000000-0000-0000-0000-000000000000 Actions.Results:${runBackendId}:${jobBackendId}`,
      IdentityTypeClaim: 'System:ServiceIdentity',
      iss: 'vstoken.actions.githubusercontent.com',
      aud: 'vstoken.actions.githubusercontent.com',
      nbf: now - 60,
      iat: now,
      exp: now + 6 * 3600,
    };
    const unsigned = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
    return `${unsigned}.${this.sign(unsigned)}`;
  }

  /** A signed blob URL (Azure SAS look-alike): `r` to read, `cw` to upload. */
  signedBlobUrl(artifact: ArtifactRecord, permission: 'r' | 'cw'): string {
    const ttl = permission === 'r' ? downloadUrlTtlMs : uploadUrlTtlMs;
    const expiry = new Date(this.state.clock().getTime() + ttl).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const query = new URLSearchParams({ sv: azureVersion, se: expiry, sr: 'b', sp: permission });
    query.set('sig', this.sign(`${artifact.blobPath}\n${permission}\n${expiry}`));
    return `${this.baseUrl()}${artifact.blobPath}?${query.toString()}`;
  }

  twirpSurface(): Surface {
    const state = this.state;
    const method = (name: string, handler: (identity: RunIdentity, body: Record<string, unknown>, ctx: RequestContext) => unknown) => ({
      method: 'POST',
      pattern: `${twirpPrefix}${name}`,
      kind: `twirp.${name}`,
      handle: (ctx: RequestContext): Reply => {
        const identity = this.authenticate(ctx);
        const body = jsonBody<Record<string, unknown>>(ctx, (m) => twirpError('malformed', m));
        return { status: 200, body: handler(identity, body, ctx) };
      },
    });

    return {
      name: 'twirp',
      owns: (path) => path.startsWith('/twirp/'),
      errorReply: (status, message) => {
        const code = (Object.entries(twirpStatus).find(([, s]) => s === status)?.[0] ?? 'internal') as TwirpCode;
        return twirpError(status === 404 ? 'bad_route' : code, message);
      },
      decorate: (reply) => ({ ...reply, headers: { 'content-type': 'application/json', ...reply.headers } }),
      routes: [
        method('CreateArtifact', (identity, body, ctx) => {
          this.assertOwnIds(identity, body);
          const name = String(field(body, 'name') ?? '');
          if (!name) twirpFail('invalid_argument', 'name is required');
          const version = Number(field(body, 'version') ?? 0);
          if (version < 4) twirpFail('invalid_argument', `artifact version ${version} is not supported by this backend`);
          ctx.detail = name;
          const sameRun = [...state.artifacts.values()].filter((a) =>
            a.repo === identity.repo && a.runId === identity.runId && a.attempt === identity.attempt && a.name === name && !a.deleted);
          if (sameRun.some((a) => a.finalized)) {
            twirpFail('already_exists', 'an artifact with this name already exists on the workflow run');
          }
          // An upload that never finalized is superseded by a new one under the same name.
          for (const stale of sameRun) state.artifacts.delete(stale.id);
          const mimeType = String(field(body, 'mime_type') ?? 'application/zip');
          const expiresAt = field(body, 'expires_at');
          const id = state.nextId('artifact');
          const now = state.timestamp();
          const record: ArtifactRecord = {
            id, repo: identity.repo, runId: identity.runId, attempt: identity.attempt,
            runBackendId: identity.runBackendId, jobBackendId: identity.jobBackendId, name, mimeType,
            blobPath: `${blobPrefix}actions-results/${identity.runBackendId}/workflow-job-run-${identity.jobBackendId}/artifacts/${id}${mimeType === 'application/zip' ? '.zip' : ''}`,
            size: 0, digest: null, finalized: false, deleted: false, createdAt: now, updatedAt: now,
            expiresAt: typeof expiresAt === 'string' ? expiresAt.replace(/\.\d+Z$/, 'Z') : state.timestamp(defaultRetentionMs),
          };
          state.artifacts.set(id, record);
          return { ok: true, signed_upload_url: this.signedBlobUrl(record, 'cw') };
        }),

        method('FinalizeArtifact', (identity, body, ctx) => {
          this.assertOwnIds(identity, body);
          const name = String(field(body, 'name') ?? '');
          ctx.detail = name;
          const record = [...state.artifacts.values()].find((a) =>
            a.runBackendId === identity.runBackendId && a.name === name && !a.finalized && !a.deleted)
            ?? twirpFail('not_found', `no pending artifact named '${name}' in this workflow run`);
          const bytes = state.blobs.get(record.blobPath)?.committed
            ?? twirpFail('failed_precondition', `artifact '${name}' has no committed upload`);
          const size = Number(field(body, 'size') ?? 0);
          if (size !== bytes.length) twirpFail('invalid_argument', `declared size ${size} does not match the ${bytes.length} uploaded bytes`);
          const hash = field(body, 'hash');
          const actual = `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
          if (hash !== undefined && hash !== actual) twirpFail('invalid_argument', `declared hash ${String(hash)} does not match the uploaded content (${actual})`);
          Object.assign(record, { finalized: true, size, digest: typeof hash === 'string' ? hash : null, updatedAt: state.timestamp() });
          return { ok: true, artifact_id: String(record.id) };
        }),

        method('ListArtifacts', (identity, body) => {
          const nameFilter = field(body, 'name_filter');
          const idFilter = field(body, 'id_filter');
          const visible = [...state.artifacts.values()].filter((a) =>
            a.repo === identity.repo && a.runId === identity.runId && a.attempt <= identity.attempt &&
            a.finalized && !a.deleted && !state.isExpired(a) &&
            (nameFilter === undefined || a.name === nameFilter) && (idFilter === undefined || String(a.id) === String(idFilter)));
          return {
            artifacts: visible.map((a) => ({
              workflow_run_backend_id: a.runBackendId,
              workflow_job_run_backend_id: a.jobBackendId,
              database_id: String(a.id),
              name: a.name,
              size: String(a.size),
              created_at: a.createdAt,
              ...(a.digest !== null && { digest: a.digest }),
            })),
          };
        }),

        method('GetSignedArtifactURL', (identity, body, ctx) => {
          const record = this.findFinalized(identity, body);
          ctx.detail = record.name;
          return { signed_url: this.signedBlobUrl(record, 'r') };
        }),

        method('DeleteArtifact', (identity, body, ctx) => {
          const record = this.findFinalized(identity, body);
          ctx.detail = record.name;
          record.deleted = true;
          return { ok: true, artifact_id: String(record.id) };
        }),
      ],
    };
  }

  blobSurface(): Surface {
    const state = this.state;
    return {
      name: 'blob',
      owns: (path) => path.startsWith(blobPrefix),
      errorReply: (status, message) =>
        azureError(status, status === 404 ? 'ResourceNotFound' : status === 503 ? 'ServerBusy' : 'InternalError', message),
      decorate: (reply, ctx) => ({
        ...reply,
        headers: {
          'x-ms-request-id': randomUUID(),
          'x-ms-version': String(ctx.headers['x-ms-version'] ?? azureVersion),
          date: state.clock().toUTCString(),
          server: 'Windows-Azure-Blob/1.0 Microsoft-HTTPAPI/2.0',
          ...reply.headers,
        },
      }),
      routes: [
        { method: 'PUT', pattern: `${blobPrefix}*path`, kind: 'blob.put', handle: (ctx) => this.putBlob(ctx) },
        { method: 'GET', pattern: `${blobPrefix}*path`, kind: 'blob.get', handle: (ctx) => this.getBlob(ctx) },
      ],
    };
  }

  private putBlob(ctx: RequestContext): Reply {
    this.verifySas(ctx, 'w');
    const path = ctx.url.pathname;
    const blob = this.blob(path);
    const comp = ctx.url.searchParams.get('comp');
    const md5 = createHash('md5').update(ctx.body).digest('base64');
    if (comp === 'block') {
      const blockId = ctx.url.searchParams.get('blockid');
      if (!blockId || Buffer.from(blockId, 'base64').length > 64) azureFail(400, 'InvalidQueryParameterValue', 'Value for one of the query parameters specified in the request URI is invalid.');
      blob.blocks.set(blockId, Buffer.from(ctx.body));
      ctx.detail = `block ${ctx.body.length} bytes`;
      return { status: 201, headers: { 'content-md5': md5, 'x-ms-request-server-encrypted': 'true' } };
    }
    if (comp === 'blocklist') {
      const ids = [...ctx.body.toString('utf8').matchAll(/<(Latest|Committed|Uncommitted)>([^<]*)<\/\1>/g)].map((m) => m[2]!);
      const parts = ids.map((id) => blob.blocks.get(id) ?? azureFail(400, 'InvalidBlockList', 'The specified block list is invalid.'));
      blob.committed = Buffer.concat(parts);
      blob.blocks = new Map(ids.map((id, i) => [id, parts[i]!]));
      this.touch(blob, ctx);
      ctx.detail = `blocklist ${ids.length} blocks, ${blob.committed.length} bytes`;
      return { status: 201, headers: this.writeHeaders(blob) };
    }
    if (comp === null && String(ctx.headers['x-ms-blob-type'] ?? '') === 'BlockBlob') {
      blob.committed = Buffer.from(ctx.body);
      blob.blocks.clear();
      this.touch(blob, ctx);
      ctx.detail = `single-shot ${ctx.body.length} bytes`;
      return { status: 201, headers: { ...this.writeHeaders(blob), 'content-md5': md5 } };
    }
    azureFail(400, 'InvalidQueryParameterValue', `This emulator does not support comp=${comp ?? '(none)'} on PUT.`);
  }

  private getBlob(ctx: RequestContext): Reply {
    this.verifySas(ctx, 'r');
    const blob = this.state.blobs.get(ctx.url.pathname);
    if (!blob?.committed) azureFail(404, 'BlobNotFound', 'The specified blob does not exist.');
    const artifact = [...this.state.artifacts.values()].find((a) => a.blobPath === ctx.url.pathname);
    const headers: Record<string, string> = {
      'content-type': blob.contentType,
      etag: blob.etag,
      'last-modified': blob.lastModified.toUTCString(),
      'accept-ranges': 'bytes',
      'x-ms-blob-type': 'BlockBlob',
      'x-ms-server-encrypted': 'true',
      ...(artifact && !artifact.blobPath.endsWith('.zip') && { 'content-disposition': `attachment; filename="${artifact.name}"` }),
    };
    ctx.detail = `${blob.committed.length} bytes`;
    const range = /^bytes=(\d+)-(\d*)$/.exec(String(ctx.headers['x-ms-range'] ?? ctx.headers.range ?? ''));
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : blob.committed.length - 1, blob.committed.length - 1);
      if (start > end) azureFail(416, 'InvalidRange', 'The range specified is invalid for the current size of the resource.');
      return { status: 206, headers: { ...headers, 'content-range': `bytes ${start}-${end}/${blob.committed.length}` }, body: blob.committed.subarray(start, end + 1) };
    }
    return { status: 200, headers, body: blob.committed };
  }

  private blob(path: string): BlobRecord {
    let blob = this.state.blobs.get(path);
    if (!blob) {
      blob = { blocks: new Map(), committed: undefined, contentType: 'application/octet-stream', etag: '', lastModified: this.state.clock() };
      this.state.blobs.set(path, blob);
    }
    return blob;
  }

  private touch(blob: BlobRecord, ctx: RequestContext): void {
    const contentType = ctx.headers['x-ms-blob-content-type'];
    if (typeof contentType === 'string' && contentType) blob.contentType = contentType;
    blob.etag = `"0x${createHash('sha1').update(blob.committed ?? Buffer.alloc(0)).update(randomUUID()).digest('hex').slice(0, 15).toUpperCase()}"`;
    blob.lastModified = this.state.clock();
  }

  private writeHeaders(blob: BlobRecord): Record<string, string> {
    return { etag: blob.etag, 'last-modified': blob.lastModified.toUTCString(), 'x-ms-request-server-encrypted': 'true' };
  }

  /** Checks the SAS signature, expiry and that the permission covers the operation. */
  private verifySas(ctx: RequestContext, need: 'r' | 'w'): void {
    const q = ctx.url.searchParams;
    const sig = q.get('sig') ?? '';
    const sp = q.get('sp') ?? '';
    const se = q.get('se') ?? '';
    const expected = Buffer.from(this.sign(`${ctx.url.pathname}\n${sp}\n${se}`));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      azureFail(403, 'AuthenticationFailed', 'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.');
    }
    if (Date.parse(se) <= this.state.clock().getTime()) azureFail(403, 'AuthenticationFailed', 'Signed expiry time has passed.');
    const allowed = need === 'r' ? sp.includes('r') : sp.includes('w') || sp.includes('c');
    if (!allowed) azureFail(403, 'AuthorizationPermissionMismatch', 'This request is not authorized to perform this operation using this permission.');
  }

  private authenticate(ctx: RequestContext): RunIdentity {
    const header = ctx.headers.authorization ?? '';
    const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
    if (!token) twirpFail('unauthenticated', 'missing bearer token');
    const [head, payload, signature] = token.split('.');
    if (!head || !payload || signature !== this.sign(`${head}.${payload}`)) twirpFail('unauthenticated', 'invalid runtime token');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { scp?: string; exp?: number };
    if ((claims.exp ?? 0) * 1000 <= this.state.clock().getTime()) twirpFail('unauthenticated', 'runtime token has expired');
    const scope = (claims.scp ?? '').split(' ').find((s) => s.startsWith('Actions.Results:'));
    const [, runBackendId, jobBackendId] = (scope ?? '').split(':');
    const identity = runBackendId ? this.state.runIdentities.get(runBackendId) : undefined;
    if (!identity || identity.jobBackendId !== jobBackendId) twirpFail('permission_denied', 'runtime token has no Actions.Results scope for a known run');
    return identity;
  }

  /** Uploads may only be created and finalized for the run and job the token was issued to. */
  private assertOwnIds(identity: RunIdentity, body: Record<string, unknown>): void {
    if (field(body, 'workflow_run_backend_id') !== identity.runBackendId || field(body, 'workflow_job_run_backend_id') !== identity.jobBackendId) {
      twirpFail('permission_denied', 'backend ids do not match the runtime token');
    }
  }

  /** Reads are allowed for any attempt of the token's run. */
  private findFinalized(identity: RunIdentity, body: Record<string, unknown>): ArtifactRecord {
    const runBackendId = field(body, 'workflow_run_backend_id');
    const name = field(body, 'name');
    return [...this.state.artifacts.values()].find((a) =>
      a.runBackendId === runBackendId && a.name === name && a.finalized && !a.deleted && !this.state.isExpired(a) &&
      a.repo === identity.repo && a.runId === identity.runId)
      ?? twirpFail('not_found', `artifact '${String(name)}' not found`);
  }

  private backendId(seed: string): string {
    const hex = createHmac('sha256', this.secret).update(seed).digest('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  private sign(data: string): string {
    return createHmac('sha256', this.secret).update(data).digest('base64url');
  }
}
