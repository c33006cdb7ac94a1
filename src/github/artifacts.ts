import path from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import { ActionError, errorMessage } from '../errors.js';
import type { RunContext } from '../settings.js';

/** One artifact of a workflow run, as the REST API lists it. */
export interface RunArtifact {
  id: number;
  name: string;
  createdAt?: string;
  /** `sha256:<hex>` of the artifact's zip as recorded at upload, when GitHub reports it. */
  digest?: string;
}

/** The bytes of an artifact differ from the digest recorded when it was uploaded. */
export class ArtifactDigestMismatch extends ActionError {}

/** The workflow-run artifacts the action stores and reads; the only code that talks to the artifact service. */
export interface ArtifactStore {
  /** Uploads every file under rootDir (paths relative to it) as one artifact of this run; returns its id. */
  upload(name: string, rootDir: string, files: string[]): Promise<number>;
  /** Downloads an artifact of this run by name into dir (the runtime-token path, no REST call). */
  downloadOwn(name: string, dir: string): Promise<void>;
  /** Lists the artifacts of another run (REST, needs `actions: read`). */
  listRun(runId: number): Promise<RunArtifact[]>;
  /**
   * Downloads an artifact of another run by id into dir; with `expectedDigest` the bytes must
   * match the digest GitHub recorded at upload.
   */
  downloadFromRun(runId: number, artifactId: number, dir: string, expectedDigest?: string): Promise<void>;
}

/** An ArtifactStore over @actions/artifact, loaded on first use to keep start-up lean. */
export function createArtifactStore(context: RunContext, token: string): ArtifactStore {
  let client: Promise<ArtifactClient> | undefined;
  const artifacts = (): Promise<ArtifactClient> =>
    (client ??= import('@actions/artifact').then((m) => new m.DefaultArtifactClient()));
  const findBy = (runId: number) => ({ token, workflowRunId: runId, repositoryOwner: context.owner, repositoryName: context.repo });
  const repository = `${context.owner}/${context.repo}`;

  return {
    async upload(name, rootDir, files) {
      const c = await artifacts();
      const absolute = files.map((f) => path.resolve(rootDir, f));
      const response = await attempt(`Uploading artifact '${name}'`, () => c.uploadArtifact(name, absolute, path.resolve(rootDir)));
      if (!response.id) throw new ActionError(`Uploading artifact '${name}' returned no artifact id.`);
      return response.id;
    },
    async downloadOwn(name, dir) {
      const c = await artifacts();
      const { artifact } = await attempt(`Finding artifact '${name}' of this run`, () => c.getArtifact(name));
      const result = await attempt(`Downloading artifact '${name}' of this run`, () =>
        c.downloadArtifact(artifact.id, { path: dir, ...(artifact.digest ? { expectedHash: artifact.digest } : {}) }),
      );
      if (result.digestMismatch) {
        throw new ArtifactDigestMismatch(`The downloaded bytes of artifact '${name}' do not match the digest recorded at upload (${artifact.digest}).`);
      }
    },
    async listRun(runId) {
      const c = await artifacts();
      let listed: Awaited<ReturnType<ArtifactClient['listArtifacts']>>['artifacts'];
      try {
        ({ artifacts: listed } = await c.listArtifacts({ findBy: findBy(runId) }));
      } catch (error) {
        // A 404 is a run id GitHub does not know in this repository, not a token without actions: read (403).
        if ((error as { status?: unknown })?.status === 404) {
          throw new ActionError(`Run ${runId} was not found in ${repository}. Check rollback-run-id: it is the number in the run's URL (…/actions/runs/<id>), of a run in this repository.`);
        }
        throw new ActionError(`Listing the artifacts of run ${runId} in ${repository} (the github-token needs actions: read) failed: ${scrub(errorMessage(error))}`);
      }
      return listed.map((a) => ({
        id: a.id,
        name: a.name,
        ...(a.createdAt ? { createdAt: a.createdAt.toISOString() } : {}),
        ...(a.digest ? { digest: a.digest } : {}),
      }));
    },
    async downloadFromRun(runId, artifactId, dir, expectedDigest) {
      const c = await artifacts();
      const result = await attempt(`Downloading artifact ${artifactId} of run ${runId} in ${repository}`, () =>
        c.downloadArtifact(artifactId, { path: dir, findBy: findBy(runId), ...(expectedDigest ? { expectedHash: expectedDigest } : {}) }),
      );
      if (result.digestMismatch) {
        throw new ArtifactDigestMismatch(`The downloaded bytes of artifact ${artifactId} of run ${runId} do not match the digest GitHub recorded at upload (${expectedDigest}); the artifact was changed after it was stored.`);
      }
    },
  };
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
