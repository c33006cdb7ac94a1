// Runs the Salesforce org emulator standalone, with a sandbox and a production org, until Ctrl-C:
//   npx tsx emulators/salesforce/cli.ts [--port N] [--polls N] [--clock-scale X] [--env-file PATH] [--log-requests]
// --clock-scale X turns on the orgs' clock (org time runs X times real time): deploys and
// retrieves then also progress on their own, so an `--async` deploy finishes without polling.
// --env-file writes KEY=value lines (EMULATOR_URL, EMULATOR_SANDBOX_AUTH_URL, ...) once the orgs
// exist, atomically, so a script can wait for the file and source it (or append it to $GITHUB_ENV).
// Node itself reads an `--env-file` argument even after the script name (nodejs/node#54232) and
// exits 9 when that file does not exist: create it (empty) before starting, and wait until it is
// non-empty. --log-requests prints one line per request answered (never a token or a zip).
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSalesforceEmulator, type RequestLogEntry } from './index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    polls: { type: 'string', default: '3' },
    'clock-scale': { type: 'string' },
    'env-file': { type: 'string' },
    'log-requests': { type: 'boolean', default: false },
  },
});
const logRequest = (entry: RequestLogEntry): void => {
  const detail = entry.detail ? ` ${JSON.stringify(entry.detail)}` : '';
  const fault = entry.fault ? ` fault=${entry.fault}` : '';
  console.log(`[request] ${entry.at} ${entry.method} ${entry.path} -> ${entry.status} ${entry.kind}${fault}${detail}`);
};
const emulator = await startSalesforceEmulator({ port: Number(values.port), onRequest: values['log-requests'] ? logRequest : undefined });
const pollsToComplete = Number(values.polls);
const clock = values['clock-scale'] ? { scale: Number(values['clock-scale']) } : undefined;

const clientId = '3MVG9emulator.ConnectedApp';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
// The emulator verifies assertions against the public key itself; a real org would hold an X.509 certificate.
emulator.registerConnectedApp({ clientId, certificatePem: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
const keyDir = mkdtempSync(join(tmpdir(), 'sf-emulator-'));
const keyFile = join(keyDir, 'server.key');
writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), { mode: 0o600 });

const orgs = [
  { org: emulator.addOrg({ name: 'Acme Sandbox', isSandbox: true, pollsToComplete, clock }), username: 'admin@acme.sandbox', prefix: 'sandbox' },
  { org: emulator.addOrg({ name: 'Acme', isSandbox: false, pollsToComplete, clock }), username: 'admin@acme.com', prefix: 'production' },
];
for (const { org, username } of orgs) org.addUser({ username });

const lines = [`Salesforce org emulator on ${emulator.url} (login URL and instance URL of every org)`, ''];
const env: Record<string, string> = { EMULATOR_URL: emulator.url };
for (const { org, username, prefix } of orgs) {
  const accessToken = org.issueAccessToken(username);
  const authUrl = org.authUrl(username);
  const key = `EMULATOR_${prefix.toUpperCase()}`;
  Object.assign(env, {
    [`${key}_AUTH_URL`]: authUrl,
    [`${key}_ACCESS_TOKEN`]: accessToken,
    [`${key}_USERNAME`]: username,
    [`${key}_ORG_ID`]: org.id,
  });
  lines.push(
    `${org.name} (${org.isSandbox ? 'sandbox' : 'production'}), org id ${org.id}, user ${username}`,
    `  SFDX auth URL:  ${authUrl}`,
    `  access token:   ${accessToken}`,
    `  sf CLI:         SF_ACCESS_TOKEN='${accessToken}' sf org login access-token --instance-url ${emulator.url} --alias ${prefix} --no-prompt`,
    `                  sf org login jwt --username ${username} --jwt-key-file ${keyFile} --client-id ${clientId} --instance-url ${emulator.url} --alias ${prefix}`,
    `  action inputs:  ${prefix}-auth-url: <SFDX auth URL above>`,
    `                  or ${prefix}-username: ${username}, ${prefix}-client-id: ${clientId}, ${prefix}-jwt-key: <contents of ${keyFile}>, ${prefix}-instance-url: ${emulator.url}`,
    `                  or ${prefix}-access-token: <access token above>, ${prefix}-instance-url: ${emulator.url}`,
    '',
  );
}
lines.push(
  `JWT connected app: client id ${clientId}, private key ${keyFile}`,
  'The sf CLI accepts an http:// instance URL (with an "insecure protocol" warning) but not an http:// SFDX auth URL.',
  'Press Ctrl-C to stop.',
);
Object.assign(env, { EMULATOR_CLIENT_ID: clientId, EMULATOR_JWT_KEY_FILE: keyFile });
const envFile = values['env-file'];
if (envFile) {
  // Values hold no spaces, quotes or newlines, so the lines work for `source`, `set -a` and $GITHUB_ENV alike.
  writeFileSync(`${envFile}.partial`, Object.entries(env).map(([name, value]) => `${name}=${value}\n`).join(''), { mode: 0o600 });
  renameSync(`${envFile}.partial`, envFile);
  lines.push(`Wrote ${Object.keys(env).length} EMULATOR_* variables to ${envFile}`);
}
console.log(lines.join('\n'));

const shutdown = (): void => {
  rmSync(keyDir, { recursive: true, force: true });
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
