import { RunStatus } from '../constants.js';
import { ActionError, Gate, GateError, SalesforceError, errorMessage } from '../errors.js';
import { createArtifactStore } from '../github/artifacts.js';
import { assertRollbackPermission } from '../github/rollback-permission.js';
import { readRunAttempt } from '../github/run-provenance.js';
import { rollbackArtifactName } from '../rollback/bundle.js';
import { renderPlan } from '../rollback/contents.js';
import { restorePermissionsExactly } from '../rollback/permission-overlay.js';
import { fetchRollbackBundle, restoreScope, type RestoreBundle } from '../rollback/restore.js';
import { planRestoreBatches, type RestoreBatch } from '../rollback/restore-batches.js';
import { noteSnapshot } from '../salesforce/org-lock.js';
import type { OrgSession } from '../salesforce/connection.js';
import type { DeployOutcome } from '../salesforce/deploy-result.js';
import { hasApex } from '../salesforce/package.js';
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
  // A bundle over one deploy's limits (a snapshot retrieved in batches) is restored in several.
  const batches = planRestoreBatches(permissions.zip);
  if (batches.length > 1) return restoreInBatches(run, production, batches, { runId, restore, name });
  const pkg = { zip: permissions.zip, components: [...plan.restores, ...deletes], fileCount: Object.keys(restore.manifest.files).length, hasApex: hasApex(plan.restores) };
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

/** Starts the list of applied batches in a failure message of a split restore. */
const APPLIED_MARK = 'Batches already applied:';

/**
 * Restores a bundle one deploy cannot carry (over the Metadata API's 10,000 files or 39 MB) in
 * several deploys, in dependency order, deletions last (planRestoreBatches). Each deploy is
 * validated against production right before it is sent, since each may depend on the ones before.
 * The restore is not atomic: if a batch fails, the batches before it stay applied, and the message
 * and summary say which. Running the same rollback again is safe: it restores the same versions,
 * so the applied batches change nothing.
 */
async function restoreInBatches(run: RunState, production: OrgSession, batches: RestoreBatch[], source: { runId: number; restore: RestoreBundle; name: string }): Promise<void> {
  const { report, context, settings } = run;
  const { runId, restore, name } = source;
  const total = batches.length;
  const describeBatch = (b: RestoreBatch, i: number) =>
    `batch ${i + 1} of ${total}: ${b.restores.length} component(s)${b.deletes.length ? `, deletes ${b.deletes.length}` : ''} (${b.fileCount} files; ${b.types.slice(0, 6).join(', ')}${b.types.length > 6 ? ', …' : ''})`;
  const intro = `The rollback bundle holds ${Object.keys(restore.manifest.files).length} files, more than one deploy can carry (Metadata API limits: 10,000 files, 39 MB), so it is restored in ${total} deploys in dependency order, each validated first. This restore is NOT atomic: if a deploy fails, the ones before it stay applied; running this rollback again restores the rest.`;
  run.runner.warning(intro);
  report.warnings.push(intro);
  try {
    await run.runner.writeSummary(`### Restore in ${total} deploys (not atomic)\n\n${batches.map((b, i) => `- ${describeBatch(b, i)}`).join('\n')}\n\n`);
  } catch (error) {
    run.runner.warning(`Could not write the restore batches to the job summary (${errorMessage(error)}); they are in the log.`);
  }
  const applied: string[] = [];
  const partly = (failed: string) =>
    `${failed} ${APPLIED_MARK} ${applied.join('; ')}. Production is partly restored (the restore is not atomic); fix the cause and run this rollback again: it restores the same versions, so the applied batches change nothing.`;

  const restoreBatch = async (batch: RestoreBatch, i: number, label: string): Promise<DeployOutcome> => {
    const pkg = { zip: batch.zip, components: [...batch.restores, ...batch.deletes], fileCount: batch.fileCount, hasApex: hasApex(batch.restores) };
    run.runner.info(`Restoring ${describeBatch(batch, i)}.`);
    const validation = await runOperation(run, production, pkg, { label: `${label} validation`, checkOnly: true });
    report.productionValidationId = validation.id;
    assertValidation(run, validation, `${label} validation`, pkg);
    const outcome = await runOperation(run, production, pkg, { label: `${label} deploy`, checkOnly: false, onSubmitted: (id) => (report.deployId = id) });
    if (!outcome.success) throw new SalesforceError(`${label} deploy ${outcome.id} ${outcome.status}; Salesforce rolled that deploy back (rollbackOnError).`);
    applied.push(`${describeBatch(batch, i)} → ${outcome.id}`);
    // This rollback's own deploy is not a change "since the snapshot" for the next batch's lock
    // check. The next whole second: Salesforce may report this deploy's completion to the second.
    noteSnapshot(production, new Date(Math.ceil((Date.now() + 1) / 1000) * 1000));
    return outcome;
  };

  const deploy = await recordedDeploy(
    run,
    production,
    {
      label: 'Rollback deploy',
      environment: settings.environment,
      task: 'deploy:rollback',
      description: `Rollback of run ${runId} on ${production.identity.name} in ${total} deploys`,
      payload: { orgId: production.identity.id, rollbackOf: runId, restoredFrom: restore.artifactName, ...(restore.attempt !== undefined ? { restoredAttempt: restore.attempt } : {}), rollbackArtifact: name, runId: context.runId, runAttempt: context.runAttempt, batches: total },
      inProgress: `Rolling back run ${runId} in ${total} deploys`,
      succeeded: (id) => `Rolled back run ${runId} in ${total} deploys (last ${id})`,
      whenFailed: 'Production is partly restored; see the run log.',
    },
    async () => {
      let last: DeployOutcome | undefined;
      for (const [i, batch] of batches.entries()) {
        const label = `Rollback batch ${i + 1} of ${total}`;
        try {
          last = await restoreBatch(batch, i, label);
        } catch (error) {
          // Whatever stopped this batch (a refused validation, a failed deploy, a lost answer), the
          // message says which batches are already applied.
          if (applied.length === 0 || !(error instanceof ActionError) || error.message.includes(APPLIED_MARK)) throw error;
          const message = partly(error.message.replace(/^Gate '[^']+' refused: /, '').replace(/ Production was not changed[^.]*\./, ''));
          throw error instanceof GateError ? new GateError(error.gate, message, error.status) : new ActionError(message, error.status);
        }
      }
      return last!;
    },
  );
  report.quickDeployed = false;
  report.status = RunStatus.Succeeded;
  report.notes.push(`Restored in ${total} deploys: ${applied.join('; ')}.`);
  const attempt = restore.attempt !== undefined ? ` (the snapshot of attempt ${restore.attempt})` : '';
  report.message = `Rolled back production ${production.identity.name} to its state before run ${runId}${attempt} in ${total} deploys (not atomic; last ${deploy.id}). To undo this rollback, roll back run ${context.runId}.`;
}
