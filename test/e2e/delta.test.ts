import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, test } from '@jest/globals';
import { copyFixtureProject, runAction } from '../support/action-runner.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

const CLASSES = 'force-app/main/default/classes';
let world: OrgWorld;
beforeAll(async () => {
  world = await startOrgs();
});
afterAll(async () => world.close());

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', ...args], { cwd, encoding: 'utf8' }).trim();
}

test('a sandbox deploy puts the whole project in the sandbox', async () => {
  const run = await runAction({ eventName: 'push', ref: 'refs/heads/develop', workspace: copyFixtureProject(), inputs: { mode: 'deploy', environment: 'sandbox', 'sandbox-auth-url': world.sandboxAuthUrl } });
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'succeeded');
  assert.match(run.outputs['deploy-id'], /^0Af/);
  assert.ok(world.sandbox.component('ApexClass', 'Greeting'));
  assert.ok(world.sandbox.component('CustomField', 'Invoice__c.Amount__c'));
});

test('delta validation of a pull request sends only what changed, deletions included', async () => {
  const workspace = copyFixtureProject();
  git(workspace, 'init', '-q', '-b', 'main');
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-qm', 'base');
  const base = git(workspace, 'rev-parse', 'HEAD');
  const service = path.join(workspace, CLASSES, 'InvoiceService.cls');
  writeFileSync(service, readFileSync(service, 'utf8').replace('Decimal sum = 0;', 'Decimal sum = 0.0;'));
  rmSync(path.join(workspace, CLASSES, 'Greeting.cls'));
  rmSync(path.join(workspace, CLASSES, 'Greeting.cls-meta.xml'));
  git(workspace, 'add', '-A');
  git(workspace, 'commit', '-qm', 'change');
  const head = git(workspace, 'rev-parse', 'HEAD');

  const before = world.sandbox.deploys.length;
  const payload = { number: 3, pull_request: { number: 3, base: { sha: base, ref: 'main' }, head: { sha: head, ref: 'feature' }, user: { login: 'carol' } } };
  const run = await runAction({ eventName: 'pull_request', payload, sha: head, ref: 'refs/pull/3/merge', workspace, inputs: { delta: 'true', 'sandbox-auth-url': world.sandboxAuthUrl, 'github-token': '' } });
  assert.equal(run.exitCode, 0, run.stdout);
  assert.equal(run.outputs.status, 'succeeded');
  assert.equal(run.outputs.components, '2');
  assert.match(run.stdout, /Delta [0-9a-f]{7}\.\.[0-9a-f]{7}: 1 component\(s\) to deploy, 1 to delete\./);
  const [deploy] = world.sandbox.deploys.slice(before);
  assert.equal(deploy.checkOnly, true);
  assert.deepEqual(deploy.components.map((c: { type: string; fullName: string }) => `${c.type}:${c.fullName}`).sort(), ['ApexClass:Greeting', 'ApexClass:InvoiceService']);
  assert.ok(world.sandbox.component('ApexClass', 'Greeting'), 'a check-only deploy deleted a class');
  assert.match(run.summary, /delete ApexClass: Greeting/);
});
