import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, test } from '@jest/globals';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { OWNER, REPO, WRITERS, startGitHubWorld, type GitHubWorld } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

// The delta base of a release is a commit proven deployed: a release artifact of an earlier run on
// a production branch, whose production deploy Salesforce confirms. A GitHub Deployment anyone with
// `deployments: write` can create is never that proof.
let orgs: OrgWorld;
let github: GitHubWorld;
let workspace: string;
let first: ActionRun & { runId: number };
let second: ActionRun & { runId: number };
let legacySha: string;
beforeAll(async () => {
  orgs = await startOrgs();
  github = await startGitHubWorld({ firstRunId: 9500 });
  // v1 is the origin's first commit; the workspace is its checkout, where later commits are made and pushed.
  workspace = github.checkout(github.origin.main());
  git('checkout', '-q', '-B', 'main');
});
afterAll(async () => {
  await orgs.close();
  await github.close();
});

const LEGACY_OBJECT = `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Legacy</label>
    <pluralLabel>Legacies</pluralLabel>
    <nameField><label>Legacy Name</label><type>Text</type></nameField>
    <deploymentStatus>Deployed</deploymentStatus>
    <sharingModel>ReadWrite</sharingModel>
</CustomObject>
`;

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', ...args], { cwd: workspace, encoding: 'utf8' }).trim();
}

async function releaseHead(): Promise<ActionRun & { runId: number }> {
  const sha = git('rev-parse', 'HEAD');
  // The push: main on GitHub is the commit released.
  git('push', '-q', 'origin', 'HEAD:refs/heads/main');
  github.repo.setBranch('main', { protected: true, requiredApprovals: 1, sha });
  const env = github.run({ sha });
  const run = await runAction({
    eventName: 'push', ref: 'refs/heads/main', sha, workspace, payload: { before: '0'.repeat(40), after: sha },
    inputs: { 'sandbox-auth-url': orgs.sandboxAuthUrl, 'production-auth-url': orgs.productionAuthUrl, environment: 'production', 'required-approvals': '0', delta: 'true' },
    ...env,
  });
  return { ...run, runId: env.runId };
}

/** What anyone with `deployments: write` can do: a production Deployment of any commit, marked successful. */
async function forgeSuccessfulDeployment(sha: string): Promise<void> {
  const post = async (url: string, body: unknown) => {
    const response = await fetch(`${github.emulator.apiUrl}/repos/${OWNER}/${REPO}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${github.token}`, 'content-type': 'application/json', accept: 'application/vnd.github+json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    assert.equal(response.status, 201, text);
    return JSON.parse(text) as { id: number };
  };
  const deployment = await post('/deployments', { ref: sha, task: 'deploy', environment: 'production', payload: {}, auto_merge: false, required_contexts: [], production_environment: true });
  await post(`/deployments/${deployment.id}/statuses`, { state: 'success', description: 'Deploy succeeded' });
}

test('a forged successful production Deployment is not the delta base: production keeps an object the repository never managed', async () => {
  // Production (and its full-copy sandbox) has an object this repository never managed.
  orgs.production.putFiles({ 'objects/Legacy__c.object': LEGACY_OBJECT });
  orgs.sandbox.putFiles({ 'objects/Legacy__c.object': LEGACY_OBJECT });
  // The team's sandbox holds the project, its tests included.
  const sandboxDeploy = await runAction({ eventName: 'push', ref: 'refs/heads/develop', workspace, inputs: { mode: 'deploy', environment: 'sandbox', 'sandbox-auth-url': orgs.sandboxAuthUrl } });
  assert.equal(sandboxDeploy.outputs.status, 'succeeded', sandboxDeploy.stdout);

  // v1 is released (the whole source: no earlier release is proven).
  first = await releaseHead();
  assert.equal(first.outputs.status, 'succeeded', first.stdout);
  assert.match(first.summary, /whole source/);

  // A commit on another branch that holds the object; a forged "successful production deployment" of it.
  git('checkout', '-qb', 'feature/legacy');
  const dir = path.join(workspace, 'force-app/main/default/objects/Legacy__c');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'Legacy__c.object-meta.xml'), LEGACY_OBJECT);
  git('add', '-A');
  git('commit', '-qm', 'legacy object');
  legacySha = git('rev-parse', 'HEAD');
  await forgeSuccessfulDeployment(legacySha);
  git('checkout', '-q', 'main');

  // An approved one-line change on main.
  const greeting = path.join(workspace, 'force-app/main/default/classes/Greeting.cls');
  writeFileSync(greeting, readFileSync(greeting, 'utf8').replace('Hello, ', 'Hi there, '));
  git('commit', '-qam', 'v2: friendlier greeting');

  second = await releaseHead();
  assert.equal(second.exitCode, 0, second.stdout);
  assert.equal(second.outputs.status, 'succeeded');
  assert.ok(orgs.production.component('CustomObject', 'Legacy__c'), 'the release deleted an object the repository never managed');
  const deploy = orgs.production.deploys.find((d) => d.id === second.outputs['deploy-id']);
  assert.ok(deploy, 'no production deploy');
  // The honest base still works: v1 was released by run `first`, which recorded it, and Salesforce confirms its deploy.
  assert.deepEqual(github.repo.artifacts(first.runId).map((a) => a.name).filter((n) => n.startsWith('salesforce-release-')), [`salesforce-release-${orgs.production.id}-${first.runId}-1`]);
  const v1 = git('rev-parse', 'HEAD~1');
  assert.match(second.stdout, new RegExp(`Delta ${v1.slice(0, 7)}\\.\\.[0-9a-f]{7}: 1 component\\(s\\) to deploy, 0 to delete\\.`));
  assert.match(second.summary, new RegExp(`delta: compared with release ${v1.slice(0, 7)} \\(artifact 'salesforce-release-${orgs.production.id}-${first.runId}-1' of run ${first.runId}, deploy ${first.outputs['deploy-id']}\\), which Salesforce confirms is production's last deploy`));
  assert.equal(second.outputs.components, '1');
  assert.match(orgs.production.component('ApexClass', 'Greeting')!.files['classes/Greeting.cls'], /Hi there, /);
});

/** What a workflow on any branch can do with its runtime token: upload an artifact of its own run. */
async function uploadAsRun(runtimeToken: string, name: string, files: Record<string, string>): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'forged-artifact-'));
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(dir, file), content);
  const saved = { token: process.env.ACTIONS_RUNTIME_TOKEN, results: process.env.ACTIONS_RESULTS_URL, server: process.env.GITHUB_SERVER_URL };
  Object.assign(process.env, { ACTIONS_RUNTIME_TOKEN: runtimeToken, ACTIONS_RESULTS_URL: github.emulator.resultsUrl });
  delete process.env.GITHUB_SERVER_URL;
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    await new DefaultArtifactClient().uploadArtifact(name, Object.keys(files).map((f) => path.join(dir, f)), dir);
  } finally {
    for (const [key, value] of [['ACTIONS_RUNTIME_TOKEN', saved.token], ['ACTIONS_RESULTS_URL', saved.results], ['GITHUB_SERVER_URL', saved.server]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

test('a release artifact uploaded by a run on a feature branch is not counted', async () => {
  assert.ok(second, 'the release of v2 did not run');
  // A workflow pushed to the feature branch uploads a release record of its own run: the object's
  // commit, and the deploy id of the last real release (which Salesforce would confirm).
  const feature = github.run({ sha: legacySha, branch: 'feature/legacy' });
  const forged = `salesforce-release-${orgs.production.id}-${feature.runId}-1`;
  await uploadAsRun(feature.runtimeToken, forged, {
    'release.json': JSON.stringify({ orgId: orgs.production.id, commit: legacySha, deployId: second.outputs['deploy-id'], quickDeployed: false, rollbackArtifact: '', runId: feature.runId, runAttempt: 1, deployedAt: new Date().toISOString() }),
  });
  assert.ok(github.repo.artifacts(feature.runId).some((a) => a.name === forged && a.finalized));

  const greeting = path.join(workspace, 'force-app/main/default/classes/Greeting.cls');
  writeFileSync(greeting, readFileSync(greeting, 'utf8').replace('Hi there, ', 'Hi again, '));
  git('commit', '-qam', 'v3');
  const third = await releaseHead();
  assert.equal(third.exitCode, 0, third.stdout);
  assert.ok(orgs.production.component('CustomObject', 'Legacy__c'), 'the release deleted an object the repository never managed');
  // The forged record is newer, but its run is not on a production branch: v2's record is the base.
  const v2 = git('rev-parse', 'HEAD~1');
  assert.match(third.summary, new RegExp(`delta: compared with release ${v2.slice(0, 7)} \\(artifact 'salesforce-release-${orgs.production.id}-${second.runId}-1'`));
  assert.match(third.stdout, new RegExp(`not counted: run ${feature.runId} ran on branch 'feature/legacy', which is not a production branch`));
  assert.equal(third.outputs.components, '1');
});

test('after a rollback production matches no release, and the next delta release packages everything', async () => {
  const last = github.repo.artifacts().filter((a) => a.name.startsWith('salesforce-release-')).at(-1)!;
  const sha = git('rev-parse', 'HEAD');
  const rollback = await runAction({
    eventName: 'workflow_dispatch', sha, workspace, actor: WRITERS[0],
    inputs: { 'production-auth-url': orgs.productionAuthUrl, environment: 'production', 'rollback-run-id': String(last.runId) },
    ...github.run({ sha, event: 'workflow_dispatch', actor: WRITERS[0] }),
  });
  assert.equal(rollback.outputs.status, 'succeeded', rollback.stdout);

  const greeting = path.join(workspace, 'force-app/main/default/classes/Greeting.cls');
  writeFileSync(greeting, readFileSync(greeting, 'utf8').replace('Hi again, ', 'Hi once more, '));
  git('commit', '-qam', 'v4');
  const fourth = await releaseHead();
  assert.equal(fourth.outputs.status, 'succeeded', fourth.stdout);
  assert.match(fourth.summary, new RegExp(`delta: production changed after release [0-9a-f]{7} .*: its last deploy is ${rollback.outputs['deploy-id']}.*; the whole source was packaged`));
  assert.ok(Number(fourth.outputs.components) > 1, `components ${fourth.outputs.components}`);
  assert.ok(orgs.production.component('CustomObject', 'Legacy__c'));
});
