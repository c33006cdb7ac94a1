import { RunStatus } from '../constants.js';
import { Gate, errorMessage } from '../errors.js';
import { createArtifactStore } from '../github/artifacts.js';
import { assertRollbackPermission } from '../github/rollback-permission.js';
import { readRunAttempt } from '../github/run-provenance.js';
import { rollbackArtifactName } from '../rollback/bundle.js';
import { renderPlan } from '../rollback/contents.js';
import { restorePermissionsExactly } from '../rollback/permission-overlay.js';
import { fetchRollbackBundle, restoreScope, type RestoreBundle } from '../rollback/restore.js';
import { saveRollbackSnapshot } from '../rollback/snapshot.js';
import { passGate } from './gates.js';
import { recordedDeploy } from './recorded-deploy.js';
import { runTempDir, type RunState } from './run-state.js';
import { assertValidation, connectOrgs, runOperation } from './salesforce-steps.js';

/**
 * `mode: rollback`: restore production from the rollback artifact of an earlier run. The
 * artifact is verified first (where GitHub says it comes from, then its contents), the plan is
 * written to the job summary (a dry run stops there), the current state is saved as a new
 * artifact (so the rollback can be undone), the rollback package is validated against
 * production, then deployed.
 */
export async function rollbackFlow(run: RunState): Promise<void> {
  const { settings, context, report } = run;
  const runId = settings.rollbackRunId!;
  const store = createArtifactStore(context, settings.githubToken, run.github);

  await passGate(run, Gate.RollbackPermission, async () => assertRollbackPermission(await run.github(), context, settings.rollbackRequiredApprovals, settings.environment));
  const [production] = await connectOrgs(run, ['production']);

  let restore!: RestoreBundle;
  await passGate(run, Gate.RollbackArtifact, async () => {
    const github = await run.github();
    const productionBranches = settings.productionBranches.length > 0
      ? settings.productionBranches
      : [(await github.octokit.rest.repos.get({ owner: github.owner, repo: github.repo })).data.default_branch];
    restore = await fetchRollbackBundle(store, {
      runId,
      attempt: settings.rollbackRunAttempt,
      orgId: production.identity.id,
      name: settings.rollbackArtifactName,
      workDir: runTempDir('sf-restore-'),
      log: run.runner.info,
      provenance: {
        rule: { repository: `${context.owner}/${context.repo}`, productionBranches },
        readAttempt: (attempt) => readRunAttempt(github, runId, attempt),
      },
    });
    const which = restore.attempt !== undefined ? `attempt ${restore.attempt} of run ${runId}` : `run ${runId}`;
    return `artifact '${restore.artifactName}' of ${which} (${restore.attemptNote}) verified: ${restore.provenance}; org ${restore.manifest.orgId}, ${Object.keys(restore.manifest.files).length} file checksums match, nothing undeclared`;
  });
  report.warnings.push(...restore.dataLossWarnings);
  const { plan } = restore;
  const { components: restored, deleted } = restoreScope(restore.manifest);
  const deletes = [...plan.deletesBefore, ...plan.deletesAfter];
  report.components = plan.restores.length + deletes.length;
  report.componentNames = [...plan.restores.map((c) => `restore ${c.type}: ${c.fullName}`), ...deletes.map((c) => `delete ${c.type}: ${c.fullName}`)];

  // What the rollback will do is in the log and on the job summary before anything reaches production.
  const planText = renderPlan(plan, { runId, ...(restore.attempt !== undefined ? { attempt: restore.attempt } : {}), artifactName: restore.artifactName, attemptNote: restore.attemptNote }, restore.dataLossWarnings);
  run.runner.info(planText.trimEnd());
  try {
    await run.runner.writeSummary(planText);
  } catch (error) {
    run.runner.warning(`Could not write the rollback plan to the job summary (${errorMessage(error)}); it is in the log above.`);
  }
  if (settings.dryRun) {
    report.status = RunStatus.Skipped;
    report.message = `Dry run: the rollback of run ${runId} from '${restore.artifactName}' is verified and its plan is in the job summary; nothing was saved or deployed.`;
    return;
  }

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
      // What the rollback deletes is retrieved first, so the undo brings it back and never deletes it again.
      release: { runId: context.runId, runAttempt: context.runAttempt, deleted },
    });
    report.rollbackArtifact = snapshot.name;
    return `current production state saved as '${snapshot.name}' before the rollback, so it can be undone`;
  });

  // Profiles and permission sets: Salesforce overlays them, so grants made since the artifact are revoked explicitly.
  const permissions = await restorePermissionsExactly(production, restore.zip, { restored: plan.restores, deleted: deletes }, { apiVersion: settings.apiVersion, timeoutMs: settings.waitMinutes * 60000, log: run.runner.info });
  for (const line of permissions.revoked) run.runner.info(line);
  report.warnings.push(...permissions.revoked, ...permissions.warnings);
  const pkg = { zip: permissions.zip, components: [...plan.restores, ...deletes], fileCount: Object.keys(restore.manifest.files).length, hasApex: plan.restores.some((c) => c.type === 'ApexClass' || c.type === 'ApexTrigger') };
  const validation = await runOperation(run, production, pkg, { label: 'Rollback validation', checkOnly: true });
  report.productionValidationId = validation.id;
  assertValidation(run, validation, 'Rollback validation', pkg);

  const deploy = await recordedDeploy(
    run,
    production,
    {
      label: 'Rollback deploy',
      environment: settings.environment,
      task: 'deploy:rollback',
      description: `Rollback of run ${runId} on ${production.identity.name}`,
      payload: { orgId: production.identity.id, rollbackOf: runId, restoredFrom: restore.artifactName, ...(restore.attempt !== undefined ? { restoredAttempt: restore.attempt } : {}), rollbackArtifact: name, runId: context.runId, runAttempt: context.runAttempt },
      inProgress: `Rolling back run ${runId}`,
      succeeded: (id) => `Rolled back run ${runId} (${id})`,
      whenFailed: 'Production is unchanged.',
    },
    (onSubmitted) => runOperation(run, production, pkg, { label: 'Rollback deploy', checkOnly: false, onSubmitted }),
  );
  report.quickDeployed = false;
  report.status = RunStatus.Succeeded;
  const attempt = restore.attempt !== undefined ? ` (the snapshot of attempt ${restore.attempt})` : '';
  report.message = `Rolled back production ${production.identity.name} to its state before run ${runId}${attempt} (deploy ${deploy.id}). To undo this rollback, roll back run ${context.runId}.`;
}
