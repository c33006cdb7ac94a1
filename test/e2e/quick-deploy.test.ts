import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { copyFixtureProject, runAction, type ActionRun } from '../support/action-runner.js';
import { AUTHOR, WRITERS, startGitHubWorld, type GitHubWorld } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

let orgs: OrgWorld;
let github: GitHubWorld;
before(async () => {
  orgs = await startOrgs();
  github = await startGitHubWorld({ firstRunId: 9100 });
});
after(async () => {
  await orgs.close();
  await github.close();
});

const credentials = () => ({ 'sandbox-auth-url': orgs.sandboxAuthUrl, 'production-auth-url': orgs.productionAuthUrl });
const mark = () => orgs.emulator.requests.at(-1)?.seq ?? 0;
const since = (seq: number) => orgs.emulator.requests.filter((r) => r.seq > seq && r.orgId === orgs.production.id);

/** A pull request validated against the sandbox and production, as its workflow would run it. */
async function validateWithProduction(workspace: string): Promise<ActionRun> {
  const head = `${Math.random().toString(16).slice(2).padEnd(12, '0')}`.repeat(4).slice(0, 40);
  const pr = github.repo.addPullRequest({ author: AUTHOR, headSha: head, headRef: 'feature/q' });
  const payload = { number: pr, pull_request: { number: pr, head: { sha: head, ref: 'feature/q' }, base: { ref: 'main' }, user: { login: AUTHOR } } };
  return runAction({ eventName: 'pull_request', payload, sha: head, ref: `refs/pull/${pr}/merge`, workspace, inputs: { ...credentials(), 'validate-production': 'true' }, ...github.run({ sha: head, event: 'pull_request' }) });
}

async function release(workspace: string): Promise<ActionRun> {
  const merged = github.mergedPullRequest({ reviews: [{ user: WRITERS[0], state: 'APPROVED' }] });
  return runAction({ eventName: 'push', ref: 'refs/heads/main', sha: merged.mergeSha, workspace, inputs: { ...credentials(), environment: 'production' }, ...github.run({ sha: merged.mergeSha }) });
}

test('a release quick deploys the production validation of its pull request', async () => {
  const workspace = copyFixtureProject();
  const pr = await validateWithProduction(workspace);
  assert.equal(pr.outputs.status, 'succeeded', pr.stdout);
  assert.match(pr.outputs['production-validation-id'], /^0Af/);
  const ledger = github.repo.deployments().filter((d) => d.environment === 'production-validation');
  assert.equal(ledger.length, 1);
  assert.equal((ledger[0].payload as { validationId: string }).validationId, pr.outputs['production-validation-id']);

  const seq = mark();
  const run = await release(workspace);
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'succeeded');
  assert.equal(run.outputs['quick-deployed'], 'true');
  const production = since(seq);
  assert.equal(production.filter((r) => r.kind === 'soap.deployRecentValidation').length, 1);
  assert.equal(production.filter((r) => r.kind === 'soap.deploy' && r.detail?.checkOnly === false).length, 0, 'a full deploy was sent as well');
  const quick = orgs.production.deploys.find((d) => d.id === run.outputs['deploy-id']);
  assert.equal(quick?.validatedDeployRequestId, pr.outputs['production-validation-id']);
  assert.ok(orgs.production.component('ApexClass', 'InvoiceService'));
});

test('a release of different content runs a full deploy', async () => {
  const workspace = copyFixtureProject();
  await validateWithProduction(workspace);
  const file = path.join(workspace, 'force-app/main/default/classes/Greeting.cls');
  writeFileSync(file, readFileSync(file, 'utf8').replace('Hello, ', 'Hi, '));
  const seq = mark();
  const run = await release(workspace);
  assert.equal(run.outputs.status, 'succeeded', run.stdout);
  assert.equal(run.outputs['quick-deployed'], 'false');
  assert.equal(since(seq).filter((r) => r.kind === 'soap.deployRecentValidation').length, 0);
  assert.match(run.stdout, /No production validation of this exact content/);
});

test('a validation invalidated by a later deploy falls back to a full deploy', async () => {
  const first = copyFixtureProject();
  const file = path.join(first, 'force-app/main/default/classes/Greeting.cls');
  writeFileSync(file, readFileSync(file, 'utf8').replace('Hello, ', 'Howdy, '));
  const pr = await validateWithProduction(first);
  assert.equal(pr.outputs.status, 'succeeded', pr.stdout);
  // Another release reaches production in between, which invalidates every validation.
  const other = copyFixtureProject();
  const otherFile = path.join(other, 'force-app/main/default/classes/Greeting.cls');
  writeFileSync(otherFile, readFileSync(otherFile, 'utf8').replace('Hello, ', 'Greetings, '));
  assert.equal((await release(other)).outputs.status, 'succeeded');

  const seq = mark();
  const run = await release(first);
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs['quick-deployed'], 'false');
  assert.match(run.stdout, /Salesforce refused the quick deploy of validation .*Running a full deploy with tests instead/);
  const production = since(seq);
  assert.equal(production.filter((r) => r.kind === 'soap.deployRecentValidation').length, 1);
  assert.equal(production.filter((r) => r.kind === 'soap.deploy' && r.detail?.checkOnly === false).length, 1);
  assert.match(orgs.production.component('ApexClass', 'Greeting')!.files['classes/Greeting.cls'], /Howdy, /);
});
