import path from 'node:path';
import type { ArtifactClient } from '@actions/artifact';
import { ActionError, errorMessage } from '../errors.js';
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
  /** GitHub's record of the uploading run; absent only where GitHub leaves it out. */
  workflowRun?: ArtifactWorkflowRun;
}

/** The bytes of an artifact differ from the digest recorded when it was uploaded. */
export class ArtifactDigestMismatch extends ActionError {}

/** The workflow-run artifacts the action stores and reads; the only code that talks to the artifact service. */
export interface ArtifactStore {
  /** Uploads every file under rootDir (paths relative to it) as one artifact of this run; returns its id. */
  upload(name: string, rootDir: string, files: string[]): Promise<number>;
  /** Downloads an artifact of this run by name into dir (the runtime-token path, no REST call). */
  downloadOwn(name: string, dir: string): Promise<void>;
  /** Lists the artifacts of another run with GitHub's record of the run that uploaded each (REST, needs `actions: read`). */
  listRun(runId: number): Promise<RunArtifact[]>;
  /**
   * Downloads an artifact of another run by id into dir; with `expectedDigest` the bytes must
   * match the digest GitHub recorded at upload.
   */
  downloadFromRun(runId: number, artifactId: number, dir: string, expectedDigest?: string): Promise<void>;
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
