import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../errors.js';
import { createArtifactStore } from '../github/artifacts.js';
import type { GitHubClient } from '../github/client.js';
import { listRunArtifacts, listRunsForCommit, pullRequestEvidenceProblem } from '../github/run-evidence.js';
import {
  QUICK_DEPLOY_DAYS, readValidationRecord, validationArtifactName, validationArtifactPrefix, validationMismatch, writeValidationRecord, type ValidationRecord,
} from '../github/validation-ledger.js';
import { orgId18 } from '../rollback/bundle.js';
import type { OrgSession } from '../salesforce/connection.js';
import { isDeployId, orgTime, readDeployRecord, type DeployRecordView } from '../salesforce/deploy-records.js';
import { DeployStatus, type DeployOutcome } from '../salesforce/deploy-result.js';
import type { ComponentRef } from '../salesforce/manifest.js';
import { packageDigest, type DeployPackage } from '../salesforce/package.js';
import { runTempDir, type RunState } from './run-state.js';

/** How many validation artifacts of the approved head are checked with Salesforce at most. */
const MAX_CANDIDATES = 3;
const DAY_MS = 86400000;

/**
 * After a successful check-only deploy against production in a pull request, uploads the ledger
 * entry as an artifact of this run, so the release of the same content can quick deploy it. Best
 * effort: without it the release runs a full deploy.
 */
export async function recordProductionValidation(run: RunState, production: OrgSession, pkg: DeployPackage, validation: DeployOutcome): Promise<void> {
  const { settings, context } = run;
  const record: ValidationRecord = {
    validationId: validation.id,
    orgId: orgId18(production.identity.id),
    contentDigest: packageDigest(pkg.zip),
    testLevel: settings.testLevel,
    tests: settings.tests,
    sha: context.payload.pull_request?.head?.sha ?? context.sha,
    validatedAt: new Date().toISOString(),
  };
  const name = validationArtifactName(record.orgId, context.runId, context.runAttempt);
  try {
    const dir = runTempDir('sf-validation-');
    await createArtifactStore(context, settings.githubToken).upload(name, dir, writeValidationRecord(dir, record));
    run.report.notes.push(`Production validation ${validation.id} is recorded in artifact '${name}' for a quick deploy of this exact content within ${QUICK_DEPLOY_DAYS} days.`);
  } catch (error) {
    run.runner.warning(`Could not upload the production validation record '${name}' (${errorMessage(error)}); the release will run a full deploy.`);
  }
}

/**
 * A production validation a quick deploy may use: the ledger artifact of a `pull_request` run of
 * this repository (not a fork) on the approved pull request's head, for exactly this package, org
 * and tests, and which Salesforce confirms (check-only, succeeded, tests ran, same test level and
 * components, completed under ten days ago by the org's clock). Undefined means a full deploy
 * with tests; the summary then says why.
 */
export async function findQuickDeployable(run: RunState, github: GitHubClient, production: OrgSession, pkg: DeployPackage, approvedHeadSha: string | undefined): Promise<ValidationRecord | undefined> {
  const fullDeploy = (why: string): undefined => {
    run.runner.info(`Quick deploy: ${why}; a full deploy with tests follows.`);
    run.report.notes.push(`quick deploy: not used, ${why}; a full deploy with tests ran instead.`);
    return undefined;
  };
  if (!approvedHeadSha) return fullDeploy('no approved pull request is merged into this commit, so no production validation can be tied to the reviewed content');

  const orgId = orgId18(production.identity.id);
  const wanted = { orgId, contentDigest: packageDigest(pkg.zip), testLevel: run.settings.testLevel, tests: run.settings.tests, sha: approvedHeadSha };
  const refused: string[] = [];
  let candidates: Array<{ runId: number; artifactId: number; name: string; digest?: string }>;
  try {
    candidates = await validationArtifacts(github, approvedHeadSha, orgId, refused);
  } catch (error) {
    return fullDeploy(`the validation artifacts of the approved head ${approvedHeadSha.slice(0, 7)} could not be listed (${errorMessage(error)}; the github-token needs actions: read)`);
  }
  if (candidates.length === 0) {
    return fullDeploy(`no pull_request run of this repository on the approved head ${approvedHeadSha.slice(0, 7)} recorded a production validation${refused.length ? ` (not counted: ${refused.join('; ')})` : ''}`);
  }

  const store = createArtifactStore(run.context, run.settings.githubToken);
  let now: Date | undefined;
  for (const candidate of candidates.slice(0, MAX_CANDIDATES)) {
    const where = `artifact '${candidate.name}' of run ${candidate.runId}`;
    let entry: ValidationRecord | undefined;
    try {
      const dir = path.join(runTempDir('sf-ledger-'), String(candidate.artifactId));
      mkdirSync(dir, { recursive: true });
      await store.downloadFromRun(candidate.runId, candidate.artifactId, dir, candidate.digest);
      entry = readValidationRecord(dir);
    } catch (error) {
      refused.push(`${where} could not be read (${errorMessage(error)})`);
      continue;
    }
    const problem = !entry ? 'it holds no validation record' : !isDeployId(entry.validationId) ? 'it names no Salesforce deploy id' : validationMismatch(entry, wanted);
    if (problem || !entry) {
      refused.push(`${where}: ${problem}`);
      continue;
    }
    let validation: DeployRecordView;
    try {
      validation = await readDeployRecord(production, entry.validationId, 'production validation');
      now ??= await orgTime(production);
    } catch (error) {
      refused.push(`production validation ${entry.validationId} could not be checked with Salesforce (${errorMessage(error)})`);
      continue;
    }
    const sandboxValidation = run.report.operations.find((op) => op.role === 'sandbox' && op.outcome.id === run.report.validationId)?.outcome;
    const mismatch = quickDeployMismatch(validation, pkg, { testLevel: run.settings.testLevel, tests: run.settings.tests, orgNow: now, expectedComponentsTotal: sandboxValidation?.componentsTotal });
    if (mismatch) {
      run.runner.warning(`${where} names production validation ${entry.validationId}, but Salesforce reports ${mismatch}; it is not used.`);
      refused.push(`Salesforce reports of validation ${entry.validationId} ${mismatch}`);
      continue;
    }
    run.runner.info(`Production validation ${entry.validationId} of this exact content (commit ${entry.sha.slice(0, 7)}, ${where}) is confirmed by Salesforce and can be quick deployed.`);
    return entry;
  }
  return fullDeploy(`no production validation of the approved head ${approvedHeadSha.slice(0, 7)} could be confirmed: ${refused.join('; ')}`);
}

/**
 * The ledger artifacts for `orgId` of pull-request runs of this repository on `headSha`, newest
 * first; artifacts of any other run are left out, with the reason added to `refused`.
 */
async function validationArtifacts(github: GitHubClient, headSha: string, orgId: string, refused: string[]): Promise<Array<{ runId: number; artifactId: number; name: string; digest?: string }>> {
  const repository = `${github.owner}/${github.repo}`;
  const found: Array<{ runId: number; artifactId: number; name: string; digest?: string; createdAt: string }> = [];
  for (const candidateRun of await listRunsForCommit(github, headSha, 'pull_request')) {
    for (const artifact of await listRunArtifacts(github, candidateRun.id)) {
      if (!artifact.name.startsWith(validationArtifactPrefix(orgId))) continue;
      const problem = pullRequestEvidenceProblem(candidateRun, artifact, repository, headSha);
      if (problem) {
        refused.push(problem);
        continue;
      }
      found.push({ runId: candidateRun.id, artifactId: artifact.id, name: artifact.name, createdAt: artifact.createdAt ?? '', ...(artifact.digest ? { digest: artifact.digest } : {}) });
    }
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.artifactId - a.artifactId);
}

/** What the release expects of a validation besides its components. */
export interface ValidationExpectation {
  testLevel: string;
  tests: string[];
  /** The org's current time (getServerTimestamp): the validation's age is measured on Salesforce's clock. */
  orgNow: Date;
  /** The component total of the sandbox validation of this same package, when one ran in this run. */
  expectedComponentsTotal?: number;
}

/**
 * Why a validation Salesforce reports cannot stand for a deploy of `pkg`, or undefined when it
 * can (pure): it must be a check-only deploy that succeeded with tests run (a quick deploy skips
 * them), with the release's test level (and tests), completed less than ten days ago by the org's
 * clock, whose deployed and deleted components are exactly the package's, and, when a deploy of
 * this same package was counted in this run (the sandbox validation), with the same component
 * total. Members of a wildcard (`*`) type cannot be listed in advance, so any member of such a
 * type is accepted.
 */
export function quickDeployMismatch(validation: DeployRecordView, pkg: Pick<DeployPackage, 'components' | 'destructive'>, expected: ValidationExpectation): string | undefined {
  const { outcome } = validation;
  if (!outcome.checkOnly) return `that ${outcome.id || 'it'} is not a check-only validation`;
  if (!outcome.success || outcome.status !== DeployStatus.Succeeded) return `its status as ${outcome.status || 'unknown'}, not ${DeployStatus.Succeeded}`;
  if (outcome.testsRun <= 0) return 'that it ran no tests, and a quick deploy needs a validation with tests';
  if (validation.testLevel !== expected.testLevel) return `that it ran with test level ${validation.testLevel ?? 'unknown'}, not ${expected.testLevel}`;
  if (expected.testLevel === 'RunSpecifiedTests' && [...validation.runTests].sort().join(',') !== [...expected.tests].sort().join(',')) {
    return `that it ran the tests ${validation.runTests.join(', ') || 'none'}, not ${expected.tests.join(', ')}`;
  }
  if (!validation.completedDate) return 'no completion date for it';
  const ageMs = expected.orgNow.getTime() - validation.completedDate.getTime();
  if (ageMs >= QUICK_DEPLOY_DAYS * DAY_MS) {
    return `that it completed ${validation.completedDate.toISOString()}, ${(ageMs / DAY_MS).toFixed(1)} days before the org's time ${expected.orgNow.toISOString()}; a validation can be quick deployed for ${QUICK_DEPLOY_DAYS} days`;
  }
  for (const [verb, reported, wanted] of [['deploy', validation.deployed, pkg.components], ['delete', validation.deleted, pkg.destructive ?? []]] as const) {
    const { extra, missing } = difference(reported, wanted);
    if (extra.length) return `that it would ${verb} ${list(extra)}, which this package does not`;
    if (missing.length) return `that it would not ${verb} ${list(missing)}, which this package does`;
  }
  if (expected.expectedComponentsTotal !== undefined && outcome.componentsTotal !== expected.expectedComponentsTotal) {
    return `${outcome.componentsTotal} component(s) in it, while the sandbox validation of this package counted ${expected.expectedComponentsTotal}`;
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
