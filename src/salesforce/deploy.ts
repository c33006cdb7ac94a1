import { SalesforceError, errorMessage } from '../errors.js';
import { errorName, isExpiredSession, isRetryable, redact, wasNotSent, type OrgSession } from './connection.js';
import { DeployStatus, isFinished, readDeployResult, type DeployOutcome } from './deploy-result.js';
import { DESTRUCTIVE_CHANGES, DESTRUCTIVE_CHANGES_POST, type ComponentRef } from './manifest.js';

/** What to deploy and how; `rollbackOnError` is not an option: it is always true. */
export interface DeployRequest {
  zip: Buffer;
  checkOnly: boolean;
  testLevel: string;
  runTests: string[];
  /** Let warnings (a deletion of a component the org lacks) pass; never for production. */
  ignoreWarnings?: boolean;
  /** Words for the log, e.g. 'sandbox validation'. */
  purpose: string;
}

/** How a wait for a deploy behaves; clock and sleep are injected so tests need not wait. */
export interface WaitOptions {
  timeoutMs: number;
  zipBytes: number;
  log: (line: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Submits a deploy exactly once. If the connection breaks after the request was sent, the
 * deploy may exist in Salesforce, so it is looked up in DeployRequest instead of sent again.
 */
export async function submitDeploy(session: OrgSession, request: DeployRequest): Promise<string> {
  const options = {
    checkOnly: request.checkOnly,
    rollbackOnError: true,
    singlePackage: true,
    ignoreWarnings: request.ignoreWarnings ?? false,
    testLevel: request.testLevel,
    ...(request.testLevel === 'RunSpecifiedTests' ? { runTests: request.runTests } : {}),
  };
  // This user's deploys already in the org are noted first, so that if the connection breaks
  // after the request was sent, the one this submission created can be told apart and adopted.
  // Only a lookup scoped to the user is safe: anyone else's deploy in the same minute would
  // otherwise be taken for this one (and then polled, reported, or cancelled as ours).
  const userId = session.connection.userInfo?.id;
  const window = lookBackFrom(Date.now());
  const known = userId ? await recentDeploys(session, userId, window, request.checkOnly).catch(() => undefined) : undefined;
  let failure: unknown;
  try {
    const result = await session.once(`Submitting the ${request.purpose}`, async (c) => {
      try {
        return (await c.metadata.deploy(request.zip, options)) as unknown as { id: string };
      } catch (error) {
        failure = error;
        throw error;
      }
    });
    return String(result.id);
  } catch (error) {
    // Salesforce answered with a fault, refused the session, or the request never left: nothing started.
    if (isSalesforceRefusal(failure) || isExpiredSession(failure) || wasNotSent(failure)) throw error;
    let created: string[] | undefined;
    if (userId && known) {
      created = await recentDeploys(session, userId, window, request.checkOnly)
        .then((ids) => ids.filter((id) => !known.includes(id)))
        .catch(() => undefined);
    }
    if (created?.length === 1) return created[0]!;
    if (created?.length === 0) throw error;
    const why = !userId
      ? `the ${session.role} user could not be identified, so its deploys cannot be told apart from other users'`
      : created === undefined
        ? 'the lookup of recent deploys in DeployRequest failed'
        : `${created.length} new deploys by this user appeared meanwhile`;
    throw new SalesforceError(
      `${errorMessage(error)}. Whether Salesforce started the ${request.purpose} is unknown (${why}), so it was not sent again. ` +
        `Check Setup > Deployment Status in the ${session.role} org${session.identity ? ` ${session.identity.name}` : ''} before running again.`,
    );
  }
}

/** Salesforce refused a quick deploy (the validation is gone, expired or invalidated): nothing started. */
export class QuickDeployRefused extends SalesforceError {}

/**
 * Starts a quick deploy of a validation that ran in the same org; returns the new deploy id. A
 * refusal by Salesforce is a QuickDeployRefused, after which a full deploy is safe; a broken
 * connection is not, since the quick deploy may have started.
 */
export async function submitQuickDeploy(session: OrgSession, validationId: string): Promise<string> {
  const answer = await session.once(`Quick deploy of validation ${validationId}`, async (c) => {
    try {
      return { id: (await c.metadata.deployRecentValidation({ id: validationId })) as unknown };
    } catch (error) {
      if (isSalesforceRefusal(error)) return { refused: `${errorName(error)}: ${redact(errorMessage(error))}` };
      throw error;
    }
  });
  if ('refused' in answer) throw new QuickDeployRefused(`Salesforce refused the quick deploy of validation ${validationId}: ${answer.refused}`);
  const id = answer.id;
  return String(typeof id === 'object' && id !== null && 'id' in id ? (id as { id: string }).id : id);
}

/**
 * A fault Salesforce answered with on purpose (INVALID_ID_FIELD …): not a transport failure, an
 * HTTP error, an expired session or UNKNOWN_EXCEPTION, after any of which the request may have
 * been processed.
 */
function isSalesforceRefusal(error: unknown): boolean {
  // Only an answer carries an errorCode (a SOAP faultcode or REST error body); a socket error's code does not count.
  if (typeof (error as { errorCode?: unknown } | undefined)?.errorCode !== 'string') return false;
  const name = errorName(error).replace(/^[a-z]+:/, '');
  return /^[A-Z][A-Z_]+$/.test(name) && !name.startsWith('ERROR_HTTP_') && !isRetryable(error) && !['INVALID_SESSION_ID', 'UNKNOWN_EXCEPTION'].includes(name);
}

/** Asks Salesforce to cancel a deploy; a deploy already finalising cannot be cancelled. */
export async function cancelDeploy(session: OrgSession, id: string): Promise<void> {
  await session.retrying(`Cancelling deploy ${id}`, (c) => c.metadata.cancelDeploy(id) as unknown as Promise<unknown>);
}

/** A finished deploy: the outcome, and the raw DeployResult that source mapping needs. */
export interface FinishedDeploy {
  outcome: DeployOutcome;
  raw: Record<string, any>;
}

/**
 * Polls a deploy until it finishes, at an interval that grows with elapsed time (pollInterval),
 * logging progress; past the timeout it cancels the deploy and fails.
 */
export async function awaitDeploy(session: OrgSession, id: string, purpose: string, options: WaitOptions): Promise<FinishedDeploy> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const started = now();
  let lastLine = '';
  let lastLogged = 0;
  for (;;) {
    const elapsed = now() - started;
    if (elapsed > options.timeoutMs) {
      options.log(`The ${purpose} ${id} did not finish within ${Math.round(options.timeoutMs / 60000)} minute(s); cancelling it.`);
      await cancelDeploy(session, id).catch((error) => options.log(`Cancelling ${id} failed: ${(error as Error).message}`));
      throw new SalesforceError(`The ${purpose} ${id} did not finish within wait-minutes (${Math.round(options.timeoutMs / 60000)}); it was cancelled. Raise wait-minutes for long test runs.`);
    }
    await sleep(pollInterval(elapsed));
    const raw = await session.retrying(`Checking the ${purpose} ${id}`, (c) => c.metadata.checkDeployStatus(id, false) as unknown as Promise<Record<string, any>>);
    const progress = readDeployResult(raw);
    const line = progressLine(purpose, progress);
    if (line !== lastLine || now() - lastLogged > 30000) {
      options.log(`${line} (${Math.round((now() - started) / 1000)} s)`);
      lastLine = line;
      lastLogged = now();
    }
    if (isFinished(progress.status) || progress.done) {
      const detailed = await session.retrying(`Reading the result of the ${purpose} ${id}`, (c) => c.metadata.checkDeployStatus(id, true) as unknown as Promise<Record<string, any>>);
      return { outcome: readDeployResult(detailed), raw: detailed };
    }
  }
}

/** A deploy as Salesforce reports it now, with what it deployed and deleted. */
export interface ReportedDeploy {
  outcome: DeployOutcome;
  /** Components of `componentSuccesses` that were created, changed or left unchanged. */
  deployed: ComponentRef[];
  /** Components of `componentSuccesses` that were deleted. */
  deleted: ComponentRef[];
}

/** Reads a deploy's full DeployResult (details included), e.g. to check a validation before quick deploying it. */
export async function readDeploy(session: OrgSession, id: string, purpose: string): Promise<ReportedDeploy> {
  const raw = await session.retrying(`Reading the ${purpose} ${id}`, (c) => c.metadata.checkDeployStatus(id, true) as unknown as Promise<Record<string, any>>);
  return { outcome: readDeployResult(raw), ...reportedComponents(raw) };
}

/**
 * The components a raw DeployResult's `componentSuccesses` name, split into deployed and
 * deleted; the entries for the manifests themselves (package.xml, destructiveChanges*.xml, with
 * no component type) are left out.
 */
export function reportedComponents(raw: Record<string, any>): { deployed: ComponentRef[]; deleted: ComponentRef[] } {
  const manifests = new Set(['package.xml', DESTRUCTIVE_CHANGES, DESTRUCTIVE_CHANGES_POST, 'destructiveChangesPre.xml']);
  const successes = raw.details?.componentSuccesses;
  const entries: Array<Record<string, any>> = successes === undefined || successes === null || successes === '' ? [] : Array.isArray(successes) ? successes : [successes];
  const deployed: ComponentRef[] = [];
  const deleted: ComponentRef[] = [];
  for (const entry of entries) {
    const type = String(entry.componentType ?? '');
    const fullName = String(entry.fullName ?? '');
    if (!type || manifests.has(fullName)) continue;
    (entry.deleted === true || entry.deleted === 'true' ? deleted : deployed).push({ type, fullName });
  }
  return { deployed, deleted };
}

/**
 * Milliseconds to wait before the next status check, from the time since the submission: the
 * first check after 1 s (the sf CLI checks after about 1 s; a small deploy or a quick deploy is
 * often done by then), then 1 s plus a tenth of the elapsed time (1.0, 2.1, 3.3, 4.6, 6.1 … s),
 * reaching the 30 s ceiling after about 5 minutes, to spare the org's daily API budget on
 * hour-long test runs. About 86 checks in 30 minutes, whatever the package size (the
 * size-based floors this replaced made 71 to 102, and a first check only after 0.5 to 10 s).
 */
export function pollInterval(elapsedMs: number): number {
  return Math.min(Math.round(1000 + Math.max(0, elapsedMs) / 10), 30000);
}

/** One progress line: status, then components and tests done of their totals, with percentages. */
export function progressLine(purpose: string, p: DeployOutcome): string {
  const parts = [`${purpose} ${p.id}: ${p.status || DeployStatus.Pending}`];
  const percent = (done: number, total: number): string => `${Math.floor((Math.min(done, total) / total) * 100)}%`;
  if (p.componentsTotal) {
    const done = p.componentsDeployed + p.componentErrors;
    parts.push(`components ${done}/${p.componentsTotal} (${percent(done, p.componentsTotal)})${p.componentErrors ? `, ${p.componentErrors} failed` : ''}`);
  }
  if (p.testsTotal) {
    // numberTestsCompleted counts the passed tests; numberTestErrors the failed ones.
    const done = p.testsCompleted + p.testsFailed;
    parts.push(`tests ${done}/${p.testsTotal} (${percent(done, p.testsTotal)})${p.testsFailed ? `, ${p.testsFailed} failed` : ''}`);
  }
  return parts.join(', ');
}

/** A SOQL datetime a minute before `now`: slack for clock skew between the runner and Salesforce. */
function lookBackFrom(now: number): string {
  return new Date(now - 60000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Ids of the user's deploys (of one kind) created since `after`, newest first. */
async function recentDeploys(session: OrgSession, userId: string, after: string, checkOnly: boolean): Promise<string[]> {
  // A user id is 15 or 18 alphanumerics; anything else is not put into SOQL.
  if (!/^[a-zA-Z0-9]{15,18}$/.test(userId)) throw new SalesforceError(`Unexpected user id '${userId.slice(0, 20)}'.`);
  const result = await session.retrying('Listing recent deploys', async (c) =>
    await c.tooling.query<{ Id: string; CheckOnly: boolean }>(`SELECT Id, CheckOnly FROM DeployRequest WHERE CreatedDate >= ${after} AND CreatedById = '${userId}' ORDER BY CreatedDate DESC LIMIT 200`),
  );
  return result.records.filter((r) => String(r.CheckOnly) === String(checkOnly)).map((r) => r.Id);
}
