import { generateKeyPairSync } from 'node:crypto';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulators/salesforce/index.js';

/** Two orgs as a Salesforce team has them, on one emulator, with every kind of credential. */
export interface OrgWorld {
  emulator: SalesforceEmulator;
  sandbox: ReturnType<SalesforceEmulator['addOrg']>;
  production: ReturnType<SalesforceEmulator['addOrg']>;
  clientId: string;
  privateKeyPem: string;
  /** Inputs for the sandbox with the SFDX auth URL method. */
  sandboxAuthUrl: string;
  productionAuthUrl: string;
  close(): Promise<void>;
}

export const SANDBOX_USER = 'release@acme.com.uat';
export const PRODUCTION_USER = 'release@acme.com';

/** Starts the org emulator with a sandbox and a production org, a JWT connected app and users. */
export async function startOrgs(options: { pollsToComplete?: number } = {}): Promise<OrgWorld> {
  const emulator = await startSalesforceEmulator();
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const clientId = '3MVG9emulatorConsumerKey';
  emulator.registerConnectedApp({ clientId, certificatePem: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
  const sandbox = emulator.addOrg({ name: 'Acme UAT', isSandbox: true, pollsToComplete: options.pollsToComplete ?? 2 });
  const production = emulator.addOrg({ name: 'Acme', isSandbox: false, pollsToComplete: options.pollsToComplete ?? 2 });
  sandbox.addUser({ username: SANDBOX_USER });
  production.addUser({ username: PRODUCTION_USER });
  return {
    emulator,
    sandbox,
    production,
    clientId,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    sandboxAuthUrl: sandbox.authUrl(SANDBOX_USER),
    productionAuthUrl: production.authUrl(PRODUCTION_USER),
    close: () => emulator.close(),
  };
}
