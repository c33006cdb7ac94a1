// A deploy whose submission answer was lost is looked up in DeployRequest and adopted, but only
// among the deploys of the action's own user: an access token says nothing about its user, so
// connect() asks the userinfo endpoint, and without a user the deploy is never adopted.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulators/salesforce/index.js';
import { connect, type OrgSession } from '../../src/salesforce/connection.js';
import { submitDeploy, type DeployRequest } from '../../src/salesforce/deploy.js';
import { buildPackage } from '../../src/salesforce/package.js';
import path from 'node:path';

const API = '62.0';
const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/project');
const RELEASE_USER = 'release@acme.com.uat';
const OTHER_USER = 'admin@acme.com.uat';

let salesforce: SalesforceEmulator;
let sandbox: ReturnType<SalesforceEmulator['addOrg']>;
let releaseUserId: string;
let request: DeployRequest;

const accessTokenSession = (username: string): Promise<OrgSession> =>
  connect({ method: 'access-token', role: 'sandbox', accessToken: sandbox.issueAccessToken(username), instanceUrl: salesforce.url }, { apiVersion: API, log() {} });
const mark = (): number => salesforce.requests.at(-1)?.seq ?? 0;
const since = (seq: number) => salesforce.requests.filter((r) => r.seq > seq);

/** The session, with another user's deploy submitted right before its own submission goes out. */
function racedBy(session: OrgSession, other: OrgSession, fault: 'reset' | 'reset-after'): OrgSession {
  return {
    role: session.role,
    identity: session.identity,
    get connection() {
      return session.connection;
    },
    retrying: (what, call) => session.retrying(what, call),
    async once(what, call) {
      await other.once('foreign deploy', (c) => c.metadata.deploy(request.zip, { checkOnly: true, testLevel: 'NoTestRun', rollbackOnError: true, singlePackage: true }) as unknown as Promise<unknown>);
      salesforce.faults.add({ kind: 'soap.deploy', fault, times: 1, orgId: sandbox.id });
      return session.once(what, call);
    },
  };
}

beforeAll(async () => {
  salesforce = await startSalesforceEmulator();
  sandbox = salesforce.addOrg({ name: 'Acme UAT', isSandbox: true, pollsToComplete: 2 });
  releaseUserId = sandbox.addUser({ username: RELEASE_USER }).id;
  sandbox.addUser({ username: OTHER_USER });
  const pkg = await buildPackage({ workspace: FIXTURE, sourceDirs: ['force-app'], apiVersion: API });
  request = { zip: pkg.zip, checkOnly: true, testLevel: 'NoTestRun', runTests: [], purpose: 'sandbox validation' };
});

afterAll(async () => salesforce?.close());

describe('the user of an access token', () => {
  it('is read from the userinfo endpoint when the session is opened', async () => {
    const seq = mark();
    const session = await accessTokenSession(RELEASE_USER);
    assert.equal(session.connection.userInfo?.id, releaseUserId);
    assert.equal(session.connection.userInfo?.organizationId, sandbox.id);
    assert.equal(since(seq).filter((r) => r.kind === 'userinfo').length, 1);
  });

  it('is left unknown, and the session still opens, when userinfo fails', async () => {
    // jsforce itself retries a 5xx a few times; every attempt fails here.
    salesforce.faults.add({ kind: 'userinfo', fault: 'http-500', times: 100, orgId: sandbox.id });
    const lines: string[] = [];
    const session = await connect(
      { method: 'access-token', role: 'sandbox', accessToken: sandbox.issueAccessToken(RELEASE_USER), instanceUrl: salesforce.url },
      { apiVersion: API, log: (line) => lines.push(line) },
    ).finally(() => salesforce.faults.clear());
    assert.equal(session.connection.userInfo?.id, undefined);
    assert.equal(session.identity.id, sandbox.id);
    assert.match(lines.join('\n'), /Could not read which user the sandbox credentials belong to/);
  });
});

describe('a submission whose answer was lost', () => {
  it('adopts the deploy it created, found among its own user\'s deploys only', async () => {
    const session = await accessTokenSession(RELEASE_USER);
    const other = await accessTokenSession(OTHER_USER);
    const before = sandbox.deploys.length;
    const seq = mark();
    const id = await submitDeploy(racedBy(session, other, 'reset-after'), request);
    const created = sandbox.deploys.slice(before);
    assert.equal(created.length, 2, 'the foreign deploy and this one');
    assert.equal(id, created[1]!.id);
    assert.equal(since(seq).filter((r) => r.kind === 'soap.deploy').length, 2, 'the deploy was sent again');
  });

  it('does not take another user\'s deploy for its own when its own never started', async () => {
    const session = await accessTokenSession(RELEASE_USER);
    const other = await accessTokenSession(OTHER_USER);
    const before = sandbox.deploys.length;
    await assert.rejects(submitDeploy(racedBy(session, other, 'reset'), request), /Submitting the sandbox validation failed/);
    assert.equal(sandbox.deploys.length, before + 1, 'only the foreign deploy exists');
  });

  it('is not adopted when the user is unknown: the error says the deploy\'s state is unknown and where to look', async () => {
    const session = await accessTokenSession(RELEASE_USER);
    session.connection.userInfo = undefined;
    const before = sandbox.deploys.length;
    const seq = mark();
    salesforce.faults.add({ kind: 'soap.deploy', fault: 'reset-after', times: 1, orgId: sandbox.id });
    await assert.rejects(submitDeploy(session, request), (error: Error) => {
      assert.match(error.message, /Submitting the sandbox validation failed.*Whether Salesforce started the sandbox validation is unknown \(the sandbox user could not be identified, so its deploys cannot be told apart from other users'\), so it was not sent again\. Check Setup > Deployment Status in the sandbox org Acme UAT before running again\./);
      return true;
    });
    assert.equal(sandbox.deploys.length, before + 1, 'the deploy started');
    assert.equal(since(seq).filter((r) => r.kind === 'soap.deploy').length, 1, 'the deploy was sent again');
    assert.equal(since(seq).filter((r) => r.kind === 'rest.tooling.query').length, 0, 'an unscoped lookup was made');
  });
});
