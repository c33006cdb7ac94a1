import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Connection } from '@jsforce/jsforce-node';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { isValid18, startSalesforceEmulator, type EmulatedOrg, type SalesforceEmulator } from '../../emulators/salesforce/index.js';

const API = '62.0';
const JWT_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const CLIENT_ID = '3MVG9testConsumerKey';
const CLASS_META = `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>${API}</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`;

const SERVICE = 'public with sharing class InvoiceService {\n    public static Integer total(Integer a, Integer b) {\n        return a + b;\n    }\n}\n';
const SERVICE_TEST = [
  '@IsTest',
  'private class InvoiceServiceTest {',
  '    @IsTest',
  '    static void addsAmounts() {',
  '        System.assertEquals(3, InvoiceService.total(1, 2));',
  '    }',
  '',
  '    static testMethod void legacyStyle() {',
  '        System.assert(true);',
  '    }',
  '}',
  '',
].join('\n');

function objectXml(fields: string[]): string {
  const body = fields
    .map((field) => `    <fields>\n        <fullName>${field}</fullName>\n        <label>${field}</label>\n        <type>Checkbox</type>\n        <defaultValue>false</defaultValue>\n    </fields>\n`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}    <label>Widget</label>\n    <pluralLabel>Widgets</pluralLabel>\n    <sharingModel>ReadWrite</sharingModel>\n</CustomObject>\n`;
}

function manifest(types: Record<string, string[]>): string {
  const entries = Object.entries(types)
    .map(([name, members]) => `    <types>\n${members.map((m) => `        <members>${m}</members>\n`).join('')}        <name>${name}</name>\n    </types>\n`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n${entries}    <version>${API}</version>\n</Package>\n`;
}

/** A metadata-format deploy zip: package.xml for `types`, the files, optional destructive manifests. */
function deployZip(types: Record<string, string[]>, files: Record<string, string>, extra: Record<string, string> = {}): Buffer {
  const entries: Record<string, Uint8Array> = { 'package.xml': strToU8(manifest(types)) };
  for (const [path, text] of Object.entries({ ...files, ...extra })) entries[path] = strToU8(text);
  return Buffer.from(zipSync(entries));
}

const classFiles = (name: string, body: string): Record<string, string> => ({
  [`classes/${name}.cls`]: body,
  [`classes/${name}.cls-meta.xml`]: CLASS_META,
});

const servicePackage = (serviceBody = SERVICE): Buffer =>
  deployZip({ ApexClass: ['InvoiceService', 'InvoiceServiceTest'] }, { ...classFiles('InvoiceService', serviceBody), ...classFiles('InvoiceServiceTest', SERVICE_TEST) });

function signJwt(claims: Record<string, unknown>, key: KeyObject): string {
  const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'RS256' })}.${encode(claims)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url')}`;
}

type DeployResult = Awaited<ReturnType<Connection['metadata']['checkDeployStatus']>>;

/** Polls checkDeployStatus (with details) until the deploy is done, as a client would. */
async function untilDone(conn: Connection, id: string, rest = false): Promise<DeployResult> {
  for (let i = 0; i < 20; i++) {
    const result = await conn.metadata.checkDeployStatus(id, true, rest);
    if (String(result.done) === 'true') return result;
  }
  throw new Error(`deploy ${id} never finished`);
}

let emulator: SalesforceEmulator;
let orgNumber = 0;
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** A fresh org with one user and an access-token connection to it. */
function freshOrg(options: { isSandbox: boolean; coverage?: number }): { org: EmulatedOrg; username: string; conn: Connection } {
  orgNumber++;
  const org = emulator.addOrg({ name: `Org ${orgNumber}`, isSandbox: options.isSandbox, coverage: options.coverage, pollsToComplete: 2 });
  const username = `admin${orgNumber}@acme.${options.isSandbox ? 'uat' : 'com'}`;
  org.addUser({ username });
  const conn = new Connection({ instanceUrl: emulator.url, accessToken: org.issueAccessToken(username), version: API });
  return { org, username, conn };
}

beforeAll(async () => {
  emulator = await startSalesforceEmulator();
  emulator.registerConnectedApp({ clientId: CLIENT_ID, certificatePem: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
});
afterAll(async () => emulator.close());

describe('authentication', () => {
  test('a JWT bearer assertion signed with the connected app key logs in to the user’s org', async () => {
    const { org, username } = freshOrg({ isSandbox: true });
    const assertion = signJwt({ iss: CLIENT_ID, sub: username, aud: 'https://test.salesforce.com', exp: Math.floor(Date.now() / 1000) + 180 }, privateKey);
    const conn = new Connection({ loginUrl: emulator.url, version: API });
    const userInfo = await conn.authorize({ grant_type: JWT_GRANT, assertion });

    assert.equal(userInfo.organizationId, org.id);
    assert.equal(conn.instanceUrl, emulator.url);
    const identity = await conn.identity();
    assert.equal(identity.username, username);
    const token = emulator.requests.findLast((r) => r.kind === 'oauth.token');
    assert.deepEqual(token?.detail, { grantType: JWT_GRANT, clientId: CLIENT_ID, username });
    assert.ok(!JSON.stringify(emulator.requests).includes(conn.accessToken!), 'the request log holds a token');
  });

  test('an assertion signed with another key is refused as invalid_grant', async () => {
    const { username } = freshOrg({ isSandbox: true });
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const assertion = signJwt({ iss: CLIENT_ID, sub: username, aud: emulator.url, exp: Math.floor(Date.now() / 1000) + 180 }, stranger);
    await assert.rejects(new Connection({ loginUrl: emulator.url, version: API }).authorize({ grant_type: JWT_GRANT, assertion }), {
      name: 'invalid_grant',
      message: 'invalid assertion',
    });
  });

  test('an expired assertion, a foreign audience and an unknown consumer key are refused with Salesforce’s errors', async () => {
    const { username } = freshOrg({ isSandbox: true });
    const exp = Math.floor(Date.now() / 1000) + 180;
    const login = (claims: Record<string, unknown>) =>
      new Connection({ loginUrl: emulator.url, version: API }).authorize({ grant_type: JWT_GRANT, assertion: signJwt(claims, privateKey) });
    await assert.rejects(login({ iss: CLIENT_ID, sub: username, aud: emulator.url, exp: exp - 3600 }), { name: 'invalid_grant', message: 'expired authorization code' });
    await assert.rejects(login({ iss: CLIENT_ID, sub: username, aud: 'https://evil.example', exp }), { name: 'invalid_grant', message: 'audience is invalid' });
    await assert.rejects(login({ iss: 'nobody', sub: username, aud: emulator.url, exp }), { name: 'invalid_client_id' });
    await assert.rejects(login({ iss: CLIENT_ID, sub: 'ghost@acme.com', aud: emulator.url, exp }), { message: "user hasn't approved this consumer" });
  });

  test('a refresh token from an SFDX auth URL is redeemed with the PlatformCLI client id', async () => {
    const { org, username } = freshOrg({ isSandbox: false });
    const authUrl = org.authUrl(username);
    const match = /^force:\/\/PlatformCLI::(.+)@(http:\/\/127\.0\.0\.1:\d+)$/.exec(authUrl);
    assert.ok(match, authUrl);
    const conn = new Connection({ oauth2: { clientId: 'PlatformCLI', loginUrl: match[2] }, instanceUrl: match[2], refreshToken: match[1], version: API });
    const tokens = await conn.oauth2.refreshToken(match[1]!);
    assert.equal(tokens.instance_url, emulator.url);
    assert.match(tokens.id, new RegExp(`/id/${org.id}/005`));

    await assert.rejects(conn.oauth2.refreshToken('5Aep861unknown'), { name: 'invalid_grant', message: 'expired access/refresh token' });
    const wrongClient = new Connection({ oauth2: { clientId: 'SomeoneElse', loginUrl: emulator.url } });
    await assert.rejects(wrongClient.oauth2.refreshToken(match[1]!), { name: 'invalid_client_id' });
  });

  test('an access token is used directly, and an unknown one is answered INVALID_SESSION_ID', async () => {
    const { conn } = freshOrg({ isSandbox: true });
    assert.equal((await conn.query('SELECT Id FROM Organization')).totalSize, 1);
    const stranger = new Connection({ instanceUrl: emulator.url, accessToken: '00D000000000000!bogus', version: API });
    await assert.rejects(async () => stranger.query('SELECT Id FROM Organization'), { errorCode: 'INVALID_SESSION_ID' });
    await assert.rejects(stranger.metadata.checkDeployStatus('0AfHs0000000001AAA'), { errorCode: 'sf:INVALID_SESSION_ID' });
  });

  test('an expired session on a refresh-token connection is refreshed and the call resent transparently', async () => {
    const { org, username } = freshOrg({ isSandbox: true });
    const refreshToken = org.issueRefreshToken(username);
    const conn = new Connection({ oauth2: { clientId: 'PlatformCLI', loginUrl: emulator.url }, instanceUrl: emulator.url, refreshToken, version: API });
    await conn.query('SELECT Id FROM Organization'); // no access token yet: 401, refresh, resend
    const tokenCalls = () => emulator.requests.filter((r) => r.kind === 'oauth.token' && r.orgId === org.id).length;
    const before = tokenCalls();

    emulator.expireSessions(org.id);
    const listed = await conn.metadata.list([{ type: 'ApexClass' }]);
    assert.deepEqual(listed, []);
    const result = await conn.query<{ IsSandbox: boolean }>('SELECT IsSandbox FROM Organization');
    assert.equal(result.records[0]?.IsSandbox, true);

    assert.equal(tokenCalls(), before + 1, 'one refresh for the expired session');
    const soapCalls = emulator.requests.filter((r) => r.kind === 'soap.listMetadata' && r.orgId === org.id);
    assert.deepEqual(soapCalls.map((r) => r.status), [200]);
    assert.ok(emulator.requests.some((r) => r.kind === 'soap.listMetadata' && r.detail?.faultcode === 'INVALID_SESSION_ID'));
  });
});

describe('REST data API', () => {
  test('Organization answers IsSandbox per org, and unsupported SOQL is MALFORMED_QUERY', async () => {
    const sandbox = freshOrg({ isSandbox: true });
    const production = freshOrg({ isSandbox: false });
    const soql = 'SELECT Id, Name, IsSandbox, OrganizationType, InstanceName, TrialExpirationDate, NamespacePrefix FROM Organization';
    const [s, p] = await Promise.all([sandbox.conn.query(soql), production.conn.query(soql)]);
    assert.equal((s.records[0] as { IsSandbox: boolean }).IsSandbox, true);
    assert.equal((p.records[0] as { IsSandbox: boolean }).IsSandbox, false);
    assert.equal((p.records[0] as { Id: string }).Id, production.org.id);
    assert.ok(isValid18(production.org.id) && production.org.id.startsWith('00D'));

    const users = await sandbox.conn.query(`SELECT Id, Username FROM User WHERE Username = '${sandbox.username}'`);
    assert.equal(users.totalSize, 1);
    await assert.rejects(async () => sandbox.conn.query('SELECT COUNT() FROM Organization'), { errorCode: 'MALFORMED_QUERY' });
    await assert.rejects(async () => sandbox.conn.query('SELECT Bogus FROM Organization'), { errorCode: 'INVALID_FIELD' });
    await assert.rejects(async () => sandbox.conn.query('SELECT Id FROM SourceMember'), { errorCode: 'INVALID_TYPE' });
  });

  test('the Partner SOAP API answers getServerTimestamp with the org time, and other calls with a fault', async () => {
    const { conn } = freshOrg({ isSandbox: false });
    const before = Date.now();
    const { timestamp } = await conn.soap.getServerTimestamp();
    const at = Date.parse(String(timestamp));
    assert.ok(at >= before - 1000 && at <= Date.now() + 1000, `timestamp ${timestamp}`);
    await assert.rejects(async () => conn.soap.describeTabs(), /INVALID_OPERATION/);
  });

  test('versions, double-slash paths and the User record the CLI reads after login are served', async () => {
    const { org, username } = freshOrg({ isSandbox: true });
    const token = org.issueAccessToken(username);
    const versions = (await (await fetch(`${emulator.url}/services/data`)).json()) as Array<{ version: string }>;
    assert.ok(versions.some((v) => v.version === API));
    const user = org.users[0]!;
    const response = await fetch(`${emulator.url}//services/data/v${API}/sobjects/User/${user.id}`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { Username: string }).Username, username);
    const userinfo = await fetch(`${emulator.url}/services/oauth2/userinfo`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(((await userinfo.json()) as { preferred_username: string }).preferred_username, username);
  });

  test('a query with columns=true answers its column metadata, as sf data query reads it', async () => {
    const { conn } = freshOrg({ isSandbox: true });
    const answer = await conn.request<{ entityName: string; columnMetadata: Array<{ columnName: string }> }>(`/services/data/v${API}/query?q=${encodeURIComponent('SELECT Id, Name FROM Organization')}&columns=true`);
    assert.equal(answer.entityName, 'Organization');
    assert.deepEqual(answer.columnMetadata.map((c) => c.columnName), ['Id', 'Name']);
  });
});

describe('Metadata API deploys', () => {
  test('a check-only deploy polled with checkDeployStatus succeeds with test results and changes nothing', async () => {
    const { org, conn } = freshOrg({ isSandbox: true });
    const async = await conn.metadata.deploy(servicePackage(), { checkOnly: true, testLevel: 'RunLocalTests', rollbackOnError: true });
    assert.match(async.id, /^0Af\w{15}$/);
    assert.ok(isValid18(async.id));

    const first = await conn.metadata.checkDeployStatus(async.id, true);
    assert.equal(first.status, 'InProgress');
    const result = await untilDone(conn, async.id);
    assert.equal(result.status, 'Succeeded');
    assert.equal(result.success, true);
    assert.equal(result.checkOnly, true);
    assert.equal(result.numberComponentsTotal, 2);
    assert.equal(result.numberTestsTotal, 2);
    const tests = result.details.runTestResult!;
    assert.equal(tests.numTestsRun, 2);
    assert.deepEqual(tests.successes.map((s) => s.methodName).sort(), ['addsAmounts', 'legacyStyle']);
    assert.deepEqual(tests.codeCoverage.map((c) => c.name), ['InvoiceService']);
    // InvoiceService has one executable line (`return a + b;`), which the test reaches.
    assert.deepEqual(tests.codeCoverage.map((c) => [c.numLocations, c.numLocationsNotCovered]), [[1, 0]]);
    assert.deepEqual(org.components(), []);
    assert.equal(org.deploys[0]?.checkOnly, true);
    assert.equal(emulator.requests.find((r) => r.kind === 'soap.deploy' && r.orgId === org.id)?.detail?.testLevel, 'RunLocalTests');
  });

  test('a deploy changes the org and a retrieve returns the new content', async () => {
    const { org, conn } = freshOrg({ isSandbox: false });
    const updated = SERVICE.replace('a + b', 'a + b + 0');
    org.putFiles({ ...classFiles('InvoiceService', SERVICE), ...classFiles('InvoiceServiceTest', SERVICE_TEST) });
    const { id } = await conn.metadata.deploy(servicePackage(updated), { testLevel: 'RunLocalTests', rollbackOnError: true });
    const result = await untilDone(conn, id);
    assert.equal(result.status, 'Succeeded');
    const service = result.details.componentSuccesses.find((m) => m.fullName === 'InvoiceService');
    assert.equal(service?.changed, true);
    assert.equal(service?.created, false);
    assert.equal(org.component('ApexClass', 'InvoiceService')?.files['classes/InvoiceService.cls'], updated);

    const retrieve = await conn.metadata.retrieve({ apiVersion: Number(API), singlePackage: false, unpackaged: { types: [{ name: 'ApexClass', members: ['InvoiceService', 'Missing'] }], version: API } } as never);
    assert.match(retrieve.id, /^09S/);
    let status = await conn.metadata.checkRetrieveStatus(retrieve.id);
    while (!status.done) status = await conn.metadata.checkRetrieveStatus(retrieve.id);
    assert.equal(status.status, 'Succeeded');
    const files = unzipSync(Buffer.from(status.zipFile, 'base64'));
    assert.equal(strFromU8(files['unpackaged/classes/InvoiceService.cls']!), updated);
    assert.ok(files['unpackaged/package.xml']);
    assert.deepEqual(status.messages, [{ fileName: 'unpackaged/package.xml', problem: "Entity of type 'ApexClass' named 'Missing' cannot be found" }]);
    assert.deepEqual(status.fileProperties.map((p) => p.fullName).sort(), ['InvoiceService', 'unpackaged/package.xml']);
  });

  test('a compile-error marker fails the deploy with a componentFailure at its line', async () => {
    const { org, conn } = freshOrg({ isSandbox: true });
    const broken = SERVICE.replace('return a + b;', 'return a + b; // emulator:compile-error Unexpected token: b');
    const { id } = await conn.metadata.deploy(servicePackage(broken), { testLevel: 'RunLocalTests' });
    const result = await untilDone(conn, id);
    assert.equal(result.status, 'Failed');
    assert.equal(result.success, false);
    assert.equal(result.numberComponentErrors, 1);
    assert.deepEqual(
      result.details.componentFailures.map(({ componentType, fileName, fullName, lineNumber, problem, problemType, success }) => ({ componentType, fileName, fullName, lineNumber, problem, problemType, success })),
      [{ componentType: 'ApexClass', fileName: 'classes/InvoiceService.cls', fullName: 'InvoiceService', lineNumber: 3, problem: 'Unexpected token: b', problemType: 'Error', success: false }],
    );
    assert.equal(result.numberTestsTotal, 0, 'tests do not run after a compile error');
    assert.deepEqual(org.components(), []);
  });

  test('a scripted compile error and a scripted test failure are reported like real ones', async () => {
    const { org, conn } = freshOrg({ isSandbox: true });
    org.scriptTestFailure('InvoiceServiceTest', 'addsAmounts', { message: 'System.AssertException: Assertion Failed: Expected: 3, Actual: 4', line: 5 });
    const { id } = await conn.metadata.deploy(servicePackage(), { testLevel: 'RunLocalTests' });
    const result = await untilDone(conn, id);
    assert.equal(result.status, 'Failed');
    assert.equal(result.numberTestErrors, 1);
    const [failure] = result.details.runTestResult!.failures;
    assert.equal(failure?.name, 'InvoiceServiceTest');
    assert.equal(failure?.methodName, 'addsAmounts');
    assert.equal(failure?.message, 'System.AssertException: Assertion Failed: Expected: 3, Actual: 4');
    assert.equal(failure?.stackTrace, 'Class.InvoiceServiceTest.addsAmounts: line 5, column 1');

    org.clearScripts();
    org.scriptCompileError('InvoiceService', { line: 2, column: 9, message: 'Variable does not exist: c' });
    const second = await untilDone(conn, (await conn.metadata.deploy(servicePackage(), { testLevel: 'NoTestRun' })).id);
    assert.equal(second.details.componentFailures[0]?.lineNumber, 2);
    assert.equal(second.details.componentFailures[0]?.columnNumber, 9);
  });

  test('a test-fail marker fails only the method it sits in, with the marker line in the stack trace', async () => {
    const { conn } = freshOrg({ isSandbox: true });
    const failing = SERVICE_TEST.replace('System.assert(true);', 'System.assert(true); // emulator:test-fail System.AssertException: boom');
    const zip = deployZip({ ApexClass: ['InvoiceService', 'InvoiceServiceTest'] }, { ...classFiles('InvoiceService', SERVICE), ...classFiles('InvoiceServiceTest', failing) });
    const result = await untilDone(conn, (await conn.metadata.deploy(zip, { testLevel: 'RunSpecifiedTests', runTests: ['InvoiceServiceTest'] })).id);
    assert.equal(result.status, 'Failed');
    const tests = result.details.runTestResult!;
    assert.deepEqual(tests.failures.map((f) => [f.methodName, f.message, f.stackTrace]), [['legacyStyle', 'System.AssertException: boom', 'Class.InvoiceServiceTest.legacyStyle: line 9, column 1']]);
    assert.deepEqual(tests.successes.map((s) => s.methodName), ['addsAmounts']);
  });

  test('coverage below 75% fails a production deploy with Salesforce’s warning; a sandbox reports it and succeeds', async () => {
    // Source: Apex Developer Guide, "Deploying Apex": 75 % is required for deploys to production.
    const pricing = ['public class Pricing {', '    public static Integer net(Integer a) {', '        Integer b = a - 1;', '        return b;', '    }', '    public static Integer gross(Integer a) {', '        Integer b = a + 1;', '        return b * 2;', '    }', '    public static Integer unused() {', '        return 0;', '    }', '}', ''].join('\n');
    const pricingTest = ['@IsTest', 'private class PricingTest {', '    @IsTest static void nets() {', '        System.assertEquals(1, Pricing.net(2));', '        System.assertEquals(6, Pricing.gross(2));', '    }', '}', ''].join('\n');
    const zip = deployZip({ ApexClass: ['Pricing', 'PricingTest'] }, { ...classFiles('Pricing', pricing), ...classFiles('PricingTest', pricingTest) });
    const production = freshOrg({ isSandbox: false });
    const result = await untilDone(production.conn, (await production.conn.metadata.deploy(zip, { testLevel: 'RunLocalTests', checkOnly: true })).id);
    const tests = result.details.runTestResult!;
    // 4 of 5 lines are reached; `unused` (line 11) is not.
    assert.deepEqual(tests.codeCoverage.map((c) => [c.name, c.numLocations, c.numLocationsNotCovered, c.locationsNotCovered.map((l) => l.line)]), [['Pricing', 5, 1, [11]]]);
    assert.equal(result.status, 'Succeeded');

    production.org.coverage = 50; // half the lines of each reached method: 1 of 2, twice → 2 of 5
    const low = await untilDone(production.conn, (await production.conn.metadata.deploy(zip, { testLevel: 'RunLocalTests', checkOnly: true })).id);
    assert.equal(low.status, 'Failed');
    assert.equal(low.numberTestErrors, 0);
    assert.deepEqual(low.details.runTestResult!.codeCoverageWarnings.map((w) => w.message), [
      'Average test coverage across all Apex Classes and Triggers is 40%, at least 75% test coverage is required.',
    ]);

    const sandbox = freshOrg({ isSandbox: true, coverage: 50 });
    const sandboxResult = await untilDone(sandbox.conn, (await sandbox.conn.metadata.deploy(zip, { testLevel: 'RunLocalTests', checkOnly: true })).id);
    assert.equal(sandboxResult.status, 'Succeeded', 'a sandbox does not enforce 75 %');
    assert.equal(sandboxResult.details.runTestResult!.codeCoverageWarnings.length, 1);
  });

  test('production refuses NoTestRun and rollbackOnError=false at submission, as INVALID_OPERATION faults', async () => {
    const { org, conn } = freshOrg({ isSandbox: false });
    await assert.rejects(async () => conn.metadata.deploy(servicePackage(), { testLevel: 'NoTestRun' }), {
      errorCode: 'sf:INVALID_OPERATION',
      message: 'INVALID_OPERATION: testLevel of NoTestRun cannot be used in production organizations',
    });
    await assert.rejects(async () => conn.metadata.deploy(servicePackage(), { testLevel: 'RunLocalTests', rollbackOnError: false }), {
      message: 'INVALID_OPERATION: rollbackOnError option must be true on a production org',
    });
    assert.equal(org.deploys.length, 0);

    // Without a test level, production runs local tests because the package carries Apex.
    const result = await untilDone(conn, (await conn.metadata.deploy(servicePackage(), {})).id);
    assert.equal(result.runTestsEnabled, true);
    assert.equal(result.numberTestsTotal, 2);
    assert.equal(org.deploys[0]?.testLevel, 'RunLocalTests');
  });

  test('a package.xml member missing from the zip fails the deploy', async () => {
    const { conn } = freshOrg({ isSandbox: true });
    const zip = deployZip({ ApexClass: ['InvoiceService', 'Ghost'] }, classFiles('InvoiceService', SERVICE));
    const result = await untilDone(conn, (await conn.metadata.deploy(zip, {})).id);
    assert.equal(result.status, 'Failed');
    assert.equal(result.details.componentFailures[0]?.problem, "An object 'Ghost' of type ApexClass was named in package.xml, but was not found in zipped directory");

    // Without rollbackOnError a sandbox keeps what could be deployed.
    const partial = await untilDone(conn, (await conn.metadata.deploy(zip, { rollbackOnError: false })).id);
    assert.equal(partial.status, 'SucceededPartial');
    assert.equal(partial.success, true);
  });
});

describe('parent and child metadata', () => {
  const widget = { 'objects/Widget__c.object': objectXml(['Color__c', 'Size__c']) };

  test('a field is its own component: listed, retrieved alone and deleted alone by destructiveChanges', async () => {
    const { org, conn } = freshOrg({ isSandbox: true });
    org.putFiles(widget);
    const fields = await conn.metadata.list([{ type: 'CustomField' }]);
    assert.deepEqual(fields.map((f) => [f.fullName, f.fileName]).sort(), [
      ['Widget__c.Color__c', 'objects/Widget__c.object'],
      ['Widget__c.Size__c', 'objects/Widget__c.object'],
    ]);
    assert.ok(fields.every((f) => f.id.startsWith('00N') && isValid18(f.id)));

    const retrieve = await conn.metadata.retrieve({ apiVersion: Number(API), singlePackage: true, unpackaged: { types: [{ name: 'CustomField', members: ['Widget__c.Size__c'] }], version: API } } as never);
    let status = await conn.metadata.checkRetrieveStatus(retrieve.id);
    while (!status.done) status = await conn.metadata.checkRetrieveStatus(retrieve.id);
    const object = strFromU8(unzipSync(Buffer.from(status.zipFile, 'base64'))['objects/Widget__c.object']!);
    assert.match(object, /<fullName>Size__c<\/fullName>/);
    assert.doesNotMatch(object, /Color__c|<label>Widget<\/label>/);

    const destructive = manifest({ CustomField: ['Widget__c.Size__c'] });
    const zip = deployZip({}, {}, { 'destructiveChanges.xml': destructive });
    const result = await untilDone(conn, (await conn.metadata.deploy(zip, {})).id);
    assert.equal(result.status, 'Succeeded');
    assert.ok(result.details.componentSuccesses.some((m) => m.fullName === 'Widget__c.Size__c' && m.deleted === true));
    assert.deepEqual(org.components().filter((c) => c.type === 'CustomField'), [{ type: 'CustomField', fullName: 'Widget__c.Color__c' }]);
    const remaining = org.component('CustomObject', 'Widget__c')!.files['objects/Widget__c.object']!;
    assert.match(remaining, /Color__c/);
    assert.match(remaining, /<label>Widget<\/label>/);
    assert.doesNotMatch(remaining, /Size__c/);
  });

  test('deleting a component the org lacks is a Warning that fails the deploy unless ignoreWarnings', async () => {
    const { conn } = freshOrg({ isSandbox: true });
    const zip = deployZip({}, {}, { 'destructiveChanges.xml': manifest({ ApexClass: ['Gone'] }) });
    const strict = await untilDone(conn, (await conn.metadata.deploy(zip, {})).id);
    assert.equal(strict.status, 'Failed');
    const [warning] = strict.details.componentFailures;
    assert.deepEqual(
      { fullName: warning?.fullName, fileName: warning?.fileName, componentType: warning?.componentType, problem: warning?.problem, problemType: warning?.problemType },
      { fullName: 'destructiveChanges.xml', fileName: 'destructiveChanges.xml', componentType: 'ApexClass', problem: 'No ApexClass named: Gone found', problemType: 'Warning' },
    );
    const lenient = await untilDone(conn, (await conn.metadata.deploy(zip, { ignoreWarnings: true })).id);
    assert.equal(lenient.status, 'Succeeded');
  });

  test('deploying an object merges its fields and labels deploy as CustomLabel children', async () => {
    const { org, conn } = freshOrg({ isSandbox: true });
    org.putFiles(widget);
    const labels = '<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">\n    <labels>\n        <fullName>Greeting</fullName>\n        <language>en_US</language>\n        <protected>false</protected>\n        <shortDescription>Greeting</shortDescription>\n        <value>Hello</value>\n    </labels>\n</CustomLabels>\n';
    const zip = deployZip(
      { CustomField: ['Widget__c.Weight__c'], CustomLabel: ['Greeting'] },
      { 'objects/Widget__c.object': objectXml(['Weight__c']).replace(/ {4}<label>Widget[\s\S]*?<\/sharingModel>\n/, ''), 'labels/CustomLabels.labels': labels },
    );
    const result = await untilDone(conn, (await conn.metadata.deploy(zip, {})).id);
    assert.equal(result.status, 'Succeeded', JSON.stringify(result.details.componentFailures));
    assert.deepEqual(
      org.components().filter((c) => c.type === 'CustomField' || c.type === 'CustomLabel').map((c) => c.fullName),
      ['Widget__c.Color__c', 'Widget__c.Size__c', 'Widget__c.Weight__c', 'Greeting'],
    );
    assert.match(org.component('CustomObject', 'Widget__c')!.files['objects/Widget__c.object']!, /<label>Widget<\/label>/);
  });
});

describe('quick deploy, cancel and queueing', () => {
  test('a production validation quick-deploys once and is refused after another deploy', async () => {
    const { org, conn } = freshOrg({ isSandbox: false });
    const validation = await untilDone(conn, (await conn.metadata.deploy(servicePackage(), { checkOnly: true, testLevel: 'RunLocalTests' })).id);
    assert.equal(validation.status, 'Succeeded');

    const quickId = await conn.metadata.deployRecentValidation({ id: validation.id });
    assert.match(quickId, /^0Af/);
    assert.notEqual(quickId, validation.id);
    const quick = await untilDone(conn, quickId);
    assert.equal(quick.status, 'Succeeded');
    assert.equal(quick.checkOnly, false);
    assert.ok(org.component('ApexClass', 'InvoiceService'));
    assert.equal(org.deploys.find((d) => d.id === quickId)?.validatedDeployRequestId, validation.id);

    await assert.rejects(conn.metadata.deployRecentValidation({ id: validation.id }), { errorCode: 'sf:INVALID_ID_FIELD' });

    const second = await untilDone(conn, (await conn.metadata.deploy(servicePackage(), { checkOnly: true, testLevel: 'RunLocalTests' })).id);
    await untilDone(conn, (await conn.metadata.deploy(servicePackage(SERVICE.replace('b;', 'b ;')), { testLevel: 'RunLocalTests' })).id);
    await assert.rejects(conn.metadata.deployRecentValidation({ id: second.id }), { errorCode: 'sf:INVALID_ID_FIELD' });
  });

  test('a validation of one org cannot be quick-deployed to another', async () => {
    const sandbox = freshOrg({ isSandbox: true });
    const production = freshOrg({ isSandbox: false });
    const validation = await untilDone(sandbox.conn, (await sandbox.conn.metadata.deploy(servicePackage(), { checkOnly: true, testLevel: 'RunLocalTests' })).id);
    assert.equal(validation.status, 'Succeeded');
    await assert.rejects(production.conn.metadata.deployRecentValidation({ id: validation.id }), { errorCode: 'sf:INVALID_ID_FIELD' });
    // Metadata API Developer Guide, "cancelDeploy()": an id that is no deploy of this org is INVALID_ID_FIELD "Invalid deploy ID".
    await assert.rejects(production.conn.metadata.checkDeployStatus(validation.id), { errorCode: 'sf:INVALID_ID_FIELD', message: 'INVALID_ID_FIELD: Invalid deploy ID' });
  });

  test('cancelDeploy moves a running deploy to Canceling, then Canceled, and nothing is applied', async () => {
    const { org, conn } = freshOrg({ isSandbox: true });
    const { id } = await conn.metadata.deploy(servicePackage(), {});
    await conn.metadata.checkDeployStatus(id); // now InProgress
    const cancel = await conn.metadata.cancelDeploy(id);
    assert.deepEqual(cancel, { done: 'false', id });
    assert.equal(org.deploy(id).result.status, 'Canceling');
    const result = await conn.metadata.checkDeployStatus(id);
    assert.equal(result.status, 'Canceled');
    assert.equal(result.done, true);
    assert.deepEqual(org.components(), []);
  });

  test('with three checks to complete, a deploy is seen Pending, then InProgress, then done', async () => {
    const { org, conn } = freshOrg({ isSandbox: true });
    org.pollsToComplete = 3;
    const { id } = await conn.metadata.deploy(servicePackage(), {});
    const seen = [];
    for (let i = 0; i < 3; i++) seen.push((await conn.metadata.checkDeployStatus(id)).status);
    assert.deepEqual(seen, ['Pending', 'InProgress', 'Succeeded']);
    assert.equal(org.deploy(id).polls, 3);
  });

  test('a second deploy waits Pending while the first runs', async () => {
    const { org, conn } = freshOrg({ isSandbox: true });
    const first = await conn.metadata.deploy(servicePackage(), {});
    const second = await conn.metadata.deploy(servicePackage(), { checkOnly: true });
    assert.equal((await conn.metadata.checkDeployStatus(second.id)).status, 'Pending');
    assert.equal(org.deploy(first.id).result.status, 'InProgress');
    assert.equal((await conn.metadata.checkDeployStatus(first.id)).status, 'Succeeded');
    assert.equal((await untilDone(conn, second.id)).status, 'Succeeded');
  });
});

describe('REST metadata deployRequest', () => {
  test('a multipart deployRequest is created and polled to completion over REST', async () => {
    const { org, conn } = freshOrg({ isSandbox: true });
    const created = (await conn.metadata.deployRest(servicePackage(), { testLevel: 'RunLocalTests', checkOnly: false })) as unknown as { id: string; deployResult: { status: string } };
    assert.match(created.id, /^0Af/);
    assert.equal(created.deployResult.status, 'Pending');
    const result = await untilDone(conn, created.id, true);
    assert.equal(result.status, 'Succeeded');
    assert.equal(result.details.runTestResult?.numTestsRun, 2);
    assert.equal(org.deploys[0]?.api, 'rest');
    assert.ok(org.component('ApexClass', 'InvoiceServiceTest'));
    const create = emulator.requests.find((r) => r.kind === 'rest.deployRequest.create' && r.orgId === org.id);
    assert.equal(create?.status, 201);
    assert.equal(create?.detail?.testLevel, 'RunLocalTests');

    const tooling = await conn.tooling.query<{ Id: string; Status: string }>(`SELECT Id, Status, CheckOnly FROM DeployRequest WHERE Status = 'Succeeded' ORDER BY CreatedDate DESC LIMIT 1`);
    assert.deepEqual(tooling.records.map((r) => [r.Id, r.Status]), [[created.id, 'Succeeded']]);
  });

  test('a REST quick deploy and a REST cancel use the documented JSON bodies', async () => {
    const { conn } = freshOrg({ isSandbox: false });
    const validation = await untilDone(conn, (await conn.metadata.deploy(servicePackage(), { checkOnly: true, testLevel: 'RunLocalTests' })).id);
    const quickId = await conn.metadata.deployRecentValidation({ id: validation.id, rest: true });
    assert.match(quickId, /^0Af/);
    const canceled = (await conn.request({
      method: 'PATCH',
      url: `/services/data/v${API}/metadata/deployRequest/${quickId}`,
      body: JSON.stringify({ deployResult: { status: 'Canceling' } }),
      headers: { 'content-type': 'application/json' },
    })) as { deployResult: { status: string } };
    // Still queued, so canceled at once (Metadata API Developer Guide, "cancelDeploy()").
    assert.equal(canceled.deployResult.status, 'Canceled');
    assert.equal((await conn.metadata.checkDeployStatus(quickId, false, true)).status, 'Canceled');
  });
});

describe('fault injection', () => {
  test('an injected 503 reaches jsforce as ERROR_HTTP_503, once', async () => {
    const { org, conn } = freshOrg({ isSandbox: true });
    const { id } = await conn.metadata.deploy(servicePackage(), {});
    emulator.faults.add({ kind: 'soap.checkDeployStatus', fault: 'http-503', orgId: org.id });
    await assert.rejects(conn.metadata.checkDeployStatus(id), { errorCode: 'ERROR_HTTP_503' });
    assert.equal((await conn.metadata.checkDeployStatus(id)).status, 'InProgress');
    const logged = emulator.requests.filter((r) => r.kind === 'soap.checkDeployStatus' && r.orgId === org.id);
    assert.deepEqual(logged.map((r) => [r.status, r.fault]), [[503, 'http-503'], [200, undefined]]);
  });

  test('a reset drops the connection, and expire-session answers as a dead session', async () => {
    const { conn } = freshOrg({ isSandbox: true });
    emulator.faults.add({ kind: 'rest.query', fault: 'reset' });
    await assert.rejects(async () => conn.query('SELECT Id FROM Organization'), (error: Error) => /fetch failed|socket|ECONNRESET/i.test(`${error.message} ${String((error as { cause?: unknown }).cause)}`));
    emulator.faults.add({ kind: 'soap.listMetadata', fault: 'expire-session' });
    await assert.rejects(conn.metadata.list([{ type: 'ApexClass' }]), { errorCode: 'sf:INVALID_SESSION_ID' });
    emulator.faults.add({ kind: '*', fault: 'http-500' });
    await assert.rejects(conn.metadata.list([{ type: 'ApexClass' }]), { errorCode: 'sf:UNKNOWN_EXCEPTION' });
    assert.deepEqual(await conn.metadata.list([{ type: 'ApexClass' }]), []);
  });

  test('reset-after applies the request but loses its answer, and delay only slows it down', async () => {
    const { org, conn } = freshOrg({ isSandbox: true });
    emulator.faults.add({ kind: 'soap.deploy', fault: 'reset-after', orgId: org.id });
    await assert.rejects(async () => conn.metadata.deploy(servicePackage(), {}));
    assert.equal(org.deploys.length, 1, 'the deploy was accepted although its answer was lost');
    const logged = emulator.requests.findLast((r) => r.kind === 'soap.deploy' && r.orgId === org.id);
    assert.deepEqual([logged?.status, logged?.fault, logged?.detail?.id], [0, 'reset-after', org.deploys[0]?.id]);

    emulator.faults.add({ kind: 'soap.checkDeployStatus', fault: 'delay', delayMs: 30 });
    const started = Date.now();
    assert.equal((await conn.metadata.checkDeployStatus(org.deploys[0]!.id)).status, 'InProgress');
    assert.ok(Date.now() - started >= 25);
  });
});
