// Standard objects exist in every org (issue 10, point 6): a release that adds a custom field to
// Account, with Account's own settings file, and its rollback, end to end through the bundled
// action. The rollback must delete the field the release added and must not try to delete
// Account (Salesforce refuses to delete a standard object; an org emulator without standard
// objects let the snapshot take Account for something the release created).
import assert from 'node:assert/strict';
import { afterAll, beforeAll, test } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import { copyFixtureProject, runAction, type ActionRun } from '../support/action-runner.js';
import { WRITERS, startGitHubWorld, type GitHubWorld } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

const NS = 'http://soap.sforce.com/2006/04/metadata';
const OBJECTS = 'force-app/main/default/objects';

let orgs: OrgWorld;
let github: GitHubWorld;
beforeAll(async () => {
  [orgs, github] = await Promise.all([startOrgs({ pollsToComplete: 1 }), startGitHubWorld({ firstRunId: 9500 })]);
});
afterAll(async () => {
  await Promise.all([orgs?.close(), github?.close()]);
});

test('a release adding a field to Account, and its rollback: the field is deleted, Account stays', async () => {
  const production = orgs.production;
  const pr = github.mergedPullRequest({
    files: {
      [`${OBJECTS}/Account/Account.object-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="${NS}">\n    <enableFeeds>false</enableFeeds>\n</CustomObject>\n`,
      [`${OBJECTS}/Account/fields/Tier__c.field-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="${NS}">\n    <fullName>Tier__c</fullName>\n    <label>Tier</label>\n    <length>20</length>\n    <type>Text</type>\n</CustomField>\n`,
    },
    reviews: [{ user: WRITERS[1], state: 'APPROVED' }],
  });
  const { runtimeToken: _, ...context } = github.run({ sha: pr.mergeSha, event: 'push' });
  const released = await runAction({
    eventName: 'push',
    payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: pr.mergeSha, repository: { full_name: 'acme/crm', default_branch: 'main' }, head_commit: { id: pr.mergeSha } },
    workspace: pr.workspace,
    ref: 'refs/heads/main',
    sha: pr.mergeSha,
    ...context,
    inputs: { environment: 'production', 'required-approvals': 1, 'sandbox-auth-url': orgs.sandboxAuthUrl, 'production-auth-url': orgs.productionAuthUrl },
  });
  assert.equal(released.exitCode, 0, released.stdout);
  assert.ok(production.component('CustomField', 'Account.Tier__c'), 'the release added the field');

  // The rollback artifact restores Account (it existed before the release) and deletes only the new field.
  const artifact = github.repo.artifacts().find((a) => a.name === released.outputs['rollback-artifact']);
  assert.ok(artifact, 'no rollback artifact');
  const manifest = JSON.parse(strFromU8(unzipSync(artifact.bytes)['rollback.json']!)) as { components: Array<{ type: string; fullName: string }>; destructive?: Array<{ type: string; fullName: string }> };
  assert.ok(manifest.components.some((c) => c.type === 'CustomObject' && c.fullName === 'Account'), JSON.stringify(manifest.components));
  assert.deepEqual((manifest.destructive ?? []).filter((c) => /Account/.test(c.fullName)), [{ type: 'CustomField', fullName: 'Account.Tier__c' }]);

  const sha = 'd'.repeat(40);
  const actor = WRITERS[0];
  const { runtimeToken: __, ...dispatch } = github.run({ sha, event: 'workflow_dispatch', actor });
  const rollback: ActionRun = await runAction({
    eventName: 'workflow_dispatch',
    payload: { inputs: { 'rollback-run-id': String(context.runId) }, ref: 'refs/heads/main', sender: { login: actor } },
    workspace: copyFixtureProject(),
    ref: 'refs/heads/main',
    sha,
    actor,
    ...dispatch,
    inputs: { 'rollback-run-id': context.runId, 'production-auth-url': orgs.productionAuthUrl },
  });
  assert.equal(rollback.exitCode, 0, rollback.stdout);
  assert.equal(rollback.outputs.status, 'succeeded');
  assert.equal(production.component('CustomField', 'Account.Tier__c'), undefined, 'the field the release added is gone');
  assert.ok(production.component('CustomObject', 'Account'), 'Account is still there');
  assert.ok(production.components({ includeStandard: true }).some((c) => c.type === 'CustomField' && c.fullName === 'Account.Name'), "Account's standard fields are still there");
});
