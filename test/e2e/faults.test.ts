import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
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
