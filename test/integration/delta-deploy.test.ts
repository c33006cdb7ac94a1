// Delta packages deployed for real: a git repository of the fixture project, the org emulator
// holding what a full deploy put there, then delta packages whose changes and deletions land.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulators/salesforce/index.js';
import { connect, type OrgSession } from '../../src/salesforce/connection.js';
import { computeDelta } from '../../src/salesforce/delta.js';
import { awaitDeploy, submitDeploy } from '../../src/salesforce/deploy.js';
import { buildPackage, type DeployPackage } from '../../src/salesforce/package.js';

const FIXTURE = path.resolve(import.meta.dirname, '../fixtures/project');
const API = '62.0';
const USER = 'release@acme.com.uat';
const CLASSES = 'force-app/main/default/classes';
const INVOICE_SERVICE_V2 = 'public with sharing class InvoiceService {\n    public static Decimal total(List<Invoice__c> invoices) {\n        return 0;\n    }\n}\n';

let salesforce: SalesforceEmulator;
let sandbox: ReturnType<SalesforceEmulator['addOrg']>;
let session: OrgSession;
let root: string;
let workspace: string;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'commit.gpgsign=false', ...args], { cwd: workspace, encoding: 'utf8' }).trim();
}

function commit(message: string): string {
  git('add', '-A');
  git('commit', '-q', '-m', message);
  return git('rev-parse', 'HEAD');
}

async function deploy(pkg: DeployPackage, purpose: string) {
  const id = await submitDeploy(session, { zip: pkg.zip, checkOnly: false, testLevel: 'NoTestRun', runTests: [], purpose });
  const { outcome } = await awaitDeploy(session, id, purpose, { timeoutMs: 60000, zipBytes: pkg.zip.length, log() {}, sleep: async () => {} });
  assert.equal(outcome.success, true, JSON.stringify(outcome));
  return outcome;
}

const names = () => sandbox.components().map((c) => `${c.type}:${c.fullName}`).sort();

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'delta-it-'));
  workspace = path.join(root, 'repo');
  cpSync(FIXTURE, workspace, { recursive: true });
  git('init', '-q', '-b', 'main');
  salesforce = await startSalesforceEmulator();
  sandbox = salesforce.addOrg({ name: 'Acme UAT', isSandbox: true, pollsToComplete: 2 });
  sandbox.addUser({ username: USER });
  session = await connect({ method: 'access-token', role: 'sandbox', accessToken: sandbox.issueAccessToken(USER), instanceUrl: salesforce.url }, { apiVersion: API, log() {} });
});

afterAll(async () => {
  await salesforce?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('delta packages against the org emulator', () => {
  let released: string;

  it('starts from a full deploy of the project', async () => {
    released = commit('initial');
    await deploy(await buildPackage({ workspace, sourceDirs: ['force-app'], apiVersion: API }), 'full deploy');
    assert.deepEqual(names(), [
      'ApexClass:Greeting',
      'ApexClass:InvoiceService',
      'ApexClass:InvoiceServiceTest',
      'CustomField:Invoice__c.Amount__c',
      'CustomLabel:Invoice_Greeting',
      'CustomLabels:CustomLabels',
      'CustomObject:Invoice__c',
    ]);
  });

  it('deletes the class the commit removed and updates the one it changed, leaving the rest alone', async () => {
    rmSync(path.join(workspace, CLASSES, 'Greeting.cls'));
    rmSync(path.join(workspace, CLASSES, 'Greeting.cls-meta.xml'));
    writeFileSync(path.join(workspace, CLASSES, 'InvoiceService.cls'), INVOICE_SERVICE_V2);
    const head = commit('drop greeting, simplify service');
    const base = released;
    released = head;

    const delta = await computeDelta({ workspace, base, head, sourceDirs: ['force-app'], apiVersion: API });
    assert.deepEqual(delta.deploy, [{ type: 'ApexClass', fullName: 'InvoiceService' }]);
    assert.deepEqual(delta.destructive, [{ type: 'ApexClass', fullName: 'Greeting' }]);
    const pkg = await buildPackage({ workspace, sourceDirs: ['force-app'], apiVersion: API, delta });
    const outcome = await deploy(pkg, 'delta deploy');

    assert.equal(sandbox.deploys.at(-1)?.id, outcome.id);
    assert.deepEqual(names(), ['ApexClass:InvoiceService', 'ApexClass:InvoiceServiceTest', 'CustomField:Invoice__c.Amount__c', 'CustomLabel:Invoice_Greeting', 'CustomLabels:CustomLabels', 'CustomObject:Invoice__c']);
    assert.equal(sandbox.component('ApexClass', 'InvoiceService')?.files['classes/InvoiceService.cls'], INVOICE_SERVICE_V2);
  });

  it('deploys a deletions-only delta: an empty package.xml and the removed field', async () => {
    rmSync(path.join(workspace, 'force-app/main/default/objects/Invoice__c/fields/Amount__c.field-meta.xml'));
    const head = commit('drop amount');

    const delta = await computeDelta({ workspace, base: released, head, sourceDirs: ['force-app'], apiVersion: API });
    const pkg = await buildPackage({ workspace, sourceDirs: ['force-app'], apiVersion: API, delta });
    assert.deepEqual(pkg.components, []);
    assert.deepEqual(pkg.destructive, [{ type: 'CustomField', fullName: 'Invoice__c.Amount__c' }]);
    await deploy(pkg, 'delta deploy');

    assert.deepEqual(names(), ['ApexClass:InvoiceService', 'ApexClass:InvoiceServiceTest', 'CustomLabel:Invoice_Greeting', 'CustomLabels:CustomLabels', 'CustomObject:Invoice__c']);
    released = head;
  });

  it('replaces a label taken out of the labels file with the one put in', async () => {
    const labels = path.join(workspace, 'force-app/main/default/labels/CustomLabels.labels-meta.xml');
    writeFileSync(labels, readFileSync(labels, 'utf8').replaceAll('Invoice_Greeting', 'Invoice_Thanks'));
    const head = commit('rename label');

    const delta = await computeDelta({ workspace, base: released, head, sourceDirs: ['force-app'], apiVersion: API });
    assert.deepEqual(delta.destructive, [{ type: 'CustomLabel', fullName: 'Invoice_Greeting' }]);
    await deploy(await buildPackage({ workspace, sourceDirs: ['force-app'], apiVersion: API, delta }), 'delta deploy');

    assert.deepEqual(names(), ['ApexClass:InvoiceService', 'ApexClass:InvoiceServiceTest', 'CustomLabel:Invoice_Thanks', 'CustomLabels:CustomLabels', 'CustomObject:Invoice__c']);
  });
});
