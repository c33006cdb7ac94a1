import { RunStatus } from '../constants.js';
import { ActionError } from '../errors.js';
import type { OrgSession } from './connection.js';

/**
 * One production change at a time. Salesforce itself is the lock: a DeployRequest that is not
 * check-only and still Pending, InProgress or Canceling means another release or rollback (this
 * action in another job, or anyone else) is changing the org. A deploy waits for it, as long as
 * wait-minutes allows, and is refused if production changed since this run's rollback snapshot,
 * since that snapshot would no longer restore the state before this run.
 */

/** Another deploy holds production; nothing was sent. */
export class ProductionBusy extends ActionError {
  constructor(message: string) {
    super(message, RunStatus.Failed);
  }
}

/** When each session's rollback snapshot started reading production. */
const snapshots = new WeakMap<OrgSession, Date>();

/** Notes that the rollback snapshot of this run starts reading production now. */
export function noteSnapshot(session: OrgSession, at: Date = new Date()): void {
  snapshots.set(session, at);
}

/**
 * Whether a deploy completed at `completedDate` may have changed production after `snapshot`
 * (pure). SOQL datetime literals have whole seconds, so the query finds every deploy of the
 * snapshot's second; a completion time with milliseconds before the snapshot is told apart, while
 * one Salesforce reports to the whole second (`.000`) in that second is counted: it may be later.
 */
export function completedSince(completedDate: string | null | undefined, snapshot: Date): boolean {
  const completed = Date.parse(completedDate ?? '');
  if (Number.isNaN(completed)) return true;
  if (completed >= snapshot.getTime()) return true;
  return completed % 1000 === 0 && completed >= Math.floor(snapshot.getTime() / 1000) * 1000;
}

interface Row {
  Id: string;
  Status?: string;
  CreatedById?: string;
  CreatedDate?: string;
  CompletedDate?: string | null;
}

export interface LockOptions {
  timeoutMs: number;
  log: (line: string) => void;
  /** A deploy of this run that is not someone else's (a retried run's own deploy is never waited for). */
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/**
 * Waits until no other deploy is changing the org (bounded by `timeoutMs`), then refuses if one
 * completed since this run's snapshot. Says what it waits for and why.
 */
export async function awaitProductionTurn(session: OrgSession, what: string, options: LockOptions): Promise<void> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const started = now();
  let announced = '';
  for (;;) {
    const running = await query(session, `SELECT Id, Status, CreatedById, CreatedDate FROM DeployRequest WHERE CheckOnly = false AND Status IN ('Pending', 'InProgress', 'Canceling') ORDER BY CreatedDate ASC LIMIT 20`);
    if (running.length === 0) break;
    const list = running.map((r) => `${r.Id} (${r.Status}, created ${r.CreatedDate} by ${r.CreatedById})`).join(', ');
    if (now() - started >= options.timeoutMs) {
      throw new ProductionBusy(`Another deploy is changing the ${session.role} org ${session.identity.name}: ${list}. The ${what} waited ${Math.round((now() - started) / 60000)} minute(s) (wait-minutes) and was not sent. Run again once it has finished (Setup > Deployment Status).`);
    }
    if (list !== announced) {
      options.log(`Another deploy is changing the ${session.role} org: ${list}. The ${what} waits for it to finish (one production change at a time; at most wait-minutes).`);
      announced = list;
    }
    await sleep(options.pollMs ?? 5000);
  }
  const snapshot = snapshots.get(session);
  if (!snapshot) return;
  const since = snapshot.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const changed = (await query(session, `SELECT Id, Status, CreatedById, CompletedDate FROM DeployRequest WHERE CheckOnly = false AND CompletedDate >= ${since} AND Status IN ('Succeeded', 'SucceededPartial') ORDER BY CompletedDate ASC LIMIT 20`)).filter((r) => completedSince(r.CompletedDate, snapshot));
  if (changed.length > 0) {
    throw new ProductionBusy(
      `The ${session.role} org ${session.identity.name} changed after this run's rollback snapshot was taken (${since}): deploy ${changed.map((r) => `${r.Id} (${r.Status}, completed ${r.CompletedDate})`).join(', ')}. ` +
        `The snapshot would no longer restore the state before this run, so the ${what} was not sent. Run the release again: it takes a new snapshot.`,
    );
  }
}

async function query(session: OrgSession, soql: string): Promise<Row[]> {
  const result = await session.retrying('Listing deploys in progress', async (c) => await c.tooling.query<Row>(soql));
  return result.records;
}
