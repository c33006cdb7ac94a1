import { RunStatus } from '../constants.js';
import { Gate } from '../errors.js';
import { recordGate } from '../report/run-report.js';
import { reportApprovalState } from './pull-request.js';
import { recordProductionValidation } from './quick-deploy.js';
import type { RunState } from './run-state.js';
import { assertValidation, connectOrgs, packageSource, runOperation } from './salesforce-steps.js';
import { afterPendingIo } from './timing.js';

/**
 * Pull-request validation: a check-only deploy against the sandbox (and, when asked, against
 * production so the release can quick deploy it). Never changes either org.
 */
export async function validateFlow(run: RunState): Promise<void> {
  // Packaging is local work: its worker started with the run (main.ts) and loads
  // source-deploy-retrieve while the orgs authenticate; it gets its job once the first request
  // is on its way.
  const connecting = connectOrgs(run, run.settings.validateProduction ? ['sandbox', 'production'] : ['sandbox']);
  const packaged = afterPendingIo(() => packageSource(run, run.context.payload.pull_request?.base?.sha ?? run.context.payload.before));
  packaged.catch(() => undefined);
  const [sandbox, production] = await connecting;

  const pkg = await packaged;
  // The approval state is display (the release reads its own evidence): it is read while
  // Salesforce works on the validation, not after.
  let approvals: Promise<void> | undefined;
  const readApprovals = () => (approvals ??= reportApprovalState(run));
  try {
    const validation = await runOperation(run, sandbox, pkg, { label: 'Sandbox validation', checkOnly: true, onSubmitted: () => void readApprovals() });
    run.report.validationId = validation.id;
    const evidence = assertValidation(run, validation, 'Sandbox validation', pkg);

    if (production) {
      const productionValidation = await runOperation(run, production, pkg, { label: 'Production validation', checkOnly: true });
      run.report.productionValidationId = productionValidation.id;
      const productionEvidence = assertValidation(run, productionValidation, 'Production validation', pkg);
      recordGate(run.report, Gate.Validation, 'passed', `${evidence}; ${productionEvidence}`);
      await recordProductionValidation(run, production, pkg, productionValidation);
    }
    await readApprovals();
  } finally {
    // A failed validation's comment reports the approvals read meanwhile (commentOnPullRequest).
    await approvals;
  }
  run.report.status = RunStatus.Succeeded;
  run.report.message = `Validation succeeded against ${production ? 'the sandbox and production' : 'the sandbox'}; nothing was changed in any org.`;
}
