import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { strToU8, zipSync } from 'fflate';
import { actionEntry, copyFixtureProject, runAction, type ActionRun } from '../support/action-runner.js';
import { SANDBOX_USER, startOrgs, type OrgWorld } from '../support/orgs.js';

// Validation runs of a push to a feature branch (mode validate), so no GitHub API is involved:
// these tests are about Salesforce faults only.
let world: OrgWorld;
beforeAll(async () => {
  world = await startOrgs();
});
afterAll(async () => world.close());

function validate(inputs: Record<string, string>, extra: { postState?: Record<string, string> } = {}): Promise<ActionRun> {
  return runAction({ eventName: 'push', ref: 'refs/heads/feature/x', workspace: copyFixtureProject(), inputs: { mode: 'validate', ...inputs }, ...extra });
}

const mark = (): number => world.emulator.requests.at(-1)?.seq ?? 0;
const since = (seq: number) => world.emulator.requests.filter((r) => r.seq > seq);
const sandboxDeploysSince = (count: number) => world.sandbox.deploys.slice(count);

describe('transient Salesforce faults', () => {
  test('retries status checks that fail with 503 and still finishes the validation', async () => {
    const seq = mark();
    world.emulator.faults.add({ kind: 'soap.checkDeployStatus', fault: 'http-503', times: 2, orgId: world.sandbox.id });
    const run = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    const checks = since(seq).filter((r) => r.kind === 'soap.checkDeployStatus');
    assert.equal(checks.filter((r) => r.status === 503).length, 2);
    assert.match(run.stdout, /failed \(ERROR_HTTP_503\); retrying in/);
    assert.equal(since(seq).filter((r) => r.kind === 'soap.deploy').length, 1);
  });

  test('retries a status check whose connection was reset', async () => {
    world.emulator.faults.add({ kind: 'soap.checkDeployStatus', fault: 'reset', times: 1, orgId: world.sandbox.id });
    const run = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl });
    assert.equal(run.outputs.status, 'succeeded', run.stdout);
  });

  test('never sends a deploy twice: a submission whose answer was lost is found in DeployRequest instead', async () => {
    const seq = mark();
    const before = world.sandbox.deploys.length;
    world.emulator.faults.add({ kind: 'soap.deploy', fault: 'reset-after', times: 1, orgId: world.sandbox.id });
    const run = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    assert.equal(since(seq).filter((r) => r.kind === 'soap.deploy').length, 1, 'the deploy was sent again');
    assert.equal(sandboxDeploysSince(before).length, 1);
    assert.equal(run.outputs['validation-id'], sandboxDeploysSince(before)[0].id);
    assert.ok(since(seq).some((r) => r.kind === 'rest.tooling.query'), 'DeployRequest was not looked up');
  });

  test('does not resend a deploy refused with a 500, and says why', async () => {
    const seq = mark();
    const before = world.sandbox.deploys.length;
    world.emulator.faults.add({ kind: 'soap.deploy', fault: 'http-500', times: 1, orgId: world.sandbox.id });
    const run = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl });
    assert.equal(run.exitCode, 1);
    assert.equal(run.outputs.status, 'failed');
    assert.match(run.stdout, /Submitting the sandbox validation failed: .*UNKNOWN_EXCEPTION/);
    assert.equal(since(seq).filter((r) => r.kind === 'soap.deploy').length, 1);
    assert.equal(sandboxDeploysSince(before).length, 0);
  });

  test('an expired session is renewed with the refresh token of the auth URL', async () => {
    const seq = mark();
    world.emulator.faults.add({ kind: 'soap.checkDeployStatus', fault: 'expire-session', times: 1, orgId: world.sandbox.id });
    const run = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl });
    assert.equal(run.outputs.status, 'succeeded', run.stdout);
    assert.equal(since(seq).filter((r) => r.kind === 'oauth.token').length, 2);
  });

  test('an expired session is renewed with a new JWT assertion', async () => {
    const seq = mark();
    world.emulator.faults.add({ kind: 'soap.checkDeployStatus', fault: 'expire-session', times: 1, orgId: world.sandbox.id });
    const run = await validate({ 'sandbox-username': SANDBOX_USER, 'sandbox-client-id': world.clientId, 'sandbox-jwt-key': world.privateKeyPem, 'sandbox-instance-url': world.emulator.url });
    assert.equal(run.outputs.status, 'succeeded', run.stdout);
    assert.match(run.stdout, /The sandbox session expired during Checking the sandbox validation .*; authenticating again\./);
    const tokens = since(seq).filter((r) => r.kind === 'oauth.token');
    assert.equal(tokens.length, 2);
    assert.ok(tokens.every((t) => /jwt-bearer/.test(String(t.detail?.grantType))));
  });

  test('an expired access token fails with a message saying it cannot be renewed', async () => {
    world.emulator.faults.add({ kind: 'soap.checkDeployStatus', fault: 'expire-session', times: 1, orgId: world.sandbox.id });
    const run = await validate({ 'sandbox-access-token': world.sandbox.issueAccessToken(SANDBOX_USER), 'sandbox-instance-url': world.emulator.url });
    assert.equal(run.exitCode, 1);
    assert.equal(run.outputs.status, 'failed');
    assert.match(run.stdout, /The sandbox access token was rejected during .*Access tokens cannot be renewed; use sandbox-auth-url or the JWT inputs/);
  });
});

describe('outages and limits', () => {
  test('60 s of 503s while a validation is polled: retried through, one deploy, succeeded', async () => {
    const seq = mark();
    const before = world.sandbox.deploys.length;
    const polls = world.sandbox.pollsToComplete;
    world.sandbox.pollsToComplete = 3;
    try {
      // The outage starts at the first status check and lasts 60 s, whatever the action's rhythm.
      world.emulator.faults.add({ kind: 'soap.checkDeployStatus', fault: 'http-503', durationMs: 60_000, orgId: world.sandbox.id });
      const run = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl, 'wait-minutes': '5' });
      assert.equal(run.exitCode, 0, run.stdout);
      assert.equal(run.outputs.status, 'succeeded');
      const checks = since(seq).filter((r) => r.kind === 'soap.checkDeployStatus');
      const failed = checks.filter((r) => r.status === 503);
      assert.ok(failed.length >= 5, `only ${failed.length} status checks met the outage`);
      const first = Date.parse(failed[0].at);
      const recovered = checks.find((r) => r.status === 200 && Date.parse(r.at) > first);
      assert.ok(recovered && Date.parse(recovered.at) - first >= 60_000, `the first answered check came ${recovered ? Date.parse(recovered.at) - first : '∞'} ms into the outage`);
      assert.equal(since(seq).filter((r) => r.kind === 'soap.deploy').length, 1);
      assert.equal(sandboxDeploysSince(before).length, 1);
      assert.equal(sandboxDeploysSince(before)[0].result.status, 'Succeeded');
      assert.equal(run.outputs['validation-id'], sandboxDeploysSince(before)[0].id);
    } finally {
      world.sandbox.pollsToComplete = polls;
      world.emulator.faults.clear();
    }
  });

  test('maintenance pages, UNKNOWN_EXCEPTION and resets on reads are retried; so is the token request', async () => {
    const seq = mark();
    world.emulator.faults.add({ kind: 'oauth.token', fault: 'http-503', times: 2, orgId: world.sandbox.id });
    world.emulator.faults.add({ kind: 'rest.query', fault: 'maintenance', times: 2, orgId: world.sandbox.id });
    world.emulator.faults.add({ kind: 'soap.checkDeployStatus', fault: 'unknown-exception', times: 2, orgId: world.sandbox.id });
    world.emulator.faults.add({ kind: 'soap.checkDeployStatus', fault: 'maintenance', times: 1, orgId: world.sandbox.id });
    const run = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    assert.equal(since(seq).filter((r) => r.fault).length, 7);
    assert.match(run.stdout, /token request failed \(ERROR_HTTP_503\); retrying/);
    assert.match(run.stdout, /failed \(sf:UNKNOWN_EXCEPTION\); retrying/);
    assert.equal(since(seq).filter((r) => r.kind === 'soap.deploy').length, 1);
  });

  test('a REQUEST_LIMIT_EXCEEDED storm at submission: nothing started meanwhile, sent again once the org accepts', async () => {
    const seq = mark();
    const before = world.sandbox.deploys.length;
    world.emulator.faults.add({ kind: 'soap.deploy', fault: 'request-limit', times: 4, orgId: world.sandbox.id });
    const run = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    const submissions = since(seq).filter((r) => r.kind === 'soap.deploy');
    assert.equal(submissions.length, 5);
    assert.equal(submissions.filter((r) => r.fault === 'request-limit').length, 4);
    assert.equal(sandboxDeploysSince(before).length, 1, 'exactly one deploy started');
    assert.match(run.stdout, /Submitting the sandbox validation failed \(sf:REQUEST_LIMIT_EXCEEDED\); retrying/);
  });

  test('a REQUEST_LIMIT_EXCEEDED storm longer than wait-minutes: a clear failure, no deploy started, nothing to cancel', async () => {
    const before = world.sandbox.deploys.length;
    world.emulator.faults.add({ kind: 'soap.deploy', fault: 'request-limit', durationMs: 120_000, orgId: world.sandbox.id });
    try {
      const run = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl, 'wait-minutes': '1' });
      assert.equal(run.exitCode, 1);
      assert.equal(run.outputs.status, 'failed');
      assert.match(run.stdout, /Salesforce refused the sandbox validation without starting it \(the org's API request limit\): nothing was deployed/);
      assert.equal(sandboxDeploysSince(before).length, 0);
      assert.equal(run.state.pendingDeploy ?? '', '');
    } finally {
      world.emulator.faults.clear();
    }
  });
});

describe('lost submission answers', () => {
  test('another job deploys the same package meanwhile: neither deploy is adopted, both are listed, the post step cancels none', async () => {
    const seq = mark();
    const before = world.sandbox.deploys.length;
    world.emulator.faults.add({ kind: 'soap.deploy', fault: 'another-job-reset-after', times: 1, orgId: world.sandbox.id });
    const run = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl });
    assert.equal(run.exitCode, 1, run.stdout);
    assert.equal(run.outputs.status, 'failed');
    const created = sandboxDeploysSince(before);
    assert.equal(created.length, 2);
    assert.equal(since(seq).filter((r) => r.kind === 'soap.deploy').length, 1, 'the deploy was sent again');
    assert.match(run.stdout, /2 deploys created since it was sent match it, and another job's cannot be told from this one's/);
    for (const deploy of created) assert.match(run.stdout, new RegExp(`${deploy.id} \\(`));
    assert.equal(run.outputs['validation-id'] ?? '', '');
    const pending = JSON.parse(run.state.pendingDeploy);
    assert.equal(pending.role, 'sandbox');
    assert.equal(pending.submission.checkOnly, true);

    const postSeq = mark();
    const post = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl }, { postState: run.state });
    assert.equal(post.exitCode, 0, post.stdout);
    assert.match(post.stdout, /so none is cancelled/);
    assert.equal(since(postSeq).filter((r) => r.kind === 'soap.cancelDeploy').length, 0);
  });

  test('a deploy of another kind created meanwhile is told apart: the one matching everything known is adopted', async () => {
    const org = world.sandbox;
    const before = org.deploys.length;
    world.emulator.faults.add({ kind: 'soap.deploy', fault: 'reset-after', times: 1, orgId: org.id });
    // The listing before the submission passes; the lookup after the lost answer is slowed so
    // that another job's deploy (same user, not check-only) lands in between.
    world.emulator.faults.add({ kind: 'rest.tooling.query', fault: 'delay', delayMs: 1, times: 1, orgId: org.id });
    world.emulator.faults.add({ kind: 'rest.tooling.query', fault: 'delay', delayMs: 1500, times: 1, orgId: org.id });
    const running = validate({ 'sandbox-auth-url': world.sandboxAuthUrl });
    while (org.deploys.length === before) await new Promise((r) => setTimeout(r, 5));
    const ours = org.deploys[before];
    const theirs = org.submitDeploy(ourZip(), { checkOnly: false, rollbackOnError: true, singlePackage: true }, 'soap', org.users[0].id);
    const run = await running;
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    assert.equal(run.outputs['validation-id'], ours.id);
    assert.notEqual(run.outputs['validation-id'], theirs.id);
  });
});

/** A one-class metadata-format zip, as another job might deploy. */
function ourZip(): Uint8Array {
  const meta = '<?xml version="1.0" encoding="UTF-8"?><ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>62.0</apiVersion><status>Active</status></ApexClass>';
  return zipSync({
    'package.xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Package xmlns="http://soap.sforce.com/2006/04/metadata"><types><members>OtherJob</members><name>ApexClass</name></types><version>62.0</version></Package>'),
    'classes/OtherJob.cls': strToU8('public class OtherJob {}'),
    'classes/OtherJob.cls-meta.xml': strToU8(meta),
  });
}

describe('cancellation', () => {
  test('the post step cancels a deploy the cancelled main step left running', async () => {
    const org = world.sandbox;
    const polls = org.pollsToComplete;
    org.pollsToComplete = 10_000;
    try {
      const before = org.deploys.length;
      // Start the main step, and stop it (as the runner does on cancel) once the deploy is submitted.
      const main = validate({ 'sandbox-auth-url': world.sandboxAuthUrl });
      while (org.deploys.length === before) await new Promise((r) => setTimeout(r, 50));
      const deployId = org.deploys[before].id;
      const killed = await killActionProcess();
      assert.ok(killed, 'no running action process was found');
      const mainRun = await main;
      assert.notEqual(mainRun.exitCode, 0);
      assert.deepEqual(JSON.parse(mainRun.state.pendingDeploy), { role: 'sandbox', id: deployId });

      const seq = mark();
      const post = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl }, { postState: mainRun.state });
      assert.equal(post.exitCode, 0, post.stdout);
      assert.match(post.stdout, new RegExp(`sandbox deploy ${deployId} was running; cancelling it`));
      assert.equal(since(seq).filter((r) => r.kind === 'soap.cancelDeploy').length, 1);
      org.pollsToComplete = 1;
      assert.match(org.deploy(deployId).result.status, /^Cancel/);
    } finally {
      org.pollsToComplete = polls;
    }
  });

  test('the post step does not cancel a deploy that finished after the main step lost sight of it', async () => {
    const main = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl });
    assert.equal(main.outputs.status, 'succeeded');
    const id = main.outputs['validation-id'];
    // As if the main step had died while polling: the state still names the deploy.
    const seq = mark();
    const post = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl }, { postState: { ...main.state, pendingDeploy: JSON.stringify({ role: 'sandbox', id }) } });
    assert.equal(post.exitCode, 0, post.stdout);
    assert.match(post.stdout, new RegExp(`Salesforce reports it Succeeded, so it is not cancelled`));
    assert.equal(since(seq).filter((r) => r.kind === 'soap.cancelDeploy').length, 0);
    assert.equal(world.sandbox.deploy(id).result.status, 'Succeeded');
  });

  test('the post step does nothing after a main step that finished', async () => {
    const main = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl });
    assert.equal(main.outputs.status, 'succeeded');
    const seq = mark();
    const post = await validate({ 'sandbox-auth-url': world.sandboxAuthUrl }, { postState: main.state });
    assert.equal(post.exitCode, 0);
    assert.equal(since(seq).length, 0);
  });
});

/** Sends SIGTERM to the action's node process (a child of this test process), as a cancelled runner does. */
async function killActionProcess(): Promise<boolean> {
  const ps = spawn('pgrep', ['-f', actionEntry(), '-P', String(process.pid)]);
  let out = '';
  ps.stdout.on('data', (d) => (out += d));
  await new Promise((r) => ps.on('close', r));
  const pids = out.split('\n').filter(Boolean).map(Number);
  for (const pid of pids) process.kill(pid, 'SIGTERM');
  return pids.length > 0;
}
