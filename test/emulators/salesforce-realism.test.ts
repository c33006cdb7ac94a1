/**
 * The org emulator where it must behave like a real org for the action's claims to hold
 * (issue 10). Each test names the Salesforce source of the behaviour it checks.
 */
import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { Connection } from '@jsforce/jsforce-node';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { startSalesforceEmulator, type EmulatedOrg, type SalesforceEmulator } from '../../emulators/salesforce/index.js';

const API = '62.0';
const NS = 'http://soap.sforce.com/2006/04/metadata';
const CLASS_META = `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="${NS}">\n    <apiVersion>${API}</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`;
const TRIGGER_META = `<?xml version="1.0" encoding="UTF-8"?>\n<ApexTrigger xmlns="${NS}">\n    <apiVersion>${API}</apiVersion>\n    <status>Active</status>\n</ApexTrigger>\n`;
const CLIENT_ID = '3MVG9realismConsumerKey';

function manifest(types: Record<string, string[]>): string {
  const entries = Object.entries(types)
    .map(([name, members]) => `    <types>\n${members.map((m) => `        <members>${m}</members>\n`).join('')}        <name>${name}</name>\n    </types>\n`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="${NS}">\n${entries}    <version>${API}</version>\n</Package>\n`;
}

function zipOf(types: Record<string, string[]>, files: Record<string, string | Uint8Array>, extra: Record<string, string> = {}): Buffer {
  const entries: Record<string, Uint8Array> = { 'package.xml': strToU8(manifest(types)) };
  for (const [path, content] of Object.entries({ ...files, ...extra })) entries[path] = typeof content === 'string' ? strToU8(content) : content;
  return Buffer.from(zipSync(entries, { level: 0 }));
}

const cls = (name: string, body: string): Record<string, string> => ({ [`classes/${name}.cls`]: body, [`classes/${name}.cls-meta.xml`]: CLASS_META });
const profileXml = (entries: string): string => `<?xml version="1.0" encoding="UTF-8"?>\n<Profile xmlns="${NS}">\n${entries}    <custom>false</custom>\n</Profile>\n`;
const classAccess = (name: string, enabled: boolean): string => `    <classAccesses>\n        <apexClass>${name}</apexClass>\n        <enabled>${enabled}</enabled>\n    </classAccesses>\n`;
const userPermission = (name: string, enabled: boolean): string => `    <userPermissions>\n        <enabled>${enabled}</enabled>\n        <name>${name}</name>\n    </userPermissions>\n`;
const objectXml = (label: string | undefined, fields: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="${NS}">\n${fields.map((f) => `    <fields>\n        <fullName>${f}</fullName>\n        <label>${f}</label>\n        <type>Checkbox</type>\n        <defaultValue>false</defaultValue>\n    </fields>\n`).join('')}${label ? `    <label>${label}</label>\n    <pluralLabel>${label}s</pluralLabel>\n    <sharingModel>ReadWrite</sharingModel>\n` : ''}</CustomObject>\n`;

type DeployResult = Awaited<ReturnType<Connection['metadata']['checkDeployStatus']>>;

async function untilDone(conn: Connection, id: string): Promise<DeployResult> {
  for (let i = 0; i < 40; i++) {
    const result = await conn.metadata.checkDeployStatus(id, true);
    if (String(result.done) === 'true') return result;
  }
  throw new Error(`deploy ${id} never finished`);
}

async function deploy(conn: Connection, zip: Buffer, options: Record<string, unknown> = {}): Promise<DeployResult> {
  return untilDone(conn, (await conn.metadata.deploy(zip, { rollbackOnError: true, singlePackage: true, ...options })).id);
}

async function retrieve(conn: Connection, types: Record<string, string[]>): Promise<Record<string, string>> {
  const request = { apiVersion: Number(API), singlePackage: true, unpackaged: { types: Object.entries(types).map(([name, members]) => ({ name, members })), version: API } };
  const { id } = await conn.metadata.retrieve(request as never);
  let status = await conn.metadata.checkRetrieveStatus(id);
  while (String(status.done) !== 'true') status = await conn.metadata.checkRetrieveStatus(id);
  return Object.fromEntries(Object.entries(unzipSync(Buffer.from(status.zipFile, 'base64'))).map(([path, bytes]) => [path, strFromU8(bytes)]));
}

let emulator: SalesforceEmulator;
let orgNumber = 0;
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

function freshOrg(isSandbox: boolean, extra: Partial<Parameters<SalesforceEmulator['addOrg']>[0]> = {}): { org: EmulatedOrg; conn: Connection; username: string } {
  orgNumber++;
  const org = emulator.addOrg({ name: `Realism ${orgNumber}`, isSandbox, pollsToComplete: 2, ...extra });
  const username = `admin${orgNumber}@realism.${isSandbox ? 'uat' : 'com'}`;
  org.addUser({ username });
  return { org, username, conn: new Connection({ instanceUrl: emulator.url, accessToken: org.issueAccessToken(username), version: API }) };
}

beforeAll(async () => {
  emulator = await startSalesforceEmulator();
  emulator.registerConnectedApp({ clientId: CLIENT_ID, certificatePem: publicKey.export({ type: 'spki', format: 'pem' }).toString() });
});
afterAll(async () => emulator.close());

describe('1. profiles: overlay on deploy, only referenced permissions on retrieve', () => {
  // Source: Metadata API Developer Guide, "Profile": "We designed Profile metadata deployment to
  // overlay the existing Profile settings in a target org" and "profiles only include
  // field-level security for fields included in custom objects returned in the same RetrieveRequest".
  test('a deployed profile is merged into the stored one; an entry it omits keeps its value', async () => {
    const { org, conn } = freshOrg(true);
    const classes = { ...cls('Alpha', 'public class Alpha {}'), ...cls('Beta', 'public class Beta {}') };
    const first = await deploy(conn, zipOf({ ApexClass: ['Alpha', 'Beta'], Profile: ['Support'] }, { ...classes, 'profiles/Support.profile': profileXml(classAccess('Alpha', true) + userPermission('ViewSetup', true)) }));
    assert.equal(first.status, 'Succeeded');
    const second = await deploy(conn, zipOf({ Profile: ['Support'] }, { 'profiles/Support.profile': profileXml(classAccess('Beta', true)) }));
    assert.equal(second.status, 'Succeeded');
    const stored = org.component('Profile', 'Support')!.files['profiles/Support.profile']!;
    assert.match(stored, /<apexClass>Alpha<\/apexClass>\s*<enabled>true/, 'Alpha keeps its access: the second file did not mention it');
    assert.match(stored, /<apexClass>Beta<\/apexClass>\s*<enabled>true/);
    assert.match(stored, /<name>ViewSetup<\/name>/);

    await deploy(conn, zipOf({ Profile: ['Support'] }, { 'profiles/Support.profile': profileXml(classAccess('Alpha', false)) }));
    assert.match(org.component('Profile', 'Support')!.files['profiles/Support.profile']!, /<apexClass>Alpha<\/apexClass>\s*<enabled>false/, 'an explicit false revokes');
  });

  test('a retrieved profile holds only the permissions of components in the same request', async () => {
    const { org, conn } = freshOrg(true);
    org.putFiles({
      ...cls('Alpha', 'public class Alpha {}'),
      ...cls('Beta', 'public class Beta {}'),
      'profiles/Support.profile': profileXml(classAccess('Alpha', true) + classAccess('Beta', true) + userPermission('ViewSetup', true)),
    });
    const alone = (await retrieve(conn, { Profile: ['Support'] }))['profiles/Support.profile']!;
    assert.doesNotMatch(alone, /classAccesses/);
    assert.match(alone, /ViewSetup/, 'user permissions are tied to no component');
    const withAlpha = (await retrieve(conn, { Profile: ['Support'], ApexClass: ['Alpha'] }))['profiles/Support.profile']!;
    assert.match(withAlpha, /<apexClass>Alpha</);
    assert.doesNotMatch(withAlpha, /<apexClass>Beta</);
  });
});

describe('2. coverage computed from the Apex bodies and the tests that run', () => {
  const pricing = ['public class Pricing {', '    public static Integer net(Integer a) {', '        return a - 1;', '    }', '    public static Integer gross(Integer a) {', '        Integer b = a + 1;', '        return b * 2;', '    }', '}', ''].join('\n');
  const pricingTest = ['@IsTest(SeeAllData=true)', 'private class PricingTest {', '    @IsTest static void nets() {', '        System.assertEquals(1, Pricing.net(2));', '    }', '}', ''].join('\n');
  const audit = ['public class Audit {', '    public static void log(String s) {', '        System.debug(s);', '    }', '}', ''].join('\n');

  // Source: Apex Developer Guide, "Deploying Apex" and "Code Coverage Best Practices": coverage
  // is per line of each class; classes the tests do not reach count 0 covered lines.
  test('each class gets its real executable lines; reached methods are covered, the rest are listed at their lines', async () => {
    const { conn } = freshOrg(true);
    const result = await deploy(conn, zipOf({ ApexClass: ['Pricing', 'PricingTest', 'Audit'] }, { ...cls('Pricing', pricing), ...cls('PricingTest', pricingTest), ...cls('Audit', audit) }), { testLevel: 'RunLocalTests', checkOnly: true });
    const coverage = result.details.runTestResult!.codeCoverage;
    const summary = Object.fromEntries(coverage.map((c) => [c.name, { total: Number(c.numLocations), missed: Number(c.numLocationsNotCovered), lines: [c.locationsNotCovered ?? []].flat().map((l) => Number(l.line)) }]));
    assert.deepEqual(summary, { Audit: { total: 1, missed: 1, lines: [3] }, Pricing: { total: 3, missed: 2, lines: [6, 7] } });
    assert.equal(result.details.runTestResult!.successes.every((s) => String(s.seeAllData) === 'true'), true, '@IsTest(SeeAllData=true) is reported');
    // 1 of 4 lines: the sandbox succeeds, reporting the same figure as the codeCoverage entries.
    assert.equal(result.status, 'Succeeded', 'a sandbox does not enforce 75 %');
    assert.deepEqual(result.details.runTestResult!.codeCoverageWarnings.map((w) => w.message), ['Average test coverage across all Apex Classes and Triggers is 25%, at least 75% test coverage is required.']);
  });

  test('RunSpecifiedTests: a deployed class the tests do not touch is 0 % and fails in production', async () => {
    // Source: Metadata API Developer Guide, "Running a Subset of Tests in a Deployment": each class and trigger deployed needs 75 %.
    const { conn } = freshOrg(false);
    const result = await deploy(conn, zipOf({ ApexClass: ['Pricing', 'PricingTest', 'Audit'] }, { ...cls('Pricing', pricing), ...cls('PricingTest', pricingTest), ...cls('Audit', audit) }), { testLevel: 'RunSpecifiedTests', runTests: ['PricingTest'], checkOnly: true });
    assert.equal(result.status, 'Failed');
    const messages = [result.details.runTestResult!.codeCoverageWarnings].flat().map((w) => `${w.name}: ${w.message}`);
    assert.ok(messages.includes('Audit: Test coverage of selected Apex Class is 0%, at least 75% test coverage is required'), messages.join('\n'));
  });

  test('a trigger no test reaches fails a production deploy with the 1 % rule; DML on its object covers it', async () => {
    // Source: Apex Developer Guide, "Deploying Apex": "Every trigger must have some test coverage."
    const { conn } = freshOrg(false);
    const trigger = 'trigger AccountStamp on Account (before insert) {\n    for (Account a : Trigger.new) {\n        a.Description = \'stamped\';\n    }\n}\n';
    const files = { 'triggers/AccountStamp.trigger': trigger, 'triggers/AccountStamp.trigger-meta.xml': TRIGGER_META, ...cls('Pricing', pricing.replace('gross', 'grossOf')), ...cls('PricingTest', pricingTest.replace('System.assertEquals(1, Pricing.net(2));', 'System.assertEquals(1, Pricing.net(2));\n        System.assertEquals(6, Pricing.grossOf(2));')) };
    const failing = await deploy(conn, zipOf({ ApexClass: ['Pricing', 'PricingTest'], ApexTrigger: ['AccountStamp'] }, files), { testLevel: 'RunLocalTests', checkOnly: true });
    assert.equal(failing.status, 'Failed');
    // 3 of 5 lines: the trigger's two are not reached.
    assert.deepEqual([failing.details.runTestResult!.codeCoverageWarnings].flat().map((w) => `${w.name ?? ''}: ${w.message}`), [
      'AccountStamp: Test coverage of selected Apex Trigger is 0%, at least 1% test coverage is required',
      ': Average test coverage across all Apex Classes and Triggers is 60%, at least 75% test coverage is required.',
    ]);

    const withDml = { ...files, ...cls('PricingTest', pricingTest.replace('System.assertEquals(1, Pricing.net(2));', "System.assertEquals(1, Pricing.net(2));\n        System.assertEquals(6, Pricing.grossOf(2));\n        insert new Account(Name = 'Acme');")) };
    const passing = await deploy(conn, zipOf({ ApexClass: ['Pricing', 'PricingTest'], ApexTrigger: ['AccountStamp'] }, withDml), { testLevel: 'RunLocalTests', checkOnly: true });
    assert.equal(passing.status, 'Succeeded');
  });
});

describe('3. a clock: operations advance with time, not only per status check', () => {
  // Source: Metadata API Developer Guide, "deploy()": the deploy runs asynchronously in the org;
  // "DeployResult": statuses Pending, InProgress, FinalizingDeploy (cannot be canceled), Succeeded.
  test('an async deploy finishes on its own while nobody polls, passing through FinalizingDeploy', async () => {
    const { org, conn } = freshOrg(true, { pollsToComplete: 1_000, clock: { scale: 1000, queueMs: 1000, perComponentMs: 1000, perTestMs: 1000, finalizeMs: 600_000 } });
    const { id } = await conn.metadata.deploy(zipOf({ ApexClass: ['Alpha'] }, cls('Alpha', 'public class Alpha {}')), { testLevel: 'NoTestRun' });
    await new Promise((r) => setTimeout(r, 100));
    const rows = await conn.tooling.query<{ Status: string }>(`SELECT Id, Status FROM DeployRequest WHERE Id = '${id}'`);
    assert.equal(rows.records[0]?.Status, 'FinalizingDeploy');
    assert.equal(org.deploy(id).polls, 0, 'no status check was made');
    // A deploy in FinalizingDeploy cannot be canceled: the call changes nothing and it commits.
    const cancel = await conn.metadata.cancelDeploy(id);
    assert.equal(String(cancel.done), 'false');
    org.clock!.finalizeMs = 0;
    const done = await conn.metadata.checkDeployStatus(id);
    assert.equal(done.status, 'Succeeded');
    assert.ok(org.component('ApexClass', 'Alpha'));
  });

  test('a deploy longer than a client waits stays InProgress, and a cancel ends it as Canceled on the clock', async () => {
    const { org, conn } = freshOrg(true, { pollsToComplete: 1_000, clock: { scale: 1, queueMs: 0, perComponentMs: 3_600_000, cancelMs: 1_500 } });
    const { id } = await conn.metadata.deploy(zipOf({ ApexClass: ['Alpha'] }, cls('Alpha', 'public class Alpha {}')), { testLevel: 'NoTestRun' });
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(org.deploy(id).result.status, 'InProgress');
    assert.equal(String((await conn.metadata.cancelDeploy(id)).done), 'false');
    // 1.5 s of cancelling: long enough that a loaded machine still sees Canceling first.
    assert.equal(org.deploy(id).result.status, 'Canceling');
    for (let waited = 0; waited < 10_000 && org.deploy(id).result.status === 'Canceling'; waited += 50) await new Promise((r) => setTimeout(r, 50));
    assert.equal(org.deploy(id).result.status, 'Canceled', 'canceled by the clock, without a status check');
    assert.equal(org.deploy(id).polls, 0, 'no status check was made');
    assert.equal(org.component('ApexClass', 'Alpha'), undefined);
  });
});

describe('4. dependency checks', () => {
  // Source: Metadata API Developer Guide, "deploy()": components are compiled and saved together;
  // a reference to something neither in the org nor in the package fails (Apex: "Invalid type").
  test('a field on a missing object, a reference to a missing class and deleting a class in use all fail', async () => {
    const { org, conn } = freshOrg(true);
    const field = await deploy(conn, zipOf({ CustomField: ['Ghost__c.Size__c'] }, { 'objects/Ghost__c.object': objectXml(undefined, ['Size__c']) }));
    assert.equal(field.status, 'Failed');
    assert.equal([field.details.componentFailures].flat()[0]?.problem, 'In field: Size__c - no CustomObject named Ghost__c found');

    const caller = 'public class Caller {\n    public static Integer go() {\n        return Helper.value();\n    }\n}\n';
    const missing = await deploy(conn, zipOf({ ApexClass: ['Caller'] }, cls('Caller', caller)));
    assert.deepEqual([missing.details.componentFailures].flat().map((f) => [f.fullName, f.problem, Number(f.lineNumber)]), [['Caller', 'Invalid type: Helper', 3]]);

    org.putFiles({ ...cls('Helper', 'public class Helper {\n    public static Integer value() {\n        return 1;\n    }\n}\n'), ...cls('Caller', caller) });
    const deletion = await deploy(conn, zipOf({}, {}, { 'destructiveChanges.xml': manifest({ ApexClass: ['Helper'] }) }));
    assert.equal(deletion.status, 'Failed');
    assert.match(String([deletion.details.componentFailures].flat()[0]?.problem), /^This apex class is referenced elsewhere in salesforce\.com\. Remove the usage and try again\.: Class\.Caller/);
    assert.ok(org.component('ApexClass', 'Helper'));
  });
});

describe('5. injected limit faults', () => {
  test('the request-limit switch answers REQUEST_LIMIT_EXCEEDED, over SOAP and REST, and nothing is started', async () => {
    // Source: REST API Developer Guide, "Status Codes and Error Responses": 403 REQUEST_LIMIT_EXCEEDED.
    const { org, conn } = freshOrg(true);
    emulator.faults.add({ kind: 'soap.deploy', fault: 'request-limit', orgId: org.id });
    await assert.rejects(async () => conn.metadata.deploy(zipOf({ ApexClass: ['Alpha'] }, cls('Alpha', 'public class Alpha {}')), {}), { errorCode: 'sf:REQUEST_LIMIT_EXCEEDED' });
    assert.equal(org.deploys.length, 0);
    emulator.faults.add({ kind: 'rest.query', fault: 'request-limit', orgId: org.id });
    await assert.rejects(async () => conn.query('SELECT Id FROM Organization'), { errorCode: 'REQUEST_LIMIT_EXCEEDED' });
  });
});

describe('6. case-insensitive names and standard objects', () => {
  // Source: Metadata API Developer Guide, "CustomObject"/"CustomField": API names are unique
  // regardless of case; Object Reference: standard objects (Account, Contact, …) exist in every org.
  test('accountId__c and AccountId__c are one field; Foo and foo one class', async () => {
    const { org, conn } = freshOrg(true);
    await deploy(conn, zipOf({ CustomObject: ['Widget__c'] }, { 'objects/Widget__c.object': objectXml('Widget', ['accountId__c']) }));
    await deploy(conn, zipOf({ CustomField: ['Widget__c.AccountId__c'] }, { 'objects/Widget__c.object': objectXml(undefined, ['AccountId__c']) }));
    assert.deepEqual(org.components().filter((c) => c.type === 'CustomField').map((c) => c.fullName), ['Widget__c.AccountId__c']);
    org.putFiles(cls('Foo', 'public class Foo {}'));
    const result = await deploy(conn, zipOf({ ApexClass: ['foo'] }, cls('foo', 'public class foo { }')));
    assert.equal(String([result.details.componentSuccesses].flat().find((m) => m.fullName === 'foo')?.created), 'false');
    assert.equal(org.components().filter((c) => c.type === 'ApexClass').length, 1);
  });

  test('an empty org lists and retrieves Account and Contact, takes a field on Account, and refuses to delete Account', async () => {
    const { org, conn } = freshOrg(false);
    const objects = (await conn.metadata.list([{ type: 'CustomObject' }] as never)) as unknown as Array<{ fullName: string }>;
    assert.ok(['Account', 'Contact', 'Opportunity', 'Case', 'Lead'].every((name) => objects.some((o) => o.fullName === name)));
    const account = (await retrieve(conn, { CustomObject: ['Account'] }))['objects/Account.object']!;
    assert.match(account, /<fullName>Name<\/fullName>/);
    assert.deepEqual(org.components(), [], 'components() lists what was deployed, not the standard objects');

    const tier = await deploy(conn, zipOf({ CustomField: ['Account.Tier__c'] }, { 'objects/Account.object': objectXml(undefined, ['Tier__c']) }), { testLevel: 'RunLocalTests' });
    assert.equal(tier.status, 'Succeeded');
    const removal = await deploy(conn, zipOf({}, {}, { 'destructiveChanges.xml': manifest({ CustomObject: ['Account'] }) }), { testLevel: 'RunLocalTests' });
    assert.equal(removal.status, 'Failed');
    assert.ok(org.component('CustomObject', 'Account'));
  });
});

describe('7. real metadata: Workflow children, MatchingRule, report folders, ExperienceBundle', () => {
  // Source: Metadata API Developer Guide, "Workflow", "MatchingRules", "Report" (folders:
  // `reports/Folder-meta.xml`, members `Folder` and `Folder/Report`) and "ExperienceBundle".
  test('each is accepted, split into its real components and retrieved back whole', async () => {
    const { org, conn } = freshOrg(true);
    const workflow = `<?xml version="1.0" encoding="UTF-8"?>\n<Workflow xmlns="${NS}">\n    <fieldUpdates>\n        <fullName>Set_Tier</fullName>\n        <field>Tier__c</field>\n    </fieldUpdates>\n    <rules>\n        <fullName>Big_Accounts</fullName>\n        <active>true</active>\n    </rules>\n</Workflow>\n`;
    const matching = `<?xml version="1.0" encoding="UTF-8"?>\n<MatchingRules xmlns="${NS}">\n    <matchingRules>\n        <fullName>Same_Name</fullName>\n        <label>Same name</label>\n    </matchingRules>\n</MatchingRules>\n`;
    const site: Record<string, string> = { 'experiences/Help1.site-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<ExperienceBundle xmlns="${NS}">\n    <label>Help</label>\n</ExperienceBundle>\n` };
    for (let i = 0; i < 45; i++) site[`experiences/Help1/views/view${i}.json`] = JSON.stringify({ id: i });
    const files = {
      'workflows/Account.workflow': workflow,
      'matchingRules/Account.matchingRule': matching,
      'reports/NPSP_Health_Check-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<ReportFolder xmlns="${NS}">\n    <name>NPSP Health Check</name>\n</ReportFolder>\n`,
      'reports/NPSP_Health_Check/Open_Opportunities.report': `<?xml version="1.0" encoding="UTF-8"?>\n<Report xmlns="${NS}">\n    <name>Open</name>\n</Report>\n`,
      ...site,
    };
    const result = await deploy(conn, zipOf({ Workflow: ['Account'], MatchingRules: ['Account'], Report: ['NPSP_Health_Check', 'NPSP_Health_Check/Open_Opportunities'], ExperienceBundle: ['Help1'] }, files));
    assert.equal(result.status, 'Succeeded', JSON.stringify(result.details.componentFailures));
    const names = org.components().map((c) => `${c.type}:${c.fullName}`);
    for (const expected of ['WorkflowRule:Account.Big_Accounts', 'WorkflowFieldUpdate:Account.Set_Tier', 'MatchingRule:Account.Same_Name', 'Report:NPSP_Health_Check', 'Report:NPSP_Health_Check/Open_Opportunities', 'ExperienceBundle:Help1']) {
      assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
    }
    assert.equal(names.filter((n) => n.startsWith('ExperienceBundle:')).length, 1);
    const folders = (await conn.metadata.list([{ type: 'ReportFolder' }] as never)) as unknown as { fullName: string } | Array<{ fullName: string }>;
    assert.deepEqual([folders].flat().map((f) => f.fullName), ['NPSP_Health_Check']);
    const back = await retrieve(conn, { ExperienceBundle: ['Help1'], Report: ['NPSP_Health_Check', 'NPSP_Health_Check/Open_Opportunities'], WorkflowRule: ['Account.Big_Accounts'] });
    assert.equal(Object.keys(back).filter((p) => p.startsWith('experiences/')).length, 46);
    assert.ok(back['reports/NPSP_Health_Check-meta.xml'] && back['reports/NPSP_Health_Check/Open_Opportunities.report']);
    assert.match(back['workflows/Account.workflow']!, /Big_Accounts/);
    assert.doesNotMatch(back['workflows/Account.workflow']!, /Set_Tier/, 'a child retrieved alone comes alone in its parent file');
  });
});

describe('8. fault codes and result shapes', () => {
  // Source: Metadata API Developer Guide, "cancelDeploy()": faults INVALID_ID_FIELD "Invalid
  // deploy ID" and "Deployment already completed"; a queued deploy "is canceled immediately".
  test('cancel: finished → Deployment already completed, unknown → Invalid deploy ID, queued → canceled at once', async () => {
    const { conn } = freshOrg(true);
    const finished = await deploy(conn, zipOf({ ApexClass: ['Alpha'] }, cls('Alpha', 'public class Alpha {}')));
    await assert.rejects(conn.metadata.cancelDeploy(finished.id), { errorCode: 'sf:INVALID_ID_FIELD', message: 'INVALID_ID_FIELD: Deployment already completed' });
    await assert.rejects(conn.metadata.cancelDeploy('0Af000000000000AAA'), { errorCode: 'sf:INVALID_ID_FIELD', message: 'INVALID_ID_FIELD: Invalid deploy ID' });
    const { id } = await conn.metadata.deploy(zipOf({ ApexClass: ['Beta'] }, cls('Beta', 'public class Beta {}')), {});
    const cancel = await conn.metadata.cancelDeploy(id);
    assert.equal(String(cancel.done), 'true');
    assert.equal((await conn.metadata.checkDeployStatus(id)).status, 'Canceled');
  });

  // Source: captured DeployResults (jsforce's schema of DeployMessage / RunTestsResult): a new
  // component is created:true and changed:true; details.runTestResult is there with no tests run.
  test('a created component reports created and changed, and runTestResult is present when no test ran', async () => {
    const { conn } = freshOrg(true);
    const result = await deploy(conn, zipOf({ ApexClass: ['Alpha'] }, cls('Alpha', 'public class Alpha {}')), { testLevel: 'NoTestRun' });
    const alpha = [result.details.componentSuccesses].flat().find((m) => m.fullName === 'Alpha');
    assert.deepEqual([String(alpha?.created), String(alpha?.changed)], ['true', 'true']);
    assert.equal(String(result.details.runTestResult?.numTestsRun), '0');
  });

  // Source: Tooling API Developer Guide, "runTestsSynchronous" and "runTestsAsynchronous" (what `sf apex run test` calls).
  test('runTestsSynchronous answers a RunTestsResult; runTestsAsynchronous a test run id its tooling objects report', async () => {
    const { org, conn } = freshOrg(true);
    org.putFiles({ ...cls('Pricing', 'public class Pricing {\n    public static Integer net(Integer a) {\n        return a - 1;\n    }\n}\n'), ...cls('PricingTest', '@IsTest\nprivate class PricingTest {\n    @IsTest static void nets() {\n        System.assertEquals(1, Pricing.net(2));\n    }\n}\n') });
    const url = `/services/data/v${API}/tooling`;
    const sync = (await conn.request({ method: 'POST', url: `${url}/runTestsSynchronous`, body: JSON.stringify({ tests: [{ className: 'PricingTest' }] }), headers: { 'content-type': 'application/json' } })) as { numTestsRun: number; successes: unknown[]; codeCoverage: Array<{ name: string; numLocationsNotCovered: number }> };
    assert.equal(sync.numTestsRun, 1);
    assert.deepEqual(sync.codeCoverage.map((c) => [c.name, c.numLocationsNotCovered]), [['Pricing', 0]]);
    const runId = (await conn.request({ method: 'POST', url: `${url}/runTestsAsynchronous`, body: JSON.stringify({ classNames: 'PricingTest', testLevel: 'RunSpecifiedTests' }), headers: { 'content-type': 'application/json' } })) as string;
    assert.match(runId, /^707/);
    const summary = await conn.tooling.query<{ Status: string; MethodsEnqueued: number }>(`SELECT AsyncApexJobId, Status, MethodsEnqueued FROM ApexTestRunResult WHERE AsyncApexJobId = '${runId}'`);
    assert.deepEqual(summary.records.map((r) => [r.Status, r.MethodsEnqueued]), [['Completed', 1]]);
    const results = await conn.tooling.query<{ MethodName: string; Outcome: string }>(`SELECT MethodName, Outcome FROM ApexTestResult WHERE AsyncApexJobId = '${runId}'`);
    assert.deepEqual(results.records.map((r) => [r.MethodName, r.Outcome]), [['nets', 'Pass']]);
  });
});

describe('8. Apex test results and coverage as `sf apex run test` / `sf apex get test` read them', () => {
  const PRICING = 'public class Pricing {\n    public static Integer net(Integer a) {\n        Integer b = a - 1;\n        return b;\n    }\n    public static Integer gross(Integer a) {\n        return a + 1;\n    }\n}\n';
  const PRICING_TEST = '@IsTest\nprivate class PricingTest {\n    @IsTest static void nets() {\n        System.assertEquals(1, Pricing.net(2));\n    }\n    @IsTest static void grosses() {\n        System.assertEquals(3, Pricing.gross(2));\n    }\n}\n';
  const UNTESTED = 'public class Untested {\n    public static void run() {\n        System.debug(1);\n    }\n}\n';
  const runTests = async (conn: Connection, body: Record<string, unknown>, which = 'runTestsSynchronous'): Promise<unknown> =>
    conn.request({ method: 'POST', url: `/services/data/v${API}/tooling/${which}`, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

  // Source: Tooling API Developer Guide, "ApexCodeCoverage" (per test class and method: ApexTestClassId,
  // TestMethodName, ApexClassorTriggerId, NumLinesCovered, NumLinesUncovered, Coverage {coveredLines,
  // namespace, uncoveredLines}); the query is the one @salesforce/apex-node (`sf apex run test
  // --code-coverage`) sends; ApexClassOrTrigger comes back typed `Name` (captured Tooling API answers).
  test('ApexCodeCoverage: one row per test method and class it reached, with the relationship fields nested', async () => {
    const { org, conn } = freshOrg(true);
    org.putFiles({ ...cls('Pricing', PRICING), ...cls('PricingTest', PRICING_TEST), ...cls('Untested', UNTESTED) });
    await runTests(conn, { tests: [{ className: 'PricingTest' }] });
    const testClassId = org.apexSources('ApexClass').find((c) => c.component.fullName === 'PricingTest')!.component.id;
    const pricingId = org.apexSources('ApexClass').find((c) => c.component.fullName === 'Pricing')!.component.id;
    type Row = { ApexTestClassId: string; TestMethodName: string; NumLinesCovered: number; NumLinesUncovered: number; Coverage: { coveredLines: number[]; uncoveredLines: number[] }; ApexClassOrTrigger: { attributes: { type: string; url: string }; Id: string; Name: string } };
    const rows = await conn.tooling.query<Row>(`SELECT ApexTestClassId, ApexClassOrTrigger.Id, ApexClassOrTrigger.Name, TestMethodName, NumLinesCovered, NumLinesUncovered, Coverage FROM ApexCodeCoverage WHERE ApexTestClassId IN ('${testClassId}')`);
    const byMethod = Object.fromEntries(rows.records.map((r) => [r.TestMethodName, r]));
    assert.deepEqual(Object.keys(byMethod).sort(), ['grosses', 'nets'], 'Untested is reached by no method: no row');
    // Pricing's executable lines are 3, 4 (net) and 7 (gross).
    assert.deepEqual([byMethod.nets!.NumLinesCovered, byMethod.nets!.NumLinesUncovered, byMethod.nets!.Coverage.coveredLines, byMethod.nets!.Coverage.uncoveredLines], [2, 1, [3, 4], [7]]);
    assert.deepEqual([byMethod.grosses!.Coverage.coveredLines, byMethod.grosses!.Coverage.uncoveredLines], [[7], [3, 4]]);
    assert.deepEqual(byMethod.nets!.ApexClassOrTrigger, { attributes: { type: 'Name', url: `/services/data/v${API}/tooling/sobjects/ApexClass/${pricingId}` }, Id: pricingId, Name: 'Pricing' });
    // The guide's lower-case spelling filters too (SOQL names are case-insensitive).
    const filtered = await conn.tooling.query(`SELECT Id FROM ApexCodeCoverage WHERE ApexClassorTriggerId = '${pricingId}' AND TestMethodName = 'nets'`);
    assert.equal(filtered.totalSize, 1);
  });

  // Source: Tooling API Developer Guide, "ApexCodeCoverageAggregate" and "ApexOrgWideCoverage"
  // (PercentCovered); Apex Developer Guide, "Testing and Code Coverage": coverage is "based on
  // the total number of code lines in the organization".
  test('ApexCodeCoverageAggregate unions the methods\' lines; ApexOrgWideCoverage counts the untested class too', async () => {
    const { org, conn } = freshOrg(true);
    org.putFiles({ ...cls('Pricing', PRICING), ...cls('PricingTest', PRICING_TEST), ...cls('Untested', UNTESTED) });
    const pricingId = org.apexSources('ApexClass').find((c) => c.component.fullName === 'Pricing')!.component.id;
    const before = await conn.tooling.query<{ PercentCovered: number }>('SELECT PercentCovered FROM ApexOrgWideCoverage');
    assert.deepEqual(before.records.map((r) => r.PercentCovered), [0], 'no test has run');
    await runTests(conn, { tests: [{ className: 'PricingTest' }] });
    // Run again (asynchronously): each method's rows are replaced, not added to.
    await runTests(conn, { classNames: 'PricingTest' }, 'runTestsAsynchronous');
    assert.equal((await conn.tooling.query('SELECT Id FROM ApexCodeCoverage')).totalSize, 2);
    type Aggregate = { NumLinesCovered: number; NumLinesUncovered: number; Coverage: { coveredLines: number[]; uncoveredLines: number[] }; ApexClassOrTrigger: { Name: string } };
    const aggregate = await conn.tooling.query<Aggregate>(`SELECT ApexClassOrTrigger.Id, ApexClassOrTrigger.Name, NumLinesCovered, NumLinesUncovered, Coverage FROM ApexCodeCoverageAggregate WHERE ApexClassorTriggerId IN ('${pricingId}')`);
    assert.deepEqual(aggregate.records.map((r) => [r.ApexClassOrTrigger.Name, r.NumLinesCovered, r.NumLinesUncovered, r.Coverage.coveredLines, r.Coverage.uncoveredLines]), [['Pricing', 3, 0, [3, 4, 7], []]]);
    const all = await conn.tooling.query<Aggregate>('SELECT ApexClassOrTrigger.Name FROM ApexCodeCoverageAggregate');
    assert.deepEqual(all.records.map((r) => r.ApexClassOrTrigger.Name), ['Pricing']);
    // Pricing 3 of 3 lines, Untested 0 of 1: 75 %.
    const orgWide = await conn.tooling.query<{ PercentCovered: number }>('SELECT PercentCovered FROM ApexOrgWideCoverage');
    assert.deepEqual(orgWide.records.map((r) => r.PercentCovered), [75]);
  });

  // Source: Tooling API Developer Guide, "ApexTestResult" (ApexClassId, a lookup to ApexClass;
  // ApexLogId; IsTestSetup) and the query `sf apex get test` sends (@salesforce/apex-node).
  test('ApexTestResult answers the ApexClass relationship fields', async () => {
    const { org, conn } = freshOrg(true);
    org.putFiles({ ...cls('Pricing', PRICING), ...cls('PricingTest', PRICING_TEST) });
    await runTests(conn, { classNames: 'PricingTest' }, 'runTestsAsynchronous');
    // A second run of the same class: its queue items are its own, and so are their results.
    const runId = (await runTests(conn, { classNames: 'PricingTest' }, 'runTestsAsynchronous')) as string;
    const items = await conn.tooling.query<{ Id: string }>(`SELECT Id, Status, ApexClassId, TestRunResultId FROM ApexTestQueueItem WHERE ParentJobId = '${runId}'`);
    type Result = { MethodName: string; Outcome: string; ApexLogId: null; IsTestSetup: boolean; ApexClass: { attributes: { type: string }; Id: string; Name: string; NamespacePrefix: null } };
    const results = await conn.tooling.query<Result>(`SELECT Id, QueueItemId, StackTrace, Message, RunTime, TestTimestamp, AsyncApexJobId, MethodName, Outcome, ApexLogId, IsTestSetup, ApexClass.Id, ApexClass.Name, ApexClass.NamespacePrefix FROM ApexTestResult WHERE QueueItemId IN (${items.records.map((i) => `'${i.Id}'`).join(',')})`);
    assert.deepEqual(results.records.map((r) => [r.MethodName, r.Outcome, r.IsTestSetup, r.ApexClass.attributes.type, r.ApexClass.Name, r.ApexClass.NamespacePrefix]).sort(), [['grosses', 'Pass', false, 'ApexClass', 'PricingTest', null], ['nets', 'Pass', false, 'ApexClass', 'PricingTest', null]]);
  });

  // Source: Streaming API Developer Guide ("/cometd/<version>", OAuth header) and the Bayeux
  // Protocol 1.0 meta channels: what `sf apex get test` shakes hands with before reading a run.
  test('the Streaming API endpoint answers a Bayeux handshake, subscribe and disconnect', async () => {
    const { conn } = freshOrg(true);
    const post = async (messages: unknown[]): Promise<Array<Record<string, unknown>>> => {
      const response = await fetch(`${emulator.url}/cometd/${API}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `OAuth ${conn.accessToken}` }, body: JSON.stringify(messages) });
      assert.equal(response.status, 200);
      return (await response.json()) as Array<Record<string, unknown>>;
    };
    const [handshake] = await post([{ channel: '/meta/handshake', version: '1.0', supportedConnectionTypes: ['long-polling'], id: '1' }]);
    assert.equal(handshake!.successful, true);
    assert.equal(handshake!.id, '1');
    assert.ok(typeof handshake!.clientId === 'string' && handshake!.clientId.length > 10);
    const clientId = handshake!.clientId;
    const [subscribe, disconnect] = await post([{ channel: '/meta/subscribe', clientId, subscription: '/systemTopic/TestResult', id: '2' }, { channel: '/meta/disconnect', clientId, id: '3' }]);
    assert.deepEqual([subscribe!.successful, subscribe!.subscription, disconnect!.successful], [true, '/systemTopic/TestResult', true]);
    const unauthenticated = await fetch(`${emulator.url}/cometd/${API}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    assert.equal(unauthenticated.status, 401);
  });
});

describe('3/8. a deploy that finishes just before a cancel (the `finish-first` fault)', () => {
  // Source: Metadata API Developer Guide, "cancelDeploy()": a finished deploy is INVALID_ID_FIELD
  // "Deployment already completed"; the fault plays the race between a status check and the cancel.
  test('the cancel meets a deploy that has just completed, and the org holds what it deployed', async () => {
    const { org, conn } = freshOrg(true, { pollsToComplete: 1_000 });
    const { id } = await conn.metadata.deploy(zipOf({ ApexClass: ['Alpha'] }, cls('Alpha', 'public class Alpha {}')), { testLevel: 'NoTestRun' });
    await conn.metadata.checkDeployStatus(id);
    assert.equal((await conn.metadata.checkDeployStatus(id)).status, 'InProgress');
    emulator.faults.add({ kind: 'soap.cancelDeploy', fault: 'finish-first', orgId: org.id });
    await assert.rejects(conn.metadata.cancelDeploy(id), { errorCode: 'sf:INVALID_ID_FIELD', message: 'INVALID_ID_FIELD: Deployment already completed' });
    assert.equal(org.deploy(id).result.status, 'Succeeded');
    assert.ok(org.component('ApexClass', 'Alpha'));
    assert.equal(emulator.requests.filter((r) => r.kind === 'soap.cancelDeploy' && r.orgId === org.id).at(-1)?.fault, 'finish-first');
  });
});

describe('9. JWT audience per org type', () => {
  // Source: Salesforce Help, "OAuth 2.0 JWT Bearer Flow for Server-to-Server Integration": aud is
  // https://login.salesforce.com for production, https://test.salesforce.com for a sandbox (or
  // the org's My Domain URL, which the emulator's URL stands for).
  function sign(claims: Record<string, unknown>, key: KeyObject): string {
    const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${encode({ alg: 'RS256' })}.${encode(claims)}`;
    return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url')}`;
  }
  test('the login host of the other org type is refused; the right one and the My Domain URL are accepted', async () => {
    const sandbox = freshOrg(true);
    const production = freshOrg(false);
    const exp = Math.floor(Date.now() / 1000) + 180;
    const login = (sub: string, aud: string) =>
      new Connection({ loginUrl: emulator.url, version: API }).authorize({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: sign({ iss: CLIENT_ID, sub, aud, exp }, privateKey) });
    await assert.rejects(login(sandbox.username, 'https://login.salesforce.com'), { name: 'invalid_grant', message: 'audience is invalid' });
    await assert.rejects(login(production.username, 'https://test.salesforce.com'), { name: 'invalid_grant', message: 'audience is invalid' });
    assert.equal((await login(sandbox.username, 'https://test.salesforce.com')).organizationId, sandbox.org.id);
    assert.equal((await login(production.username, 'https://login.salesforce.com')).organizationId, production.org.id);
    assert.equal((await login(production.username, emulator.url)).organizationId, production.org.id);
  });
});

// Last: the 10,000-file upload is the heaviest request of this file; nothing runs after it.
describe('5. documented limits (file count and zip size)', () => {
  // Source: Salesforce App Limits, "Platform Metadata" / Metadata API Developer Guide, "Deploying
  // and Retrieving Metadata": "You can deploy or retrieve up to 10,000 files at once. The maximum
  // size of the deployed or retrieved .zip file is 39 MB."
  test('a package of 10,002 files and a 40 MB zip are refused; 10,000 files are accepted', async () => {
    const { org, conn } = freshOrg(true);
    const labels = (n: number): Record<string, string> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`staticresources/R${i}.resource-meta.xml`, 'x']));
    await assert.rejects(async () => conn.metadata.deploy(zipOf({ StaticResource: ['*'] }, labels(10_001)), {}), { errorCode: 'sf:LIMIT_EXCEEDED', message: /Too many files in the deploy: 10002; the limit is 10000 files/ });
    const ok = await conn.metadata.deploy(zipOf({ StaticResource: ['*'] }, labels(9_999)), {});
    assert.match(ok.id, /^0Af/);
    const big = zipOf({ StaticResource: ['Big'] }, { 'staticresources/Big.resource': randomBytes(40 * 1024 * 1024), 'staticresources/Big.resource-meta.xml': 'x' });
    // Handed to the org directly: uploading 40 MB through a client on a loaded test runner is slow
    // and makes this test flaky, and the SOAP and REST routes both go through submitDeploy.
    assert.throws(() => org.submitDeploy(big, {}, 'rest', org.users[0]!.id), { code: 'LIMIT_EXCEEDED', message: /maximum size of a deployed \.zip file is 39 MB/ });
  });
});
