import { SalesforceError, errorMessage } from '../errors.js';
import { runUrl } from '../github/context.js';
import { createDeployment, setDeploymentStatus, type DeploymentRequest, type DeploymentStatusUpdate } from '../github/deployments.js';
import { setupDeployUrl } from '../report/run-report.js';
import type { OrgSession } from '../salesforce/connection.js';
import { failureSummary, type DeployOutcome } from '../salesforce/deploy-result.js';
import type { RunState } from './run-state.js';

/** How a production change is recorded as a GitHub Deployment and described in its statuses. */
export interface RecordedDeploy extends DeploymentRequest {
  /** e.g. 'Production deploy'. */
  label: string;
  inProgress: string;
  /** Status description on success. */
  succeeded: (deployId: string) => string;
  /** What a failed deploy left production as, for the message. */
  whenFailed: string;
}

/**
 * Runs a production deploy (or rollback) under a GitHub Deployment: in progress while it runs,
 * then success, failure or error. The deploy id reaches the outputs as soon as Salesforce accepts
 * it. Once Salesforce has answered, a failure to record the status is a warning: the run's status
 * must say what happened to production, not to its record.
 */
export async function recordedDeploy(run: RunState, production: OrgSession, record: RecordedDeploy, perform: (onSubmitted: (id: string) => void) => Promise<DeployOutcome>): Promise<DeployOutcome> {
  const github = await run.github();
  const { context, report } = run;
  const deploymentId = await createDeployment(github, context, record);
  report.deploymentId = deploymentId;
  await setDeploymentStatus(github, context, deploymentId, { state: 'in_progress', description: record.inProgress, logUrl: runUrl(context) });
  const status = async (update: Omit<DeploymentStatusUpdate, 'logUrl'>): Promise<void> => {
    try {
      await setDeploymentStatus(github, context, deploymentId, { ...update, logUrl: runUrl(context) });
    } catch (error) {
      report.warnings.push(`${errorMessage(error)} Production is as the run reports it; the GitHub deployment does not show it.`);
    }
  };

  let outcome: DeployOutcome;
  try {
    outcome = await perform((id) => (report.deployId = id));
  } catch (error) {
    await status({ state: 'error', description: `${record.label} could not be completed` });
    throw error;
  }
  report.deployId = outcome.id;
  const environmentUrl = setupDeployUrl(production.identity.instanceUrl, outcome.id);
  if (!outcome.success) {
    await status({ state: 'failure', description: `${record.label} ${outcome.id} ${outcome.status}`, environmentUrl });
    throw new SalesforceError(`${record.label} ${outcome.id} ${outcome.status}: ${failureSummary(outcome).replace(/\.$/, '')}. ${record.whenFailed}`);
  }
  await status({ state: 'success', description: record.succeeded(outcome.id), environmentUrl });
  return outcome;
}
