// What a rollback trusts, tried the way someone with ordinary repository access would: rollback
// artifacts uploaded by a pull-request run, by a push to a feature branch, by a run from a fork,
// a bundle that carries a hidden destructiveChangesPre.xml, and a re-run whose newest snapshot is a
// no-op. Each forged artifact is uploaded through the real artifact client by the run it claims
// to come from (as a workflow step of that run would), then a `workflow_dispatch` rollback of the
// bundled action is pointed at it. Plus the honest paths: the earliest attempt's snapshot after a
// re-run, the plan written before the deploy, and a dry run that stops at the plan.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import type { EmulatedOrg } from '../../emulators/salesforce/index.js';
import { copyFixtureProject, runAction, type ActionRun } from '../support/action-runner.js';
import { OWNER, REPO, WRITERS, onPush, startGitHubWorld, type GitHubWorld } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

const DISPATCHER = WRITERS[0];
const INVOICE = 'Invoice__c';
const INVOICE_OBJECT = `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Invoice</label>
    <pluralLabel>Invoices</pluralLabel>
    <nameField><label>Invoice Number</label><type>Text</type></nameField>
    <deploymentStatus>Deployed</deploymentStatus>
    <sharingModel>ReadWrite</sharingModel>
</CustomObject>
`;

let orgs: OrgWorld;
let github: GitHubWorld;
let artifactLib: typeof import('@actions/artifact');

beforeAll(async () => {
  [orgs, github] = await Promise.all([startOrgs({ pollsToComplete: 1 }), startGitHubWorld({ firstRunId: 8000 })]);
  // The test uploads forged artifacts itself, with the real client, as a step of the run would.
  process.env.GITHUB_API_URL = github.emulator.apiUrl;
  process.env.ACTIONS_RESULTS_URL = github.emulator.resultsUrl;
  delete process.env.GITHUB_SERVER_URL;
  artifactLib = await import('@actions/artifact');
  // An object production holds (with its data) that no release of this repository manages.
  orgs.production.putFiles({ [`objects/${INVOICE}.object`]: INVOICE_OBJECT });
});
afterAll(async () => {
  await Promise.all([orgs?.close(), github?.close()]);
});

type OrgState = Record<string, Record<string, string>>;
function stateOf(org: EmulatedOrg): OrgState {
  const state: OrgState = {};
  for (const { type, fullName } of org.components()) state[`${type}:${fullName}`] = org.component(type, fullName)!.files;
  return state;
}

async function release(fixture: string, options: { runId?: number; attempt?: number } = {}): Promise<{ run: ActionRun; runId: number }> {
  const pr = github.mergedPullRequest({ tree: fixture, reviews: [{ user: WRITERS[1], state: 'APPROVED' }] });
  return releaseAt(pr.mergeSha, pr.workspace, options);
}

/** A push release of `sha`, checked out in `workspace` (a checkout of that commit). */
async function releaseAt(sha: string, workspace: string, options: { runId?: number; attempt?: number } = {}): Promise<{ run: ActionRun; runId: number }> {
  const { runtimeToken: _, ...context } = github.run({ sha, event: 'push', ...(options.runId ? { runId: options.runId } : {}), ...(options.attempt ? { attempt: options.attempt } : {}) });
  const run = await runAction({
    eventName: 'push',
    payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: sha, repository: { full_name: `${OWNER}/${REPO}`, default_branch: 'main' }, head_commit: { id: sha } },
    workspace,
    ref: 'refs/heads/main',
    sha,
    ...context,
    inputs: { environment: 'production', 'required-approvals': 1, 'sandbox-auth-url': orgs.sandboxAuthUrl, 'production-auth-url': orgs.productionAuthUrl },
  });
  return { run, runId: context.runId };
}

async function rollback(of: number, options: { inputs?: Record<string, string | number | boolean>; env?: Record<string, string> } = {}): Promise<{ run: ActionRun; runId: number }> {
  const sha = 'c'.repeat(40);
  const { runtimeToken: _, ...context } = github.run({ sha, event: 'workflow_dispatch', actor: DISPATCHER });
  const run = await runAction({
    eventName: 'workflow_dispatch',
    payload: { inputs: { 'rollback-run-id': String(of) }, ref: 'refs/heads/main', sender: { login: DISPATCHER } },
    workspace: copyFixtureProject('rollback-v2'),
    ref: 'refs/heads/main',
    sha,
    actor: DISPATCHER,
    ...context,
    env: { ...context.env, ...options.env },
    inputs: { 'rollback-run-id': of, 'production-auth-url': orgs.productionAuthUrl, ...options.inputs },
  });
  return { run, runId: context.runId };
}

const salesforceMark = (): number => orgs.emulator.requests.at(-1)?.seq ?? 0;
const deploysSince = (seq: number) => orgs.emulator.requests.filter((r) => r.seq > seq && r.orgId === orgs.production.id && r.kind === 'soap.deploy');

/** Refused: blocked, non-zero exit, not one deploy (check-only or real) to production, production as it was. */
function assertBlocked(run: ActionRun, seq: number, productionBefore: OrgState): void {
  assert.notEqual(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'blocked', run.stdout);
  assert.deepEqual(deploysSince(seq), [], 'a deploy reached production');
  assert.deepEqual(stateOf(orgs.production), productionBefore, 'production changed');
  assert.ok(orgs.production.component('CustomObject', INVOICE), `${INVOICE} was deleted`);
  assert.equal(run.outputs['deploy-id'], undefined);
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * A self-consistent forged bundle: it restores one class as production has it (so its summary
 * says "1 component"), and carries a destructiveChangesPre.xml, listed with its checksum in
 * rollback.json, that deletes Invoice__c and its records.
 */
function forgedBundle(extra: Record<string, string> = {}, options: { hiddenPre?: boolean } = {}): Record<string, string> {
  const discounts = orgs.production.component('ApexClass', 'Discounts')!.files;
  const files: Record<string, string> = {
    'package.xml': '<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n    <types>\n        <members>Discounts</members>\n        <name>ApexClass</name>\n    </types>\n    <version>62.0</version>\n</Package>\n',
    ...(options.hiddenPre === false ? {} : { 'destructiveChangesPre.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<Package xmlns="http://soap.sforce.com/2006/04/metadata">\n    <types>\n        <members>${INVOICE}</members>\n        <name>CustomObject</name>\n    </types>\n</Package>\n` }),
    ...discounts,
    ...extra,
  };
  const manifest = {
    orgId: orgs.production.id,
    commit: 'f'.repeat(40),
    createdAt: new Date().toISOString(),
    apiVersion: '62.0',
    components: [{ type: 'ApexClass', fullName: 'Discounts' }],
    files: Object.fromEntries(Object.keys(files).sort().map((f) => [f, sha256(files[f]!)])),
  };
  return { ...files, 'rollback.json': `${JSON.stringify(manifest, null, 2)}\n` };
}

/** Uploads files as an artifact of a run, through DefaultArtifactClient with that run's runtime token. */
async function uploadAs(runtimeToken: string, name: string, files: Record<string, string>): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'forged-'));
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  process.env.ACTIONS_RUNTIME_TOKEN = runtimeToken;
  const client = new artifactLib.DefaultArtifactClient();
  const { id } = await client.uploadArtifact(name, Object.keys(files).map((f) => path.join(dir, f)), dir);
  assert.ok(id);
  return id;
}

/** Registers a run the way GitHub would have it and uploads the forged bundle from it under the default name. */
async function forgedRun(spec: { event: string; branch: string; headRepository?: { owner: string; repo: string } }, bundle = forgedBundle()): Promise<number> {
  const { runId, runAttempt, runtimeToken } = github.run({ sha: 'd'.repeat(40), actor: WRITERS[2], ...spec });
  await uploadAs(runtimeToken, `salesforce-rollback-${orgs.production.id}-${runId}-${runAttempt}`, bundle);
  return runId;
}

describe('rollback evidence', () => {
  let v1: OrgState;
  let v2: OrgState;
  let v2Run: number;

  beforeAll(async () => {
    const first = await release('rollback-v1');
    assert.equal(first.run.exitCode, 0, first.run.stdout);
    v1 = stateOf(orgs.production);
    const second = await release('rollback-v2');
    assert.equal(second.run.exitCode, 0, second.run.stdout);
    v2Run = second.runId;
    v2 = stateOf(orgs.production);
    assert.notDeepEqual(v1, v2);
  });

  test('an artifact uploaded by a pull-request run is refused, naming the event', async () => {
    const prRun = await forgedRun({ event: 'pull_request', branch: 'feature/cleanup' });
    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run } = await rollback(prRun);
    assertBlocked(run, seq, before);
    assert.match(run.stdout, new RegExp(`Gate 'rollback artifact' refused: .*run ${prRun} .*'pull_request' event`));
  });

  test('an artifact uploaded by a push to a feature branch is refused, naming the branch', async () => {
    const featureRun = await forgedRun({ event: 'push', branch: 'feature/cleanup' });
    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run } = await rollback(featureRun);
    assertBlocked(run, seq, before);
    assert.match(run.stdout, new RegExp(`Gate 'rollback artifact' refused: .*run ${featureRun} .*branch 'feature/cleanup'.*production-branches`));
  });

  test('an artifact of a run whose head comes from a fork is refused, naming the fork', async () => {
    github.emulator.addRepo({ owner: 'mallory', repo: REPO, forkOf: { owner: OWNER, repo: REPO } });
    const forkRun = await forgedRun({ event: 'workflow_dispatch', branch: 'main', headRepository: { owner: 'mallory', repo: REPO } });
    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run } = await rollback(forkRun);
    assertBlocked(run, seq, before);
    assert.match(run.stdout, new RegExp(`Gate 'rollback artifact' refused: .*run ${forkRun} .*mallory/${REPO}`));
  });

  test('a hidden destructiveChangesPre.xml in an artifact of a production-branch run is refused, naming the file', async () => {
    const mainRun = await forgedRun({ event: 'push', branch: 'main' });
    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run } = await rollback(mainRun);
    assertBlocked(run, seq, before);
    assert.match(run.stdout, /Gate 'rollback artifact' refused: .*destructiveChangesPre\.xml/);
  });

  test('a file that no restored component owns is refused, naming the file', async () => {
    const mainRun = await forgedRun({ event: 'push', branch: 'main' }, forgedBundle({ 'objects/Evil__c.object': INVOICE_OBJECT }, { hiddenPre: false }));
    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run } = await rollback(mainRun);
    assertBlocked(run, seq, before);
    assert.match(run.stdout, /Gate 'rollback artifact' refused: .*'objects\/Evil__c\.object'/);
  });

  test('a copy of another run\'s snapshot, re-uploaded by a production-branch run, is refused: GitHub records who uploaded it', async () => {
    const [original] = github.repo.artifacts(v2Run);
    assert.ok(original);
    const files = Object.fromEntries(Object.entries(unzipSync(original.bytes)).map(([f, b]) => [f, strFromU8(b)]));
    assert.equal(JSON.parse(files['rollback.json']!).release.runId, v2Run);
    const copier = await forgedRun({ event: 'push', branch: 'main' }, files);
    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run } = await rollback(copier);
    assertBlocked(run, seq, before);
    assert.match(run.stdout, new RegExp(`Gate 'rollback artifact' refused: .*rollback\\.json says run ${v2Run} saved it, but GitHub records run ${copier} as its uploader`));
  });

  test('the plan is in the job summary before the deploy is sent, and a dry run stops at it', async () => {
    const seq = salesforceMark();
    const { run } = await rollback(v2Run, { inputs: { 'dry-run': true } });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'skipped');
    assert.deepEqual(deploysSince(seq), [], 'a dry run sent a deploy');
    assert.deepEqual(stateOf(orgs.production), v2);
    assert.match(run.summary, /Rollback plan/);
    assert.match(run.summary, /restores 3 component\(s\)/);
    assert.match(run.summary, /deletes 2 component\(s\) after the restore \(destructiveChangesPost\): ApexClass Loyalty, ApexClass LoyaltyTest/);
    assert.match(run.summary, /deletes 0 component\(s\) before the restore/);
    assert.match(run.summary, new RegExp(`attempt 1 of run ${v2Run}`));

    // A real rollback: what the summary file holds when the production deploy arrives.
    const summaryFile = path.join(mkdtempSync(path.join(tmpdir(), 'summary-')), 'summary.md');
    writeFileSync(summaryFile, '');
    let atDeploy: string | undefined;
    const stop = onPush(orgs.emulator.requests, (entry) => {
      // The emulator names the request just after logging its arrival.
      setImmediate(() => {
        if (entry.kind === 'soap.deploy' && entry.orgId === orgs.production.id && (entry.detail as { checkOnly?: boolean } | undefined)?.checkOnly === false) {
          atDeploy ??= readFileSync(summaryFile, 'utf8');
        }
      });
    });
    const { run: real } = await rollback(v2Run, { env: { GITHUB_STEP_SUMMARY: summaryFile } }).finally(stop);
    assert.equal(real.exitCode, 0, real.stdout);
    assert.deepEqual(stateOf(orgs.production), v1);
    assert.ok(atDeploy !== undefined, 'no production deploy was seen');
    assert.match(atDeploy, /Rollback plan/);
    assert.match(atDeploy, /ApexClass Loyalty/);
    // The rollback's own artifact holds what it deletes, so it can be undone.
    const own = github.repo.artifacts().filter((a) => a.name === real.outputs['rollback-artifact']);
    assert.equal(own.length, 1);
    assert.ok(unzipSync(own[0]!.bytes)['classes/Loyalty.cls'], 'the deleted class is not in the rollback artifact');

    // Put v2 back.
    const again = await release('rollback-v2');
    assert.equal(again.run.exitCode, 0, again.run.stdout);
    v2Run = again.runId;
    assert.deepEqual(stateOf(orgs.production), v2);
  });

  test('after a re-run, the default rollback restores the snapshot taken before the run first changed production', async () => {
    assert.deepEqual(stateOf(orgs.production), v2);
    const pr = github.mergedPullRequest({ tree: 'rollback-v1', reviews: [{ user: WRITERS[1], state: 'APPROVED' }] });
    // The v1 classes again as a new release: attempt 1 changes production ...
    const first = await releaseAt(pr.mergeSha, pr.workspace);
    assert.equal(first.run.exitCode, 0, first.run.stdout);
    const released = stateOf(orgs.production);
    assert.notDeepEqual(released, v2);
    // ... and its re-run deploys the same commit again: its snapshot holds what attempt 1 left, a no-op to restore.
    const rerun = await releaseAt(pr.mergeSha, pr.workspace, { runId: first.runId, attempt: 2 });
    assert.equal(rerun.run.exitCode, 0, rerun.run.stdout);
    assert.deepEqual(github.repo.artifacts(first.runId).map((a) => a.name).filter((n) => n.startsWith('salesforce-rollback-')).sort(), [1, 2].map((n) => `salesforce-rollback-${orgs.production.id}-${first.runId}-${n}`));

    const explicit = await rollback(first.runId, { inputs: { 'rollback-run-attempt': 2 } });
    assert.equal(explicit.run.exitCode, 0, explicit.run.stdout);
    assert.deepEqual(stateOf(orgs.production), released, 'attempt 2 saved what attempt 1 released: restoring it changes nothing');
    assert.match(explicit.run.summary, new RegExp(`attempt 2 of run ${first.runId}`));

    const { run } = await rollback(first.runId);
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    assert.deepEqual(stateOf(orgs.production), v2, 'the rollback did not bring back the state before the run');
    assert.match(run.summary, new RegExp(`attempt 1 of run ${first.runId}`));
    const manifest = JSON.parse(strFromU8(unzipSync(github.repo.artifacts().find((a) => a.name === run.outputs['rollback-artifact'])!.bytes)['rollback.json']!));
    assert.equal(manifest.orgId, orgs.production.id);
  });
});
