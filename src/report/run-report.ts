import type { OrgRole, RunStatus } from '../constants.js';
import type { Gate } from '../errors.js';
import type { DeployOutcome } from '../salesforce/deploy-result.js';
import type { OrgIdentity } from '../salesforce/connection.js';

/** How one gate ended. */
export interface GateRecord {
  gate: Gate;
  state: 'passed' | 'refused' | 'skipped';
  detail: string;
}

/** One Salesforce operation the run waited for (validation, deploy, quick deploy, rollback …). */
export interface OperationRecord {
  role: OrgRole;
  /** Words for reports, e.g. 'Sandbox validation'. */
  label: string;
  outcome: DeployOutcome;
  instanceUrl: string;
  /** Workspace-relative source file of each Apex class and trigger the package carries, by name. */
  sources?: Record<string, string>;
}

/** An annotation on a repository file, ready for `core.error`. */
export interface Annotation {
  message: string;
  title: string;
  file?: string;
  line?: number;
  column?: number;
  /** Lower ranks first: what a developer should fix first. */
  rank: number;
}

/** Everything a run reached, filled in phase by phase and rendered once at the end. */
export interface RunReport {
  mode: string;
  environment: string;
  status?: RunStatus;
  message?: string;
  orgs: Partial<Record<OrgRole, OrgIdentity>>;
  gates: GateRecord[];
  /** The gates the plan says apply, so the summary can show the ones never reached. */
  plannedGates: Gate[];
  components?: number;
  componentNames?: string[];
  operations: OperationRecord[];
  validationId?: string;
  productionValidationId?: string;
  deployId?: string;
  quickDeployed?: boolean;
  rollbackArtifact?: string;
  deploymentId?: number;
  annotations: Annotation[];
  notes: string[];
  warnings: string[];
  /** Lines describing who approved and who did not count, when approvals were evaluated. */
  approvalLines?: string[];
  /** One line on the approvals a release would face, e.g. '1 of 2, blocked by bob'. */
  approvalSummary?: string;
  /** Whether those approvals suffice. */
  approvalsSatisfied?: boolean;
  /** Each phase the run went through, with its duration, in the order they ended. */
  phases: PhaseRecord[];
  /** The coverage-threshold input, so reports can flag the classes below it. */
  coverageThreshold?: number;
  /** Where the JUnit XML and coverage reports were written. */
  testResults?: { junitFile: string; coverageDir?: string };
}

/** One phase of a run and how long it took. */
export interface PhaseRecord {
  name: string;
  ms: number;
  failed: boolean;
}

/** A report with nothing reached yet. */
export function newReport(): RunReport {
  return { mode: '', environment: '', orgs: {}, gates: [], plannedGates: [], operations: [], annotations: [], notes: [], warnings: [], phases: [] };
}

/** Records a gate's result, replacing an earlier record of the same gate (approvals are checked twice). */
export function recordGate(report: RunReport, gate: Gate, state: GateRecord['state'], detail: string): void {
  const existing = report.gates.find((g) => g.gate === gate);
  if (existing) Object.assign(existing, { state, detail });
  else report.gates.push({ gate, state, detail });
}

/** Link to a deploy on Setup's Deployment Status page. */
export function setupDeployUrl(instanceUrl: string, deployId: string): string {
  const address = encodeURIComponent(`/changemgmt/monitorDeploymentsDetails.apexp?asyncId=${deployId}`);
  return `${instanceUrl.replace(/\/+$/, '')}/lightning/setup/DeployStatus/page?address=${address}`;
}
