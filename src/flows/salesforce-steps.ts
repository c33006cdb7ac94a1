import path from 'node:path';
import { OrgRole, RunStatus } from '../constants.js';
import { ActionError, Gate, GateError } from '../errors.js';
import { passGate } from './gates.js';
import { recordGate, type OperationRecord } from '../report/run-report.js';
import { connect, highestApiVersion, type OrgSession } from '../salesforce/connection.js';
import { awaitDeploy, LostSubmission, submitDeploy, submitQuickDeploy } from '../salesforce/deploy.js';
import { failureSummary, type DeployOutcome } from '../salesforce/deploy-result.js';
import { locateFailures } from '../salesforce/locate.js';
import { computeDelta, type DeltaScope } from '../salesforce/delta.js';
import { buildPackage, type DeployPackage } from '../salesforce/package.js';
import { assertWithinLimits } from '../salesforce/limits.js';
import { awaitProductionTurn } from '../salesforce/org-lock.js';
import type { RunState } from './run-state.js';
import { phase } from './timing.js';

/**
 * Settles `api-version` when neither the input nor sfdx-project.json set it: the lowest of the
 * highest versions the configured orgs offer (a sandbox on a preview release offers one more than
 * production), so every org understands every call. Asked once per run.
 */
export function ensureApiVersion(run: RunState): Promise<string> {
  if (run.settings.apiVersion) return Promise.resolve(run.settings.apiVersion);
  // Packaging and connecting may ask at the same time (validation runs): one request per org.
  let asked = versionRequests.get(run.settings);
  if (!asked) {
    asked = askApiVersion(run);
    versionRequests.set(run.settings, asked);
  }
  return asked;
}

const versionRequests = new WeakMap<object, Promise<string>>();

async function askApiVersion(run: RunState): Promise<string> {
  const { settings } = run;
  const orgs = [settings.sandbox, settings.production].filter((c): c is NonNullable<typeof c> => c !== undefined);
  const highest = await Promise.all(orgs.map((c) => highestApiVersion(c, { log: run.runner.info, retryForMs: settings.waitMinutes * 60000 })));
  const version = highest.sort((a, b) => Number(a) - Number(b))[0];
  if (!version) throw new ActionError('No org is configured, so no API version can be chosen. Set api-version.');
  // The one place a setting is filled in after the inputs: every later phase reads the same value.
  settings.apiVersion = version;
  run.runner.info(`api-version ${version}: the highest the ${orgs.map((c) => c.role).join(' and ')} org${orgs.length > 1 ? 's' : ''} offer${orgs.length > 1 ? '' : 's'} (no api-version input, no sourceApiVersion in sfdx-project.json).`);
  return version;
}

/** Connects to the org of a role and checks it is what the role claims. */
async function connectOrg(run: RunState, role: OrgRole): Promise<OrgSession> {
  const credentials = role === 'sandbox' ? run.settings.sandbox : run.settings.production;
  if (!credentials) throw new ActionError(`No ${role} credentials are configured.`);
  await ensureApiVersion(run);
  run.runner.info(`Connecting to the ${role} org (${credentials.method}).`);
  const session = await connect(credentials, { apiVersion: run.settings.apiVersion, log: run.runner.info, registerSecret: run.runner.registerSecret, retryForMs: run.settings.waitMinutes * 60000 });
  run.report.orgs[role] = session.identity;
  run.runner.info(`Connected to ${session.identity.name} (${session.identity.id}), ${session.identity.isSandbox ? 'a sandbox' : 'a production org'}.`);
  assertOrgIdentity(role, session);
  return session;
}

/** Gate 2: sandbox credentials must reach a sandbox, production credentials a production org. */
export function assertOrgIdentity(role: OrgRole, session: OrgSession): void {
  const { identity } = session;
  const expectSandbox = role === 'sandbox';
  if (identity.isSandbox !== expectSandbox) {
    throw new GateError(
      Gate.OrgIdentity,
      `the ${role} credentials reach '${identity.name}' (${identity.id}), which is ${identity.isSandbox ? 'a sandbox' : 'a production org'} (Organization.IsSandbox = ${identity.isSandbox}). Use ${role} credentials that log in to ${expectSandbox ? 'a sandbox' : 'the production org'}.`,
    );
  }
}

/**
 * Gate 2 for the given roles: connects to each org and checks it is what its role claims; the
 * gate is recorded (passed or refused) with the evidence. Returns the sessions in role order.
 */
export async function connectOrgs(run: RunState, roles: OrgRole[]): Promise<OrgSession[]> {
  const sessions: OrgSession[] = [];
  await passGate(run, Gate.OrgIdentity, async () => {
    for (const role of roles) sessions.push(await connectOrg(run, role));
    return sessions.map(({ role, identity }) => `${role} ${identity.name} (${identity.id}) is ${identity.isSandbox ? 'a sandbox' : 'production'}`).join('; ');
  });
  return sessions;
}

/**
 * Builds the deploy package from the repository and records its size. With `delta: true` only
 * what changed since `deltaBase` is packaged, deletions included; without a usable base the
 * whole source is packaged and the report says why.
 */
export async function packageSource(run: RunState, deltaBase?: string): Promise<DeployPackage> {
  return phase(run, 'Package the source', () => buildSourcePackage(run, deltaBase));
}

async function buildSourcePackage(run: RunState, deltaBase?: string): Promise<DeployPackage> {
  const { settings, context, report } = run;
  await ensureApiVersion(run);
  let delta: DeltaScope | undefined;
  if (settings.delta) {
    if (!deltaBase || /^0+$/.test(deltaBase)) {
      report.notes.push('delta: no base commit to compare with (a first push or no earlier deploy); the whole source was packaged.');
    } else {
      delta = await computeDelta({ workspace: context.workspace, base: deltaBase, head: context.sha, sourceDirs: settings.sourceDirs, apiVersion: settings.apiVersion });
      if (delta.fallback) {
        // Not safe to compute: the whole source is a correct package, a guessed delta is not.
        report.warnings.push(`delta: ${delta.fallback} The whole source was packaged instead (nothing is deleted).`);
        delta = undefined;
      } else {
        run.runner.info(`Delta ${delta.base.slice(0, 7)}..${delta.head.slice(0, 7)}: ${delta.deploy.length} component(s) to deploy, ${delta.destructive.length} to delete (${delta.baseFilesRead} file(s) of the base read).`);
        for (const note of delta.notes) report.notes.push(`delta: ${note}`);
      }
    }
  }
  const pkg = await buildPackage({ workspace: context.workspace, sourceDirs: settings.sourceDirs, manifest: settings.manifest, apiVersion: settings.apiVersion, delta });
  assertWithinLimits(pkg, 'deploy package');
  const destructive = pkg.destructive ?? [];
  report.components = pkg.components.length + destructive.length;
  report.componentNames = [...pkg.components.map((c) => `${c.type}: ${c.fullName}`), ...destructive.map((c) => `delete ${c.type}: ${c.fullName}`)];
  run.runner.info(`Packaged ${pkg.components.length} components${destructive.length ? ` and ${destructive.length} deletion(s)` : ''} (${pkg.fileCount} files, ${(pkg.zip.length / 1024).toFixed(1)} KiB zipped).`);
  return pkg;
}

/** What kind of Salesforce operation to run and wait for. */
export interface OperationRequest {
  label: string;
  checkOnly: boolean;
  /** Quick deploy of this validation id instead of a deploy of the package. */
  quickDeployOf?: string;
  /** Told the id as soon as Salesforce accepted the request, so outputs have it even if the wait fails. */
  onSubmitted?: (id: string) => void;
}

/** Components Salesforce counted in a deploy of each package during this run. */
const countedComponents = new WeakMap<DeployPackage, number>();

/** Submits a deploy (or quick deploy), waits for it, and records its outcome and annotations. */
export async function runOperation(run: RunState, session: OrgSession, pkg: DeployPackage, request: OperationRequest): Promise<DeployOutcome> {
  return phase(run, request.label, () => operate(run, session, pkg, request), { failed: (outcome) => !outcome.success });
}

async function operate(run: RunState, session: OrgSession, pkg: DeployPackage, request: OperationRequest): Promise<DeployOutcome> {
  const { settings } = run;
  const testLevel = settings.testLevel;
  // What Salesforce counted for this package before (the sandbox validation of a release): a
  // submission whose answer is lost is then matched on the component count too.
  const componentsTotal = countedComponents.get(pkg);
  // One production change at a time: another release's or rollback's deploy is waited for, and a
  // production changed since this run's rollback snapshot is not deployed to.
  if (session.role === 'production' && !request.checkOnly) {
    await awaitProductionTurn(session, request.label.toLowerCase(), { timeoutMs: settings.waitMinutes * 60000, log: run.runner.info });
  }
  let id: string;
  try {
    id = request.quickDeployOf
      ? await submitQuickDeploy(session, request.quickDeployOf, testLevel)
      : await submitDeploy(session, {
          zip: pkg.zip,
          checkOnly: request.checkOnly,
          testLevel,
          runTests: settings.tests,
          // A sandbox may lack what production has: a deletion of a component it does not have is a
          // warning there, not a reason to fail the validation. Production keeps warnings fatal,
          // since a missing component there means the delta base was wrong.
          ignoreWarnings: session.role === 'sandbox' && (pkg.destructive?.length ?? 0) > 0,
          purpose: request.label.toLowerCase(),
          ...(componentsTotal ? { componentsTotal } : {}),
        });
  } catch (error) {
    // The deploy may be running: the post step looks for it again and cancels it if it can tell it apart.
    if (error instanceof LostSubmission) run.runner.rememberPendingDeploy({ role: session.role, submission: error.submission });
    throw error;
  }
  run.runner.info(`${request.label} submitted: ${id} (${request.quickDeployOf ? 'quick deploy' : `${request.checkOnly ? 'check-only, ' : ''}${testLevel}`}).`);
  request.onSubmitted?.(id);
  run.runner.rememberPendingDeploy({ role: session.role, id });
  const { outcome, raw, lateCancel } = await awaitDeploy(session, id, request.label.toLowerCase(), {
    timeoutMs: settings.waitMinutes * 60000,
    zipBytes: pkg.zip.length,
    log: run.runner.info,
  });
  run.runner.rememberPendingDeploy(undefined);
  // wait-minutes ran out but Salesforce finished the deploy anyway: the outcome is its own, and the run says why.
  if (lateCancel) run.report.warnings.push(lateCancel);
  if (outcome.componentsTotal && !request.quickDeployOf) countedComponents.set(pkg, outcome.componentsTotal);
  const record: OperationRecord = { role: session.role, label: request.label, outcome, instanceUrl: session.identity.instanceUrl, sources: apexSources(pkg, run.context.workspace) };
  run.report.operations.push(record);
  run.report.annotations.push(...(await locateFailures(outcome, raw, pkg, run.context.workspace, request.label)));
  for (const warning of outcome.componentWarnings) run.report.warnings.push(`${request.label}: ${warning}`);
  if (outcome.success) for (const warning of outcome.coverageWarnings) run.report.warnings.push(`${request.label}: ${warning}`);
  run.runner.info(`${request.label} ${outcome.id} finished: ${outcome.status}${outcome.testsRun ? `, ${outcome.testsRun} tests run, ${outcome.testsFailed} failed` : ''}${outcome.coverage !== undefined && outcome.testsRun ? `, coverage ${outcome.coverage}%` : ''}.`);
  return outcome;
}

/** Workspace-relative source file of every Apex class and trigger in the package, by name. */
function apexSources(pkg: DeployPackage, workspace: string): Record<string, string> {
  const sources: Record<string, string> = {};
  // Built in worker threads: the workers listed them.
  for (const [key, file] of Object.entries(pkg.apexFiles ?? {})) sources[key.slice(key.indexOf(':') + 1)] = file;
  for (const component of pkg.componentSet?.getSourceComponents().toArray() ?? []) {
    const file = component.content ?? component.xml;
    if (!file || (component.type.name !== 'ApexClass' && component.type.name !== 'ApexTrigger')) continue;
    sources[component.fullName] = path.relative(workspace, path.resolve(workspace, file)).split(path.sep).join('/');
  }
  return sources;
}

/**
 * Gate 3: the validation succeeded, with coverage at or above the threshold. A package with Apex
 * validated with tests must report tests and coverage; one without tests asked for, or without
 * Apex in an org that has no tests, has no coverage to check.
 */
export function assertValidation(run: RunState, outcome: DeployOutcome, label: string, pkg: Pick<DeployPackage, 'hasApex'>): string {
  const threshold = run.settings.coverageThreshold;
  if (!outcome.success) {
    recordGate(run.report, Gate.Validation, 'refused', `${label} ${outcome.id} ${outcome.status}: ${failureSummary(outcome)}`);
    // Reports list component, test and coverage failures right below this message; only then
    // does it point at them.
    const listed = outcome.componentFailures.length + outcome.testFailures.length + outcome.coverageWarnings.length > 0;
    const next = label.startsWith('Rollback')
      ? `Production was not changed${listed ? '; the failures below say what blocks restoring it' : ''}.`
      : listed
        ? 'Fix the failures below and push again.'
        : 'Check the deploy in Setup > Deployment Status, then run again.';
    throw new GateError(Gate.Validation, `${label} ${outcome.id} ${outcome.status}: ${failureSummary(outcome).replace(/\.$/, '')}. ${next}`, RunStatus.Failed);
  }
  if (pkg.hasApex && run.settings.testLevel !== 'NoTestRun' && (outcome.testsRun === 0 || outcome.coverage === undefined)) {
    recordGate(run.report, Gate.Validation, 'refused', `no tests ran and no coverage was reported for a package with Apex`);
    throw new GateError(Gate.Validation, `${label} ${outcome.id} ran no Apex tests for a package with Apex (test-level ${run.settings.testLevel}), so coverage cannot be checked. Add test classes, or list them in tests with RunSpecifiedTests.`, RunStatus.Failed);
  }
  if (outcome.testsRun > 0 && outcome.coverage !== undefined && outcome.coverage < threshold) {
    recordGate(run.report, Gate.Validation, 'refused', `coverage ${outcome.coverage}% is below coverage-threshold ${threshold}%`);
    throw new GateError(Gate.Validation, `${label} ${outcome.id} reported org-wide coverage ${outcome.coverage}%, below coverage-threshold ${threshold}%. Add tests, or lower coverage-threshold (Salesforce's own minimum is 75%).`, RunStatus.Failed);
  }
  const coverage = outcome.testsRun > 0 && outcome.coverage !== undefined ? `, coverage ${outcome.coverage}% ≥ ${threshold}%` : ', no tests ran';
  const evidence = `${label} ${outcome.id} succeeded${outcome.testsRun ? `, ${outcome.testsRun} test${outcome.testsRun === 1 ? '' : 's'} passed` : ''}${coverage}`;
  recordGate(run.report, Gate.Validation, 'passed', evidence);
  return evidence;
}
