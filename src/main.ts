import * as core from '@actions/core';
import { Outputs, RunStatus, State } from './constants.js';
import { ActionError, Gate, errorMessage } from './errors.js';
import { passGate } from './flows/gates.js';
import type { Runner, RunState } from './flows/run-state.js';
import { createGitHubClient, type GitHubClient } from './github/client.js';
import { isPullRequestEvent, readRunContext } from './github/context.js';
import { readSettings } from './inputs.js';
import { assertNotPullRequestDeploy, planRun } from './plan.js';
import { rankAnnotations } from './report/annotations.js';
import { outputsOf } from './report/outputs.js';
import { newReport, type RunReport } from './report/run-report.js';
import { renderSummary } from './report/summary.js';

/**
 * The action: inputs → plan → the mode's flow (validate, release or rollback) → report. This is
 * the one place an error becomes `setFailed`; outputs and the summary are written from whatever
 * the run reached, whatever happened.
 */
export async function run(): Promise<void> {
  core.saveState(State.IsPost, 'true');
  const report = newReport();
  let state: RunState | undefined;
  try {
    const context = readRunContext();
    const settings = readSettings(core.getInput, core.setSecret, context);
    const plan = planRun(settings, context);
    report.mode = plan.mode;
    report.environment = plan.target;
    report.plannedGates = plan.gates;
    core.info(`Mode ${plan.mode} (${settings.requestedMode === 'auto' ? `auto, from the ${context.eventName} event` : 'from the mode input'}), target ${plan.target}; gates: ${plan.gates.join(' → ')}.`);
    let github: Promise<GitHubClient> | undefined;
    state = { settings, context, report, runner: runner(), github: () => (github ??= createGitHubClient(settings.githubToken, context)) };
    // Gate 1, first half, before anything touches a network: a pull-request event runs code nobody
    // has reviewed yet, so it may validate but never deploy or roll back, whatever `mode` says.
    if (plan.mode !== 'validate' && isPullRequestEvent(context.eventName)) await passGate(state, Gate.Branch, () => assertNotPullRequestDeploy(settings, context));
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
    await publish(report);
  }
}

/** The post step: cancels a Salesforce deploy the main step left running (a cancelled job). */
export async function post(): Promise<void> {
  const pending = core.getState(State.PendingDeploy);
  if (!pending) return;
  try {
    const { cancelPendingDeploy } = await import('./flows/cancel.js');
    await cancelPendingDeploy(JSON.parse(pending), readSettings(core.getInput, core.setSecret, readRunContext()), core.info, core.setSecret);
  } catch (error) {
    core.warning(`Could not cancel the Salesforce deploy left running: ${errorMessage(error)}`);
  }
}

function runner(): Runner {
  return {
    info: (line) => core.info(line),
    warning: (line) => core.warning(line),
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

async function publish(report: RunReport): Promise<void> {
  for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name as Outputs, value);
  for (const a of rankAnnotations(report.annotations)) {
    core.error(a.message, { title: a.title, file: a.file, startLine: a.line, startColumn: a.line ? a.column : undefined });
  }
  for (const w of report.warnings) core.warning(w);
  try {
    await core.summary.addRaw(renderSummary(report)).write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${errorMessage(error)}`);
  }
  if (report.status !== RunStatus.Succeeded && report.status !== RunStatus.Skipped) {
    core.setFailed(report.message ?? `The run ended with status ${report.status}.`);
  } else if (report.message) {
    core.info(report.message);
  }
}
