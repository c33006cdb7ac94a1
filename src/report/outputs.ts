import { Outputs } from '../constants.js';
import type { RunReport } from './run-report.js';

/** The outputs a report sets; outputs that do not apply are left out, counts are plain integers. */
export function outputsOf(report: RunReport): Partial<Record<Outputs, string>> {
  const outputs: Partial<Record<Outputs, string>> = {};
  const set = (name: Outputs, value: string | number | boolean | undefined): void => {
    if (value !== undefined && value !== '') outputs[name] = String(value);
  };
  set(Outputs.Status, report.status);
  set(Outputs.ValidationId, report.validationId);
  set(Outputs.ProductionValidationId, report.productionValidationId);
  set(Outputs.DeployId, report.deployId);
  set(Outputs.RollbackArtifact, report.rollbackArtifact);
  set(Outputs.Components, report.components);
  const last = report.operations.at(-1);
  if (last) {
    set(Outputs.TestsRun, last.outcome.testsRun);
    set(Outputs.TestsFailed, last.outcome.testsFailed);
    if (last.outcome.testsRun > 0) set(Outputs.Coverage, last.outcome.coverage);
    set(Outputs.OrgId, report.orgs[last.role]?.id);
  }
  if (report.deployId && report.environment === 'production') set(Outputs.QuickDeployed, report.quickDeployed ?? false);
  set(Outputs.DeploymentId, report.deploymentId);
  set(Outputs.JunitFile, report.testResults?.junitFile);
  set(Outputs.CoverageDir, report.testResults?.coverageDir);
  return outputs;
}
