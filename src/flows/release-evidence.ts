import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../errors.js';
import { createArtifactStore } from '../github/artifacts.js';
import { branchOfRef } from '../github/branch.js';
import type { GitHubClient } from '../github/client.js';
import { readReleaseRecord, releaseArtifactName, releaseArtifactPrefix, writeReleaseRecord, type ReleaseRecord } from '../github/release-record.js';
import { getRun, listRepositoryArtifacts, releaseEvidenceProblem, type EvidenceRun } from '../github/run-evidence.js';
import { orgId18, sameOrg } from '../rollback/bundle.js';
import type { OrgSession } from '../salesforce/connection.js';
import { isDeployId, lastChangingDeploy, readDeployRecord } from '../salesforce/deploy-records.js';
import { DeployStatus } from '../salesforce/deploy-result.js';
import { runTempDir, type RunState } from './run-state.js';

/** Release artifacts looked at, newest first, before giving up on a delta base. */
const MAX_RECORDS = 5;

/**
 * After a successful production deploy, records the commit and the deploy id in an artifact of
 * this run, so a later delta release can prove what production holds. Best effort: without it
 * the next delta release packages everything.
 */
export async function recordRelease(run: RunState, production: OrgSession, deploy: { id: string; quickDeployed: boolean; rollbackArtifact: string }): Promise<void> {
  const { context, settings } = run;
  const record: ReleaseRecord = {
    orgId: orgId18(production.identity.id),
    commit: context.sha,
    deployId: deploy.id,
    quickDeployed: deploy.quickDeployed,
    rollbackArtifact: deploy.rollbackArtifact,
    runId: context.runId,
    runAttempt: context.runAttempt,
    deployedAt: new Date().toISOString(),
  };
  const name = releaseArtifactName(record.orgId, context.runId, context.runAttempt);
  try {
    const dir = runTempDir('sf-release-');
    await createArtifactStore(context, settings.githubToken).upload(name, dir, writeReleaseRecord(dir, record));
    run.runner.info(`Release recorded in artifact '${name}': commit ${context.sha.slice(0, 7)}, production deploy ${deploy.id}.`);
  } catch (error) {
    run.report.warnings.push(`Production was deployed, but the release record '${name}' could not be uploaded (${errorMessage(error)}); the next delta release will package the whole source.`);
  }
}

/**
 * The commit a delta release compares with, when one is proven deployed: recorded by the newest
 * release artifact of a `push` or `workflow_dispatch` run of this repository on a production
 * branch (GitHub's `workflow_run` says which run uploaded it), whose deploy Salesforce confirms
 * as a succeeded production deploy and the last one that changed the org, and an ancestor of the
 * release commit. Otherwise undefined, and the summary says why the whole source is packaged.
 * GitHub Deployments are never consulted: anyone with `deployments: write` writes them.
 */
export async function provenDeltaBase(run: RunState, github: GitHubClient, production: OrgSession): Promise<string | undefined> {
  const { context, settings, report } = run;
  const packAll = (why: string): undefined => {
    report.notes.push(`delta: ${why}; the whole source was packaged.`);
    run.runner.info(`Delta base: ${why}; the whole source is packaged.`);
    return undefined;
  };
  const orgId = orgId18(production.identity.id);
  const repository = `${github.owner}/${github.repo}`;
  // The branch gate has passed: with production-branches empty, this run's branch is the default branch.
  const patterns = settings.productionBranches.length ? settings.productionBranches : [branchOfRef(context.ref) ?? ''];

  const refused: string[] = [];
  let proven: { record: ReleaseRecord; artifact: string; runId: number } | undefined;
  try {
    const runs = new Map<number, EvidenceRun>();
    const store = createArtifactStore(context, settings.githubToken);
    const artifacts = (await listRepositoryArtifacts(github, releaseArtifactPrefix(orgId))).filter((a) => a.workflowRun?.id !== context.runId);
    for (const artifact of artifacts.slice(0, MAX_RECORDS)) {
      const runId = artifact.workflowRun?.id;
      if (runId === undefined) {
        refused.push(`artifact '${artifact.name}' names no workflow run`);
        continue;
      }
      const origin = runs.get(runId) ?? (await getRun(github, runId));
      runs.set(runId, origin);
      const problem = releaseEvidenceProblem(origin, artifact, repository, patterns);
      if (problem) {
        refused.push(problem);
        continue;
      }
      const dir = path.join(runTempDir('sf-release-record-'), String(artifact.id));
      mkdirSync(dir, { recursive: true });
      await store.downloadFromRun(runId, artifact.id, dir, artifact.digest);
      const record = readReleaseRecord(dir);
      // The commit must be the one GitHub says the run ran on, not just what the file claims.
      const recordProblem = !record
        ? 'holds no release record'
        : !sameOrg(record.orgId, orgId)
          ? `records org ${record.orgId}`
          : record.commit !== origin.headSha.toLowerCase()
            ? `records commit ${record.commit.slice(0, 7)}, but its run ran on ${origin.headSha.slice(0, 7)}`
            : !isDeployId(record.deployId)
              ? 'names no Salesforce deploy id'
              : undefined;
      if (recordProblem || !record) {
        refused.push(`artifact '${artifact.name}' of run ${runId} ${recordProblem}`);
        continue;
      }
      proven = { record, artifact: artifact.name, runId };
      break;
    }
  } catch (error) {
    return packAll(`the release artifacts of earlier runs could not be read (${errorMessage(error)}; the github-token needs actions: read)`);
  }
  if (!proven) return packAll(`no release artifact of an earlier production run of ${repository} records a deploy to org ${orgId}${refused.length ? ` (not counted: ${refused.join('; ')})` : ''}`);

  if (refused.length) run.runner.info(`Delta base: not counted: ${refused.join('; ')}.`);
  const { record } = proven;
  const source = `release ${record.commit.slice(0, 7)} (artifact '${proven.artifact}' of run ${proven.runId}, deploy ${record.deployId})`;
  try {
    const deploy = await readDeployRecord(production, record.deployId, 'recorded production deploy');
    if (deploy.outcome.checkOnly || !deploy.outcome.success || deploy.outcome.status !== DeployStatus.Succeeded) {
      return packAll(`Salesforce reports the deploy of ${source} as ${deploy.outcome.checkOnly ? 'a check-only validation' : deploy.outcome.status || 'unknown'}, not a succeeded production deploy`);
    }
    const last = await lastChangingDeploy(production);
    if (!last || last.id.slice(0, 15) !== record.deployId.slice(0, 15)) {
      return packAll(`production changed after ${source}: its last deploy is ${last ? `${last.id}${last.completedDate ? ` (${last.completedDate})` : ''}` : 'not on record'}`);
    }
  } catch (error) {
    return packAll(`the deploy of ${source} could not be checked with Salesforce (${errorMessage(error)})`);
  }
  const ancestry = await isAncestor(context.workspace, record.commit, context.sha);
  if (ancestry !== true) {
    return packAll(ancestry === false ? `${source} is not an ancestor of ${context.sha.slice(0, 7)}` : `whether ${source} is an ancestor of ${context.sha.slice(0, 7)} is unknown (${ancestry}; check out with fetch-depth: 0)`);
  }
  report.notes.push(`delta: compared with ${source}, which Salesforce confirms is production's last deploy.`);
  return record.commit;
}

/**
 * `git merge-base --is-ancestor`: true or false, or the reason git could not tell (an unknown
 * commit in a shallow clone).
 */
export function isAncestor(workspace: string, ancestor: string, commit: string): Promise<boolean | string> {
  return new Promise((resolve) => {
    execFile('git', ['merge-base', '--is-ancestor', ancestor, commit], { cwd: workspace }, (error, _stdout, stderr) => {
      if (!error) return resolve(true);
      if ((error as { code?: unknown }).code === 1) return resolve(false);
      resolve(String(stderr || error.message).trim().split('\n')[0] ?? 'git failed');
    });
  });
}
