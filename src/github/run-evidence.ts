import { matchesAnyBranchPattern } from './branch.js';
import type { GitHubClient } from './client.js';

/**
 * Artifacts as evidence of the run that uploaded them. GitHub sets an artifact's `workflow_run`
 * itself, and a run's `event`, `head_sha`, `head_branch` and `head_repository` are GitHub's record
 * of what triggered it: nobody writes them through the API. What an artifact *contains* is only as
 * trustworthy as the run that uploaded it, so a gate first checks which run that was.
 */

/** A workflow run as the REST API reports it (`GET /repos/{owner}/{repo}/actions/runs/{id}`). */
export interface EvidenceRun {
  id: number;
  event: string;
  headSha: string;
  headBranch?: string;
  /** `owner/name` of the repository the run belongs to. */
  repository?: string;
  repositoryId?: number;
  /** `owner/name` of the repository its head commit came from (a fork for a fork's pull request). */
  headRepository?: string;
}

/** A workflow-run artifact with GitHub's record of the run that uploaded it. */
export interface EvidenceArtifact {
  id: number;
  name: string;
  digest?: string;
  createdAt?: string;
  expired: boolean;
  workflowRun?: { id?: number; headSha?: string; headBranch?: string; repositoryId?: number; headRepositoryId?: number };
}

/** Pages read at most when searching runs or artifacts: evidence older than that is not looked for. */
const MAX_PAGES = 3;

/** The runs of this repository for one commit and event, newest first (`GET /actions/runs?head_sha=&event=`). */
export async function listRunsForCommit(client: GitHubClient, headSha: string, event: string): Promise<EvidenceRun[]> {
  const { octokit, owner, repo } = client;
  const runs: EvidenceRun[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await octokit.rest.actions.listWorkflowRunsForRepo({ owner, repo, head_sha: headSha, event, per_page: 100, page, exclude_pull_requests: true });
    runs.push(...data.workflow_runs.map(toRun));
    if (data.workflow_runs.length < 100) break;
  }
  return runs.sort((a, b) => b.id - a.id);
}

/** One run of this repository (`GET /actions/runs/{id}`). */
export async function getRun(client: GitHubClient, runId: number): Promise<EvidenceRun> {
  const { octokit, owner, repo } = client;
  const { data } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId, exclude_pull_requests: true });
  return toRun(data);
}

/** The artifacts of one run (`GET /actions/runs/{id}/artifacts`), newest first. */
export async function listRunArtifacts(client: GitHubClient, runId: number): Promise<EvidenceArtifact[]> {
  const { octokit, owner, repo } = client;
  const artifacts: EvidenceArtifact[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({ owner, repo, run_id: runId, per_page: 100, page });
    artifacts.push(...data.artifacts.map(toArtifact));
    if (data.artifacts.length < 100) break;
  }
  return newestFirst(artifacts);
}

/** The repository's newest artifacts whose name starts with `prefix` (`GET /actions/artifacts`), newest first. */
export async function listRepositoryArtifacts(client: GitHubClient, prefix: string): Promise<EvidenceArtifact[]> {
  const { octokit, owner, repo } = client;
  const artifacts: EvidenceArtifact[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const { data } = await octokit.rest.actions.listArtifactsForRepo({ owner, repo, per_page: 100, page });
    artifacts.push(...data.artifacts.map(toArtifact).filter((a) => a.name.startsWith(prefix)));
    if (data.artifacts.length < 100) break;
  }
  return newestFirst(artifacts);
}

/**
 * Why an artifact cannot count as the record of a pull-request run of this repository on
 * `headSha`, or undefined when it can (pure): the run is a `pull_request` run of this repository,
 * its head commit is `headSha` and comes from this repository (a fork's pull request runs
 * whatever workflow the fork wrote), and GitHub says this run uploaded the artifact.
 */
export function pullRequestEvidenceProblem(run: EvidenceRun, artifact: EvidenceArtifact, repository: string, headSha: string): string | undefined {
  if (run.event !== 'pull_request') return `run ${run.id} was triggered by '${run.event}', not pull_request`;
  return originProblem(run, artifact, repository) ?? (sameSha(run.headSha, headSha) ? undefined : `run ${run.id} ran on ${short(run.headSha)}, not the approved head ${short(headSha)}`);
}

/**
 * Why an artifact cannot count as the record of a release run, or undefined when it can (pure):
 * a `push` or `workflow_dispatch` run of this repository, not from a fork, on a branch matching
 * the production branch patterns, which GitHub says uploaded the artifact.
 */
export function releaseEvidenceProblem(run: EvidenceRun, artifact: EvidenceArtifact, repository: string, patterns: string[]): string | undefined {
  if (run.event !== 'push' && run.event !== 'workflow_dispatch') return `run ${run.id} was triggered by '${run.event}', not push or workflow_dispatch`;
  const origin = originProblem(run, artifact, repository);
  if (origin) return origin;
  if (!run.headBranch || !matchesAnyBranchPattern(run.headBranch, patterns)) return `run ${run.id} ran on branch '${run.headBranch ?? 'unknown'}', which is not a production branch (${patterns.join(', ')})`;
  return undefined;
}

/** The checks every kind of evidence shares: this repository, not a fork, and uploaded by that very run. */
function originProblem(run: EvidenceRun, artifact: EvidenceArtifact, repository: string): string | undefined {
  const same = (a: string | undefined) => a !== undefined && a.toLowerCase() === repository.toLowerCase();
  if (!same(run.repository)) return `run ${run.id} belongs to ${run.repository ?? 'an unknown repository'}, not ${repository}`;
  if (!same(run.headRepository)) return `run ${run.id} ran on a commit from ${run.headRepository ?? 'an unknown repository'} (a fork), not ${repository}`;
  const origin = artifact.workflowRun;
  if (!origin || origin.id !== run.id) return `artifact '${artifact.name}' was uploaded by run ${origin?.id ?? 'unknown'}, not run ${run.id}`;
  if (run.repositoryId !== undefined && (origin.repositoryId !== run.repositoryId || origin.headRepositoryId !== run.repositoryId)) {
    return `artifact '${artifact.name}' was uploaded from another repository or a fork`;
  }
  if (!origin.headSha || !sameSha(origin.headSha, run.headSha)) return `artifact '${artifact.name}' was uploaded on ${short(origin.headSha ?? '')}, not ${short(run.headSha)}`;
  if (artifact.expired) return `artifact '${artifact.name}' has expired`;
  return undefined;
}

function toRun(data: {
  id: number;
  event: string;
  head_sha: string;
  head_branch?: string | null;
  repository?: { full_name?: string; id?: number } | null;
  head_repository?: { full_name?: string } | null;
}): EvidenceRun {
  return {
    id: data.id,
    event: data.event,
    headSha: data.head_sha,
    ...(data.head_branch ? { headBranch: data.head_branch } : {}),
    ...(data.repository?.full_name ? { repository: data.repository.full_name } : {}),
    ...(typeof data.repository?.id === 'number' ? { repositoryId: data.repository.id } : {}),
    ...(data.head_repository?.full_name ? { headRepository: data.head_repository.full_name } : {}),
  };
}

function toArtifact(data: {
  id: number;
  name: string;
  digest?: string | null;
  created_at?: string | null;
  expired: boolean;
  workflow_run?: { id?: number; head_sha?: string; head_branch?: string | null; repository_id?: number; head_repository_id?: number } | null;
}): EvidenceArtifact {
  const run = data.workflow_run;
  return {
    id: data.id,
    name: data.name,
    ...(data.digest ? { digest: data.digest } : {}),
    ...(data.created_at ? { createdAt: data.created_at } : {}),
    expired: data.expired,
    ...(run
      ? {
          workflowRun: {
            ...(typeof run.id === 'number' ? { id: run.id } : {}),
            ...(run.head_sha ? { headSha: run.head_sha } : {}),
            ...(run.head_branch ? { headBranch: run.head_branch } : {}),
            ...(typeof run.repository_id === 'number' ? { repositoryId: run.repository_id } : {}),
            ...(typeof run.head_repository_id === 'number' ? { headRepositoryId: run.head_repository_id } : {}),
          },
        }
      : {}),
  };
}

function newestFirst(artifacts: EvidenceArtifact[]): EvidenceArtifact[] {
  return [...artifacts].sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? '') || b.id - a.id);
}

function sameSha(a: string, b: string): boolean {
  return /^[0-9a-f]{40}$/i.test(a) && a.toLowerCase() === b.toLowerCase();
}

function short(sha: string): string {
  return sha.slice(0, 7) || 'an unknown commit';
}
