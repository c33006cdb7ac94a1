import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { zipSync } from 'fflate';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { quickDeployMismatch, type ValidationExpectation } from '../../src/flows/quick-deploy.js';
import {
  readValidationRecord, validationArtifactName, validationArtifactPrefix, validationMismatch, VALIDATION_FILE, writeValidationRecord, type ValidationRecord,
} from '../../src/github/validation-ledger.js';
import { reportedComponents } from '../../src/salesforce/deploy.js';
import type { DeployRecordView } from '../../src/salesforce/deploy-records.js';
import { readDeployResult } from '../../src/salesforce/deploy-result.js';
import { packageDigest } from '../../src/salesforce/package.js';

const entry = (over: Partial<ValidationRecord>): ValidationRecord => ({ validationId: '0Af1', orgId: '00D000000000001EAA', contentDigest: 'abc', testLevel: 'RunLocalTests', tests: [], sha: 'f'.repeat(40), validatedAt: '2026-11-20T10:00:00Z', ...over });
const HEAD = 'f'.repeat(40);
const wanted = { orgId: '00D000000000001EAA', contentDigest: 'abc', testLevel: 'RunLocalTests', tests: [] as string[], sha: HEAD };

test('a ledger entry stands only for the same content, org and tests', () => {
  assert.equal(validationMismatch(entry({}), wanted), undefined);
  assert.match(validationMismatch(entry({ contentDigest: 'other' }), wanted)!, /other content/);
  assert.match(validationMismatch(entry({ orgId: '00D000000000002EAA' }), wanted)!, /org 00D000000000002EAA/);
  assert.match(validationMismatch(entry({ testLevel: 'RunAllTestsInOrg' }), wanted)!, /ran RunAllTestsInOrg, not RunLocalTests/);
  assert.match(validationMismatch(entry({ testLevel: 'RunSpecifiedTests', tests: ['A'] }), { ...wanted, testLevel: 'RunSpecifiedTests', tests: ['B'] })!, /\(A\), not RunSpecifiedTests \(B\)/);
  assert.equal(validationMismatch(entry({ testLevel: 'RunSpecifiedTests', tests: ['B', 'A'] }), { ...wanted, testLevel: 'RunSpecifiedTests', tests: ['A', 'B'] }), undefined);
  // The 15-character form of the same org id is the same org.
  assert.equal(validationMismatch(entry({ orgId: '00D000000000001' }), wanted), undefined);
});

test('a ledger entry stands only for the head of the approved pull request', () => {
  assert.match(validationMismatch(entry({ sha: 'e'.repeat(40) }), wanted)!, /records commit eeeeeee, not the approved head fffffff/);
  assert.equal(validationMismatch(entry({ sha: HEAD.toUpperCase() }), wanted), undefined);
});

test('reads back only a well-formed ledger entry, and its claimed time is not judged', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ledger-'));
  writeValidationRecord(dir, entry({ validatedAt: '2001-01-01T00:00:00Z' }));
  assert.deepEqual(readValidationRecord(dir), entry({ validatedAt: '2001-01-01T00:00:00Z' }));
  assert.equal(validationMismatch(readValidationRecord(dir)!, wanted), undefined);
  writeFileSync(path.join(dir, VALIDATION_FILE), JSON.stringify({ ...entry({}), tests: 'AllTests' }));
  assert.equal(readValidationRecord(dir), undefined);
  writeFileSync(path.join(dir, VALIDATION_FILE), 'not json');
  assert.equal(readValidationRecord(dir), undefined);
});

test('ledger artifacts are named per org, run and attempt', () => {
  assert.equal(validationArtifactName('00D000000000001EAA', 42, 2), 'salesforce-validation-00D000000000001EAA-42-2');
  assert.ok(validationArtifactName('00D000000000001EAA', 42, 2).startsWith(validationArtifactPrefix('00D000000000001EAA')));
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
const ORG_NOW = new Date('2026-11-23T10:00:00Z');
function checkedValidation(over: Record<string, unknown> = {}, successes = [success('', 'package.xml'), ...components.map((c) => success(c.type, c.fullName))], options: Partial<DeployRecordView> = {}): DeployRecordView {
  const raw = { id: '0Af1', checkOnly: true, success: true, done: true, status: 'Succeeded', numberComponentsTotal: 3, numberTestsCompleted: 4, details: { componentSuccesses: successes, runTestResult: { numTestsRun: 4 } }, ...over };
  return { outcome: readDeployResult(raw), ...reportedComponents(raw), testLevel: 'RunLocalTests', runTests: [], completedDate: new Date('2026-11-20T10:00:00Z'), ...options };
}
const expectation = (over: Partial<ValidationExpectation> = {}): ValidationExpectation => ({ testLevel: 'RunLocalTests', tests: [], orgNow: ORG_NOW, ...over });

test('reads deployed and deleted components from componentSuccesses, leaving out the manifests', () => {
  const raw = { details: { componentSuccesses: [success('', 'package.xml'), success('ApexClass', 'Greeting'), success('ApexClass', 'Gone', true), { ...success('CustomLabel', 'Old'), deleted: 'true' }] } };
  assert.deepEqual(reportedComponents(raw), { deployed: [{ type: 'ApexClass', fullName: 'Greeting' }], deleted: [{ type: 'ApexClass', fullName: 'Gone' }, { type: 'CustomLabel', fullName: 'Old' }] });
  assert.deepEqual(reportedComponents({ details: { componentSuccesses: success('ApexClass', 'Solo') } }).deployed, [{ type: 'ApexClass', fullName: 'Solo' }]);
  assert.deepEqual(reportedComponents({}), { deployed: [], deleted: [] });
});

test('accepts a successful check-only validation with tests of exactly the package', () => {
  assert.equal(quickDeployMismatch(checkedValidation(), { components, destructive: [] }, expectation({ expectedComponentsTotal: 3 })), undefined);
  assert.equal(quickDeployMismatch(checkedValidation(), { components }, expectation()), undefined);
});

test('refuses a validation that is not check-only, did not succeed or ran no tests', () => {
  assert.match(quickDeployMismatch(checkedValidation({ checkOnly: false }), { components }, expectation())!, /is not a check-only validation/);
  assert.match(quickDeployMismatch(checkedValidation({ status: 'Failed', success: false }), { components }, expectation())!, /status as Failed, not Succeeded/);
  assert.match(quickDeployMismatch(checkedValidation({ status: 'SucceededPartial' }), { components }, expectation())!, /status as SucceededPartial/);
  assert.match(quickDeployMismatch(checkedValidation({ numberTestsCompleted: 0, details: { componentSuccesses: components.map((c) => success(c.type, c.fullName)) } }), { components }, expectation())!, /ran no tests/);
});

test('refuses a validation of other components, more of them or fewer', () => {
  const more = checkedValidation({}, [...components, { type: 'ApexClass', fullName: 'Backdoor' }].map((c) => success(c.type, c.fullName)));
  assert.match(quickDeployMismatch(more, { components }, expectation())!, /would deploy ApexClass:Backdoor, which this package does not/);
  const fewer = checkedValidation({}, [success('ApexClass', 'Greeting')]);
  assert.match(quickDeployMismatch(fewer, { components }, expectation())!, /would not deploy CustomField:Invoice__c\.Amount__c, CustomObject:Invoice__c, which this package does/);
});

test('refuses a validation that deletes other components than the package', () => {
  const deleting = checkedValidation({}, [...components.map((c) => success(c.type, c.fullName)), success('ApexClass', 'Invoice', true)]);
  assert.match(quickDeployMismatch(deleting, { components, destructive: [] }, expectation())!, /would delete ApexClass:Invoice, which this package does not/);
  assert.equal(quickDeployMismatch(deleting, { components, destructive: [{ type: 'ApexClass', fullName: 'Invoice' }] }, expectation()), undefined);
  assert.match(quickDeployMismatch(checkedValidation(), { components, destructive: [{ type: 'ApexClass', fullName: 'Invoice' }] }, expectation())!, /would not delete ApexClass:Invoice/);
});

test('refuses a validation whose component total differs from the sandbox validation of the package', () => {
  assert.match(quickDeployMismatch(checkedValidation({ numberComponentsTotal: 4 }), { components }, expectation({ expectedComponentsTotal: 3 }))!, /4 component\(s\) in it, while the sandbox validation of this package counted 3/);
});

test('refuses a validation of another test level or other tests', () => {
  assert.match(quickDeployMismatch(checkedValidation({}, undefined, { testLevel: 'RunAllTestsInOrg' }), { components }, expectation())!, /test level RunAllTestsInOrg, not RunLocalTests/);
  assert.match(quickDeployMismatch(checkedValidation({}, undefined, { testLevel: undefined }), { components }, expectation())!, /test level unknown/);
  const specified = checkedValidation({}, undefined, { testLevel: 'RunSpecifiedTests', runTests: ['InvoiceServiceTest'] });
  assert.equal(quickDeployMismatch(specified, { components }, expectation({ testLevel: 'RunSpecifiedTests', tests: ['InvoiceServiceTest'] })), undefined);
  assert.match(quickDeployMismatch(specified, { components }, expectation({ testLevel: 'RunSpecifiedTests', tests: ['GreetingTest'] }))!, /ran the tests InvoiceServiceTest, not GreetingTest/);
});

test('measures the age of a validation on the org clock, not the runner clock', () => {
  const completed = new Date('2026-11-13T10:00:01Z');
  const validation = checkedValidation({}, undefined, { completedDate: completed });
  // 9.99 days before the org's time: still quick-deployable, whatever the runner's clock says.
  assert.equal(quickDeployMismatch(validation, { components }, expectation({ orgNow: ORG_NOW })), undefined);
  assert.match(quickDeployMismatch(validation, { components }, expectation({ orgNow: new Date('2026-11-23T10:00:01Z') }))!, /10\.0 days before the org's time 2026-11-23T10:00:01\.000Z/);
  assert.match(quickDeployMismatch(checkedValidation({}, undefined, { completedDate: undefined }), { components }, expectation())!, /no completion date/);
});

test('accepts any member of a type the package lists with a wildcard', () => {
  const wildcard = [{ type: 'ApexClass', fullName: '*' }, { type: 'CustomObject', fullName: 'Invoice__c' }, { type: 'CustomField', fullName: 'Invoice__c.Amount__c' }];
  assert.equal(quickDeployMismatch(checkedValidation(), { components: wildcard }, expectation()), undefined);
});
