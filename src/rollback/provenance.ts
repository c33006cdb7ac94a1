import { Inputs } from '../constants.js';
import { Gate, GateError, sanitize } from '../errors.js';
import type { RunArtifact } from '../github/artifacts.js';
import { matchesAnyBranchPattern } from '../github/branch.js';
import type { RunAttemptRecord } from '../github/run-provenance.js';

/** Events whose runs may have saved a production snapshot: a push to, or a dispatch on, a production branch. */
export const RESTORABLE_EVENTS: readonly string[] = ['push', 'workflow_dispatch'];

/** What an artifact must come from to be restored. */
export interface ProvenanceRule {
  /** `rollback-run-id`. */
  runId: number;
  /** `owner/repo` of this run (GITHUB_REPOSITORY). */
  repository: string;
  /** `production-branches` patterns, the default branch when the input is empty. */
  productionBranches: string[];
}

/**
 * Whether a rollback artifact may be restored, decided only from what GitHub records (the
 * artifact's `workflow_run` and the run attempts it names), never from the artifact's content:
 * anyone who can open a pull request, push a feature branch or run a fork's workflow can upload
 * a self-consistent bundle, but only a `push` or `workflow_dispatch` run of this repository on a
 * production branch could have saved a snapshot before a production deploy. `attempts` are the
 * attempts of the run the artifact may come from (one when its name says which). Returns the
 * evidence line; throws the rollback-artifact gate naming what is wrong.
 */
export function assertRestorableArtifact(artifact: RunArtifact, attempts: RunAttemptRecord[], rule: ProvenanceRule): string {
  const refuse = (reason: string): never => {
    throw new GateError(
      Gate.RollbackArtifact,
      `artifact '${sanitize(artifact.name)}' (id ${artifact.id}) ${reason} A rollback restores only an artifact saved by a push or workflow_dispatch run of ${rule.repository} on a production branch (${rule.productionBranches.join(', ')}), from run ${rule.runId} named by ${Inputs.RollbackRunId}. Nothing was deployed.`,
    );
  };
  const recorded = artifact.workflowRun;
  if (!recorded) refuse('has no workflow_run in GitHub\'s record, so the run that uploaded it is unknown.');
  if (recorded!.id !== rule.runId) refuse(`was uploaded by run ${recorded!.id}, not by run ${rule.runId}.`);
  if (attempts.length === 0) refuse(`comes from run ${rule.runId}, which GitHub reports no attempt of.`);

  for (const run of attempts) {
    const which = `run ${run.runId} (attempt ${run.attempt})`;
    if (run.runId !== rule.runId) refuse(`was checked against ${which}, not run ${rule.runId}.`);
    if (run.repository.fullName.toLowerCase() !== rule.repository.toLowerCase() || run.repository.id !== recorded!.repositoryId) {
      refuse(`comes from ${which} of ${sanitize(run.repository.fullName || 'an unknown repository')}, not of ${rule.repository}.`);
    }
    if (run.headRepository.id !== run.repository.id || recorded!.headRepositoryId !== run.repository.id || run.headRepository.fork) {
      refuse(`comes from ${which}, whose head is from the fork ${sanitize(run.headRepository.fullName || String(recorded!.headRepositoryId))}, not from ${rule.repository}.`);
    }
    if (!RESTORABLE_EVENTS.includes(run.event)) {
      refuse(`was uploaded by ${which}, triggered by a '${sanitize(run.event)}' event; only ${RESTORABLE_EVENTS.join(' and ')} runs deploy to production.`);
    }
    for (const branch of new Set([run.headBranch, recorded!.headBranch])) {
      if (!matchesAnyBranchPattern(branch, rule.productionBranches)) {
        refuse(`was uploaded by ${which} on branch '${sanitize(branch)}', which is not in ${Inputs.ProductionBranches} (${rule.productionBranches.join(', ')}).`);
      }
    }
    if (run.headSha !== recorded!.headSha) refuse(`records commit ${recorded!.headSha.slice(0, 12)}, but ${which} ran on ${run.headSha.slice(0, 12)}.`);
  }
  const first = attempts[0]!;
  return `uploaded by ${first.event} run ${rule.runId} of ${rule.repository} on '${first.headBranch}' at ${first.headSha.slice(0, 12)} (GitHub's record of the artifact and the run)`;
}
