import { SalesforceError } from '../errors.js';
import type { OrgSession } from './connection.js';
import { reportedComponents, type ReportedDeploy } from './deploy.js';
import { readDeployResult } from './deploy-result.js';

/**
 * A deploy as the org records it (the Metadata REST `deployRequest` resource): its result with
 * what it deployed and deleted, and the options it ran with. This is Salesforce's own record, the
 * evidence a gate may count, unlike anything a GitHub artifact or Deployment claims about it.
 */
export interface DeployRecordView extends ReportedDeploy {
  /** `deployOptions.testLevel` (null for a quick deploy, which runs no tests of its own). */
  testLevel?: string;
  /** `deployOptions.runTests`. */
  runTests: string[];
  /** `deployResult.completedDate`, when the deploy finished. */
  completedDate?: Date;
}

/** A Salesforce deploy id (`0Af…`, 15 or 18 characters); anything else is never put in a URL or a query. */
export function isDeployId(id: unknown): id is string {
  return typeof id === 'string' && /^0Af[0-9A-Za-z]{12}([0-9A-Za-z]{3})?$/.test(id);
}

/**
 * Reads a deploy of the org: `GET /services/data/vXX.X/metadata/deployRequest/<id>?includeDetails=true`
 * (Metadata API Developer Guide, "Deploy Metadata with REST"), which unlike SOAP checkDeployStatus
 * also says which test level the deploy ran with.
 */
export async function readDeployRecord(session: OrgSession, id: string, purpose: string): Promise<DeployRecordView> {
  if (!isDeployId(id)) throw new SalesforceError(`'${String(id).slice(0, 40)}' is not a Salesforce deploy id.`);
  const answer = await session.retrying(`Reading the ${purpose} ${id}`, (c) =>
    c.request<{ deployOptions?: Record<string, unknown>; deployResult?: Record<string, any> }>(`/services/data/v${c.version}/metadata/deployRequest/${id}?includeDetails=true`),
  );
  const raw = answer?.deployResult ?? {};
  const options = answer?.deployOptions ?? {};
  const completed = typeof raw.completedDate === 'string' ? new Date(raw.completedDate) : undefined;
  const runTests = options.runTests;
  return {
    outcome: readDeployResult(raw),
    ...reportedComponents(raw),
    ...(typeof options.testLevel === 'string' && options.testLevel ? { testLevel: options.testLevel } : {}),
    runTests: Array.isArray(runTests) ? runTests.map(String) : typeof runTests === 'string' && runTests ? [runTests] : [],
    ...(completed && !Number.isNaN(completed.getTime()) ? { completedDate: completed } : {}),
  };
}

/**
 * The org's current time (Partner SOAP API `getServerTimestamp`): a validation's age is measured
 * by Salesforce's clock, against its own completedDate, never by the runner's clock.
 */
export async function orgTime(session: OrgSession): Promise<Date> {
  const answer = await session.retrying('Reading the org time', (c) => c.soap.getServerTimestamp() as Promise<{ timestamp?: string }>);
  const time = new Date(String(answer?.timestamp ?? ''));
  if (Number.isNaN(time.getTime())) throw new SalesforceError(`The org answered getServerTimestamp with '${String(answer?.timestamp).slice(0, 40)}', not a time.`);
  return time;
}

/**
 * The org's last deploy that changed it (not check-only, succeeded), from the Tooling API's
 * DeployRequest; undefined when it has none on record (Salesforce keeps deploys for 30 days).
 */
export async function lastChangingDeploy(session: OrgSession): Promise<{ id: string; completedDate?: string } | undefined> {
  const result = await session.retrying('Listing the last production deploy', async (c) =>
    await c.tooling.query<{ Id: string; CompletedDate?: string }>(
      "SELECT Id, CompletedDate FROM DeployRequest WHERE CheckOnly = false AND (Status = 'Succeeded' OR Status = 'SucceededPartial') ORDER BY CompletedDate DESC LIMIT 1",
    ),
  );
  const last = result.records[0];
  return last ? { id: String(last.Id), ...(last.CompletedDate ? { completedDate: String(last.CompletedDate) } : {}) } : undefined;
}
