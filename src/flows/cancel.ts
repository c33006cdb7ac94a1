import type { Settings } from '../settings.js';
import { connect, highestApiVersion } from '../salesforce/connection.js';
import { cancelIfRunning, resolveSubmission } from '../salesforce/deploy.js';
import type { PendingDeploy } from './run-state.js';

/**
 * Cancels the deploy the main step left running when the job was cancelled, killed, or lost the
 * answer to a submission; only a deploy Salesforce reports still running is cancelled, so a
 * deploy that already finished (succeeded, say, while the main step could not see it) is left alone.
 */
export async function cancelPendingDeploy(pending: PendingDeploy, settings: Settings, log: (line: string) => void, registerSecret: (secret: string) => void): Promise<void> {
  const credentials = pending.role === 'sandbox' ? settings.sandbox : settings.production;
  if (!credentials) return;
  const apiVersion = settings.apiVersion || (await highestApiVersion(credentials, { log, retryForMs: settings.waitMinutes * 60000 }));
  const session = await connect(credentials, { apiVersion, log, registerSecret, retryForMs: settings.waitMinutes * 60000 });
  let id = pending.id;
  if (!id && pending.submission) {
    // The main step could not tell which deploy its submission created; by now Salesforce may show it.
    const { adopted, candidates } = await resolveSubmission(session, pending.submission);
    if (!adopted) {
      log(`The main step lost the answer to a ${pending.role} deploy submission; ${candidates.filter((c) => !c.mismatch).length} deploy(s) by the same user match it (${candidates.map((c) => c.id).join(', ') || 'none'}), so none is cancelled. Check Setup > Deployment Status.`);
      return;
    }
    log(`The deploy created by the submission whose answer was lost is ${adopted}.`);
    id = adopted;
  }
  if (!id) return;
  const { cancelled, status } = await cancelIfRunning(session, id);
  if (!cancelled) {
    log(`The main step ended while ${pending.role} deploy ${id} was pending; Salesforce reports it ${status}, so it is not cancelled.`);
    return;
  }
  log(`The main step ended while ${pending.role} deploy ${id} was running; cancelling it.`);
  log(`Cancel requested for ${id}. A deploy already finalizing cannot be cancelled; check Setup > Deployment Status.`);
}
