import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { zipSync } from 'fflate';
import { quickDeployMismatch } from '../../src/flows/quick-deploy.js';
import { matchValidation, type ValidationRecord } from '../../src/github/validation-ledger.js';
import { reportedComponents, type ReportedDeploy } from '../../src/salesforce/deploy.js';
import { readDeployResult } from '../../src/salesforce/deploy-result.js';
import { packageDigest } from '../../src/salesforce/package.js';

const entry = (over: Partial<ValidationRecord>): ValidationRecord => ({ validationId: '0Af1', orgId: '00D1', contentDigest: 'abc', testLevel: 'RunLocalTests', tests: [], sha: 'f'.repeat(40), validatedAt: '2026-11-20T10:00:00Z', ...over });
const HEAD = 'f'.repeat(40);
const wanted = { orgId: '00D1', contentDigest: 'abc', testLevel: 'RunLocalTests', tests: [] as string[], sha: HEAD };
const now = new Date('2026-11-23T10:00:00Z');

test('quick deploys only a validation of the same content, org and tests', () => {
  assert.equal(matchValidation([entry({ contentDigest: 'other' }), entry({ orgId: '00D2' }), entry({ testLevel: 'RunAllTestsInOrg' })], wanted, now), undefined);
  assert.equal(matchValidation([entry({ validationId: '0Af9' })], wanted, now)?.validationId, '0Af9');
});

test('quick deploys only a validation recorded for the head of the approved pull request', () => {
  const other = entry({ validationId: 'other-head', sha: 'e'.repeat(40), validatedAt: '2026-11-22T10:00:00Z' });
  assert.equal(matchValidation([other], wanted, now), undefined);
  assert.equal(matchValidation([other, entry({ validationId: 'approved' })], wanted, now)?.validationId, 'approved');
  assert.equal(matchValidation([entry({ sha: HEAD.toUpperCase() })], wanted, now)?.validationId, '0Af1');
  assert.equal(matchValidation([entry({ sha: undefined as unknown as string })], wanted, now), undefined);
});

test('ignores a ledger entry whose fields are not what a record holds', () => {
  assert.equal(matchValidation([entry({ tests: 'AllTests' as unknown as string[] }), entry({ validatedAt: 'yesterday' })], wanted, now), undefined);
});

test('prefers the newest validation and ignores one older than ten days', () => {
  const entries = [entry({ validationId: 'old', validatedAt: '2026-11-10T10:00:00Z' }), entry({ validationId: 'new', validatedAt: '2026-11-22T10:00:00Z' }), entry({ validationId: 'mid' })];
  assert.equal(matchValidation(entries, wanted, now)?.validationId, 'new');
  assert.equal(matchValidation([entries[0]], wanted, now), undefined);
});

test('the package digest ignores entry order and folder entries', () => {
  const a = Buffer.from(zipSync({ 'package.xml': Buffer.from('<P/>'), 'classes/': new Uint8Array(), 'classes/A.cls': Buffer.from('a') }));
  const b = Buffer.from(zipSync({ 'classes/A.cls': Buffer.from('a'), 'package.xml': Buffer.from('<P/>') }));
  const c = Buffer.from(zipSync({ 'classes/A.cls': Buffer.from('b'), 'package.xml': Buffer.from('<P/>') }));
  assert.equal(packageDigest(a), packageDigest(b));
  assert.notEqual(packageDigest(a), packageDigest(c));
});

const components = [{ type: 'ApexClass', fullName: 'Greeting' }, { type: 'CustomField', fullName: 'Invoice__c.Amount__c' }, { type: 'CustomObject', fullName: 'Invoice__c' }];
const success = (componentType: string, fullName: string, deleted = false) => ({ componentType, fullName, fileName: fullName, deleted, success: true });
function checkedValidation(over: Record<string, unknown> = {}, successes = [success('', 'package.xml'), ...components.map((c) => success(c.type, c.fullName))]): ReportedDeploy {
  const raw = { id: '0Af1', checkOnly: true, success: true, done: true, status: 'Succeeded', numberComponentsTotal: 3, numberTestsCompleted: 4, details: { componentSuccesses: successes, runTestResult: { numTestsRun: 4 } }, ...over };
  return { outcome: readDeployResult(raw), ...reportedComponents(raw) };
}

test('reads deployed and deleted components from componentSuccesses, leaving out the manifests', () => {
  const raw = { details: { componentSuccesses: [success('', 'package.xml'), success('ApexClass', 'Greeting'), success('ApexClass', 'Gone', true), { ...success('CustomLabel', 'Old'), deleted: 'true' }] } };
  assert.deepEqual(reportedComponents(raw), { deployed: [{ type: 'ApexClass', fullName: 'Greeting' }], deleted: [{ type: 'ApexClass', fullName: 'Gone' }, { type: 'CustomLabel', fullName: 'Old' }] });
  assert.deepEqual(reportedComponents({ details: { componentSuccesses: success('ApexClass', 'Solo') } }).deployed, [{ type: 'ApexClass', fullName: 'Solo' }]);
  assert.deepEqual(reportedComponents({}), { deployed: [], deleted: [] });
});

test('accepts a successful check-only validation with tests of exactly the package', () => {
  assert.equal(quickDeployMismatch(checkedValidation(), { components, destructive: [] }, 3), undefined);
  assert.equal(quickDeployMismatch(checkedValidation(), { components }), undefined);
});

test('refuses a validation that is not check-only, did not succeed or ran no tests', () => {
  assert.match(quickDeployMismatch(checkedValidation({ checkOnly: false }), { components })!, /is not a check-only validation/);
  assert.match(quickDeployMismatch(checkedValidation({ status: 'Failed', success: false }), { components })!, /status as Failed, not Succeeded/);
  assert.match(quickDeployMismatch(checkedValidation({ status: 'SucceededPartial' }), { components })!, /status as SucceededPartial/);
  assert.match(quickDeployMismatch(checkedValidation({ numberTestsCompleted: 0, details: { componentSuccesses: components.map((c) => success(c.type, c.fullName)) } }), { components })!, /ran no tests/);
});

test('refuses a validation of other components, more of them or fewer', () => {
  const more = checkedValidation({}, [...components, { type: 'ApexClass', fullName: 'Backdoor' }].map((c) => success(c.type, c.fullName)));
  assert.match(quickDeployMismatch(more, { components })!, /would deploy ApexClass:Backdoor, which this package does not/);
  const fewer = checkedValidation({}, [success('ApexClass', 'Greeting')]);
  assert.match(quickDeployMismatch(fewer, { components })!, /would not deploy CustomField:Invoice__c\.Amount__c, CustomObject:Invoice__c, which this package does/);
});

test('refuses a validation that deletes other components than the package', () => {
  const deleting = checkedValidation({}, [...components.map((c) => success(c.type, c.fullName)), success('ApexClass', 'Invoice', true)]);
  assert.match(quickDeployMismatch(deleting, { components, destructive: [] })!, /would delete ApexClass:Invoice, which this package does not/);
  assert.equal(quickDeployMismatch(deleting, { components, destructive: [{ type: 'ApexClass', fullName: 'Invoice' }] }), undefined);
  assert.match(quickDeployMismatch(checkedValidation(), { components, destructive: [{ type: 'ApexClass', fullName: 'Invoice' }] })!, /would not delete ApexClass:Invoice/);
});

test('refuses a validation whose component total differs from the sandbox validation of the package', () => {
  assert.match(quickDeployMismatch(checkedValidation({ numberComponentsTotal: 4 }), { components }, 3)!, /4 component\(s\) in it, while the sandbox validation of this package counted 3/);
});

test('accepts any member of a type the package lists with a wildcard', () => {
  const wildcard = [{ type: 'ApexClass', fullName: '*' }, { type: 'CustomObject', fullName: 'Invoice__c' }, { type: 'CustomField', fullName: 'Invoice__c.Amount__c' }];
  assert.equal(quickDeployMismatch(checkedValidation(), { components: wildcard }), undefined);
});
