// What the org emulator stopped hiding (issue 10), end to end through the bundled action: a
// sandbox that does not enforce 75 % (only coverage-threshold stops the run), a deploy that
// outlives wait-minutes on the org's clock and is cancelled, and a profile in a release and its
// rollback (Salesforce overlays profiles: the rollback must revoke what the release granted).
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { copyFixtureProject, runAction, type ActionRun } from '../support/action-runner.js';
import { AUTHOR, WRITERS, startGitHubWorld, type GitHubWorld } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

const CLASSES = 'force-app/main/default/classes';
const NS = 'http://soap.sforce.com/2006/04/metadata';
const CLASS_META = `<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="${NS}">\n    <apiVersion>62.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n`;

let orgs: OrgWorld;
let github: GitHubWorld;
beforeAll(async () => {
  [orgs, github] = await Promise.all([startOrgs({ pollsToComplete: 1 }), startGitHubWorld({ firstRunId: 9100 })]);
});
afterAll(async () => {
  await Promise.all([orgs?.close(), github?.close()]);
});

/** A project holding only these classes (metadata source format). */
function projectWith(classes: Record<string, string>, extra: Record<string, string> = {}): string {
  const workspace = copyFixtureProject();
  const folder = path.join(workspace, CLASSES);
  rmSync(path.join(workspace, 'force-app'), { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const [name, body] of Object.entries(classes)) {
    writeFileSync(path.join(folder, `${name}.cls`), body);
    writeFileSync(path.join(folder, `${name}.cls-meta.xml`), CLASS_META);
  }
  for (const [file, content] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    writeFileSync(path.join(workspace, file), content);
  }
  return workspace;
}

function validate(workspace: string, inputs: Record<string, string | number>): Promise<ActionRun> {
  const head = 'b'.repeat(40);
  const number = github.repo.addPullRequest({ author: AUTHOR, headSha: head, headRef: 'feature/pricing', title: 'Pricing' });
  const payload = { action: 'synchronize', number, pull_request: { number, head: { sha: head, ref: 'feature/pricing' }, base: { ref: 'main' }, user: { login: AUTHOR } } };
  return runAction({ eventName: 'pull_request', payload, ref: `refs/pull/${number}/merge`, sha: 'c'.repeat(40), workspace, inputs, ...github.run({ sha: 'c'.repeat(40), event: 'pull_request' }) });
}

// Pricing has 5 executable lines; the test reaches gross (3 of them), never net: 60 %.
const PRICING = ['public with sharing class Pricing {', '    public static Integer net(Integer a) {', '        Integer b = a - 1;', '        return b;', '    }', '    public static Integer gross(Integer a) {', '        Integer b = a + 1;', '        Integer c = b * 2;', '        return c;', '    }', '}', ''].join('\n');
const PRICING_TEST = ['@IsTest', 'private class PricingTest {', '    @IsTest', '    static void grosses() {', '        System.assertEquals(6, Pricing.gross(2));', '    }', '}', ''].join('\n');

describe('coverage: the sandbox does not enforce 75 %, coverage-threshold does', () => {
  test('a sandbox validation at 60 % succeeds in Salesforce and is refused by coverage-threshold 75', async () => {
    const run = await validate(projectWith({ Pricing: PRICING, PricingTest: PRICING_TEST }), { 'sandbox-auth-url': orgs.sandboxAuthUrl, 'coverage-threshold': 75 });
    const validation = orgs.sandbox.deploys.at(-1)!;
    assert.equal(validation.result.status, 'Succeeded', 'Salesforce itself accepted the validation');
    const coverage = validation.result.details!.runTestResult!.codeCoverage;
    assert.deepEqual(coverage.map((c) => [c.name, c.numLocations, c.numLocationsNotCovered]), [['Pricing', 5, 2]]);
    assert.equal(run.exitCode, 1, run.stdout);
    assert.equal(run.outputs.status, 'failed');
    assert.equal(run.outputs.coverage, '60');
    // Workflow commands escape % as %25.
    assert.match(run.stdout, /reported org-wide coverage 60%25, below coverage-threshold 75%25/);
    // Salesforce's own warning is not an error of a validation it accepted.
    assert.ok(!run.annotations.some((a) => a.level === 'error' && /Average test coverage/.test(a.message)), JSON.stringify(run.annotations));
    assert.match(run.summary, /Average test coverage across all Apex Classes and Triggers is 60%/);
  });
});

describe('the org clock: a deploy longer than wait-minutes', () => {
  test('times out on the clock, is cancelled by the action, and ends Canceled in the org', async () => {
    const org = orgs.sandbox;
    const polls = org.pollsToComplete;
    // Each component takes an hour of org time (scale 1), so the validation cannot finish in a minute.
    org.pollsToComplete = 1_000_000;
    org.setClock({ scale: 1, queueMs: 0, perComponentMs: 3_600_000, cancelMs: 500 });
    try {
      const before = org.deploys.length;
      const run = await validate(projectWith({ Pricing: PRICING, PricingTest: PRICING_TEST }), { 'sandbox-auth-url': orgs.sandboxAuthUrl, 'wait-minutes': 1 });
      const deploy = org.deploys[before]!;
      assert.equal(run.exitCode, 1, run.stdout);
      assert.equal(run.outputs.status, 'failed');
      assert.match(run.stdout, new RegExp(`${deploy.id} did not finish within wait-minutes \\(1\\); it was cancelled`));
      const cancels = orgs.emulator.requests.filter((r) => r.kind === 'soap.cancelDeploy' && r.orgId === org.id);
      assert.equal(cancels.length, 1);
      assert.equal(cancels[0]!.status, 200);
      await new Promise((r) => setTimeout(r, 600));
      assert.equal(org.deploy(deploy.id).result.status, 'Canceled', 'the org canceled it on its own clock');
    } finally {
      org.setClock(undefined);
      org.pollsToComplete = polls;
    }
  });
});

describe('a profile in a release and its rollback', () => {
  const profile = (entries: string[]): string => `<?xml version="1.0" encoding="UTF-8"?>\n<Profile xmlns="${NS}">\n${entries.join('')}    <custom>false</custom>\n</Profile>\n`;
  const classAccess = (name: string, enabled: boolean): string => `    <classAccesses>\n        <apexClass>${name}</apexClass>\n        <enabled>${enabled}</enabled>\n    </classAccesses>\n`;
  const userPermission = (name: string, enabled: boolean): string => `    <userPermissions>\n        <enabled>${enabled}</enabled>\n        <name>${name}</name>\n    </userPermissions>\n`;
  const DISCOUNTS = 'public with sharing class Discounts {\n    public static Decimal apply(Decimal amount) {\n        return amount * 0.9;\n    }\n}\n';
  const PRICEBOOK = 'public with sharing class PriceBook {\n    public static Decimal listPrice(Decimal cost) {\n        return cost * 1.2;\n    }\n}\n';
  const TESTS = '@isTest\nprivate class PriceBookTest {\n    @isTest\n    static void prices() {\n        System.assertEquals(12, PriceBook.listPrice(10));\n        System.assertEquals(9, Discounts.apply(10));\n    }\n}\n';

  /** A push release of main after merging a pull request that changes these files (on top of the fixture project). */
  async function release(files: Record<string, string>): Promise<{ run: ActionRun; runId: number }> {
    const pr = github.mergedPullRequest({ files, reviews: [{ user: WRITERS[1], state: 'APPROVED' }] });
    const { runtimeToken: _, ...context } = github.run({ sha: pr.mergeSha, event: 'push' });
    const run = await runAction({
      eventName: 'push',
      payload: { ref: 'refs/heads/main', before: '0'.repeat(40), after: pr.mergeSha, repository: { full_name: 'acme/crm', default_branch: 'main' }, head_commit: { id: pr.mergeSha } },
      workspace: pr.workspace,
      ref: 'refs/heads/main',
      sha: pr.mergeSha,
      ...context,
      inputs: { environment: 'production', 'required-approvals': 1, 'sandbox-auth-url': orgs.sandboxAuthUrl, 'production-auth-url': orgs.productionAuthUrl },
    });
    return { run, runId: context.runId };
  }

  async function rollback(of: number): Promise<ActionRun> {
    const sha = 'd'.repeat(40);
    const actor = WRITERS[0];
    const { runtimeToken: _, ...context } = github.run({ sha, event: 'workflow_dispatch', actor });
    return runAction({
      eventName: 'workflow_dispatch',
      payload: { inputs: { 'rollback-run-id': String(of) }, ref: 'refs/heads/main', sender: { login: actor } },
      workspace: copyFixtureProject(),
      ref: 'refs/heads/main',
      sha,
      actor,
      ...context,
      inputs: { 'rollback-run-id': of, 'production-auth-url': orgs.productionAuthUrl },
    });
  }

  const stored = (): string => orgs.production.component('Profile', 'Support')!.files['profiles/Support.profile']!;
  const flag = (xml: string, tag: string, name: string): string | undefined => {
    const entry = new RegExp(`<${tag}>(?:(?!</${tag}>)[\\s\\S])*?<(?:apexClass|name)>${name}</(?:apexClass|name)>[\\s\\S]*?</${tag}>`).exec(xml)?.[0];
    return entry ? /<enabled>(\w+)<\/enabled>/.exec(entry)?.[1] : undefined;
  };

  test('the rollback restores the profile exactly: changed entries back, new grants revoked', async () => {
    // Production before the release: PriceBook is open to Support, Discounts is not, no API access.
    orgs.production.putFiles({
      'classes/Discounts.cls': DISCOUNTS,
      'classes/Discounts.cls-meta.xml': CLASS_META,
      'classes/PriceBook.cls': PRICEBOOK,
      'classes/PriceBook.cls-meta.xml': CLASS_META,
      'classes/PriceBookTest.cls': TESTS,
      'classes/PriceBookTest.cls-meta.xml': CLASS_META,
      'profiles/Support.profile': profile([classAccess('PriceBook', true)]),
    });
    // The release closes PriceBook, opens Discounts and grants API access.
    const files: Record<string, string> = { 'force-app/main/default/profiles/Support.profile-meta.xml': profile([classAccess('Discounts', true), classAccess('PriceBook', false), userPermission('ApiEnabled', true)]) };
    for (const [name, body] of Object.entries({ Discounts: DISCOUNTS, PriceBook: PRICEBOOK, PriceBookTest: TESTS })) {
      files[`${CLASSES}/${name}.cls`] = body;
      files[`${CLASSES}/${name}.cls-meta.xml`] = CLASS_META;
    }
    const released = await release(files);
    assert.equal(released.run.exitCode, 0, released.run.stdout);
    assert.deepEqual([flag(stored(), 'classAccesses', 'PriceBook'), flag(stored(), 'classAccesses', 'Discounts'), flag(stored(), 'userPermissions', 'ApiEnabled')], ['false', 'true', 'true']);

    const run = await rollback(released.runId);
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
    // PriceBook comes back from the artifact; Discounts and ApiEnabled, absent from it, are revoked explicitly.
    assert.deepEqual([flag(stored(), 'classAccesses', 'PriceBook'), flag(stored(), 'classAccesses', 'Discounts'), flag(stored(), 'userPermissions', 'ApiEnabled')], ['true', 'false', 'false']);
    assert.match(run.stdout, /Profile Support: revoking classAccesses Discounts \(granted since the rollback artifact was taken\)/);
    assert.match(run.stdout, /Profile Support: revoking userPermissions ApiEnabled/);
    assert.match(run.summary, /revoking classAccesses Discounts/);
  });
});
