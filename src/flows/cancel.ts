import type { OrgRole } from '../constants.js';
import type { Settings } from '../settings.js';
import { connect } from '../salesforce/connection.js';
import { cancelDeploy } from '../salesforce/deploy.js';

/** Cancels the deploy the main step left running when the job was cancelled or killed. */
export async function cancelPendingDeploy(pending: { role: OrgRole; id: string }, settings: Settings, log: (line: string) => void, registerSecret: (secret: string) => void): Promise<void> {
  const credentials = pending.role === 'sandbox' ? settings.sandbox : settings.production;
  if (!credentials) return;
  log(`The main step ended while ${pending.role} deploy ${pending.id} was running; cancelling it.`);
  const session = await connect(credentials, { apiVersion: settings.apiVersion, log, registerSecret });
  await cancelDeploy(session, pending.id);
  log(`Cancel requested for ${pending.id}. A deploy already finalizing cannot be cancelled; check Setup > Deployment Status.`);
}
