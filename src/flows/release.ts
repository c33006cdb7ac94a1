import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { RunStatus } from '../constants.js';
import { Gate, SalesforceError, errorMessage } from '../errors.js';
import { assertApprovals, evaluateApprovals, gatherApprovalEvidence, type ApprovalPolicy } from '../github/approvals.js';
import { assertProductionBranch } from '../github/branch.js';
import { createGitHubClient, type GitHubClient } from '../github/client.js';
import { runUrl } from '../github/context.js';
import { createArtifactStore } from '../github/artifacts.js';
import { createDeployment, lastSuccessfulDeployment, setDeploymentStatus, type DeploymentStatusUpdate } from '../github/deployments.js';
import { assertNotPullRequestDeploy } from '../plan.js';
import { setupDeployUrl } from '../report/run-report.js';
import { rollbackArtifactName } from '../rollback/bundle.js';
import { saveRollbackSnapshot } from '../rollback/snapshot.js';
import type { OrgSession } from '../salesforce/connection.js';
import { QuickDeployRefused } from '../salesforce/deploy.js';
import type { DeployPackage } from '../salesforce/package.js';
import { failureSummary, type DeployOutcome } from '../salesforce/deploy-result.js';
import { passGate } from './gates.js';
import { findQuickDeployable } from './quick-deploy.js';
import type { RunState } from './run-state.js';
import { assertValidation, connectOrg, packageSource, recordOrgIdentity, runOperation } from './salesforce-steps.js';

/** `mode: deploy`: straight to a sandbox, or through every gate of SPEC.md to production. */
export async function releaseFlow(run: RunState): Promise<void> {
  if (run.settings.environment === 'sandbox') return sandboxDeploy(run);
  const { settings, context, report } = run;
  const github = await createGitHubClient(settings.githubToken, context);

  await passGate(run, Gate.Branch, async () => {
    assertNotPullRequestDeploy(settings, context);
    return assertProductionBranch(github, context, settings.productionBranches);
  });
  // Inside passGate so that credentials reaching the wrong kind of org show as a refused gate.
  let sandbox!: OrgSession;
  let production!: OrgSession;
  await passGate(run, Gate.OrgIdentity, async () => {
    sandbox = await connectOrg(run, 'sandbox');
    production = await connectOrg(run, 'production');
    recordOrgIdentity(run);
    return report.gates.find((g) => g.gate === Gate.OrgIdentity)!.detail;
  });
  // The cheap approval check runs before the hour of tests; it is repeated before production.
  const policy: ApprovalPolicy = { required: settings.requiredApprovals, approvers: settings.approvers, allowStale: settings.allowStaleApprovals };
  await checkApprovals(run, github, policy, 'before validation');

  const pkg = await packageSource(run, settings.delta ? await releaseDeltaBase(run, github) : undefined);
  const validation = await runOperation(run, sandbox, pkg, { label: 'Sandbox validation', checkOnly: true });
  report.validationId = validation.id;
  assertValidation(run, validation, 'Sandbox validation');

  await checkApprovals(run, github, policy, 'right before the production deploy');

  const name = settings.rollbackArtifactName ?? rollbackArtifactName(production.identity.id, context.runId, context.runAttempt);
  await passGate(run, Gate.Snapshot, async () => {
    const snapshot = await saveRollbackSnapshot(production, pkg.components, {
      name,
      commit: context.sha,
      workDir: mkdtempSync(path.join(process.env.RUNNER_TEMP ?? tmpdir(), 'sf-rollback-')),
      store: createArtifactStore(context, settings.githubToken),
      apiVersion: settings.apiVersion,
      timeoutMs: settings.waitMinutes * 60000,
      log: run.runner.info,
      // Components the release deletes are saved too, so the rollback can bring them back.
      release: { runId: context.runId, runAttempt: context.runAttempt, deleted: pkg.destructive ?? [] },
    });
    report.rollbackArtifact = snapshot.name;
    const restores = snapshot.manifest.components.length;
    const deletes = snapshot.manifest.destructive?.length ?? 0;
    return `artifact '${snapshot.name}' uploaded and read back, checksums verified: restores ${restores} component(s), deletes ${deletes} the release adds`;
  });

  if (settings.dryRun) {
    report.status = RunStatus.Skipped;
    report.message = `Dry run: every gate passed and the rollback artifact '${name}' is saved; nothing was submitted to production.`;
    return;
  }

  const quick = await findQuickDeployable(run, github, production, pkg);
  const deploymentId = await createDeployment(github, context, {
    environment: settings.environment,
    description: `Salesforce deploy of ${context.sha.slice(0, 7)} to ${production.identity.name}`,
    payload: { orgId: production.identity.id, validationId: validation.id, rollbackArtifact: name, runId: context.runId, runAttempt: context.runAttempt },
  });
  report.deploymentId = deploymentId;
  await setDeploymentStatus(github, context, deploymentId, { state: 'in_progress', description: 'Deploying to production', logUrl: runUrl(context) });
  let deploy: DeployOutcome | undefined;
  try {
    if (quick) deploy = await quickDeploy(run, production, pkg, quick.validationId);
    deploy ??= await runOperation(run, production, pkg, { label: 'Production deploy', checkOnly: false });
  } catch (error) {
    await recordDeploymentStatus(run, github, deploymentId, { state: 'error', description: 'The deploy could not be completed', logUrl: runUrl(context) });
    throw error;
  }
  report.deployId = deploy.id;
  report.quickDeployed ??= false;
  const link = setupDeployUrl(production.identity.instanceUrl, deploy.id);
  if (!deploy.success) {
    await recordDeploymentStatus(run, github, deploymentId, { state: 'failure', description: `Deploy ${deploy.id} ${deploy.status}`, environmentUrl: link, logUrl: runUrl(context) });
    throw new SalesforceError(`Production deploy ${deploy.id} ${deploy.status}: ${failureSummary(deploy)}. Salesforce rolled it back (rollbackOnError); production is unchanged.`);
  }
  await recordDeploymentStatus(run, github, deploymentId, { state: 'success', description: `Deploy ${deploy.id} succeeded; rollback artifact ${name}`, environmentUrl: link, logUrl: runUrl(context) });
  report.status = RunStatus.Succeeded;
  report.message = `Deployed to production ${production.identity.name} (${report.deployId}). Rollback artifact: ${name}.`;
}

/**
 * Quick deploys a production validation of this exact content. When Salesforce refuses it (a
 * deploy since then invalidated it, or it expired) nothing started, and undefined says a full
 * deploy should follow.
 */
async function quickDeploy(run: RunState, production: OrgSession, pkg: DeployPackage, validationId: string): Promise<DeployOutcome | undefined> {
  try {
    const outcome = await runOperation(run, production, pkg, { label: 'Production quick deploy', checkOnly: false, quickDeployOf: validationId });
    run.report.quickDeployed = true;
    return outcome;
  } catch (error) {
    if (!(error instanceof QuickDeployRefused)) throw error;
    run.runner.warning(`${error.message}. Running a full deploy with tests instead.`);
    return undefined;
  }
}

/**
 * The commit a delta release compares with: the last successful production deploy recorded in
 * GitHub Deployments, else the push's `before`. After a rollback production matches no commit,
 * so the whole source is packaged.
 */
async function releaseDeltaBase(run: RunState, github: GitHubClient): Promise<string | undefined> {
  const last = await lastSuccessfulDeployment(github, run.context, run.settings.environment);
  if (last?.task === 'deploy:rollback') {
    run.report.notes.push('delta: the last production change was a rollback, which matches no commit; the whole source was packaged.');
    return undefined;
  }
  return last?.sha ?? run.context.payload.before;
}

/**
 * Records how the production deploy ended on its GitHub deployment. Once Salesforce has answered,
 * production is what it is: a GitHub failure here becomes a warning, so that the run's status
 * and message still say what happened to production rather than what happened to the record.
 */
async function recordDeploymentStatus(run: RunState, github: GitHubClient, deploymentId: number, update: DeploymentStatusUpdate): Promise<void> {
  try {
    await setDeploymentStatus(github, run.context, deploymentId, update);
  } catch (error) {
    run.report.warnings.push(`${errorMessage(error)} Production is as the run reports it; the GitHub deployment does not show it.`);
  }
}

/** Evaluates the approval gate and records who counted. */
async function checkApprovals(run: RunState, github: GitHubClient, policy: ApprovalPolicy, when: string): Promise<void> {
  await passGate(run, Gate.Approvals, async () => {
    const evidence = await gatherApprovalEvidence(github, run.context, policy, run.settings.environment);
    const verdict = evaluateApprovals(evidence, policy, run.settings.environment);
    run.report.approvalLines = [
      ...verdict.counted.map((c) => `${c.login}: counted (${c.source})`),
      ...verdict.notCounted.map((n) => `${n.login}: not counted, ${n.reason}`),
      ...verdict.blockers.map((b) => `${b.login}: blocks, ${b.reason}`),
    ];
    assertApprovals(verdict);
    return `${verdict.counted.length} of ${verdict.required} required approval(s) (${verdict.counted.map((c) => c.login).join(', ') || 'none needed'}), checked ${when}`;
  });
}

/** A deploy to a sandbox: no production gates, tests per test-level. */
async function sandboxDeploy(run: RunState): Promise<void> {
  const sandbox = await connectOrg(run, 'sandbox');
  recordOrgIdentity(run);
  const pkg = await packageSource(run);
  const deploy = await runOperation(run, sandbox, pkg, { label: 'Sandbox deploy', checkOnly: false });
  run.report.deployId = deploy.id;
  if (!deploy.success) throw new SalesforceError(`Sandbox deploy ${deploy.id} ${deploy.status}: ${failureSummary(deploy)}.`);
  run.report.status = RunStatus.Succeeded;
  run.report.message = `Deployed to the sandbox ${sandbox.identity.name} (${deploy.id}).`;
}
