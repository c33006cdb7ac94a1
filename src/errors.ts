import { RunStatus } from './constants.js';

/** Base of the errors this action raises on purpose; `status` is the run's `status` output. */
export class ActionError extends Error {
  constructor(
    message: string,
    readonly status: RunStatus = RunStatus.Failed,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** One or more inputs are invalid; raised before any network call. */
export class InputError extends ActionError {
  constructor(readonly problems: string[]) {
    super(
      problems.length === 1
        ? problems[0]
        : `${problems.length} input problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  }
}

/** The gates of SPEC.md, in the order they are reported. */
export enum Gate {
  Branch = 'branch',
  OrgIdentity = 'org identity',
  Validation = 'validation',
  Approvals = 'approvals',
  Snapshot = 'rollback snapshot',
  RollbackArtifact = 'rollback artifact',
  RollbackPermission = 'rollback permission',
}

/** A policy gate refused the run: `status=blocked`, nothing submitted to production. */
export class GateError extends ActionError {
  constructor(
    readonly gate: Gate,
    message: string,
    status: RunStatus = RunStatus.Blocked,
  ) {
    super(`Gate '${gate}' refused: ${message}`, status);
  }
}

/** Salesforce rejected or broke an operation (validation, deploy, retrieve). */
export class SalesforceError extends ActionError {}

/** The text of any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Strips control and bidi characters from a user value before it is echoed, so it cannot forge a log line. */
export function sanitize(value: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const clean = value.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, ' ');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
