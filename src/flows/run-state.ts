import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OrgRole } from '../constants.js';
import type { GitHubClient } from '../github/client.js';
import type { RunReport } from '../report/run-report.js';
import type { RunContext, Settings } from '../settings.js';
import type { Submission } from '../salesforce/deploy.js';

/**
 * A Salesforce deploy the post step may have to cancel: its id, or, when the answer to its
 * submission was lost, what is known about the submission so the post step can look for it.
 */
export interface PendingDeploy {
  role: OrgRole;
  id?: string;
  submission?: Submission;
}

/** The runner facilities a run uses, behind one small interface so tests can pass their own. */
export interface Runner {
  info(line: string): void;
  warning(line: string): void;
  /** Opens a collapsible log group (`::group::`); optional so runners without one still work. */
  startGroup?(title: string): void;
  endGroup?(): void;
  /** Masks a value obtained at run time (a session id) in every later log line. */
  registerSecret(secret: string): void;
  /** Remembers a Salesforce deploy in flight, so the post step can cancel it if the job is cancelled. */
  rememberPendingDeploy(pending: PendingDeploy | undefined): void;
  /** Appends markdown to the job summary now, before the run's final report (what a rollback will do, before it does it). */
  writeSummary(markdown: string): Promise<void>;
}

/** What every phase of a run reads and fills in. */
export interface RunState {
  settings: Settings;
  context: RunContext;
  report: RunReport;
  runner: Runner;
  /** The run's one GitHub client, created on first use. */
  github(): Promise<GitHubClient>;
}

/** A fresh folder under the runner's temp directory (removed by the runner after the job). */
export function runTempDir(prefix: string): string {
  return mkdtempSync(path.join(process.env.RUNNER_TEMP ?? tmpdir(), prefix));
}
