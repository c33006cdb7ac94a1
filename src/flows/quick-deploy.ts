import { errorMessage } from '../errors.js';
import type { GitHubClient } from '../github/client.js';
import { matchValidation, QUICK_DEPLOY_DAYS, readValidations, recordValidation, type ValidationRecord } from '../github/validation-ledger.js';
import type { OrgSession } from '../salesforce/connection.js';
import { readDeploy, type ReportedDeploy } from '../salesforce/deploy.js';
import { DeployStatus, type DeployOutcome } from '../salesforce/deploy-result.js';
import type { ComponentRef } from '../salesforce/manifest.js';
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
    await recordValidation(await run.github(), 'production', record);
    run.report.notes.push(`Production validation ${validation.id} is recorded for a quick deploy of this exact content for ${QUICK_DEPLOY_DAYS} days.`);
  } catch (error) {
    run.runner.warning(`Could not record the production validation for a later quick deploy (${errorMessage(error)}); the release will run a full deploy. Grant 'deployments: write' to enable quick deploys.`);
  }
}

/**
 * A production validation that a quick deploy may use: a ledger entry for exactly this package,
 * org and tests, recorded for the head commit of the approved pull request, and which Salesforce
 * confirms is a successful check-only deploy with tests of the same components. The ledger is
 * only a hint: anyone with `deployments: write` can write an entry, so nothing in it is trusted
 * until the org agrees. Undefined means a full deploy with tests.
 */
export async function findQuickDeployable(run: RunState, github: GitHubClient, production: OrgSession, pkg: DeployPackage, approvedHeadSha: string | undefined): Promise<ValidationRecord | undefined> {
  const { settings, runner } = run;
  if (!approvedHeadSha) {
    runner.info('No approved pull request is merged into this commit, so no production validation can be tied to the reviewed content: a full deploy with tests follows.');
    return undefined;
  }
  let match: ValidationRecord | undefined;
  try {
    const wanted = { orgId: production.identity.id, contentDigest: packageDigest(pkg.zip), testLevel: settings.testLevel, tests: settings.tests, sha: approvedHeadSha };
    match = matchValidation(await readValidations(github, 'production'), wanted, new Date());
  } catch (error) {
    runner.warning(`Could not read the validation ledger (${errorMessage(error)}); a full deploy with tests follows.`);
    return undefined;
  }
  if (!match) {
    runner.info(`No production validation of this exact content for the approved head ${approvedHeadSha.slice(0, 7)}: a full deploy with tests follows.`);
    return undefined;
  }
  let validation: ReportedDeploy;
  try {
    validation = await readDeploy(production, match.validationId, 'production validation');
  } catch (error) {
    runner.warning(`Could not check production validation ${match.validationId} with Salesforce (${errorMessage(error)}); a full deploy with tests follows.`);
    return undefined;
  }
  const sandboxValidation = run.report.operations.find((op) => op.role === 'sandbox' && op.outcome.id === run.report.validationId)?.outcome;
  const problem = quickDeployMismatch(validation, pkg, sandboxValidation?.componentsTotal);
  if (problem) {
    runner.warning(`The validation ledger names production validation ${match.validationId} for this content, but Salesforce reports ${problem}; it is not used, and a full deploy with tests follows.`);
    return undefined;
  }
  runner.info(`Production validation ${match.validationId} of this exact content (commit ${match.sha.slice(0, 7)}) is confirmed by Salesforce and can be quick deployed.`);
  return match;
}

/**
 * Why a validation Salesforce reports cannot stand for a deploy of `pkg`, or undefined when it
 * can (pure): it must be a check-only deploy that succeeded with tests run (a quick deploy skips
 * them), whose deployed and deleted components are exactly the package's, and, when a deploy of
 * this same package was counted in this run (the sandbox validation), with the same component
 * total. Members of a wildcard (`*`) type cannot be listed in advance, so any member of such a
 * type is accepted.
 */
export function quickDeployMismatch(validation: ReportedDeploy, pkg: Pick<DeployPackage, 'components' | 'destructive'>, expectedComponentsTotal?: number): string | undefined {
  const { outcome } = validation;
  if (!outcome.checkOnly) return `that ${outcome.id || 'it'} is not a check-only validation`;
  if (!outcome.success || outcome.status !== DeployStatus.Succeeded) return `its status as ${outcome.status || 'unknown'}, not ${DeployStatus.Succeeded}`;
  if (outcome.testsRun <= 0) return 'that it ran no tests, and a quick deploy needs a validation with tests';
  for (const [verb, reported, expected] of [['deploy', validation.deployed, pkg.components], ['delete', validation.deleted, pkg.destructive ?? []]] as const) {
    const { extra, missing } = difference(reported, expected);
    if (extra.length) return `that it would ${verb} ${list(extra)}, which this package does not`;
    if (missing.length) return `that it would not ${verb} ${list(missing)}, which this package does`;
  }
  if (expectedComponentsTotal !== undefined && outcome.componentsTotal !== expectedComponentsTotal) {
    return `${outcome.componentsTotal} component(s) in it, while the sandbox validation of this package counted ${expectedComponentsTotal}`;
  }
  return undefined;
}

/** Components (`type:fullName`) reported but not expected, and expected but not reported. */
function difference(reported: readonly ComponentRef[], expected: readonly ComponentRef[]): { extra: string[]; missing: string[] } {
  const key = (c: ComponentRef): string => `${c.type}:${c.fullName}`;
  const wildcardTypes = new Set(expected.filter((c) => c.fullName === '*').map((c) => c.type));
  const want = new Set(expected.filter((c) => c.fullName !== '*').map(key));
  const have = new Set(reported.map(key));
  return {
    extra: reported.filter((c) => !want.has(key(c)) && !wildcardTypes.has(c.type)).map(key).sort(),
    missing: [...want].filter((k) => !have.has(k)).sort(),
  };
}

function list(keys: string[]): string {
  return `${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ` and ${keys.length - 5} more` : ''}`;
}
