import { RunStatus } from '../constants.js';
import { Gate } from '../errors.js';
import { createArtifactStore } from '../github/artifacts.js';
import { assertRollbackPermission } from '../github/rollback-permission.js';
import { rollbackArtifactName } from '../rollback/bundle.js';
import { restorePermissionsExactly } from '../rollback/permission-overlay.js';
import { fetchRollbackBundle, restoreScope, type RestoreBundle } from '../rollback/restore.js';
import { saveRollbackSnapshot } from '../rollback/snapshot.js';
import { passGate } from './gates.js';
import { recordedDeploy } from './recorded-deploy.js';
import { runTempDir, type RunState } from './run-state.js';
import { assertValidation, connectOrgs, runOperation } from './salesforce-steps.js';

/**
 * `mode: rollback`: restore production from the rollback artifact of an earlier run. The
 * artifact is verified first, the current state is saved as a new artifact (so the rollback can
 * be undone), the rollback package is validated against production, then deployed.
 */
export async function rollbackFlow(run: RunState): Promise<void> {
  const { settings, context, report } = run;
  const runId = settings.rollbackRunId!;
  const store = createArtifactStore(context, settings.githubToken);

  await passGate(run, Gate.RollbackPermission, async () => assertRollbackPermission(await run.github(), context, settings.rollbackRequiredApprovals, settings.environment));
  const [production] = await connectOrgs(run, ['production']);

  let restore!: RestoreBundle;
  await passGate(run, Gate.RollbackArtifact, async () => {
    restore = await fetchRollbackBundle(store, { runId, attempt: settings.rollbackRunAttempt, orgId: production.identity.id, name: settings.rollbackArtifactName, workDir: runTempDir('sf-restore-'), log: run.runner.info });
    return `artifact '${restore.artifactName}' of run ${runId} verified: org ${restore.manifest.orgId}, ${Object.keys(restore.manifest.files).length} file checksums match`;
  });
  report.warnings.push(...restore.dataLossWarnings);
  const { components: restored, deleted } = restoreScope(restore.manifest);
  report.components = restored.length + deleted.length;
  report.componentNames = [...restored.map((c) => `restore ${c.type}: ${c.fullName}`), ...deleted.map((c) => `delete ${c.type}: ${c.fullName}`)];

  const name = rollbackArtifactName(production.identity.id, context.runId, context.runAttempt);
  await passGate(run, Gate.Snapshot, async () => {
    const snapshot = await saveRollbackSnapshot(production, restored, {
      name,
      commit: context.sha,
      workDir: runTempDir('sf-rollback-'),
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

  // Profiles and permission sets: Salesforce overlays them, so grants made since the artifact are revoked explicitly.
  const permissions = await restorePermissionsExactly(production, restore.zip, { restored, deleted }, { apiVersion: settings.apiVersion, timeoutMs: settings.waitMinutes * 60000, log: run.runner.info });
  for (const line of permissions.revoked) run.runner.info(line);
  report.warnings.push(...permissions.revoked, ...permissions.warnings);
  const pkg = { zip: permissions.zip, components: [...restored, ...deleted], fileCount: Object.keys(restore.manifest.files).length, hasApex: restored.some((c) => c.type === 'ApexClass' || c.type === 'ApexTrigger') };
  const validation = await runOperation(run, production, pkg, { label: 'Rollback validation', checkOnly: true });
  report.productionValidationId = validation.id;
  assertValidation(run, validation, 'Rollback validation', pkg);

  if (settings.dryRun) {
    report.status = RunStatus.Skipped;
    report.message = `Dry run: the rollback of run ${runId} validated against production and the current state is saved as '${name}'; nothing was deployed.`;
    return;
  }
  const deploy = await recordedDeploy(
    run,
    production,
    {
      label: 'Rollback deploy',
      environment: settings.environment,
      task: 'deploy:rollback',
      description: `Rollback of run ${runId} on ${production.identity.name}`,
      payload: { orgId: production.identity.id, rollbackOf: runId, restoredFrom: restore.artifactName, rollbackArtifact: name, runId: context.runId, runAttempt: context.runAttempt },
      inProgress: `Rolling back run ${runId}`,
      succeeded: (id) => `Rolled back run ${runId} (${id})`,
      whenFailed: 'Production is unchanged.',
    },
    (onSubmitted) => runOperation(run, production, pkg, { label: 'Rollback deploy', checkOnly: false, onSubmitted }),
  );
  report.quickDeployed = false;
  report.status = RunStatus.Succeeded;
  report.message = `Rolled back production ${production.identity.name} to its state before run ${runId} (deploy ${deploy.id}). To undo this rollback, roll back run ${context.runId}.`;
}
