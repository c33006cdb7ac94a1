import { errorMessage } from '../errors.js';
import { createGitHubClient, type GitHubClient } from '../github/client.js';
import { matchValidation, readValidations, recordValidation, type ValidationRecord } from '../github/validation-ledger.js';
import type { OrgSession } from '../salesforce/connection.js';
import type { DeployOutcome } from '../salesforce/deploy-result.js';
import { packageDigest, type DeployPackage } from '../salesforce/package.js';
import type { RunState } from './run-state.js';

/**
 * After a successful check-only deploy against production in a pull request, records it in the
 * validation ledger so the release of the same content can quick deploy it. Best effort: without
 * `deployments: write` the release simply runs a full deploy.
 */
export async function recordProductionValidation(run: RunState, production: OrgSession, pkg: DeployPackage, validation: DeployOutcome): Promise<void> {
  const { settings, context } = run;
  if (!settings.githubToken) return;
  const head = context.payload.pull_request?.head?.sha ?? context.sha;
  const record: ValidationRecord = {
    validationId: validation.id,
    orgId: production.identity.id,
    contentDigest: packageDigest(pkg.zip),
    testLevel: settings.testLevel,
    tests: settings.tests,
    sha: head,
    validatedAt: new Date().toISOString(),
  };
  try {
    // Kept under production whatever `environment` a pull-request run has: it is production's validation.
    await recordValidation(await createGitHubClient(settings.githubToken, context), 'production', record);
    run.report.notes.push(`Production validation ${validation.id} is recorded for a quick deploy of this exact content for ${10} days.`);
  } catch (error) {
    run.runner.warning(`Could not record the production validation for a later quick deploy (${errorMessage(error)}); the release will run a full deploy. Grant 'deployments: write' to enable quick deploys.`);
  }
}

/** A production validation of exactly this package, org and tests that a quick deploy may use. */
export async function findQuickDeployable(run: RunState, github: GitHubClient, production: OrgSession, pkg: DeployPackage): Promise<ValidationRecord | undefined> {
  const { settings } = run;
  try {
    const wanted = { orgId: production.identity.id, contentDigest: packageDigest(pkg.zip), testLevel: settings.testLevel, tests: settings.tests };
    const match = matchValidation(await readValidations(github, 'production'), wanted, new Date());
    run.runner.info(match ? `Production validation ${match.validationId} of this exact content (commit ${match.sha.slice(0, 7)}) can be quick deployed.` : 'No production validation of this exact content: a full deploy with tests follows.');
    return match;
  } catch (error) {
    run.runner.warning(`Could not read the validation ledger (${errorMessage(error)}); a full deploy with tests follows.`);
    return undefined;
  }
}
