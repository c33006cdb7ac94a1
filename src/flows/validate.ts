import { RunStatus } from '../constants.js';
import { Gate } from '../errors.js';
import type { OrgSession } from '../salesforce/connection.js';
import { passGate } from './gates.js';
import type { RunState } from './run-state.js';
import { afterPendingIo } from './timing.js';
import { reportApprovalState } from './pull-request.js';
import { recordProductionValidation } from './quick-deploy.js';
import { assertValidation, connectOrg, packageSource, recordOrgIdentity, runOperation } from './salesforce-steps.js';

/**
 * Pull-request validation: a check-only deploy against the sandbox (and, when asked, against
 * production so the release can quick deploy it). Never changes either org.
 */
export async function validateFlow(run: RunState): Promise<void> {
  // Packaging is local work: it runs while the orgs authenticate, started once the first
  // request is on its way so that loading source-deploy-retrieve does not hold it back.
  let sandbox!: OrgSession;
  let production: OrgSession | undefined;
  const identified = passGate(run, Gate.OrgIdentity, async () => {
    sandbox = await connectOrg(run, 'sandbox');
    if (run.settings.validateProduction) production = await connectOrg(run, 'production');
    return recordOrgIdentity(run);
  });
  const packaged = afterPendingIo(() => packageSource(run, run.context.payload.pull_request?.base?.sha ?? run.context.payload.before));
  packaged.catch(() => undefined);
  await identified;

  const pkg = await packaged;
  const validation = await runOperation(run, sandbox, pkg, { label: 'Sandbox validation', checkOnly: true });
  run.report.validationId = validation.id;
  assertValidation(run, validation, 'Sandbox validation');

  if (production) {
    const productionValidation = await runOperation(run, production, pkg, { label: 'Production validation', checkOnly: true });
    run.report.productionValidationId = productionValidation.id;
    assertValidation(run, productionValidation, 'Production validation');
    await recordProductionValidation(run, production, pkg, productionValidation);
  }
  await reportApprovalState(run);
  run.report.status = RunStatus.Succeeded;
  run.report.message = `Validation succeeded against ${production ? 'the sandbox and production' : 'the sandbox'}; nothing was changed in any org.`;
}
