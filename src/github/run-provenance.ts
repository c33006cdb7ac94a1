import { ActionError } from '../errors.js';
import { describe, httpStatus, type GitHubClient } from './client.js';

/** A repository as a workflow run names it. */
export interface RunRepository {
  id: number;
  fullName: string;
  fork: boolean;
}

/**
 * One attempt of a workflow run as GitHub reports it (`GET /actions/runs/{id}/attempts/{n}`, the
 * `workflow-run` schema): what triggered it, on which branch and commit, and where the head came
 * from. Only GitHub writes these fields; nothing a run uploads can change them.
 */
export interface RunAttemptRecord {
  runId: number;
  attempt: number;
  event: string;
  headBranch: string;
  headSha: string;
  repository: RunRepository;
  headRepository: RunRepository;
}

type WorkflowRunData = Awaited<ReturnType<GitHubClient['octokit']['rest']['actions']['getWorkflowRun']>>['data'];

function recordOf(data: WorkflowRunData, fallbackAttempt: number): RunAttemptRecord {
  const repo = (r: WorkflowRunData['repository'] | null | undefined): RunRepository => ({
    id: typeof r?.id === 'number' ? r.id : -1,
    fullName: r?.full_name ?? '',
    fork: r?.fork === true,
  });
  return {
    runId: Number(data.id),
    attempt: data.run_attempt ?? fallbackAttempt,
    event: data.event,
    headBranch: data.head_branch ?? '',
    headSha: data.head_sha,
    repository: repo(data.repository),
    headRepository: repo(data.head_repository),
  };
}

/**
 * Reads one attempt of a run of the client's repository, or the run's latest attempt when
 * `attempt` is undefined. A run GitHub does not know is an error naming the run.
 */
export async function readRunAttempt(client: GitHubClient, runId: number, attempt?: number): Promise<RunAttemptRecord> {
  const { octokit, owner, repo } = client;
  try {
    if (attempt === undefined) {
      const { data } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId });
      return recordOf(data, 1);
    }
    const { data } = await octokit.rest.actions.getWorkflowRunAttempt({ owner, repo, run_id: runId, attempt_number: attempt });
    return recordOf(data as WorkflowRunData, attempt);
  } catch (error) {
    const which = attempt === undefined ? `run ${runId}` : `attempt ${attempt} of run ${runId}`;
    if (httpStatus(error) === 404) throw new ActionError(`GitHub does not know ${which} in ${owner}/${repo}. Check rollback-run-id (and rollback-run-attempt).`);
    throw new ActionError(`Reading ${which} in ${owner}/${repo} failed (${describe(error)}); the github-token needs actions: read.`);
  }
}
