import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, test } from '@jest/globals';
import { runAction, type ActionRun } from '../support/action-runner.js';
import { WRITERS, startGitHubWorld, type GitHubWorld } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

// A repository with real history: a full release of v1, then a delta release of v2 that deletes
// a custom field, then a rollback of v2 that brings the field back (its definition, not its data).
let orgs: OrgWorld;
let github: GitHubWorld;
let workspace: string;
let release2: { runId: number } & ActionRun;
beforeAll(async () => {
  orgs = await startOrgs();
  github = await startGitHubWorld({ firstRunId: 9300 });
  // v1 is the origin's first commit; the workspace is its checkout, where v2 is committed and pushed.
  workspace = github.checkout(github.origin.main());
  git('checkout', '-q', '-B', 'main');
});
afterAll(async () => {
  await orgs.close();
  await github.close();
});

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', ...args], { cwd: workspace, encoding: 'utf8' }).trim();
}

async function releaseHead(delta: boolean): Promise<{ runId: number } & ActionRun> {
  const sha = git('rev-parse', 'HEAD');
  // The push: main on GitHub is the commit released.
  git('push', '-q', 'origin', 'HEAD:refs/heads/main');
  github.repo.setBranch('main', { protected: true, requiredApprovals: 1, sha });
  const env = github.run({ sha });
  const run = await runAction({ eventName: 'push', ref: 'refs/heads/main', sha, workspace, payload: { before: '0'.repeat(40), after: sha }, inputs: { 'sandbox-auth-url': orgs.sandboxAuthUrl, 'production-auth-url': orgs.productionAuthUrl, environment: 'production', 'required-approvals': '0', delta: String(delta) }, ...env });
  return { ...run, runId: env.runId };
}

test('a delta release deletes only the field removed since the last production deploy', async () => {
  // The team's sandbox holds v1, except the field (it was refreshed before the field existed).
  const sandboxDeploy = await runAction({ eventName: 'push', ref: 'refs/heads/develop', workspace, inputs: { mode: 'deploy', environment: 'sandbox', 'sandbox-auth-url': orgs.sandboxAuthUrl } });
  assert.equal(sandboxDeploy.outputs.status, 'succeeded', sandboxDeploy.stdout);
  assert.ok(orgs.sandbox.removeComponent('CustomField', 'Invoice__c.Amount__c'));

  const first = await releaseHead(false);
  assert.equal(first.outputs.status, 'succeeded', first.stdout);
  assert.ok(orgs.production.component('CustomField', 'Invoice__c.Amount__c'));

  rmSync(path.join(workspace, 'force-app/main/default/objects/Invoice__c/fields/Amount__c.field-meta.xml'));
  const service = path.join(workspace, 'force-app/main/default/classes/InvoiceService.cls');
  writeFileSync(service, readFileSync(service, 'utf8').replace('invoice.Amount__c == null ? 0 : invoice.Amount__c', '1'));
  git('commit', '-qam', 'v2: drop Amount__c');

  release2 = await releaseHead(true);
  assert.equal(release2.outputs.status, 'succeeded', release2.stdout);
  assert.match(release2.stdout, /Delta [0-9a-f]{7}\.\.[0-9a-f]{7}: 1 component\(s\) to deploy, 1 to delete\./);
  assert.equal(release2.outputs.components, '2');
  assert.equal(orgs.production.component('CustomField', 'Invoice__c.Amount__c'), undefined, 'the field is still in production');
  assert.ok(orgs.production.component('CustomObject', 'Invoice__c'), 'the object went with the field');
  assert.match(release2.summary, /delete CustomField: Invoice__c\.Amount__c/);
  // The sandbox lacked the field: a warning there, not a failed validation.
  assert.match(release2.summary, /### Warnings[\s\S]*Sandbox validation: destructiveChangesPost\.xml: No CustomField named: Invoice__c\.Amount__c found/);
  const deploys = orgs.production.deploys.filter((d) => d.id === release2.outputs['deploy-id']);
  assert.equal(deploys[0]?.options.ignoreWarnings, false, 'the production deploy ignored warnings');
});

test('rolling back that release restores the field and warns that its data does not come back', async () => {
  assert.ok(release2, 'the delta release did not run');
  const sha = git('rev-parse', 'HEAD');
  const run = await runAction({ eventName: 'workflow_dispatch', sha, workspace, actor: WRITERS[0], inputs: { 'production-auth-url': orgs.productionAuthUrl, environment: 'production', 'rollback-run-id': String(release2.runId) }, ...github.run({ sha, event: 'workflow_dispatch', actor: WRITERS[0] }) });
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'succeeded');
  assert.ok(orgs.production.component('CustomField', 'Invoice__c.Amount__c'), 'the field was not restored');
  assert.match(orgs.production.component('ApexClass', 'InvoiceService')!.files['classes/InvoiceService.cls'], /invoice\.Amount__c == null/);
  const warning = run.annotations.find((a) => a.level === 'warning' && /Invoice__c\.Amount__c/.test(a.message));
  assert.ok(warning, `no data-loss warning in the log:\n${run.stdout}`);
  assert.match(warning.message, /15 days/);
  assert.match(run.summary, /### Warnings[\s\S]*Invoice__c\.Amount__c/);
});
