import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { RunStatus } from '../constants.js';
import { Gate, SalesforceError, errorMessage } from '../errors.js';
import { createArtifactStore } from '../github/artifacts.js';
import { assertRollbackPermission } from '../github/rollback-permission.js';
import { createGitHubClient } from '../github/client.js';
import { runUrl } from '../github/context.js';
import { createDeployment, setDeploymentStatus } from '../github/deployments.js';
import { setupDeployUrl } from '../report/run-report.js';
import { rollbackArtifactName } from '../rollback/bundle.js';
import { fetchRollbackBundle } from '../rollback/restore.js';
import { saveRollbackSnapshot } from '../rollback/snapshot.js';
import { failureSummary } from '../salesforce/deploy-result.js';
import { passGate } from './gates.js';
import type { RunState } from './run-state.js';
import { assertValidation, connectOrg, recordOrgIdentity, runOperation } from './salesforce-steps.js';

/**
 * `mode: rollback`: restore production from the rollback artifact of an earlier run. The
 * artifact is verified first, the current state is saved as a new artifact (so the rollback can
 * be undone), the rollback package is validated against production, then deployed.
 */
export async function rollbackFlow(run: RunState): Promise<void> {
  const { settings, context, report } = run;
  const runId = settings.rollbackRunId!;
  const github = await createGitHubClient(settings.githubToken, context);
  const store = createArtifactStore(context, settings.githubToken);
  const workDir = (prefix: string): string => mkdtempSync(path.join(process.env.RUNNER_TEMP ?? tmpdir(), prefix));

  await passGate(run, Gate.RollbackPermission, () => assertRollbackPermission(github, context, settings.rollbackRequiredApprovals, settings.environment));
  // Inside passGate so that credentials reaching a sandbox show as a refused gate, not an unreached one.
  let production!: Awaited<ReturnType<typeof connectOrg>>;
  await passGate(run, Gate.OrgIdentity, async () => {
    production = await connectOrg(run, 'production');
    recordOrgIdentity(run);
    return report.gates.find((g) => g.gate === Gate.OrgIdentity)!.detail;
  });

  let bundle: Awaited<ReturnType<typeof fetchRollbackBundle>> | undefined;
  await passGate(run, Gate.RollbackArtifact, async () => {
    bundle = await fetchRollbackBundle(store, { runId, attempt: settings.rollbackRunAttempt, orgId: production.identity.id, name: settings.rollbackArtifactName, workDir: workDir('sf-restore-'), log: run.runner.info });
    return `artifact '${bundle.artifactName}' of run ${runId} verified: org ${bundle.manifest.orgId}, ${Object.keys(bundle.manifest.files).length} file checksums match`;
  });
  const restore = bundle!;
  for (const warning of restore.dataLossWarnings) report.warnings.push(warning);
  const restored = restore.manifest.components;
  const deleted = restore.manifest.destructive ?? [];
  report.components = restored.length + deleted.length;
  report.componentNames = [...restored.map((c) => `restore ${c.type}: ${c.fullName}`), ...deleted.map((c) => `delete ${c.type}: ${c.fullName}`)];

  const name = rollbackArtifactName(production.identity.id, context.runId, context.runAttempt);
  await passGate(run, Gate.Snapshot, async () => {
    const snapshot = await saveRollbackSnapshot(production, restored, {
      name,
      commit: context.sha,
      workDir: workDir('sf-rollback-'),
      store,
      apiVersion: settings.apiVersion,
      timeoutMs: settings.waitMinutes * 60000,
      log: run.runner.info,
      // What the rollback deletes is what the undo must bring back, never delete again.
      release: { runId: context.runId, runAttempt: context.runAttempt, deleted },
    });
    report.rollbackArtifact = snapshot.name;
    return `current production state saved as '${snapshot.name}' before the rollback, so it can be undone`;
  });

  const pkg = { zip: restore.zip, components: [...restored, ...deleted], fileCount: Object.keys(restore.manifest.files).length, hasApex: restored.some((c) => c.type === 'ApexClass' || c.type === 'ApexTrigger') };
  const validation = await runOperation(run, production, pkg, { label: 'Rollback validation', checkOnly: true });
  report.productionValidationId = validation.id;
  assertValidation(run, validation, 'Rollback validation');

  if (settings.dryRun) {
    report.status = RunStatus.Skipped;
    report.message = `Dry run: the rollback of run ${runId} validated against production and the current state is saved as '${name}'; nothing was deployed.`;
    return;
  }
  const deploymentId = await createDeployment(github, context, {
    environment: settings.environment,
    description: `Rollback of run ${runId} on ${production.identity.name}`,
    payload: { orgId: production.identity.id, rollbackOf: runId, restoredFrom: restore.artifactName, rollbackArtifact: name, runId: context.runId, runAttempt: context.runAttempt },
    task: 'deploy:rollback',
  });
  report.deploymentId = deploymentId;
  await setDeploymentStatus(github, context, deploymentId, { state: 'in_progress', description: `Rolling back run ${runId}`, logUrl: runUrl(context) });
  let deploy: Awaited<ReturnType<typeof runOperation>>;
  try {
    deploy = await runOperation(run, production, pkg, { label: 'Rollback deploy', checkOnly: false });
  } catch (error) {
    // The deploy broke before it reported an outcome: the deployment must not stay in progress.
    await setDeploymentStatus(github, context, deploymentId, { state: 'error', description: 'The rollback deploy could not be completed', logUrl: runUrl(context) }).catch(() => undefined);
    throw error;
  }
  report.deployId = deploy.id;
  report.quickDeployed = false;
  const link = setupDeployUrl(production.identity.instanceUrl, deploy.id);
  if (!deploy.success) {
    await recordDeploymentStatus(run, () => setDeploymentStatus(github, context, deploymentId, { state: 'failure', description: `Rollback deploy ${deploy.id} ${deploy.status}`, environmentUrl: link, logUrl: runUrl(context) }));
    throw new SalesforceError(`Rollback deploy ${deploy.id} ${deploy.status}: ${failureSummary(deploy)}. Production is unchanged.`);
  }
  await recordDeploymentStatus(run, () => setDeploymentStatus(github, context, deploymentId, { state: 'success', description: `Rolled back run ${runId} (${deploy.id})`, environmentUrl: link, logUrl: runUrl(context) }));
  report.status = RunStatus.Succeeded;
  report.message = `Rolled back production ${production.identity.name} to its state before run ${runId} (deploy ${deploy.id}). To undo this rollback, roll back run ${context.runId}.`;
}

/**
 * Records how the rollback deploy ended on its GitHub deployment. Once Salesforce has answered,
 * production is what it is: a GitHub failure here becomes a warning, so that the run's status and
 * message say what happened to production (a rollback reported as failed invites a second one).
 */
async function recordDeploymentStatus(run: RunState, update: () => Promise<void>): Promise<void> {
  try {
    await update();
  } catch (error) {
    run.report.warnings.push(`${errorMessage(error)} Production is as the run reports it; the GitHub deployment does not show it.`);
  }
}
