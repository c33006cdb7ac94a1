// The rollback artifact end to end against both emulators: a real jsforce retrieve from the org
// emulator, real @actions/artifact uploads and cross-run downloads through the GitHub emulator.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { startGitHubEmulator, type EmulatedRepo, type GitHubEmulator } from '../../emulators/github/index.js';
import { startSalesforceEmulator, type SalesforceEmulator } from '../../emulators/salesforce/index.js';
import { ActionError, Gate, GateError } from '../../src/errors.js';
import { createArtifactStore, type ArtifactStore } from '../../src/github/artifacts.js';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import { readRunAttempt } from '../../src/github/run-provenance.js';
import { rollbackArtifactName, sha256, type RollbackManifest } from '../../src/rollback/bundle.js';
import { fetchRollbackBundle } from '../../src/rollback/restore.js';
import { saveRollbackSnapshot } from '../../src/rollback/snapshot.js';
import { connect, type OrgSession } from '../../src/salesforce/connection.js';
import { awaitDeploy, submitDeploy } from '../../src/salesforce/deploy.js';
import { readPackageXml, type ComponentRef } from '../../src/salesforce/manifest.js';
import type { RunContext } from '../../src/settings.js';

const OWNER = 'acme';
const REPO = 'crm';
const USER = 'release@acme.com';
const OTHER_USER = 'release@globex.com';
const API = '62.0';

const INVOICE_V1 = 'public with sharing class Invoice {\n    public Decimal total() { return 1; }\n}\n';
const INVOICE_V2 = 'public with sharing class Invoice {\n    public Decimal total() { return InvoiceMailer.send(); }\n}\n';
const classMeta = `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>${API}</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`;
const field = (name: string) => `<fields><fullName>${name}</fullName><label>${name}</label><length>40</length><type>Text</type></fields>`;
const accountObject = (...fields: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">${fields.map(field).join('')}</CustomObject>\n`;

/** What the release deploys: two classes and a field production has, a class and a field it lacks. */
const RELEASE: ComponentRef[] = [
  { type: 'ApexClass', fullName: 'Invoice' },
  { type: 'CustomField', fullName: 'Account.Tier__c' },
  { type: 'ApexClass', fullName: 'InvoiceMailer' },
  { type: 'CustomField', fullName: 'Account.Region__c' },
];

let github: GitHubEmulator;
let repo: EmulatedRepo;
let salesforce: SalesforceEmulator;
let acme: ReturnType<SalesforceEmulator['addOrg']>;
let globex: ReturnType<SalesforceEmulator['addOrg']>;
let production: OrgSession;
let otherProduction: OrgSession;
let store: ArtifactStore;
const roots: string[] = [];
const savedEnv = { ...process.env };
const noSleep = async () => {};
const log = (): ((line: string) => void) => () => {};

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rollback-it-'));
  roots.push(dir);
  return dir;
}

/** Makes the next artifact calls come from this run, as the runner's ACTIONS_RUNTIME_TOKEN does. */
function inRun(runId: number, attempt = 1): void {
  process.env.ACTIONS_RUNTIME_TOKEN = github.runtimeToken({ runId, attempt, owner: OWNER, repo: REPO });
}

let client: GitHubClient;

/** GitHub's record of a run's attempts, checked as a rollback checks it: push runs on main. */
function provenance(runId: number) {
  return {
    rule: { repository: `${OWNER}/${REPO}`, productionBranches: ['main'] },
    readAttempt: (attempt?: number) => readRunAttempt(client, runId, attempt),
  };
}

function snapshot(session: OrgSession, runId: number, attempt = 1) {
  inRun(runId, attempt);
  return saveRollbackSnapshot(session, RELEASE, {
    name: rollbackArtifactName(session.identity.id, runId, attempt),
    commit: 'f00dfeed'.padEnd(40, '0'),
    workDir: tempDir(),
    store,
    apiVersion: API,
    timeoutMs: 60000,
    log: log(),
    sleep: noSleep,
    release: { runId, runAttempt: attempt },
  });
}

beforeAll(async () => {
  github = await startGitHubEmulator();
  repo = github.addRepo({ owner: OWNER, repo: REPO });
  // @actions/github fixes its base URL when first imported (lazily, by the store), so the env comes first.
  process.env.GITHUB_API_URL = github.apiUrl;
  process.env.ACTIONS_RESULTS_URL = github.resultsUrl;
  process.env.GITHUB_WORKSPACE = tempDir();
  delete process.env.GITHUB_SERVER_URL;

  salesforce = await startSalesforceEmulator();
  acme = salesforce.addOrg({ name: 'Acme', isSandbox: false, pollsToComplete: 2 });
  globex = salesforce.addOrg({ name: 'Globex', isSandbox: false, pollsToComplete: 2 });
  acme.addUser({ username: USER });
  globex.addUser({ username: OTHER_USER });
  for (const org of [acme, globex]) {
    org.putFiles({
      'classes/Invoice.cls': INVOICE_V1,
      'classes/Invoice.cls-meta.xml': classMeta,
      'objects/Account.object': accountObject('Tier__c'),
      // Production runs local tests on every deploy; this one keeps coverage above 75 %.
      'classes/InvoiceTest.cls': '@isTest\nprivate class InvoiceTest {\n    @isTest static void totals() { System.assertEquals(1, new Invoice().total()); }\n}\n',
      'classes/InvoiceTest.cls-meta.xml': classMeta,
    });
  }
  const session = (org: typeof acme, username: string) =>
    connect({ method: 'access-token', role: 'production', accessToken: org.issueAccessToken(username), instanceUrl: salesforce.url }, { apiVersion: API, log: log(), sleep: noSleep });
  production = await session(acme, USER);
  otherProduction = await session(globex, OTHER_USER);

  const context = { owner: OWNER, repo: REPO, runId: 0, runAttempt: 1, apiUrl: github.apiUrl } as RunContext;
  store = createArtifactStore(context, github.token);
  client = await createGitHubClient(github.token, context);
});

afterAll(async () => {
  await github?.close();
  await salesforce?.close();
  for (const root of roots) rmSync(root, { recursive: true, force: true });
  process.env = savedEnv;
});

describe('rollback artifact against the emulators', () => {
  let saved: Awaited<ReturnType<typeof snapshot>>;

  it('snapshots production before a release: present components restored, absent ones (a new field too) deleted', async () => {
    saved = await snapshot(production, 100);
    assert.equal(saved.name, `salesforce-rollback-${acme.id}-100-1`);
    assert.deepEqual(saved.manifest.components, [{ type: 'ApexClass', fullName: 'Invoice' }, { type: 'CustomField', fullName: 'Account.Tier__c' }]);
    assert.deepEqual(saved.manifest.destructive, [{ type: 'ApexClass', fullName: 'InvoiceMailer' }, { type: 'CustomField', fullName: 'Account.Region__c' }]);

    const [stored] = repo.artifacts(100);
    assert.ok(stored, 'the artifact is stored in run 100');
    assert.equal(stored.name, saved.name);
    assert.equal(stored.id, saved.artifactId);
    const files = unzipSync(stored.bytes);
    assert.deepEqual(readPackageXml(strFromU8(files['destructiveChanges.xml']!)), saved.manifest.destructive);
    assert.deepEqual(readPackageXml(strFromU8(files['package.xml']!)), saved.manifest.components);
    assert.match(strFromU8(files['classes/Invoice.cls']!), /return 1;/);
    const manifest = JSON.parse(strFromU8(files['rollback.json']!)) as RollbackManifest;
    assert.equal(manifest.orgId, acme.id);
    for (const [file, hash] of Object.entries(manifest.files)) assert.equal(sha256(files[file]!), hash, file);
    assert.deepEqual(Object.keys(files).filter((f) => f !== 'rollback.json').sort(), Object.keys(manifest.files).sort());
  });

  it('reads the artifact back through the same-run download before passing the gate', () => {
    const paths = github.requests.map((r) => r.path);
    assert.ok(paths.some((p) => p.includes('ArtifactService/ListArtifacts')), 'ListArtifacts');
    assert.ok(paths.some((p) => p.includes('ArtifactService/GetSignedArtifactURL')), 'GetSignedArtifactURL');
  });

  it('fetches the bundle from another run and restores production to its state before the release', async () => {
    // The release: Invoice changes to call a new class, and a field is added.
    acme.putFiles({
      'classes/Invoice.cls': INVOICE_V2,
      'classes/Invoice.cls-meta.xml': classMeta,
      'classes/InvoiceMailer.cls': 'public class InvoiceMailer { public static Decimal send() { return 2; } }\n',
      'classes/InvoiceMailer.cls-meta.xml': classMeta,
      'objects/Account.object': accountObject('Tier__c', 'Region__c'),
    });

    inRun(200);
    const bundle = await fetchRollbackBundle(store, { runId: 100, orgId: production.identity.id, workDir: tempDir(), log: log(), provenance: provenance(100) });
    assert.equal(bundle.artifactName, saved.name);
    assert.deepEqual(bundle.manifest, saved.manifest);
    assert.deepEqual(Object.keys(unzipSync(bundle.zip)).sort(), [
      'classes/Invoice.cls', 'classes/Invoice.cls-meta.xml', 'destructiveChangesPost.xml', 'objects/Account.object', 'package.xml',
    ]);
    assert.equal(bundle.dataLossWarnings.length, 1);
    assert.match(bundle.dataLossWarnings[0]!, /deletes CustomField Account\.Region__c/);

    const id = await submitDeploy(production, { zip: bundle.zip, checkOnly: false, testLevel: 'RunLocalTests', runTests: [], purpose: 'rollback deploy' });
    const { outcome } = await awaitDeploy(production, id, 'rollback deploy', { timeoutMs: 60000, zipBytes: bundle.zip.length, log: log(), sleep: noSleep });
    assert.equal(outcome.success, true, JSON.stringify(outcome));
    const names = acme.components().map((c) => `${c.type}:${c.fullName}`);
    assert.ok(!names.includes('ApexClass:InvoiceMailer'), 'the class the release added is deleted');
    assert.ok(!names.includes('CustomField:Account.Region__c'), 'the field the release added is deleted');
    assert.ok(names.includes('CustomField:Account.Tier__c'));
    assert.equal(acme.component('ApexClass', 'Invoice')?.files['classes/Invoice.cls'], INVOICE_V1);
  });

  it('refuses an artifact whose bytes were replaced with a changed file, and deploys nothing', async () => {
    const runId = 300;
    const tampered = await snapshot(production, runId);
    const [stored] = repo.artifacts(runId);
    const files = unzipSync(stored!.bytes);
    files['classes/Invoice.cls'] = Buffer.from('public class Invoice { /* not what was saved */ }');
    repo.setArtifactBytes(stored!.id, Buffer.from(zipSync(files)));
    const deploysBefore = acme.deploys.length;

    inRun(301);
    await assert.rejects(fetchRollbackBundle(store, { runId, orgId: production.identity.id, workDir: tempDir(), log: log(), provenance: provenance(runId) }), (error: GateError) => {
      assert.ok(error instanceof GateError, String(error));
      assert.equal(error.gate, Gate.RollbackArtifact);
      assert.match(error.message, /'classes\/Invoice\.cls' does not match its checksum/);
      return true;
    });
    assert.equal(acme.deploys.length, deploysBefore, 'nothing was deployed');
    assert.ok(tampered.artifactId);
  });

  it('refuses bytes that differ from the digest GitHub recorded even when rollback.json was rewritten to match', async () => {
    const runId = 310;
    await snapshot(production, runId);
    const [stored] = repo.artifacts(runId);
    const files = unzipSync(stored!.bytes);
    files['classes/Invoice.cls'] = Buffer.from('public class Invoice { /* forged */ }');
    const manifest = JSON.parse(strFromU8(files['rollback.json']!)) as RollbackManifest;
    manifest.files['classes/Invoice.cls'] = sha256(files['classes/Invoice.cls']!);
    files['rollback.json'] = Buffer.from(JSON.stringify(manifest));
    repo.setArtifactBytes(stored!.id, Buffer.from(zipSync(files)));

    inRun(311);
    await assert.rejects(fetchRollbackBundle(store, { runId, orgId: production.identity.id, workDir: tempDir(), log: log(), provenance: provenance(runId) }), (error: GateError) => {
      assert.ok(error instanceof GateError, String(error));
      assert.equal(error.gate, Gate.RollbackArtifact);
      assert.match(error.message, /do not match the digest GitHub recorded at upload/);
      assert.match(error.message, /Nothing was deployed/);
      return true;
    });
  });

  it('explains a refused artifact listing by the permission the token needs', async () => {
    // The artifact client retries even a 403 a few times, so every attempt is refused.
    github.faults.add({ kind: 'rest.actions.listWorkflowRunArtifacts', fault: 'http-403', times: Number.POSITIVE_INFINITY });
    inRun(601);
    await assert.rejects(fetchRollbackBundle(store, { runId: 100, orgId: production.identity.id, workDir: tempDir(), log: log(), provenance: provenance(100) }), (error: Error) => {
      assert.ok(error instanceof ActionError, String(error));
      assert.match(error.message, /Listing the artifacts of run 100 in acme\/crm \(the github-token needs actions: read\) failed/);
      assert.doesNotMatch(error.message, new RegExp(github.token));
      return true;
    });
    github.faults.clear();
  });

  it('refuses the artifact of another org, naming both org ids', async () => {
    await snapshot(otherProduction, 400);
    inRun(401);
    await assert.rejects(fetchRollbackBundle(store, { runId: 400, orgId: production.identity.id, workDir: tempDir(), log: log(), provenance: provenance(400) }), (error: GateError) => {
      assert.ok(error instanceof GateError, String(error));
      assert.equal(error.gate, Gate.RollbackArtifact);
      assert.ok(error.message.includes(globex.id), error.message);
      assert.ok(error.message.includes(acme.id), error.message);
      return true;
    });
  });

  it('says clearly that a run has no rollback artifact, and which artifacts it has', async () => {
    repo.addWorkflowRun({ id: 500 });
    inRun(501);
    await assert.rejects(fetchRollbackBundle(store, { runId: 500, orgId: production.identity.id, workDir: tempDir(), log: log(), provenance: provenance(500) }), (error: Error) => {
      assert.ok(error instanceof ActionError && !(error instanceof GateError), String(error));
      assert.equal(error.message.split(';')[0], `Run 500 has no rollback artifact for org ${acme.id}`);
      assert.match(error.message, /it has no artifacts/);
      return true;
    });
  });

  it('refuses a second snapshot under the same name in one run, saying production was not touched', async () => {
    await assert.rejects(snapshot(production, 100), (error: GateError) => {
      assert.equal(error.gate, Gate.Snapshot);
      assert.match(error.message, /Uploading the rollback artifact 'salesforce-rollback-.*-100-1' failed/);
      assert.match(error.message, /Production was not touched/);
      return true;
    });
  });
});
