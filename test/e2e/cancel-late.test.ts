// A cancel that comes too late, end to end through the bundled action. Salesforce cannot cancel a
// deploy in FinalizingDeploy (Metadata API Developer Guide, "cancelDeploy()" / "DeployResult":
// it commits), and a deploy that finished before the cancel arrived answers INVALID_ID_FIELD
// "Deployment already completed". Either way the action must report what Salesforce did with the
// deploy, not that it was cancelled: the org's clock (emulators/salesforce, `clock.finalizeMs`)
// and the `finish-first` fault make both moments reproducible.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { copyFixtureProject, runAction, type ActionRun } from '../support/action-runner.js';
import { AUTHOR, WRITERS, startGitHubWorld, type GitHubWorld } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

const CLASSES = 'force-app/main/default/classes';
const NS = 'http://soap.sforce.com/2006/04/metadata';
const CLASS_META = `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="${NS}">\n    <apiVersion>62.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`;
const DISCOUNTS = 'public with sharing class Discounts {\n    public static Decimal apply(Decimal amount) {\n        return amount * 0.9;\n    }\n}\n';
const DISCOUNTS_TEST = '@isTest\nprivate class DiscountsTest {\n    @isTest\n    static void applies() {\n        System.assertEquals(9, Discounts.apply(10));\n    }\n}\n';

let orgs: OrgWorld;
let github: GitHubWorld;
beforeAll(async () => {
  [orgs, github] = await Promise.all([startOrgs({ pollsToComplete: 1 }), startGitHubWorld({ firstRunId: 9300 })]);
});
afterAll(async () => {
  await Promise.all([orgs?.close(), github?.close()]);
});

const mark = (): number => orgs.emulator.requests.at(-1)?.seq ?? 0;
const since = (seq: number) => orgs.emulator.requests.filter((r) => r.seq > seq);

/** Runs `body` with the org on a clock and status checks that never move a deploy on their own. */
async function onClock<T>(org: OrgWorld['sandbox'], clock: Parameters<OrgWorld['sandbox']['setClock']>[0], body: () => Promise<T>): Promise<T> {
  const polls = org.pollsToComplete;
  org.pollsToComplete = 1_000_000;
  org.setClock(clock);
  try {
    return await body();
  } finally {
    org.setClock(undefined);
    org.pollsToComplete = polls;
  }
}

describe('main step: wait-minutes runs out', () => {
  test('a production deploy already finalizing when the cancel comes is committed: the release reports the deploy, its rollback artifact and its record', async () => {
    const files: Record<string, string> = {};
    for (const [name, body] of Object.entries({ Discounts: DISCOUNTS, DiscountsTest: DISCOUNTS_TEST })) {
      files[`${CLASSES}/${name}.cls`] = body;
      files[`${CLASSES}/${name}.cls-meta.xml`] = CLASS_META;
    }
    const pr = github.mergedPullRequest({ files, reviews: [{ user: WRITERS[1], state: 'APPROVED' }] });
    const { runtimeToken: _, ...context } = github.run({ sha: pr.mergeSha, event: 'push' });
    const production = orgs.production;
    const before = production.deploys.length;
    const seq = mark();
    // Components and tests take a second; committing takes 100 s of org time (scale 1), so the
    // deploy is in FinalizingDeploy when wait-minutes (1) runs out, and Salesforce commits it.
    const run = await onClock(production, { scale: 1, queueMs: 0, perComponentMs: 50, perTestMs: 50, finalizeMs: 100_000, cancelMs: 500 }, () =>
      runAction({
        eventName: 'push',
        payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: pr.mergeSha, repository: { full_name: 'acme/crm', default_branch: 'main' }, head_commit: { id: pr.mergeSha } },
        workspace: pr.workspace,
        ref: 'refs/heads/main',
        sha: pr.mergeSha,
        ...context,
        inputs: { environment: 'production', 'required-approvals': 1, 'sandbox-auth-url': orgs.sandboxAuthUrl, 'production-auth-url': orgs.productionAuthUrl, 'wait-minutes': 1 },
      }),
    );
    const deploys = production.deploys.slice(before).filter((d) => !d.checkOnly);
    assert.equal(deploys.length, 1, 'one production deploy');
    const deploy = deploys[0]!;

    // Salesforce: the cancel arrived during FinalizingDeploy, changed nothing, and the deploy committed.
    const cancels = since(seq).filter((r) => r.kind === 'soap.cancelDeploy' && r.orgId === production.id);
    assert.deepEqual(cancels.map((r) => [r.status, r.detail?.status]), [[200, 'FinalizingDeploy']]);
    assert.equal(production.deploy(deploy.id).result.status, 'Succeeded');
    assert.ok(production.component('ApexClass', 'Discounts'), 'production holds the released class');

    // The run says what happened: the deploy succeeded and production changed.
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    assert.equal(run.outputs['deploy-id'], deploy.id);
    assert.equal(run.outputs['rollback-artifact'], `salesforce-rollback-${production.id}-${context.runId}-1`);
    assert.doesNotMatch(run.stdout, /it was cancelled/);
    const late = new RegExp(`production deploy ${deploy.id} did not finish within wait-minutes \\(1\\) and the action asked Salesforce to cancel it, but Salesforce was already finalizing it \\(a deploy in FinalizingDeploy cannot be cancelled\\): Salesforce reports it Succeeded, so the org was changed`);
    assert.ok(run.annotations.some((a) => a.level === 'warning' && late.test(a.message)), JSON.stringify(run.annotations));
    assert.match(run.summary, late);
    assert.match(run.summary, new RegExp(`Deployed to production Acme \\(${deploy.id}`));

    // GitHub shows the deploy as a success, and the release is recorded for the next delta and rollback.
    const deployment = github.repo.deployments().find((d) => d.sha === pr.mergeSha);
    assert.deepEqual(deployment?.statuses.map((s) => s.state), ['in_progress', 'success']);
    const artifacts = github.repo.artifacts().filter((a) => a.runId === context.runId && a.finalized);
    assert.ok(artifacts.some((a) => a.name === run.outputs['rollback-artifact']), artifacts.map((a) => a.name).join(', '));
    const record = artifacts.find((a) => a.name.startsWith('salesforce-release-'));
    assert.ok(record, 'no release record artifact');
    const released = JSON.parse(strFromU8(unzipSync(record.bytes)['release.json']!)) as { deployId: string; rollbackArtifact: string; commit: string };
    assert.deepEqual([released.deployId, released.rollbackArtifact, released.commit], [deploy.id, run.outputs['rollback-artifact'], pr.mergeSha]);
  });

  test('a validation that finished (failed) just before the cancel: Salesforce answers "already completed" and the run reports the failure', async () => {
    const sandbox = orgs.sandbox;
    sandbox.scriptTestFailure('DiscountsTest', 'applies', { message: 'System.AssertException: Assertion Failed: Expected: 9, Actual: 10' });
    const workspace = copyFixtureProject();
    rmSync(path.join(workspace, 'force-app'), { recursive: true, force: true });
    mkdirSync(path.join(workspace, CLASSES), { recursive: true });
    for (const [name, body] of Object.entries({ Discounts: DISCOUNTS, DiscountsTest: DISCOUNTS_TEST })) {
      writeFileSync(path.join(workspace, CLASSES, `${name}.cls`), body);
      writeFileSync(path.join(workspace, CLASSES, `${name}.cls-meta.xml`), CLASS_META);
    }
    const head = 'e'.repeat(40);
    const number = github.repo.addPullRequest({ author: AUTHOR, headSha: head, headRef: 'feature/discounts', title: 'Discounts' });
    const payload = { action: 'synchronize', number, pull_request: { number, head: { sha: head, ref: 'feature/discounts' }, base: { ref: 'main' }, user: { login: AUTHOR } } };
    const before = sandbox.deploys.length;
    const seq = mark();
    // Each test takes an hour of org time, so the validation is still running at wait-minutes (1);
    // it then ends (its test failed) just before the cancel arrives.
    orgs.emulator.faults.add({ kind: 'soap.cancelDeploy', fault: 'finish-first', orgId: sandbox.id });
    try {
      const run = await onClock(sandbox, { scale: 1, queueMs: 0, perComponentMs: 50, perTestMs: 3_600_000 }, () =>
        runAction({ eventName: 'pull_request', payload, ref: `refs/pull/${number}/merge`, sha: 'f'.repeat(40), workspace, inputs: { 'sandbox-auth-url': orgs.sandboxAuthUrl, 'wait-minutes': 1 }, ...github.run({ sha: 'f'.repeat(40), event: 'pull_request' }) }),
      );
      const validation = sandbox.deploys[before]!;
      const cancels = since(seq).filter((r) => r.kind === 'soap.cancelDeploy');
      assert.deepEqual(cancels.map((r) => [r.fault, r.status, r.detail?.faultcode]), [['finish-first', 500, 'INVALID_ID_FIELD']]);
      assert.equal(validation.result.status, 'Failed');

      assert.equal(run.exitCode, 1, run.stdout);
      assert.equal(run.outputs.status, 'failed');
      assert.equal(run.outputs['validation-id'], validation.id);
      assert.equal(run.outputs['tests-failed'], '1');
      assert.doesNotMatch(run.stdout, /it was cancelled/);
      assert.match(run.stdout, new RegExp(`${validation.id} finished before the cancel reached Salesforce \\(INVALID_ID_FIELD: Deployment already completed\\): nothing to cancel`));
      assert.match(run.stdout, /it had finished before the cancel reached Salesforce: Salesforce reports it Failed/);
      // The test failure is reported as for any failed validation, at its line in the test class.
      assert.ok(run.annotations.some((a) => a.level === 'error' && a.file === `${CLASSES}/DiscountsTest.cls` && /Assertion Failed/.test(a.message)), JSON.stringify(run.annotations));
    } finally {
      sandbox.clearScripts();
      orgs.emulator.faults.clear();
    }
  });
});

describe('post step', () => {
  /** A one-class metadata-format zip. */
  const zip = (): Uint8Array =>
    zipSync({
      'package.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Package xmlns="${NS}"><types><members>LeftRunning</members><name>ApexClass</name></types><version>62.0</version></Package>`),
      'classes/LeftRunning.cls': strToU8('public class LeftRunning {}'),
      'classes/LeftRunning.cls-meta.xml': strToU8(CLASS_META),
    });

  function post(pendingDeploy: Record<string, string>): Promise<ActionRun> {
    return runAction({
      eventName: 'push',
      ref: 'refs/heads/feature/x',
      workspace: copyFixtureProject(),
      inputs: { mode: 'validate', 'sandbox-auth-url': orgs.sandboxAuthUrl },
      postState: { isPost: 'true', pendingDeploy: JSON.stringify(pendingDeploy) },
    });
  }

  test('a deploy that finishes between the status check and the cancel: nothing to cancel, and the final status is reported', async () => {
    const sandbox = orgs.sandbox;
    const polls = sandbox.pollsToComplete;
    sandbox.pollsToComplete = 1_000_000;
    try {
      const deploy = sandbox.submitDeploy(zip(), { checkOnly: false, rollbackOnError: true, singlePackage: true, testLevel: 'NoTestRun' }, 'soap', sandbox.users[0]!.id);
      // The main step saw it running before the job was cancelled.
      sandbox.checkDeploy(deploy.id);
      sandbox.checkDeploy(deploy.id);
      assert.equal(sandbox.deploy(deploy.id).result.status, 'InProgress');
      orgs.emulator.faults.add({ kind: 'soap.cancelDeploy', fault: 'finish-first', orgId: sandbox.id });
      const seq = mark();
      const run = await post({ role: 'sandbox', id: deploy.id });

      assert.equal(run.exitCode, 0, run.stdout);
      assert.deepEqual(since(seq).filter((r) => r.kind === 'soap.cancelDeploy').map((r) => [r.status, r.detail?.faultcode]), [[500, 'INVALID_ID_FIELD']]);
      assert.equal(sandbox.deploy(deploy.id).result.status, 'Succeeded');
      assert.ok(!run.annotations.some((a) => a.level === 'warning' || a.level === 'error'), JSON.stringify(run.annotations));
      assert.match(run.stdout, new RegExp(`sandbox deploy ${deploy.id} was running \\(Salesforce reported it InProgress\\); it finished before the cancel reached Salesforce \\(INVALID_ID_FIELD: Deployment already completed\\), so there is nothing to cancel`));
      assert.match(run.stdout, new RegExp(`Salesforce reports sandbox deploy ${deploy.id} Succeeded: the sandbox org was changed although the main step did not finish`));
      assert.doesNotMatch(run.stdout, /cancelling it/);
    } finally {
      sandbox.pollsToComplete = polls;
      orgs.emulator.faults.clear();
    }
  });

  test('a deploy in FinalizingDeploy: the cancel is taken, Salesforce commits it, and the post step says so', async () => {
    const sandbox = orgs.sandbox;
    const seq = mark();
    // Committing takes 30 s of org time: the post step starts while the deploy finalizes.
    const { run, deploy } = await onClock(sandbox, { scale: 1, queueMs: 0, perComponentMs: 10, finalizeMs: 30_000 }, async () => {
      const deploy = sandbox.submitDeploy(zip(), { checkOnly: false, rollbackOnError: true, singlePackage: true, testLevel: 'NoTestRun' }, 'soap', sandbox.users[0]!.id);
      while (sandbox.deploy(deploy.id).result.status !== 'FinalizingDeploy') await new Promise((r) => setTimeout(r, 20));
      return { run: await post({ role: 'sandbox', id: deploy.id }), deploy };
    });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.deepEqual(since(seq).filter((r) => r.kind === 'soap.cancelDeploy').map((r) => [r.status, r.detail?.status]), [[200, 'FinalizingDeploy']]);
    assert.equal(sandbox.deploy(deploy.id).result.status, 'Succeeded');
    assert.match(run.stdout, new RegExp(`sandbox deploy ${deploy.id} was running; cancelling it \\(Salesforce reported it FinalizingDeploy\\)`));
    assert.match(run.stdout, new RegExp(`Salesforce reports sandbox deploy ${deploy.id} Succeeded: the sandbox org was changed although the main step did not finish`));
    assert.ok(!run.annotations.some((a) => a.level === 'warning' || a.level === 'error'), JSON.stringify(run.annotations));
  });
});
