import type { OrgRole } from './constants.js';
import { Gate, GateError } from './errors.js';
import { isPullRequestEvent, isProductionEvent, PRODUCTION_EVENTS } from './github/context.js';
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
 * Gate 1, first half, decided from the event alone before anything touches a network. A
 * pull-request event runs code and metadata nobody has reviewed yet, so it may validate but never
 * deploy or roll back, whatever `mode` says. A production deploy or rollback runs only for `push`
 * and `workflow_dispatch` (SPEC.md): those are the events whose GITHUB_SHA and ref are the
 * production branch as GitHub holds it and whose workflow file comes from that branch. Every
 * other event (workflow_run, repository_dispatch, schedule, workflow_call, release,
 * issue_comment, …) may check out anything and is triggered by people or apps the branch
 * protection does not govern. A sandbox deploy from such an event is allowed: a sandbox is the
 * team's own to refresh (say, nightly on a schedule), and no production gate relies on it.
 */
export function assertEventMayRun(settings: Settings, context: RunContext): string {
  const mode = resolveMode(settings.requestedMode, context.eventName, settings.rollbackRunId);
  const event = context.eventName || '(none)';
  if (isPullRequestEvent(context.eventName) && mode !== 'validate') {
    throw new GateError(
      Gate.Branch,
      `event '${event}' asked for mode '${mode}', but a pull-request event can never reach a deploy or rollback, whatever the inputs say. ` +
        `Use mode 'validate' (or 'auto') in pull-request runs, and run the release on push to a production branch or with workflow_dispatch.`,
    );
  }
  const production = mode === 'rollback' || (mode === 'deploy' && settings.environment === 'production');
  if (production && !isProductionEvent(context.eventName)) {
    throw new GateError(
      Gate.Branch,
      `event '${event}' asked for a production ${mode}, but production deploys and rollbacks run only for ${PRODUCTION_EVENTS.join(' and ')} events: ` +
        `any other trigger can run on content or by people the production branch's protection does not govern. Run the release on push to a production branch, or the rollback with workflow_dispatch.`,
    );
  }
  return `a ${event} event may ${mode === 'deploy' ? `deploy to ${settings.environment}` : mode}`;
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
