import { RunStatus } from '../constants.js';
import { Gate, SalesforceError } from '../errors.js';
import { approvalPolicy, assertApprovals, describeVerdict, evaluateApprovals, gatherApprovalEvidence, type ApprovalPolicy } from '../github/approvals.js';
import { createArtifactStore } from '../github/artifacts.js';
import { assertProductionBranch } from '../github/branch.js';
import { assertApprovedChange, assertCheckedOutCommit, packagingPaths } from '../git/checkout.js';
import { assertEventMayRun } from '../plan.js';
import { forceIgnoreOf } from '../salesforce/package-contents.js';
import { rollbackArtifactName } from '../rollback/bundle.js';
import { saveRollbackSnapshot } from '../rollback/snapshot.js';
import type { OrgSession } from '../salesforce/connection.js';
import { QuickDeployRefused } from '../salesforce/deploy.js';
import { failureSummary, type DeployOutcome } from '../salesforce/deploy-result.js';
import type { DeployPackage } from '../salesforce/package.js';
import { passGate } from './gates.js';
import { findQuickDeployable } from './quick-deploy.js';
import { recordedDeploy } from './recorded-deploy.js';
import { provenDeltaBase, recordRelease } from './release-evidence.js';
import { runTempDir, type RunState } from './run-state.js';
import { assertValidation, connectOrgs, packageSource, runOperation } from './salesforce-steps.js';

/** `mode: deploy`: straight to a sandbox, or through every gate of SPEC.md to production. */
export async function releaseFlow(run: RunState): Promise<void> {
  if (run.settings.environment === 'sandbox') return sandboxDeploy(run);
  const { settings, context, report } = run;
  const github = await run.github();

  await passGate(run, Gate.Branch, async () => {
    const event = assertEventMayRun(settings, context);
    // The checkout first: it needs no network, and nothing else matters if the tree is not the commit.
    const tree = await assertCheckedOutCommit(context.workspace, context.sha, packagingPaths(settings.sourceDirs, settings.manifest), forceIgnoreOf(context.workspace, settings.sourceDirs));
    const branch = await assertProductionBranch(github, context, settings.productionBranches, (note) => report.notes.push(note));
    return `${event}; ${tree}. ${branch}`;
  });
  // Packaging is local: a package Salesforce would refuse (the Metadata API's limits) is refused
  // before any Salesforce call. A delta release needs production's record of its base first.
  let pkg = settings.delta ? undefined : await packageSource(run);
  const [sandbox, production] = await connectOrgs(run, ['sandbox', 'production']);
  // The cheap approval check runs before the hour of tests; it is repeated before the snapshot
  // and again right before the production deploy, since a review can be dismissed meanwhile.
  const policy = approvalPolicy(settings);
  await checkApprovals(run, policy, 'before validation');

  pkg ??= await packageSource(run, await provenDeltaBase(run, github, production));
  const validation = await runOperation(run, sandbox, pkg, { label: 'Sandbox validation', checkOnly: true });
  report.validationId = validation.id;
  assertValidation(run, validation, 'Sandbox validation', pkg);

  await checkApprovals(run, policy, 'after validation');

  const name = settings.rollbackArtifactName ?? rollbackArtifactName(production.identity.id, context.runId, context.runAttempt);
  await passGate(run, Gate.Snapshot, async () => {
    const snapshot = await saveRollbackSnapshot(production, pkg.components, {
      name,
      commit: context.sha,
      workDir: runTempDir('sf-rollback-'),
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

  const approvedHead = await checkApprovals(run, policy, 'right before the production deploy');
  if (settings.dryRun) {
    report.status = RunStatus.Skipped;
    report.message = `Dry run: every gate passed and the rollback artifact '${name}' is saved; nothing was submitted to production.`;
    return;
  }

  const quick = settings.validateProduction ? await findQuickDeployable(run, github, production, pkg, approvedHead) : undefined;
  const deploy = await recordedDeploy(
    run,
    production,
    {
      label: 'Production deploy',
      environment: settings.environment,
      description: `Salesforce deploy of ${context.sha.slice(0, 7)} to ${production.identity.name}`,
      payload: { orgId: production.identity.id, validationId: validation.id, rollbackArtifact: name, runId: context.runId, runAttempt: context.runAttempt },
      inProgress: 'Deploying to production',
      succeeded: (id) => `Deploy ${id} succeeded; rollback artifact ${name}`,
      whenFailed: 'Salesforce rolled it back (rollbackOnError); production is unchanged.',
    },
    async (onSubmitted) => (quick && (await quickDeploy(run, production, pkg, quick.validationId, onSubmitted))) || runOperation(run, production, pkg, { label: 'Production deploy', checkOnly: false, onSubmitted }),
  );
  report.quickDeployed ??= false;
  await recordRelease(run, production, { id: deploy.id, quickDeployed: report.quickDeployed, rollbackArtifact: name });
  report.status = RunStatus.Succeeded;
  report.message = `Deployed to production ${production.identity.name} (${deploy.id}${report.quickDeployed ? ', quick deploy' : ''}). Rollback artifact: ${name}.`;
}

/**
 * Quick deploys a production validation of this exact content. When Salesforce refuses it (a
 * deploy since then invalidated it, or it expired) nothing started, and undefined says a full
 * deploy should follow.
 */
async function quickDeploy(run: RunState, production: OrgSession, pkg: DeployPackage, validationId: string, onSubmitted: (id: string) => void): Promise<DeployOutcome | undefined> {
  try {
    const outcome = await runOperation(run, production, pkg, { label: 'Production quick deploy', checkOnly: false, quickDeployOf: validationId, onSubmitted });
    run.report.quickDeployed = true;
    return outcome;
  } catch (error) {
    if (!(error instanceof QuickDeployRefused)) throw error;
    run.runner.warning(`${error.message}. Running a full deploy with tests instead.`);
    return undefined;
  }
}

/** Evaluates the approval gate and records who counted; returns the approved pull request's head. */
async function checkApprovals(run: RunState, policy: ApprovalPolicy, when: string): Promise<string | undefined> {
  let head: string | undefined;
  await passGate(run, Gate.Approvals, async () => {
    const evidence = await gatherApprovalEvidence(await run.github(), run.context, policy, run.settings.environment);
    const verdict = evaluateApprovals(evidence, policy, run.settings.environment);
    run.report.approvalLines = describeVerdict(verdict);
    assertApprovals(verdict);
    const pr = evidence.pullRequest;
    head = pr?.headSha;
    // The approvals are of the pull request's head; the release deploys its merge commit.
    const change = pr
      ? await assertApprovedChange(run.context.workspace, run.context.sha, pr.headSha, pr.number)
      : `no pull request was merged into ${run.context.sha.slice(0, 7)}, so the approvals are of this run's deployment review, which shows the commit`;
    return `${verdict.counted.length} of ${verdict.required} required approval(s) (${verdict.counted.map((c) => c.login).join(', ') || 'none needed'}), checked ${when}; ${change}`;
  });
  return head;
}

/** A deploy to a sandbox: no production gates, tests per test-level. */
async function sandboxDeploy(run: RunState): Promise<void> {
  const pkg = await packageSource(run);
  const [sandbox] = await connectOrgs(run, ['sandbox']);
  const deploy = await runOperation(run, sandbox, pkg, { label: 'Sandbox deploy', checkOnly: false, onSubmitted: (id) => (run.report.deployId = id) });
  run.report.deployId = deploy.id;
  if (!deploy.success) throw new SalesforceError(`Sandbox deploy ${deploy.id} ${deploy.status}: ${failureSummary(deploy)}`);
  run.report.status = RunStatus.Succeeded;
  run.report.message = `Deployed to the sandbox ${sandbox.identity.name} (${deploy.id}).`;
}
