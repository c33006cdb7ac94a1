import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, test } from '@jest/globals';
import { copyFixtureProject, runAction, type ActionRun } from '../support/action-runner.js';
import { WRITERS, startGitHubWorld, type GitHubWorld, type MergedPullRequest } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';
import { PROJECT_SIZES, projectFiles } from '../support/sfdx-project.js';

// Production-grade operations (issue 9) through the bundle, against both emulators: lost answers
// to production submissions, the Metadata API's limits, and releases that overlap.
let orgs: OrgWorld;
let github: GitHubWorld;
beforeAll(async () => {
  orgs = await startOrgs();
  github = await startGitHubWorld({ firstRunId: 9900 });
});
afterAll(async () => {
  await orgs.close();
  await github.close();
});

const credentials = () => ({ 'sandbox-auth-url': orgs.sandboxAuthUrl, 'production-auth-url': orgs.productionAuthUrl });
const mark = () => orgs.emulator.requests.at(-1)?.seq ?? 0;
const since = (seq: number) => orgs.emulator.requests.filter((r) => r.seq > seq);
const approved = () => github.mergedPullRequest({ reviews: [{ user: WRITERS[0], state: 'APPROVED' }] });

function validateWithProduction(workspace: string, pr: MergedPullRequest): Promise<ActionRun> {
  const payload = { number: pr.number, pull_request: { number: pr.number, head: { sha: pr.headSha, ref: 'feature/q' }, base: { ref: 'main' }, user: { login: pr.author } } };
  return runAction({ eventName: 'pull_request', payload, sha: pr.headSha, ref: `refs/pull/${pr.number}/merge`, workspace, inputs: { ...credentials(), 'validate-production': 'true' }, ...github.run({ sha: pr.headSha, event: 'pull_request' }) });
}

function release(workspace: string, pr: MergedPullRequest, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ eventName: 'push', ref: 'refs/heads/main', sha: pr.mergeSha, workspace, inputs: { ...credentials(), environment: 'production', ...inputs }, ...github.run({ sha: pr.mergeSha }) });
}

test('the answer to a production quick deploy is lost: the one quick deploy of that validation is adopted, nothing sent twice', async () => {
  const change = approved();
  const workspace = change.workspace;
  const pr = await validateWithProduction(workspace, change);
  assert.equal(pr.outputs.status, 'succeeded', pr.stdout);
  const before = orgs.production.deploys.length;
  orgs.emulator.faults.add({ kind: 'soap.deployRecentValidation', fault: 'reset-after', times: 1, orgId: orgs.production.id });
  const seq = mark();
  const run = await release(workspace, change, { 'validate-production': 'true' });
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'succeeded');
  assert.equal(run.outputs['quick-deployed'], 'true');
  const created = orgs.production.deploys.slice(before).filter((d) => !d.checkOnly);
  assert.equal(created.length, 1, 'a second production deploy was started');
  assert.equal(created[0].validatedDeployRequestId, pr.outputs['production-validation-id']);
  assert.equal(run.outputs['deploy-id'], created[0].id);
  assert.equal(since(seq).filter((r) => r.kind === 'soap.deployRecentValidation').length, 1);
  assert.equal(since(seq).filter((r) => r.kind === 'soap.deploy' && r.detail?.checkOnly === false).length, 0);
});

test('two releases at once: one production change at a time, and production matches the release that deployed last', async () => {
  // Two workflow runs releasing main at once (a push and a re-run, or two workflows), each from its own checkout.
  const change = approved();
  const before = orgs.production.deploys.length;
  const [first, second] = await Promise.all([release(change.workspace, change), release(github.checkout(change.mergeSha), change)]);
  const runs = [first, second];
  const deploys = orgs.production.deploys.slice(before).filter((d) => !d.checkOnly);
  const succeeded = runs.filter((r) => r.outputs.status === 'succeeded');
  assert.ok(succeeded.length >= 1, runs.map((r) => r.stdout).join('\n----\n'));
  // Never two production deploys at once: each started after the one before it completed.
  const sorted = [...deploys].sort((x, y) => x.result.createdDate.localeCompare(y.result.createdDate));
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(sorted[i].result.createdDate >= sorted[i - 1].result.completedDate!, `${sorted[i].id} was submitted while ${sorted[i - 1].id} was running`);
  }
  for (const run of runs.filter((r) => r.outputs.status !== 'succeeded')) {
    // The other release waited, then found production changed since its snapshot, or gave up waiting: it says so.
    assert.equal(run.outputs.status, 'failed');
    assert.match(run.stdout, /changed after this run's rollback snapshot was taken|Another deploy is changing the production org/);
    assert.equal(run.outputs['deploy-id'] ?? '', '');
  }
  assert.equal(deploys.length, succeeded.length, 'a refused release deployed anyway');
  assert.ok(deploys.every((d) => d.result.status === 'Succeeded'));
  assert.ok(orgs.production.component('ApexClass', 'InvoiceService'));
  assert.ok(runs.some((r) => /waits for it to finish|changed after this run's rollback snapshot/.test(r.stdout)) || succeeded.length === 2, 'neither release noticed the other');
}, 600_000);

test('api-version defaults to sourceApiVersion of sfdx-project.json, else to the highest version the org offers', async () => {
  const validate = (workspace: string) => runAction({ eventName: 'push', ref: 'refs/heads/feature/v', workspace, inputs: { mode: 'validate', 'sandbox-auth-url': orgs.sandboxAuthUrl, 'api-version': '' } });
  const soapVersions = (seq: number) => [...new Set(since(seq).filter((r) => r.kind.startsWith('soap.')).map((r) => /\/Soap\/m\/(\d+\.\d)/.exec(r.path)?.[1]))];

  const pinned = copyFixtureProject();
  const project = JSON.parse(readFileSync(path.join(pinned, 'sfdx-project.json'), 'utf8'));
  writeFileSync(path.join(pinned, 'sfdx-project.json'), JSON.stringify({ ...project, sourceApiVersion: '61.0' }));
  let seq = mark();
  const first = await validate(pinned);
  assert.equal(first.outputs.status, 'succeeded', first.stdout);
  assert.deepEqual(soapVersions(seq), ['61.0']);
  assert.equal(since(seq).filter((r) => r.kind === 'rest.versions').length, 0);

  const unpinned = copyFixtureProject();
  const { sourceApiVersion: _dropped, ...rest } = project;
  writeFileSync(path.join(unpinned, 'sfdx-project.json'), JSON.stringify(rest));
  seq = mark();
  const second = await validate(unpinned);
  assert.equal(second.outputs.status, 'succeeded', second.stdout);
  assert.match(second.stdout, /api-version 68\.0: the highest the sandbox org offers/);
  assert.deepEqual(soapVersions(seq), ['68.0']);
  assert.equal(since(seq).filter((r) => r.kind === 'rest.versions').length, 1);
});

test('a release of a package over 10,000 files is refused with the figures and the way out, before any Salesforce call', async () => {
  // Last in this file: main then holds the big package, which every later release would deploy.
  const shape = { ...PROJECT_SIZES.default, services: 2600 };
  const classes = Object.fromEntries([...projectFiles(shape)].filter(([file]) => file.includes('/classes/')));
  assert.ok(Object.keys(classes).length > 10_000);
  const change = github.mergedPullRequest({ reviews: [{ user: WRITERS[0], state: 'APPROVED' }], files: classes });
  const seq = mark();
  const run = await release(change.workspace, change);
  assert.equal(run.exitCode, 1, run.stdout);
  assert.equal(run.outputs.status, 'failed');
  assert.match(run.stdout, /The deploy package has 10,\d{3} files, over the limit of 10,000 .*nothing was sent\. .*delta: true.*manifest/);
  assert.deepEqual(since(seq), [], 'Salesforce was called');
}, 600_000);
