import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { copyFixtureProject, runAction, type ActionRun } from '../support/action-runner.js';
import { OWNER, REPO, startGitHubWorld, type GitHubWorld } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

// The delta base of a release is a commit proven deployed: a release artifact of an earlier run on
// a production branch, whose production deploy Salesforce confirms. A GitHub Deployment anyone with
// `deployments: write` can create is never that proof.
let orgs: OrgWorld;
let github: GitHubWorld;
let workspace: string;
before(async () => {
  orgs = await startOrgs();
  github = await startGitHubWorld({ firstRunId: 9500 });
  workspace = copyFixtureProject();
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-qm', 'v1');
});
after(async () => {
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
  const first = await releaseHead();
  assert.equal(first.outputs.status, 'succeeded', first.stdout);
  assert.match(first.summary, /whole source/);

  // A commit on another branch that holds the object; a forged "successful production deployment" of it.
  git('checkout', '-qb', 'feature/legacy');
  const dir = path.join(workspace, 'force-app/main/default/objects/Legacy__c');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'Legacy__c.object-meta.xml'), LEGACY_OBJECT);
  git('add', '-A');
  git('commit', '-qm', 'legacy object');
  await forgeSuccessfulDeployment(git('rev-parse', 'HEAD'));
  git('checkout', '-q', 'main');

  // An approved one-line change on main.
  const greeting = path.join(workspace, 'force-app/main/default/classes/Greeting.cls');
  writeFileSync(greeting, readFileSync(greeting, 'utf8').replace('Hello, ', 'Hi there, '));
  git('commit', '-qam', 'v2: friendlier greeting');

  const second = await releaseHead();
  assert.equal(second.exitCode, 0, second.stdout);
  assert.equal(second.outputs.status, 'succeeded');
  assert.ok(orgs.production.component('CustomObject', 'Legacy__c'), 'the release deleted an object the repository never managed');
  const deploy = orgs.production.deploys.find((d) => d.id === second.outputs['deploy-id']);
  assert.ok(deploy, 'no production deploy');
  // The honest base still works: v1 was released by run `first`, which Salesforce confirms.
  assert.match(second.stdout, new RegExp(`Delta ${first.outputs['deploy-id'] ? '[0-9a-f]{7}' : ''}\\.\\.[0-9a-f]{7}: 1 component\\(s\\) to deploy, 0 to delete\\.`));
  assert.equal(second.outputs.components, '1');
  assert.match(orgs.production.component('ApexClass', 'Greeting')!.files['classes/Greeting.cls'], /Hi there, /);
});
