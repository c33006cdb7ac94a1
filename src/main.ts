import * as core from './workflow-commands.js';
import { Inputs, Outputs, RunStatus, State } from './constants.js';
import { ActionError, Gate, errorMessage } from './errors.js';
import { passGate } from './flows/gates.js';
import type { Runner, RunState } from './flows/run-state.js';
import { createGitHubClient, type GitHubClient } from './github/client.js';
import { readRunContext } from './github/context.js';
import { readSettings } from './inputs.js';
import { assertEventMayRun, planRun } from './plan.js';
import { ANNOTATION_LIMIT, limitWarnings, rankAnnotations } from './report/annotations.js';
import { outputsOf } from './report/outputs.js';
import { routeLibraryOutput } from './report/library-log.js';
import { newReport, type RunReport } from './report/run-report.js';
import { prestartPackagingWorker } from './salesforce/package-workers.js';
import { failureRows, renderSummary } from './report/summary.js';

/**
 * The action: inputs → plan → the mode's flow (validate, release or rollback) → report. This is
 * the one place an error becomes `setFailed`; outputs and the summary are written from whatever
 * the run reached, whatever happened.
 */
export async function run(): Promise<void> {
  core.saveState(State.IsPost, 'true');
  routeLibraryOutput((line) => core.debug(line));
  const report = newReport();
  let state: RunState | undefined;
  try {
    const context = readRunContext();
    const settings = readSettings(core.getInput, core.setSecret, context);
    const plan = planRun(settings, context);
    report.mode = plan.mode;
    report.environment = plan.target;
    report.plannedGates = plan.gates;
    report.coverageThreshold = settings.coverageThreshold;
    // A run that packages source folders starts its packaging worker first: it resolves the
    // package (or loads SDR) while this thread loads the flow and connects (package-workers.ts).
    if (plan.mode !== 'rollback' && !settings.delta && settings.sourceDirs.length > 0) prestartPackagingWorker({ workspace: context.workspace, sourceDirs: settings.sourceDirs, ...(settings.manifest ? { manifest: settings.manifest } : {}) });
    core.info(`Mode ${plan.mode} (${settings.requestedMode === 'auto' ? `auto, from the ${context.eventName} event` : 'from the mode input'}), target ${plan.target}; gates: ${plan.gates.join(' → ')}.`);
    let github: Promise<GitHubClient> | undefined;
    state = { settings, context, report, runner: runner(), github: () => (github ??= createGitHubClient(settings.githubToken, context)) };
    // Gate 1, first half, before anything touches a network: a pull-request event may only
    // validate, and a production deploy or rollback runs only for push and workflow_dispatch.
    // Only a refusal is recorded here; a release reports the event with the rest of its branch gate.
    if (plan.mode !== 'validate') {
      try {
        assertEventMayRun(settings, context);
      } catch (error) {
        await passGate(state, Gate.Branch, () => {
          throw error;
        });
      }
    }
    if (settings.mode === 'validate') {
      const { validateFlow } = await import('./flows/validate.js');
      await validateFlow(state);
    } else if (settings.mode === 'deploy') {
      const { releaseFlow } = await import('./flows/release.js');
      await releaseFlow(state);
    } else {
      const { rollbackFlow } = await import('./flows/rollback.js');
      await rollbackFlow(state);
    }
  } catch (error) {
    conclude(report, error);
  } finally {
    if (state) {
      const { commentOnPullRequest } = await import('./flows/pull-request.js');
      await commentOnPullRequest(state);
    }
    await publish(report, state);
  }
}

/** The post step: cancels a Salesforce deploy the main step left running (a cancelled job). */
export async function post(): Promise<void> {
  const pending = core.getState(State.PendingDeploy);
  if (!pending) return;
  routeLibraryOutput((line) => core.debug(line));
  try {
    const { cancelPendingDeploy } = await import('./flows/cancel.js');
    await cancelPendingDeploy(JSON.parse(pending), readSettings(core.getInput, core.setSecret, readRunContext()), core.info, core.setSecret);
  } catch (error) {
    core.warning(`Could not cancel the Salesforce deploy left running: ${errorMessage(error)}`);
  }
}

/** Warnings already emitted during the run, which count towards the step's ten. */
let warningsEmitted = 0;

function runner(): Runner {
  return {
    info: (line) => core.info(line),
    warning: (line) => {
      warningsEmitted++;
      core.warning(line);
    },
    startGroup: (title) => core.startGroup(title),
    endGroup: () => core.endGroup(),
    registerSecret: (secret) => core.setSecret(secret),
    rememberPendingDeploy: (pending) => core.saveState(State.PendingDeploy, pending ? JSON.stringify(pending) : ''),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown).write();
    },
  };
}

function conclude(report: RunReport, error: unknown): void {
  report.status = error instanceof ActionError ? error.status : RunStatus.Failed;
  report.message = errorMessage(error);
  if (!(error instanceof ActionError)) core.debug((error as Error)?.stack ?? String(error));
}

/**
 * Writes what the run reached: test reports, outputs, annotations (within GitHub's 10 errors and
 * 10 warnings per step, the failure message counted), the job summary, and the verdict, with the
 * failures listed under it in the log as in the summary.
 */
async function publish(report: RunReport, state: RunState | undefined): Promise<void> {
  const failed = report.status !== RunStatus.Succeeded && report.status !== RunStatus.Skipped;
  core.startGroup('Report');
  if (state) {
    try {
      const { writeTestResults } = await import('./report/results-files.js');
      report.testResults = writeTestResults(report, state.settings.resultsDir, state.context.workspace);
      if (report.testResults) core.info(`Apex test reports: ${report.testResults.junitFile}${report.testResults.coverageDir ? ` and ${report.testResults.coverageDir}` : ''}.`);
    } catch (error) {
      report.warnings.push(`Could not write the test reports to ${Inputs.ResultsDir} ${state.settings.resultsDir}: ${errorMessage(error)}`);
    }
  }
  for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name as Outputs, value);
  try {
    await core.summary.addRaw(renderSummary(report)).write();
  } catch (error) {
    report.warnings.push(`Could not write the job summary: ${errorMessage(error)}`);
  }
  core.endGroup();
  for (const a of rankAnnotations(report.annotations, ANNOTATION_LIMIT - (failed ? 1 : 0))) {
    core.error(a.message, { title: a.title, file: a.file, startLine: a.line, startColumn: a.line ? a.column : undefined });
  }
  for (const w of limitWarnings(report.warnings, ANNOTATION_LIMIT - warningsEmitted)) core.warning(w);
  if (failed) {
    core.setFailed(report.message ?? `The run ended with status ${report.status}.`);
    const failures = failureRows(report);
    if (failures.length) {
      core.info(`Failures (${failures.length}):`);
      for (const f of failures.slice(0, 50)) core.info(`  ${f.operation}: ${f.type}${f.name ? ` ${f.name}` : ''}${f.line ? ` (line ${f.line})` : ''}: ${f.problem.split('\n')[0]}`);
      if (failures.length > 50) core.info(`  … and ${failures.length - 50} more in the job summary.`);
    }
  } else if (report.message) {
    core.info(report.message);
  }
}
