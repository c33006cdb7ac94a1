// The manual rollback end to end: two production releases of the bundled action (push to main),
// then `workflow_dispatch` runs with `rollback-run-id`, against the Salesforce org emulator and
// the GitHub emulator (permissions, deployments, the artifact service).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { EmulatedOrg } from '../../emulators/salesforce/index.js';
import { copyFixtureProject, runAction, type ActionRun } from '../support/action-runner.js';
import { READER, WRITERS, recordArrivalOrder, startGitHubWorld, type GitHubWorld } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

// rollback-v1 holds Discounts, PriceBook and PriceBookTest; rollback-v2 changes Discounts, adds
// Loyalty with its own test class (production runs every local test: each class needs a test that
// reaches it) and leaves PriceBook and its test as they are.
const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const CLASSES = 'force-app/main/default/classes';
const DISPATCHER = WRITERS[0];

let orgs: OrgWorld;
let github: GitHubWorld;

beforeAll(async () => {
  [orgs, github] = await Promise.all([startOrgs({ pollsToComplete: 1 }), startGitHubWorld({ firstRunId: 7000 })]);
});
afterAll(async () => {
  await Promise.all([orgs?.close(), github?.close()]);
});

/** An org's metadata as a restore must reproduce it: every component with its files. */
type OrgState = Record<string, Record<string, string>>;
function stateOf(org: EmulatedOrg): OrgState {
  const state: OrgState = {};
  for (const { type, fullName } of org.components()) state[`${type}:${fullName}`] = org.component(type, fullName)!.files;
  return state;
}

function apexIn(org: EmulatedOrg, name: string): string | undefined {
  return org.component('ApexClass', name)?.files[`classes/${name}.cls`];
}

function apexOf(fixture: string, name: string): string {
  return readFileSync(path.join(FIXTURES, fixture, CLASSES, `${name}.cls`), 'utf8');
}

/**
 * A push release of `fixture` to production in a fresh run, as a merge to main runs it: the
 * merged pull request was approved on its head by a writer who is not its author.
 */
async function release(fixture: string, options: { productionAuthUrl?: string; inputs?: Record<string, string> } = {}): Promise<{ run: ActionRun; runId: number }> {
  const pr = github.mergedPullRequest({ tree: fixture, reviews: [{ user: WRITERS[1], state: 'APPROVED' }] });
  const { runtimeToken: _, ...context } = github.run({ sha: pr.mergeSha, event: 'push' });
  const run = await runAction({
    eventName: 'push',
    payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: pr.mergeSha, repository: { full_name: 'acme/crm', default_branch: 'main' }, head_commit: { id: pr.mergeSha } },
    workspace: pr.workspace,
    ref: 'refs/heads/main',
    sha: pr.mergeSha,
    ...context,
    inputs: {
      environment: 'production',
      'required-approvals': 1,
      'sandbox-auth-url': orgs.sandboxAuthUrl,
      'production-auth-url': options.productionAuthUrl ?? orgs.productionAuthUrl,
      ...options.inputs,
    },
  });
  return { run, runId: context.runId };
}

/** A `workflow_dispatch` run that rolls back run `of`, with production credentials only. */
async function rollback(of: number, options: { actor?: string; inputs?: Record<string, string> } = {}): Promise<{ run: ActionRun; runId: number }> {
  const actor = options.actor ?? DISPATCHER;
  const sha = 'c'.repeat(40);
  const { runtimeToken: _, ...context } = github.run({ sha, event: 'workflow_dispatch', actor });
  const run = await runAction({
    eventName: 'workflow_dispatch',
    payload: { inputs: { 'rollback-run-id': String(of) }, ref: 'refs/heads/main', sender: { login: actor } },
    // The workflow checks the repository out; the rollback itself deploys only the artifact.
    workspace: copyFixtureProject('rollback-v2'),
    ref: 'refs/heads/main',
    sha,
    actor,
    ...context,
    inputs: { 'rollback-run-id': of, 'production-auth-url': orgs.productionAuthUrl, ...options.inputs },
  });
  return { run, runId: context.runId };
}

function salesforceMark(): number {
  return orgs.emulator.requests.at(-1)?.seq ?? 0;
}

function deploysSince(seq: number, org: EmulatedOrg) {
  return orgs.emulator.requests.filter((r) => r.seq > seq && r.orgId === org.id && r.kind === 'soap.deploy');
}

/** A refused rollback: non-zero exit, not one deploy (check-only or real) sent to production, production as it was. */
function assertNothingDeployed(run: ActionRun, seq: number, productionBefore: OrgState): void {
  assert.notEqual(run.exitCode, 0, run.stdout);
  assert.deepEqual(deploysSince(seq, orgs.production), [], 'a deploy reached production');
  assert.deepEqual(stateOf(orgs.production), productionBefore, 'production changed');
  assert.equal(run.outputs['deploy-id'], undefined);
  assert.match(run.stdout, /^::error::/m);
}

/** Replaces one file of a stored artifact's zip (the digest GitHub recorded at upload stays). */
function tamper(artifactId: number, file: string, change: (bytes: Uint8Array) => Uint8Array): void {
  const artifact = github.repo.artifacts().find((a) => a.id === artifactId)!;
  const files = unzipSync(artifact.bytes);
  assert.ok(files[file], `the artifact has no ${file}: ${Object.keys(files).join(', ')}`);
  github.repo.setArtifactBytes(artifactId, Buffer.from(zipSync({ ...files, [file]: change(files[file]!) })));
}

type LogEntry = { kind: string; orgId?: string; detail?: unknown };

describe('manual rollback of a production release', () => {
  let v1: OrgState;
  let v2: OrgState;
  let v1Run: number;
  let v2Run: number;
  let rollbackRun: number;
  let undoRun: number;

  beforeAll(async () => {
    const first = await release('rollback-v1');
    assert.equal(first.run.exitCode, 0, first.run.stdout);
    v1Run = first.runId;
    v1 = stateOf(orgs.production);
    const second = await release('rollback-v2');
    assert.equal(second.run.exitCode, 0, second.run.stdout);
    v2Run = second.runId;
    v2 = stateOf(orgs.production);
  });

  test('the two releases leave production with the v1 classes, then the v2 classes', () => {
    assert.deepEqual(Object.keys(v1).sort(), ['ApexClass:Discounts', 'ApexClass:PriceBook', 'ApexClass:PriceBookTest']);
    assert.deepEqual(Object.keys(v2).sort(), ['ApexClass:Discounts', 'ApexClass:Loyalty', 'ApexClass:LoyaltyTest', 'ApexClass:PriceBook', 'ApexClass:PriceBookTest']);
    assert.equal(v1['ApexClass:Discounts']!['classes/Discounts.cls'], apexOf('rollback-v1', 'Discounts'));
    assert.equal(v2['ApexClass:Discounts']!['classes/Discounts.cls'], apexOf('rollback-v2', 'Discounts'));
    assert.deepEqual(v1['ApexClass:PriceBook'], v2['ApexClass:PriceBook']);
  });

  test('rolling back the v2 release restores production to exactly v1, saving and finalizing its own rollback artifact before the deploy', async () => {
    const seq = salesforceMark();
    const since = github.mark();
    const arrivals = recordArrivalOrder<LogEntry>({ salesforce: orgs.emulator.requests, github: github.emulator.requests });
    const { run, runId } = await rollback(v2Run).finally(() => arrivals.stop());
    rollbackRun = runId;

    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    assert.match(run.outputs['deploy-id'], /^0Af[A-Za-z0-9]{15}$/);

    // Production is v1 again: Discounts as v1 had it, Loyalty gone, PriceBook and its test untouched.
    assert.deepEqual(stateOf(orgs.production), v1);
    assert.equal(apexIn(orgs.production, 'Discounts'), apexOf('rollback-v1', 'Discounts'));
    assert.equal(orgs.production.component('ApexClass', 'Loyalty'), undefined);
    assert.deepEqual(orgs.production.component('ApexClass', 'PriceBook')?.files, v2['ApexClass:PriceBook']);

    // Production credentials only: the sandbox never heard of this run.
    assert.equal(orgs.emulator.requests.filter((r) => r.seq > seq && r.orgId === orgs.sandbox.id).length, 0, 'the sandbox was contacted');
    const deploys = deploysSince(seq, orgs.production);
    assert.deepEqual(deploys.map((d) => d.detail?.checkOnly), [true, false], 'expected a check-only validation, then the deploy');
    assert.equal(orgs.production.deploys.at(-1)?.id.slice(0, 15), run.outputs['deploy-id'].slice(0, 15));

    // A new rollback artifact of the rollback run, holding what v2 left in production.
    const name = run.outputs['rollback-artifact'];
    assert.equal(name, `salesforce-rollback-${orgs.production.id}-${runId}-1`);
    const saved = github.repo.artifacts(runId);
    assert.deepEqual(saved.map((a) => [a.name, a.finalized]), [[name, true]]);
    const manifest = JSON.parse(strFromU8(unzipSync(saved[0]!.bytes)['rollback.json']!));
    assert.equal(manifest.orgId, orgs.production.id);
    assert.deepEqual(manifest.components.map((c: { fullName: string }) => c.fullName).sort(), ['Discounts', 'Loyalty', 'LoyaltyTest', 'PriceBook', 'PriceBookTest']);
    assert.equal(manifest.destructive, undefined, 'the undo of this rollback must delete nothing');

    // ...finalized before the production deploy was submitted, in the order the requests arrived.
    const timeline = arrivals.timeline();
    const finalized = timeline.find((t) => t.source === 'github' && t.entry.kind === 'twirp.FinalizeArtifact' && t.entry.detail === name);
    const submitted = timeline.find((t) => t.source === 'salesforce' && t.entry.kind === 'soap.deploy' && t.entry.orgId === orgs.production.id && (t.entry.detail as { checkOnly?: boolean })?.checkOnly === false);
    assert.ok(finalized, 'the rollback run finalized no artifact');
    assert.ok(submitted, 'no production deploy was submitted');
    assert.ok(finalized.order < submitted.order, `artifact finalized as request ${finalized.order}, deploy submitted as request ${submitted.order}`);
    assert.ok(github.requestsSince(since).some((r) => r.kind === 'twirp.FinalizeArtifact' && r.detail === name && r.status === 200));

    // The deploy is recorded as a GitHub deployment of the production environment, with success.
    const deployment = github.repo.deployments().find((d) => (d.payload as { runId?: number }).runId === runId);
    assert.ok(deployment, 'no GitHub deployment for the rollback run');
    assert.equal(deployment.environment, 'production');
    assert.equal(deployment.task, 'deploy:rollback');
    assert.equal((deployment.payload as { rollbackOf?: number }).rollbackOf, v2Run);
    assert.deepEqual(deployment.statuses.map((s) => s.state), ['in_progress', 'success']);

    assert.match(run.summary, /Salesforce Gated Deploy: rollback succeeded/);
    assert.match(run.summary, new RegExp(`Rolled back production Acme to its state before run ${v2Run}`));
    assert.match(run.summary, /delete ApexClass: Loyalty/);
    assert.ok(run.summary.includes(name), 'the summary does not name the new rollback artifact');

    // Neither the log, the summary, the outputs nor the saved artifact carries a credential.
    const refreshToken = orgs.productionAuthUrl.split('::')[1]!.split('@')[0]!;
    const artifactText = Object.values(unzipSync(saved[0]!.bytes)).map((b) => strFromU8(b)).join('\n');
    const visible = [run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'), run.stderr, run.summary, JSON.stringify(run.outputs), artifactText].join('\n');
    for (const secret of [refreshToken, github.token]) assert.ok(!visible.includes(secret), `a secret (${secret.slice(0, 4)}…) leaked`);
  });

  test('rolling back the rollback brings the v2 release back', async () => {
    const { run, runId } = await rollback(rollbackRun);
    undoRun = runId;
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    assert.deepEqual(stateOf(orgs.production), v2);
    assert.equal(apexIn(orgs.production, 'Discounts'), apexOf('rollback-v2', 'Discounts'));
    assert.equal(apexIn(orgs.production, 'Loyalty'), apexOf('rollback-v2', 'Loyalty'));
    assert.equal(run.outputs['rollback-artifact'], `salesforce-rollback-${orgs.production.id}-${runId}-1`);
  });

  test('a rollback artifact with one byte changed in a class file is refused, naming the file', async () => {
    const [artifact] = github.repo.artifacts(v2Run);
    assert.ok(artifact);
    tamper(artifact.id, 'classes/Discounts.cls', (bytes) => {
      const changed = Uint8Array.from(bytes);
      changed[changed.length - 2]! ^= 0x01;
      return changed;
    });

    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run } = await rollback(v2Run);
    assertNothingDeployed(run, seq, before);
    assert.equal(run.outputs.status, 'blocked');
    assert.match(run.stdout, /Gate 'rollback artifact' refused: .*file 'classes\/Discounts\.cls' does not match its checksum/);
  });

  test('a run with no rollback artifact is refused with an error naming the run', async () => {
    const { runId: releaseless } = github.run({ sha: 'e'.repeat(40), event: 'push' });
    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run } = await rollback(releaseless);
    assertNothingDeployed(run, seq, before);
    assert.match(run.stdout, new RegExp(`^::error::Run ${releaseless} has no rollback artifact for org ${orgs.production.id}`, 'm'));
  });

  test('a run id GitHub does not know is refused with an error naming the run', async () => {
    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run } = await rollback(999999);
    assertNothingDeployed(run, seq, before);
    assert.match(run.stdout, /^::error::.*\brun 999999\b/im);
    assert.match(run.stdout, /^::error::.*rollback-run-id/m, 'the error does not point at the input to fix');
  });

  test('a rollback deploy that cannot be submitted leaves its GitHub deployment in error, not in progress', async () => {
    // When GitHub hears that the rollback's deployment is in progress, Salesforce's next deploy submission fails.
    const log = github.emulator.requests;
    const push = log.push;
    log.push = function (...entries) {
      if (entries.some((e) => e.kind === 'rest.repos.createDeploymentStatus')) {
        orgs.emulator.faults.add({ kind: 'soap.deploy', orgId: orgs.production.id, fault: 'http-500' });
        log.push = push;
      }
      return push.apply(this, entries);
    };
    // The undo's artifact would bring v1 back; production must stay at v2.
    const before = stateOf(orgs.production);
    assert.deepEqual(before, v2);
    const { run, runId } = await rollback(undoRun).finally(() => {
      log.push = push;
      orgs.emulator.faults.clear();
    });

    assert.notEqual(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'failed');
    assert.deepEqual(stateOf(orgs.production), before);
    const deployment = github.repo.deployments().find((d) => (d.payload as { runId?: number }).runId === runId);
    assert.ok(deployment, `no GitHub deployment for the rollback run:\n${run.stdout}`);
    assert.match(run.stdout, /^::error::.*Submitting the rollback deploy/m);
    assert.deepEqual(deployment.statuses.map((s) => s.state), ['in_progress', 'error']);
  });

  test('a rollback that reached production still reports success when GitHub refuses its final deployment status', async () => {
    // GitHub accepts the in-progress status, then refuses the next one (a fault queued as a
    // request arrives applies to that request).
    const log = github.emulator.requests;
    const push = log.push;
    let statuses = 0;
    log.push = function (...entries) {
      if (entries.some((e) => e.kind === 'rest.repos.createDeploymentStatus') && ++statuses === 2) {
        github.emulator.faults.add({ kind: 'rest.repos.createDeploymentStatus', fault: 'http-403' });
        log.push = push;
      }
      return push.apply(this, entries);
    };
    assert.deepEqual(stateOf(orgs.production), v2);
    const { run, runId } = await rollback(undoRun).finally(() => {
      log.push = push;
      github.emulator.faults.clear();
    });

    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    assert.deepEqual(stateOf(orgs.production), v1);
    const deployment = github.repo.deployments().find((d) => (d.payload as { runId?: number }).runId === runId);
    assert.deepEqual(deployment?.statuses.map((s) => s.state), ['in_progress']);
    assert.match(run.stdout, /^::warning::Recording status 'success' on GitHub deployment \d+ failed.*the GitHub deployment does not show it/m);

    // Put v2 back for the tests that follow.
    const back = await rollback(runId);
    assert.equal(back.run.exitCode, 0, back.run.stdout);
    assert.deepEqual(stateOf(orgs.production), v2);
  });

  test('production credentials that reach a sandbox are refused by the org identity gate', async () => {
    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run } = await rollback(v2Run, { inputs: { 'production-auth-url': orgs.sandboxAuthUrl } });
    assertNothingDeployed(run, seq, before);
    assert.equal(run.outputs.status, 'blocked');
    assert.match(run.stdout, /Gate 'org identity' refused: the production credentials reach 'Acme UAT'/);
    assert.match(run.summary, /⛔ \*\*org identity\*\*: the production credentials reach 'Acme UAT'/);
    assert.deepEqual(deploysSince(seq, orgs.sandbox), []);
  });

  test('a dispatcher with read access only is refused before Salesforce is contacted', async () => {
    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run } = await rollback(v1Run, { actor: READER });
    assertNothingDeployed(run, seq, before);
    assert.equal(run.outputs.status, 'blocked');
    assert.match(run.stdout, new RegExp(`Gate 'rollback permission' refused: ${READER} dispatched this rollback but has 'read' access`));
    assert.equal(orgs.emulator.requests.filter((r) => r.seq > seq).length, 0, 'Salesforce was contacted');
  });
});

describe('rollback artifacts of another org', () => {
  let other: EmulatedOrg;
  let otherAuthUrl: string;

  beforeAll(() => {
    other = orgs.emulator.addOrg({ name: 'Acme EU', isSandbox: false, pollsToComplete: 1 });
    other.addUser({ username: 'release@acme.eu' });
    otherAuthUrl = other.authUrl('release@acme.eu');
  });

  test('the artifact of a release to another production org is refused, naming both orgs', async () => {
    const released = await release('rollback-v1', { productionAuthUrl: otherAuthUrl });
    assert.equal(released.run.exitCode, 0, released.run.stdout);
    assert.equal(released.run.outputs['rollback-artifact'], `salesforce-rollback-${other.id}-${released.runId}-1`);

    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run } = await rollback(released.runId);
    assertNothingDeployed(run, seq, before);
    assert.equal(run.outputs.status, 'blocked');
    assert.match(run.stdout, new RegExp(`Gate 'rollback artifact' refused: Run ${released.runId} has a rollback artifact for org ${other.id} only, but the production credentials reach org ${orgs.production.id}`));
  });

  test('a custom-named artifact whose rollback.json names another org is refused, naming that org', async () => {
    const released = await release('rollback-v2', { inputs: { 'rollback-artifact-name': 'crm-rollback' } });
    assert.equal(released.run.exitCode, 0, released.run.stdout);
    const [artifact] = github.repo.artifacts(released.runId);
    assert.equal(artifact?.name, 'crm-rollback');
    tamper(artifact.id, 'rollback.json', (bytes) => strToU8(JSON.stringify({ ...JSON.parse(strFromU8(bytes)), orgId: other.id }, null, 2)));

    const before = stateOf(orgs.production);
    const seq = salesforceMark();
    const { run } = await rollback(released.runId, { inputs: { 'rollback-artifact-name': 'crm-rollback' } });
    assertNothingDeployed(run, seq, before);
    assert.equal(run.outputs.status, 'blocked');
    assert.match(run.stdout, new RegExp(`the bundle was retrieved from org ${other.id}, but the production credentials reach org ${orgs.production.id}`));
  });
});
