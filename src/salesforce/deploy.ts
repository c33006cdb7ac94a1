import { SalesforceError, errorMessage } from '../errors.js';
import { errorName, isExpiredSession, isRetryable, redact, wasNotSent, wasNotStarted, type OrgSession } from './connection.js';
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
  /** How long a deploy cancelled on timeout is followed to its end (default CANCEL_FOLLOW_MS). */
  followMs?: number;
}

/**
 * What is known about a submission whose answer may be lost, enough to recognise the deploy it
 * created among the org's DeployRequests: who sent it, when, what kind, and which deploys
 * already existed. Saved in the runner's state so the post step can look again and cancel.
 */
export interface Submission {
  /** The user the session runs as (18- or 15-character id); without it nothing can be matched. */
  userId?: string;
  /** When the request was sent (runner clock, ISO 8601). */
  sentAt: string;
  checkOnly: boolean;
  /** The test level asked for (a quick deploy: the validation's). */
  testLevel?: string;
  runTests?: string[];
  /** Components Salesforce counted for this same package in an earlier deploy of the run, when any. */
  componentsTotal?: number;
  /** For a quick deploy: the validation it deploys. */
  validationId?: string;
  /** Ids of this user's DeployRequests that existed before the request was sent. */
  known: string[];
}

/** A DeployRequest that could be the one a lost submission created, with what was compared. */
export interface Candidate {
  id: string;
  status: string;
  createdDate: string;
  /** Why it does not match, or undefined when it matches everything known. */
  mismatch?: string;
}

/** The submission's answer was lost and no single deploy can be shown to be its own. */
export class LostSubmission extends SalesforceError {
  constructor(
    message: string,
    readonly submission: Submission,
    readonly candidates: Candidate[],
  ) {
    super(message);
  }
}

/**
 * Submits a deploy exactly once. If the connection breaks after the request was sent, the
 * deploy may exist in Salesforce, so it is looked up in DeployRequest instead of sent again.
 */
export async function submitDeploy(session: OrgSession, request: DeployRequest & { componentsTotal?: number }): Promise<string> {
  const options = {
    checkOnly: request.checkOnly,
    rollbackOnError: true,
    singlePackage: true,
    ignoreWarnings: request.ignoreWarnings ?? false,
    testLevel: request.testLevel,
    ...(request.testLevel === 'RunSpecifiedTests' ? { runTests: request.runTests } : {}),
  };
  return submitOnce(session, request.purpose, {
    checkOnly: request.checkOnly,
    testLevel: request.testLevel,
    ...(request.testLevel === 'RunSpecifiedTests' ? { runTests: request.runTests } : {}),
    ...(request.componentsTotal ? { componentsTotal: request.componentsTotal } : {}),
  }, async (c) => (await c.metadata.deploy(request.zip, options)) as unknown as { id: string });
}

/**
 * Sends a submission once and returns the deploy id. Refusals (a fault Salesforce answered on
 * purpose, a dead session, a connection that never opened, the API request limit) mean nothing
 * started. Any other failure may have started a deploy: it is adopted only when exactly one
 * DeployRequest matches everything known about this submission; otherwise a LostSubmission
 * lists the candidates and nothing is sent again.
 */
async function submitOnce(
  session: OrgSession,
  purpose: string,
  fingerprint: Omit<Submission, 'userId' | 'sentAt' | 'known'>,
  send: (c: OrgSession['connection']) => Promise<{ id: string }>,
  refusal?: (error: unknown) => Error | undefined,
): Promise<string> {
  // This user's deploys already in the org are noted first, so that if the connection breaks
  // after the request was sent, the one this submission created can be told apart. Only a
  // lookup scoped to the user is safe: anyone else's deploy would otherwise be taken for this one.
  const userId = session.connection.userInfo?.id;
  const sentAt = new Date();
  const known = userId ? await listDeployRequests(session, userId, lookBackFrom(sentAt.getTime())).then((rows) => rows.map((r) => r.Id)).catch(() => undefined) : undefined;
  let failure: unknown;
  try {
    const result = await session.once(`Submitting the ${purpose}`, async (c) => {
      try {
        return await send(c);
      } catch (error) {
        failure = error;
        throw error;
      }
    });
    return String(result.id);
  } catch (error) {
    const refused = refusal?.(failure);
    if (refused) throw refused;
    if (wasNotStarted(failure)) {
      throw new SalesforceError(`${errorMessage(error)}. Salesforce refused the ${purpose} without starting it (the org's API request limit): nothing was deployed. Run again once the org's 24-hour API usage is below its limit (Setup > Company Information > API Requests).`);
    }
    // Salesforce answered with a fault, refused the session, or the request never left: nothing started.
    if (isSalesforceRefusal(failure) || isExpiredSession(failure) || wasNotSent(failure)) throw error;
    const submission: Submission = { ...fingerprint, ...(userId ? { userId } : {}), sentAt: sentAt.toISOString(), known: known ?? [] };
    if (!userId || !known) {
      const why = !userId ? `the ${session.role} user could not be identified, so its deploys cannot be told apart from other users'` : 'the lookup of existing deploys in DeployRequest failed before the request was sent';
      throw new LostSubmission(`${errorMessage(error)}. Whether Salesforce started the ${purpose} is unknown (${why}), so it was not sent again. ${checkByHand(session)}`, submission, []);
    }
    const resolved = await resolveSubmission(session, submission).catch((lookup: unknown) => ({ adopted: undefined, candidates: [] as Candidate[], lookupError: errorMessage(lookup) }));
    if (resolved.adopted) return resolved.adopted;
    const matching = resolved.candidates.filter((c) => !c.mismatch);
    const why =
      'lookupError' in resolved
        ? `the lookup of the deploys created since it was sent failed: ${resolved.lookupError}`
        : matching.length === 0
          ? 'no deploy created since it was sent matches it'
          : `${matching.length} deploys created since it was sent match it, and another job's cannot be told from this one's`;
    throw new LostSubmission(
      `${errorMessage(error)}. Whether Salesforce started the ${purpose} is unknown (${why}), so it was not sent again and no deploy was taken for it.` +
        `${resolved.candidates.length ? ` Deploys by the same user since then: ${resolved.candidates.map(describeCandidate).join('; ')}.` : ''} ${checkByHand(session)}`,
      submission,
      resolved.candidates,
    );
  }
}

function checkByHand(session: OrgSession): string {
  return `Check Setup > Deployment Status in the ${session.role} org${session.identity ? ` ${session.identity.name}` : ''} before running again. The post step cancels the deploy if it can then be told apart and is still running.`;
}

function describeCandidate(c: Candidate): string {
  return `${c.id} (${c.status}, created ${c.createdDate}${c.mismatch ? `, not this one: ${c.mismatch}` : ', matches'})`;
}

/**
 * Looks for the deploy a submission created: this user's DeployRequests created since a minute
 * before it was sent (slack for clock skew between the runner and Salesforce), minus those that
 * existed before it, compared on the check-only flag, test level, tests, quick-deployed
 * validation and component count. Adopted only when exactly one matches.
 */
export async function resolveSubmission(session: OrgSession, submission: Submission): Promise<{ adopted?: string; candidates: Candidate[] }> {
  if (!submission.userId) return { candidates: [] };
  const known = new Set(submission.known);
  const rows = (await listDeployRequests(session, submission.userId, lookBackFrom(Date.parse(submission.sentAt)))).filter((r) => !known.has(r.Id));
  const candidates: Candidate[] = [];
  for (const row of rows) {
    const base = { id: row.Id, status: String(row.Status ?? ''), createdDate: String(row.CreatedDate ?? '') };
    const details = await session.retrying(`Reading deploy ${row.Id}`, (c) => c.request<RestDeployRequest>(`/services/data/v${c.version}/metadata/deployRequest/${row.Id}`));
    const mismatch = compareSubmission(submission, row, details);
    candidates.push({ ...base, ...(mismatch ? { mismatch } : {}) });
  }
  const matching = candidates.filter((c) => !c.mismatch);
  return { ...(matching.length === 1 ? { adopted: matching[0]!.id } : {}), candidates };
}

/** The REST view of one deploy: `GET /services/data/vXX.X/metadata/deployRequest/<id>` (Metadata REST API). */
interface RestDeployRequest {
  id?: string;
  validatedDeployRequestId?: string | null;
  deployOptions?: { checkOnly?: boolean; testLevel?: string | null; runTests?: string[] };
  deployResult?: { numberComponentsTotal?: number; checkOnly?: boolean };
}

/** Why a DeployRequest is not the submission's deploy, or undefined when everything known matches (pure). */
export function compareSubmission(submission: Submission, row: DeployRequestRow, details: RestDeployRequest): string | undefined {
  if (String(row.CheckOnly) !== String(submission.checkOnly)) return submission.checkOnly ? 'not check-only' : 'check-only';
  const validation = details.validatedDeployRequestId ?? undefined;
  if (submission.validationId) {
    if (!validation || !sameId(validation, submission.validationId)) return validation ? `quick deploy of ${validation}` : 'not a quick deploy';
  } else if (validation) return `quick deploy of ${validation}`;
  const level = details.deployOptions?.testLevel ?? undefined;
  if (submission.testLevel && level && level !== submission.testLevel) return `test level ${level}`;
  if (submission.runTests?.length) {
    const asked = [...submission.runTests].sort().join(',');
    const theirs = [...(details.deployOptions?.runTests ?? [])].sort().join(',');
    if (asked !== theirs) return `tests ${theirs || 'none'}`;
  }
  const total = Number(details.deployResult?.numberComponentsTotal ?? row.NumberComponentsTotal ?? 0);
  // Salesforce counts components once the deploy starts; a queued one has 0 and cannot differ yet.
  if (submission.componentsTotal && total && total !== submission.componentsTotal) return `${total} components, not ${submission.componentsTotal}`;
  return undefined;
}

function sameId(a: string, b: string): boolean {
  return a.slice(0, 15) === b.slice(0, 15);
}

/** Salesforce refused a quick deploy (the validation is gone, expired or invalidated): nothing started. */
export class QuickDeployRefused extends SalesforceError {}

/**
 * Starts a quick deploy of a validation that ran in the same org; returns the new deploy id. A
 * refusal by Salesforce is a QuickDeployRefused, after which a full deploy is safe; a broken
 * connection is not, since the quick deploy may have started: it goes through the same lookup
 * as a deploy whose answer was lost.
 */
export async function submitQuickDeploy(session: OrgSession, validationId: string, testLevel?: string): Promise<string> {
  return submitOnce(
    session,
    `quick deploy of validation ${validationId}`,
    { checkOnly: false, validationId, ...(testLevel ? { testLevel } : {}) },
    async (c) => {
      const id = (await c.metadata.deployRecentValidation({ id: validationId })) as unknown;
      return { id: String(typeof id === 'object' && id !== null && 'id' in id ? (id as { id: string }).id : id) };
    },
    (error) => (isSalesforceRefusal(error) ? new QuickDeployRefused(`Salesforce refused the quick deploy of validation ${validationId}: ${errorName(error)}: ${redact(errorMessage(error))}`) : undefined),
  );
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

/**
 * What a cancel request met: `requested` (Salesforce took it; a deploy in FinalizingDeploy takes
 * it too, and commits anyway) or `already-completed` (the deploy finished before the request
 * arrived: Salesforce's INVALID_ID_FIELD "Deployment already completed"; nothing to cancel).
 */
export type CancelAnswer = 'requested' | 'already-completed';

/**
 * Asks Salesforce to cancel a deploy (Metadata API Developer Guide, "cancelDeploy()"). A deploy
 * in FinalizingDeploy cannot be cancelled, and one that finished meanwhile is a fault: only the
 * deploy's own status says afterwards how it ended (followCancel).
 */
export async function cancelDeploy(session: OrgSession, id: string): Promise<CancelAnswer> {
  return session.retrying(`Cancelling deploy ${id}`, async (c): Promise<CancelAnswer> => {
    try {
      await (c.metadata.cancelDeploy(id) as unknown as Promise<unknown>);
      return 'requested';
    } catch (error) {
      // Recognised here, on the client's error: a failure leaving `retrying` is wrapped into words.
      if (isAlreadyCompleted(error)) return 'already-completed';
      throw error;
    }
  });
}

/** Salesforce's answer to a cancel of a finished deploy: INVALID_ID_FIELD "Deployment already completed". */
function isAlreadyCompleted(error: unknown): boolean {
  return errorName(error).replace(/^[a-z]+:/, '') === 'INVALID_ID_FIELD' && /already completed/i.test(errorMessage(error));
}

/**
 * Cancels a deploy only if Salesforce reports it still running (Pending, InProgress or
 * FinalizingDeploy): a deploy that finished, succeeded or not, is left as it is and its status
 * returned; so is one that finished between the status check and the cancel (`already-completed`).
 */
export async function cancelIfRunning(session: OrgSession, id: string): Promise<{ cancelled: boolean; status: string; answer?: CancelAnswer }> {
  const raw = await session.retrying(`Checking deploy ${id}`, (c) => c.metadata.checkDeployStatus(id, false) as unknown as Promise<Record<string, any>>);
  const status = readDeployResult(raw);
  if (isFinished(status.status) || status.done || status.status === DeployStatus.Canceling) return { cancelled: false, status: status.status };
  const answer = await cancelDeploy(session, id);
  return { cancelled: answer === 'requested', status: status.status, answer };
}

/** How following a cancelled deploy to its end behaves; clock and sleep as in WaitOptions. */
export interface FollowOptions {
  /** How long to follow it at most. */
  followMs: number;
  log: (line: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Follows a deploy the action asked to cancel until Salesforce ends it, for at most `followMs`:
 * Canceled, or, for a deploy that was already finalizing (or finished) when the request came,
 * Succeeded or Failed. Returns the finished deploy (details included), or the status it still
 * had when the time ran out.
 */
export async function followCancel(session: OrgSession, id: string, purpose: string, options: FollowOptions): Promise<FinishedDeploy | { status: string }> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const started = now();
  let status = '';
  for (let first = true; ; first = false) {
    if (!first) {
      const elapsed = now() - started;
      if (elapsed >= options.followMs) return { status };
      // Canceling and finalizing take seconds to minutes: checks every 1 to 5 s.
      await sleep(Math.min(1000 + elapsed / 10, 5000, Math.max(0, options.followMs - elapsed)));
    }
    const progress = readDeployResult(await session.retrying(`Checking the ${purpose} ${id}`, (c) => c.metadata.checkDeployStatus(id, false) as unknown as Promise<Record<string, any>>));
    if (progress.status !== status) options.log(`${purpose} ${id}: ${progress.status || DeployStatus.Pending} (${Math.round((now() - started) / 1000)} s after the cancel request)`);
    status = progress.status;
    if (isFinished(progress.status) || progress.done) {
      const detailed = await session.retrying(`Reading the result of the ${purpose} ${id}`, (c) => c.metadata.checkDeployStatus(id, true) as unknown as Promise<Record<string, any>>);
      return { outcome: readDeployResult(detailed), raw: detailed };
    }
  }
}

/** How long a deploy cancelled on timeout is followed for Salesforce's last word on it. */
export const CANCEL_FOLLOW_MS = 10 * 60000;

/** A finished deploy: the outcome, and the raw DeployResult that source mapping needs. */
export interface FinishedDeploy {
  outcome: DeployOutcome;
  raw: Record<string, any>;
  /**
   * Set when wait-minutes ran out and the cancel came too late (the deploy was finalizing, or
   * finished meanwhile): what happened, for the run's warnings. The outcome is Salesforce's.
   */
  lateCancel?: string;
}

/**
 * Polls a deploy until it finishes, at an interval that grows with elapsed time (pollInterval),
 * logging progress. Past the timeout it cancels the deploy and follows it to its end: Canceled
 * fails the run; a deploy Salesforce finished anyway (FinalizingDeploy cannot be cancelled, or it
 * finished before the cancel arrived) is returned as Salesforce reports it, succeeded or failed.
 */
export async function awaitDeploy(session: OrgSession, id: string, purpose: string, options: WaitOptions): Promise<FinishedDeploy> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const started = now();
  let lastLine = '';
  let lastLogged = 0;
  let lastStatus = '';
  for (;;) {
    const elapsed = now() - started;
    if (elapsed > options.timeoutMs) return cancelOnTimeout(session, id, purpose, lastStatus, options);
    await sleep(pollInterval(elapsed));
    const raw = await session.retrying(`Checking the ${purpose} ${id}`, (c) => c.metadata.checkDeployStatus(id, false) as unknown as Promise<Record<string, any>>);
    const progress = readDeployResult(raw);
    lastStatus = progress.status;
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

/**
 * wait-minutes ran out: asks Salesforce to cancel the deploy, then follows it to the end
 * Salesforce gives it (CANCEL_FOLLOW_MS at most). Canceled is the timeout failure; Succeeded or
 * Failed is returned with `lateCancel` saying why the cancel did not stop it; still running after
 * the follow is a failure that says the outcome is unknown.
 */
async function cancelOnTimeout(session: OrgSession, id: string, purpose: string, lastStatus: string, options: WaitOptions): Promise<FinishedDeploy> {
  const minutes = Math.round(options.timeoutMs / 60000);
  options.log(`The ${purpose} ${id} did not finish within ${minutes} minute(s) (last reported ${lastStatus || DeployStatus.Pending}); cancelling it.`);
  let answer: CancelAnswer | 'failed';
  try {
    answer = await cancelDeploy(session, id);
  } catch (error) {
    options.log(`Cancelling ${id} failed: ${errorMessage(error)}`);
    answer = 'failed';
  }
  if (answer === 'already-completed') options.log(`${id} finished before the cancel reached Salesforce (INVALID_ID_FIELD: Deployment already completed): nothing to cancel.`);
  const end = await followCancel(session, id, purpose, { followMs: options.followMs ?? CANCEL_FOLLOW_MS, log: options.log, ...(options.now ? { now: options.now } : {}), ...(options.sleep ? { sleep: options.sleep } : {}) });
  if (!('outcome' in end)) {
    throw new SalesforceError(
      `The ${purpose} ${id} did not finish within wait-minutes (${minutes}); ${answer === 'failed' ? 'cancelling it failed' : 'a cancel was requested'}, and Salesforce still reports it ${end.status || 'running'} ${Math.round((options.followMs ?? CANCEL_FOLLOW_MS) / 60000)} minute(s) later, so whether it changes the org is not known. Check Setup > Deployment Status before running again.`,
    );
  }
  const { outcome } = end;
  if (outcome.status === DeployStatus.Canceled) {
    throw new SalesforceError(`The ${purpose} ${id} did not finish within wait-minutes (${minutes}); it was cancelled. Raise wait-minutes for long test runs.`);
  }
  const why =
    answer === 'already-completed'
      ? 'it had finished before the cancel reached Salesforce'
      : answer === 'failed'
        ? 'the cancel request failed'
        : lastStatus === DeployStatus.FinalizingDeploy
          ? 'Salesforce was already finalizing it (a deploy in FinalizingDeploy cannot be cancelled)'
          : 'Salesforce finished it instead (it reached FinalizingDeploy, which cannot be cancelled, first)';
  const lateCancel = `The ${purpose} ${id} did not finish within wait-minutes (${minutes}) and the action asked Salesforce to cancel it, but ${why}: Salesforce reports it ${outcome.status}${outcome.success && !outcome.checkOnly ? ', so the org was changed' : ''}.`;
  options.log(lateCancel);
  return { ...end, lateCancel };
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

/** A DeployRequest row of the Tooling API. */
export interface DeployRequestRow {
  Id: string;
  Status?: string;
  CheckOnly?: boolean | string;
  CreatedDate?: string;
  CreatedById?: string;
  NumberComponentsTotal?: number;
}

/** The user's DeployRequests created since `after`, oldest first. */
async function listDeployRequests(session: OrgSession, userId: string, after: string): Promise<DeployRequestRow[]> {
  // A user id is 15 or 18 alphanumerics; anything else is not put into SOQL.
  if (!/^[a-zA-Z0-9]{15,18}$/.test(userId)) throw new SalesforceError(`Unexpected user id '${userId.slice(0, 20)}'.`);
  const result = await session.retrying('Listing recent deploys', async (c) =>
    await c.tooling.query<DeployRequestRow>(`SELECT Id, Status, CheckOnly, CreatedDate, CreatedById, NumberComponentsTotal FROM DeployRequest WHERE CreatedDate >= ${after} AND CreatedById = '${userId}' ORDER BY CreatedDate ASC LIMIT 200`),
  );
  return result.records;
}
