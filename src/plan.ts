import type { OrgRole } from './constants.js';
import { Gate, GateError } from './errors.js';
import { isPullRequestEvent } from './github/context.js';
import { orgsNeeded, resolveMode } from './inputs.js';
import type { ResolvedMode, RunContext, Settings } from './settings.js';

/** What a run will do, decided from the inputs and the event before anything touches a network. */
export interface RunPlan {
  /** The mode this run executes, `auto` resolved from the event. */
  mode: ResolvedMode;
  /** The org a deploy or rollback changes (a rollback always targets production). */
  target: OrgRole;
  /** Orgs to connect; only these need credentials. */
  orgs: OrgRole[];
  /** Whether this run asks for a production deploy or rollback, and so must pass every production gate. */
  production: boolean;
  /** The gates that apply to this run, in SPEC.md order (the order they are reported). */
  gates: Gate[];
  /** Whether a check-only deploy against production runs as well (a pull-request run preparing a quick deploy). */
  validateProduction: boolean;
  /** Go through every gate but submit nothing to production. */
  dryRun: boolean;
}

/** Decides the run's mode, orgs and gates from the settings and the triggering event. */
export function planRun(settings: Settings, context: RunContext): RunPlan {
  const mode = resolveMode(settings.requestedMode, context.eventName, settings.rollbackRunId);
  const target: OrgRole = mode === 'rollback' ? 'production' : settings.environment;
  const validateProduction = mode === 'validate' && settings.validateProduction;
  const production = mode === 'rollback' || (mode === 'deploy' && target === 'production');
  return {
    mode,
    target,
    orgs: orgsNeeded(mode, target, validateProduction),
    production,
    gates: gatesFor(mode, production),
    validateProduction,
    dryRun: settings.dryRun,
  };
}

/**
 * Gate 1, first half: a pull-request event runs code and metadata nobody has reviewed yet, so it
 * may validate but never deploy or roll back, whatever `mode` says.
 */
export function assertNotPullRequestDeploy(settings: Settings, context: RunContext): string {
  const mode = resolveMode(settings.requestedMode, context.eventName, settings.rollbackRunId);
  if (!isPullRequestEvent(context.eventName) || mode === 'validate') return `a ${context.eventName} event may ${mode}`;
  throw new GateError(
    Gate.Branch,
    `event '${context.eventName}' asked for mode '${mode}', but a pull-request event can never reach a deploy or rollback, whatever the inputs say. ` +
      `Use mode 'validate' (or 'auto') in pull-request runs, and run the release on push to a production branch or with workflow_dispatch.`,
  );
}

function gatesFor(mode: ResolvedMode, production: boolean): Gate[] {
  // Production releases report SPEC.md's order; a rollback checks who may run it and what it
  // restores before it touches anything.
  if (mode === 'rollback') return [Gate.RollbackPermission, Gate.OrgIdentity, Gate.RollbackArtifact, Gate.Snapshot, Gate.Validation];
  if (production) return [Gate.Branch, Gate.OrgIdentity, Gate.Validation, Gate.Approvals, Gate.Snapshot];
  // A sandbox deploy is its own check: it runs the tests and fails as a whole.
  if (mode === 'deploy') return [Gate.OrgIdentity];
  return [Gate.OrgIdentity, Gate.Validation];
}
