import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { copyFixtureProject, runAction, type ActionRun } from '../support/action-runner.js';
import { AUTHOR, startGitHubWorld, type GitHubWorld } from '../support/github-world.js';
import { SANDBOX_USER, startOrgs, type OrgWorld } from '../support/orgs.js';

const HEAD_SHA = 'b'.repeat(40);
const CLASSES = 'force-app/main/default/classes';

let world: OrgWorld;
let github: GitHubWorld;
let prNumber: number;
let prEvent: Record<string, unknown>;
beforeAll(async () => {
  world = await startOrgs();
  github = await startGitHubWorld();
  prNumber = github.repo.addPullRequest({ author: AUTHOR, headSha: HEAD_SHA, headRef: 'feature/invoices', title: 'Invoice totals' });
  github.repo.addReview(prNumber, { user: 'alice', state: 'APPROVED', commitId: HEAD_SHA });
  prEvent = { action: 'synchronize', number: prNumber, pull_request: { number: prNumber, head: { sha: HEAD_SHA, ref: 'feature/invoices' }, base: { ref: 'main' }, user: { login: AUTHOR } } };
});
afterAll(async () => {
  await world.close();
  await github.close();
});

function validate(workspace: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction({ eventName: 'pull_request', payload: prEvent, ref: `refs/pull/${prNumber}/merge`, sha: 'c'.repeat(40), workspace, inputs, ...github.run({ sha: 'c'.repeat(40), event: 'pull_request' }) });
}

function requestsSince(seq: number) {
  return world.emulator.requests.filter((r) => r.seq > seq);
}

function lastSeq(): number {
  return world.emulator.requests.at(-1)?.seq ?? 0;
}

/** Every secret a run could leak, checked against everything a user can read (not the ::add-mask:: commands). */
function assertNoSecrets(run: ActionRun, secrets: string[]): void {
  const visible = [run.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n'), run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n');
  for (const secret of secrets) assert.ok(!visible.includes(secret), `a secret (${secret.slice(0, 4)}…) reached the log, summary or outputs`);
}

describe('pull-request validation against the sandbox', () => {
  test('a passing validation sends one check-only deploy to the sandbox and nothing to production', async () => {
    const workspace = copyFixtureProject();
    const before = world.sandbox.components();
    const seq = lastSeq();
    const run = await validate(workspace, { 'sandbox-auth-url': world.sandboxAuthUrl });

    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    assert.match(run.outputs['validation-id'], /^0Af[A-Za-z0-9]{15}$/);
    assert.equal(run.outputs.components, '7');
    assert.equal(run.outputs['tests-run'], '2');
    assert.equal(run.outputs['tests-failed'], '0');
    assert.match(run.outputs.coverage, /^\d+(\.\d+)?$/);
    assert.equal(run.outputs['deploy-id'], undefined);

    const deploys = requestsSince(seq).filter((r) => r.kind === 'soap.deploy');
    assert.equal(deploys.length, 1);
    assert.equal(deploys[0].orgId, world.sandbox.id);
    assert.equal(deploys[0].detail?.checkOnly, true);
    assert.equal(deploys[0].detail?.testLevel, 'RunLocalTests');
    assert.equal(requestsSince(seq).filter((r) => r.orgId === world.production.id).length, 0, 'production received a request');
    assert.deepEqual(world.sandbox.components(), before, 'a check-only deploy changed the sandbox');

    assert.match(run.summary, /Salesforce Gated Deploy: validate succeeded/);
    assert.match(run.summary, /Sandbox validation/);
    assert.match(run.summary, /lightning\/setup\/DeployStatus/);
    assert.match(run.summary, /Approvals for a production release: 1 of 1 \(enough\)/);
    assertNoSecrets(run, [world.sandboxAuthUrl, world.sandboxAuthUrl.split(':')[3].split('@')[0], github.token]);
  });

  test('keeps a single pull-request comment with the latest result, updated in place', async () => {
    await validate(copyFixtureProject(), { 'sandbox-auth-url': world.sandboxAuthUrl });
    const workspace = copyFixtureProject();
    writeFileSync(path.join(workspace, CLASSES, 'Greeting.cls'), 'public class Greeting {\n    // emulator:compile-error Unexpected token\n}\n');
    const failed = await validate(workspace, { 'sandbox-auth-url': world.sandboxAuthUrl });
    assert.equal(failed.outputs.status, 'failed');
    const comments = github.repo.comments(prNumber);
    assert.equal(comments.length, 1);
    assert.match(comments[0].body, /Validation failed/);
    assert.match(comments[0].body, /Unexpected token/);
    assert.ok(!comments[0].body.includes(github.token));
  });

  test('a compile error fails the run with an annotation on the source file and line', async () => {
    const workspace = copyFixtureProject();
    const file = path.join(workspace, CLASSES, 'InvoiceService.cls');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[2] = `        Decimal sum = 0 // emulator:compile-error Missing ';' at 'for'`;
    writeFileSync(file, lines.join('\n'));

    const run = await validate(workspace, { 'sandbox-auth-url': world.sandboxAuthUrl });
    assert.equal(run.exitCode, 1);
    assert.equal(run.outputs.status, 'failed');
    const annotation = run.annotations.find((a) => a.level === 'error' && a.file === `${CLASSES}/InvoiceService.cls`);
    assert.ok(annotation, `no annotation on InvoiceService.cls in:\n${run.stdout}`);
    assert.equal(annotation.line, 3);
    assert.match(annotation.message, /Missing ';' at 'for'/);
    assert.match(run.summary, /Missing ';' at 'for'/);
  });

  test('a failing Apex test fails the run with an annotation on the test class', async () => {
    world.sandbox.scriptTestFailure('InvoiceServiceTest', 'totalsAmounts', { message: 'System.AssertException: Assertion Failed: Expected: 15, Actual: 10', line: 6 });
    try {
      const run = await validate(copyFixtureProject(), { 'sandbox-auth-url': world.sandboxAuthUrl });
      assert.equal(run.exitCode, 1);
      assert.equal(run.outputs.status, 'failed');
      assert.equal(run.outputs['tests-failed'], '1');
      const annotation = run.annotations.find((a) => a.file === `${CLASSES}/InvoiceServiceTest.cls`);
      assert.ok(annotation, run.stdout);
      assert.equal(annotation.line, 6);
      assert.match(annotation.title ?? '', /InvoiceServiceTest\.totalsAmounts/);
    } finally {
      world.sandbox.clearScripts();
    }
  });

  test('authenticates with the JWT bearer flow', async () => {
    const seq = lastSeq();
    const run = await validate(copyFixtureProject(), { 'sandbox-username': SANDBOX_USER, 'sandbox-client-id': world.clientId, 'sandbox-jwt-key': world.privateKeyPem, 'sandbox-instance-url': world.emulator.url });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    const token = requestsSince(seq).filter((r) => r.kind === 'oauth.token');
    assert.equal(token.length, 1);
    assert.match(String(token[0].detail?.grantType), /jwt-bearer/);
    const keyLines = world.privateKeyPem.split('\n').filter((l) => l && !l.startsWith('-----'));
    assertNoSecrets(run, keyLines);
  });

  test('authenticates with an access token', async () => {
    const accessToken = world.sandbox.issueAccessToken(SANDBOX_USER);
    const seq = lastSeq();
    const run = await validate(copyFixtureProject(), { 'sandbox-access-token': accessToken, 'sandbox-instance-url': world.emulator.url });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    assert.equal(requestsSince(seq).filter((r) => r.kind === 'oauth.token').length, 0);
    assertNoSecrets(run, [accessToken]);
  });

  test('an org that is not a sandbox is refused before anything is deployed', async () => {
    const seq = lastSeq();
    const run = await validate(copyFixtureProject(), { 'sandbox-auth-url': world.productionAuthUrl });
    assert.equal(run.exitCode, 1);
    assert.equal(run.outputs.status, 'blocked');
    assert.match(run.stdout, /Gate 'org identity' refused: the sandbox credentials reach 'Acme'/);
    assert.equal(requestsSince(seq).filter((r) => r.kind.includes('deploy')).length, 0);
  });
});

describe('bad input is refused before any network call', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['an unknown environment', { environment: 'prod-eu' }, /Invalid environment 'prod-eu'\. Expected one of sandbox, production\./],
    ['an unknown test level', { 'test-level': 'Bogus' }, /Invalid test-level 'Bogus'\. Expected one of NoTestRun, RunSpecifiedTests, RunLocalTests, RunAllTestsInOrg/],
    ['RunSpecifiedTests without tests', { 'test-level': 'RunSpecifiedTests' }, /Input 'tests' is required when test-level is RunSpecifiedTests/],
    ['a JWT username without a key', { 'sandbox-username': SANDBOX_USER, 'sandbox-client-id': 'x', 'sandbox-auth-url': '' }, /missing sandbox-jwt-key/],
    ['a malformed auth URL', { 'sandbox-auth-url': 'force://only-one-part@' }, /Invalid sandbox-auth-url: expected three ':'-separated parts/],
    ['a source-dir that does not exist', { 'source-dir': 'no-such-dir' }, /Input 'source-dir': no directory 'no-such-dir'/],
  ];
  for (const [name, inputs, message] of cases) {
    test(`${name}`, async () => {
      const seq = lastSeq();
      const githubMark = github.mark();
      const run = await validate(copyFixtureProject(), { 'sandbox-auth-url': world.sandboxAuthUrl, ...inputs });
      assert.equal(run.exitCode, 1);
      assert.match(run.stdout, message);
      assert.match(run.stdout, /^::error::/m);
      assert.equal(requestsSince(seq).length, 0, 'the Salesforce emulator received a request');
      assert.equal(github.requestsSince(githubMark).length, 0, 'the GitHub emulator received a request');
      assert.equal(run.outputs.status, 'failed');
    });
  }
});
