import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import { ActionError, errorMessage } from '../errors.js';
import { ArchiveRefused, ROLLBACK_ARTIFACT_LIMITS, extractZipFile, type ArchiveLimits } from './artifact-zip.js';
import type { RunContext } from '../settings.js';
import { createGitHubClient, httpStatus, type GitHubClient } from './client.js';

/**
 * The run that uploaded an artifact, as GitHub records it on the artifact (`workflow_run`):
 * evidence no content of the artifact can change.
 */
export interface ArtifactWorkflowRun {
  id: number;
  repositoryId: number;
  headRepositoryId: number;
  headBranch: string;
  headSha: string;
}

/** One artifact of a workflow run, as the REST API lists it. */
export interface RunArtifact {
  id: number;
  name: string;
  createdAt?: string;
  /** `sha256:<hex>` of the artifact's zip as recorded at upload, when GitHub reports it. */
  digest?: string;
  /** Bytes of the artifact's zip as GitHub records them (`size_in_bytes`). */
  size?: number;
  /** GitHub's record of the uploading run; absent only where GitHub leaves it out. */
  workflowRun?: ArtifactWorkflowRun;
}

/** The bytes of an artifact differ from the digest recorded when it was uploaded. */
export class ArtifactDigestMismatch extends ActionError {}

/** The workflow-run artifacts the action stores and reads; the only code that talks to the artifact service. */
export interface ArtifactStore {
  /** Uploads every file under rootDir (paths relative to it) as one artifact of this run; returns its id. */
  upload(name: string, rootDir: string, files: string[]): Promise<number>;
  /**
   * Downloads an artifact of this run by name into dir (the runtime-token path, no REST call).
   * Like downloadFromRun, the zip is fetched whole and extracted within `limits`.
   */
  downloadOwn(name: string, dir: string, limits?: ArchiveLimits): Promise<void>;
  /** Lists the artifacts of another run with GitHub's record of the run that uploaded each (REST, needs `actions: read`). */
  listRun(runId: number): Promise<RunArtifact[]>;
  /**
   * Downloads an artifact of another run by id into dir; with `expectedDigest` the bytes must
   * match the digest GitHub recorded at upload. The zip is not unpacked while it streams (as
   * @actions/artifact would): its recorded size, its size on disk and its central directory are
   * checked against `limits` (default: a rollback artifact's) before anything is extracted, and
   * inflating is capped too (see artifact-zip.ts).
   */
  downloadFromRun(runId: number, artifactId: number, dir: string, expectedDigest?: string, bounds?: { size?: number; limits?: ArchiveLimits }): Promise<void>;
}

/**
 * An ArtifactStore over @actions/artifact, loaded on first use to keep start-up lean. Listing goes
 * through the run's GitHub client (REST), which reports each artifact's `workflow_run`.
 */
export function createArtifactStore(context: RunContext, token: string, github?: () => Promise<GitHubClient>): ArtifactStore {
  let client: Promise<ArtifactClient> | undefined;
  const artifacts = (): Promise<ArtifactClient> =>
    (client ??= import('@actions/artifact').then((m) => new m.DefaultArtifactClient()));
  const findBy = (runId: number) => ({ token, workflowRunId: runId, repositoryOwner: context.owner, repositoryName: context.repo });
  const repository = `${context.owner}/${context.repo}`;

  return {
    async upload(name, rootDir, files) {
      const c = await artifacts();
      const absolute = files.map((f) => path.resolve(rootDir, f));
      for (let round = 1; ; round++) {
        try {
          const response = await c.uploadArtifact(name, absolute, path.resolve(rootDir));
          if (!response.id) throw new ActionError(`Uploading artifact '${name}' returned no artifact id.`);
          return response.id;
        } catch (error) {
          // @actions/artifact retries a Twirp call 5 times on 5xx and 429, but a reset (ECONNRESET,
          // ETIMEDOUT…) fails at once: the call may or may not have reached the service. If the
          // artifact exists finalized, the lost answer was a success (its content is verified by
          // the read-back); otherwise the whole upload is made again (CreateArtifact replaces an
          // upload that never finalized).
          if (!uploadRetryable(error)) throw new ActionError(`Uploading artifact '${name}' failed: ${scrub(errorMessage(error))}`);
          const existing = await c.getArtifact(name).then((r) => r.artifact, () => undefined);
          if (existing?.id) return existing.id;
          if (round >= UPLOAD_ROUNDS) throw new ActionError(`Uploading artifact '${name}' failed ${round} times: ${scrub(errorMessage(error))}`);
          await new Promise((resolve) => setTimeout(resolve, 2000 * round));
        }
      }
    },
    async downloadOwn(name, dir, limits = ROLLBACK_ARTIFACT_LIMITS) {
      const c = await artifacts();
      const { artifact } = await attempt(`Finding artifact '${name}' of this run`, () => c.getArtifact(name));
      const what = `Artifact '${name}' of this run`;
      assertRecordedSize(what, artifact.size, limits);
      await boundedDownload(dir, what, limits, async (staging) => {
        const result = await attempt(`Downloading artifact '${name}' of this run`, () =>
          c.downloadArtifact(artifact.id, { path: staging, skipDecompress: true, ...(artifact.digest ? { expectedHash: artifact.digest } : {}) }),
        );
        if (result.digestMismatch) {
          throw new ArtifactDigestMismatch(`The downloaded bytes of artifact '${name}' do not match the digest recorded at upload (${artifact.digest}).`);
        }
      });
    },
    async listRun(runId) {
      const { octokit, owner, repo } = await (github?.() ?? createGitHubClient(token, context));
      let listed: Awaited<ReturnType<typeof octokit.rest.actions.listWorkflowRunArtifacts>>['data']['artifacts'];
      try {
        listed = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, { owner, repo, run_id: runId, per_page: 100 });
      } catch (error) {
        // A 404 is a run id GitHub does not know in this repository, not a token without actions: read (403).
        if (httpStatus(error) === 404) {
          throw new ActionError(`Run ${runId} was not found in ${repository}. Check rollback-run-id: it is the number in the run's URL (…/actions/runs/<id>), of a run in this repository.`);
        }
        throw new ActionError(`Listing the artifacts of run ${runId} in ${repository} (the github-token needs actions: read) failed: ${scrub(errorMessage(error))}`);
      }
      return listed.map((a) => ({
        id: a.id,
        name: a.name,
        ...(a.created_at ? { createdAt: a.created_at } : {}),
        ...(a.digest ? { digest: a.digest } : {}),
        ...(typeof a.size_in_bytes === 'number' ? { size: a.size_in_bytes } : {}),
        ...(a.workflow_run && typeof a.workflow_run.id === 'number'
          ? {
            workflowRun: {
              id: a.workflow_run.id,
              repositoryId: a.workflow_run.repository_id ?? -1,
              headRepositoryId: a.workflow_run.head_repository_id ?? -1,
              headBranch: a.workflow_run.head_branch ?? '',
              headSha: a.workflow_run.head_sha ?? '',
            },
          }
          : {}),
      }));
    },
    async downloadFromRun(runId, artifactId, dir, expectedDigest, bounds = {}) {
      const c = await artifacts();
      const limits = bounds.limits ?? ROLLBACK_ARTIFACT_LIMITS;
      const what = `Artifact ${artifactId} of run ${runId}`;
      assertRecordedSize(what, bounds.size, limits);
      let mismatch: ArtifactDigestMismatch | undefined;
      await boundedDownload(dir, what, limits, async (staging) => {
        const result = await attempt(`Downloading artifact ${artifactId} of run ${runId} in ${repository}`, () =>
          c.downloadArtifact(artifactId, { path: staging, skipDecompress: true, findBy: findBy(runId), ...(expectedDigest ? { expectedHash: expectedDigest } : {}) }),
        );
        if (result.digestMismatch) {
          mismatch = new ArtifactDigestMismatch(`The downloaded bytes of artifact ${artifactId} of run ${runId} do not match the digest GitHub recorded at upload (${expectedDigest}); the artifact was changed after it was stored.`);
        }
      });
      // Reported after extraction (within the limits), so the caller can name the file that changed.
      if (mismatch) throw mismatch;
    },
  };
}

/** Whole-upload attempts, on top of @actions/artifact's own retries of each call. */
const UPLOAD_ROUNDS = 3;

/**
 * Failures a new upload can cure: a connection reset or timeout (which @actions/artifact does not
 * retry: the call may or may not have reached the service), and 5xx/429 that outlasted its own
 * retries. A status it calls non-retryable (403, 409 a name taken in the run…) is final.
 */
function uploadRetryable(error: unknown): boolean {
  const message = errorMessage(error);
  if ((error as { name?: string })?.name === 'NetworkError') return true;
  if (/non-retryable/i.test(message)) return false;
  return /Unable to make request|ECONNRESET|ETIMEDOUT|ECONNREFUSED|EPIPE|socket hang up|Failed to make request after \d+ attempts/i.test(message);
}

/** Refuses an artifact whose recorded size is over the limits, before a byte is downloaded. */
function assertRecordedSize(what: string, size: number | undefined, limits: ArchiveLimits): void {
  if (size !== undefined && size > limits.zipBytes) {
    throw new ArchiveRefused(`${what} was refused before download: GitHub records its zip as ${size.toLocaleString('en-US')} bytes, over the limit of ${limits.zipBytes.toLocaleString('en-US')} bytes for a rollback artifact. Nothing was downloaded or extracted.`);
  }
}

/**
 * Downloads an artifact's zip unextracted into a staging folder next to `dir` (never inside it:
 * `dir` must hold the artifact's files only), then extracts it within the limits and deletes it.
 */
async function boundedDownload(dir: string, what: string, limits: ArchiveLimits, download: (staging: string) => Promise<void>): Promise<void> {
  const staging = mkdtempSync(path.join(path.dirname(path.resolve(dir)), 'artifact-zip-'));
  try {
    await download(staging);
    const saved = readdirSync(staging);
    if (saved.length !== 1) throw new ActionError(`${what}: the download left ${saved.length} files instead of one zip.`);
    const zipPath = path.join(staging, saved[0]!);
    extractZipFile(zipPath, dir, limits, `${what} (${statSync(zipPath).size.toLocaleString('en-US')} bytes)`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function attempt<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new ActionError(`${what} failed: ${scrub(errorMessage(error))}`);
  }
}

/** Drops signatures and tokens that an HTTP error might carry (signed blob URLs, auth headers). */
function scrub(text: string): string {
  return text
    .replace(/([?&](sig|se|sp|sv|sr|skoid|sktid|skt|ske|sks|skv|token)=)[^&\s"']+/gi, '$1[REDACTED]')
    .replace(/(Bearer|token)\s+[A-Za-z0-9._~+/-]{16,}=*/g, '$1 [REDACTED]');
}
