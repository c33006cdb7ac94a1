// Issue 7, the gates about events, the checked-out tree, package contents, the branch and
// approvals: each attack an ordinary writer (or a workflow step, or a passer-by on a public
// repository) could mount, run through the bundled action against both emulators, refused;
// and the honest paths next to them still releasing.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { copyFixtureProject, runAction, type ActionRun } from '../support/action-runner.js';
import { git } from '../support/git-repo.js';
import { AUTHOR, READER, startGitHubWorld, type GitHubWorld, type MergedPullRequest, type ReviewGiven } from '../support/github-world.js';
import { startOrgs, type OrgWorld } from '../support/orgs.js';

const CLASSES = 'force-app/main/default/classes';
const BACKDOOR = `${CLASSES}/Backdoor.cls`;
const BACKDOOR_SOURCE = 'public without sharing class Backdoor {\n    public static void run() {}\n}\n';
const CLASS_META = '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">\n    <apiVersion>62.0</apiVersion>\n    <status>Active</status>\n</ApexClass>\n';

let orgs: OrgWorld;
let github: GitHubWorld;

beforeAll(async () => {
  [orgs, github] = await Promise.all([startOrgs({ pollsToComplete: 1 }), startGitHubWorld({ firstRunId: 9700 })]);
});
afterAll(async () => {
  await Promise.all([orgs?.close(), github?.close()]);
});

const approvedByTwo: ReviewGiven[] = [
  { user: 'alice', state: 'APPROVED' },
  { user: 'bob', state: 'APPROVED' },
];

interface Marks {
  salesforce: number;
  github: number;
  productionDeploys: number;
  artifacts: Set<number>;
}

function mark(): Marks {
  return {
    salesforce: orgs.emulator.requests.at(-1)?.seq ?? 0,
    github: github.mark(),
    productionDeploys: orgs.production.deploys.length,
    artifacts: new Set(github.repo.artifacts().map((a) => a.id)),
  };
}

interface Release {
  run: ActionRun;
  since: Marks;
}

/** A run of the action for `sha` in `workspace`, as a workflow on `eventName` (push by default) runs it, targeting production. */
async function release(sha: string, workspace: string, options: { eventName?: string; inputs?: Record<string, string | number | boolean>; payload?: Record<string, unknown> } = {}): Promise<Release> {
  const eventName = options.eventName ?? 'push';
  const { runtimeToken: _, ...context } = github.run({ sha, event: eventName });
  const since = mark();
  const run = await runAction({
    eventName,
    payload: options.payload ?? { ref: 'refs/heads/main', before: '0'.repeat(40), after: sha, repository: { full_name: 'acme/crm', default_branch: 'main' }, pusher: { name: AUTHOR }, head_commit: { id: sha } },
    ref: 'refs/heads/main',
    sha,
    workspace,
    ...context,
    inputs: {
      environment: 'production',
      'sandbox-auth-url': orgs.sandboxAuthUrl,
      'production-auth-url': orgs.productionAuthUrl,
      'required-approvals': 2,
      ...options.inputs,
    },
  });
  return { run, since };
}

/** The message the run failed with (core.setFailed's `::error::` line). */
function failure(run: ActionRun): string {
  const annotation = run.annotations.filter((a) => a.level === 'error' && !a.file).at(-1);
  assert.ok(annotation, `the run did not fail with a message:\n${run.stdout}`);
  return annotation.message;
}

function salesforceSince(since: Marks) {
  return orgs.emulator.requests.filter((r) => r.seq > since.salesforce);
}

/** Refused: blocked (or an input error) with a non-zero exit, production unchanged, no deploy, no artifact. */
function assertRefused(r: Release, expected: { status: 'blocked' | 'failed'; message: RegExp; gate?: string }): void {
  const { run, since } = r;
  assert.equal(run.exitCode, 1, run.stdout);
  assert.equal(run.outputs.status, expected.status, run.stdout);
  const message = failure(run);
  if (expected.gate) assert.ok(message.startsWith(`Gate '${expected.gate}' refused: `), `the message does not name gate '${expected.gate}': ${message}`);
  assert.match(message, expected.message);
  const productionChanges = salesforceSince(since).filter(
    (q) => q.orgId === orgs.production.id && (q.kind === 'soap.deployRecentValidation' || q.kind === 'rest.deployRequest.create' || (q.kind === 'soap.deploy' && q.detail?.checkOnly === false)),
  );
  assert.deepEqual(productionChanges, [], 'a deploy was submitted to production');
  assert.equal(orgs.production.deploys.length, since.productionDeploys, 'production received a deploy');
  assert.deepEqual(github.repo.artifacts().filter((a) => !since.artifacts.has(a.id)).map((a) => a.name), [], 'an artifact was stored');
  assert.equal(run.outputs['deploy-id'], undefined);
}

/** Nothing reached either emulator: the refusal came before any network call. */
function assertNoNetwork(r: Release): void {
  assert.deepEqual(salesforceSince(r.since).map((q) => q.kind), [], 'Salesforce was called');
  assert.deepEqual(github.requestsSince(r.since.github).map((q) => q.kind), [], 'GitHub was called');
}

describe('production deploys and rollbacks run only for push and workflow_dispatch', () => {
  for (const eventName of ['workflow_run', 'repository_dispatch', 'schedule', 'workflow_call', 'release', 'issue_comment']) {
    test(`refuses mode deploy to production on a ${eventName} event, before any network call`, async () => {
      const pr = github.mergedPullRequest({ reviews: approvedByTwo });
      const r = await release(pr.mergeSha, pr.workspace, { eventName, payload: {}, inputs: { mode: 'deploy' } });
      assertRefused(r, { status: 'blocked', gate: 'branch', message: new RegExp(`event '${eventName}' asked for a production deploy, but production deploys and rollbacks run only for push and workflow_dispatch events`) });
      assertNoNetwork(r);
    });
  }

  test('refuses mode rollback on a schedule event, before any network call', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    const r = await release(pr.mergeSha, pr.workspace, { eventName: 'schedule', payload: {}, inputs: { mode: 'rollback', 'rollback-run-id': 9700 } });
    assertRefused(r, { status: 'blocked', gate: 'branch', message: /event 'schedule' asked for a production rollback/ });
    assertNoNetwork(r);
  });

  test('still deploys to a sandbox on a schedule (a sandbox is the team\'s own to refresh)', async () => {
    const workspace = github.checkout(github.origin.main());
    const run = await runAction({ eventName: 'schedule', ref: 'refs/heads/main', workspace, inputs: { mode: 'deploy', environment: 'sandbox', 'sandbox-auth-url': orgs.sandboxAuthUrl } });
    assert.equal(run.exitCode, 0, run.stdout);
    assert.equal(run.outputs.status, 'succeeded');
  });
});

describe('the packaged tree is the approved commit', () => {
  test('refuses a checkout of another commit than GITHUB_SHA, naming both', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    // A workflow step checked out the pull request's head (or any other ref) before the action.
    const workspace = github.checkout(pr.earlierSha);
    const r = await release(pr.mergeSha, workspace);
    assertRefused(r, { status: 'blocked', gate: 'branch', message: new RegExp(`the checked-out commit is ${pr.earlierSha.slice(0, 12)}, but this run releases ${pr.mergeSha.slice(0, 12)} \\(GITHUB_SHA\\)`) });
    assertNoNetwork(r);
  });

  test('refuses a workspace that is not a git checkout', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    const r = await release(pr.mergeSha, copyFixtureProject());
    assertRefused(r, { status: 'blocked', gate: 'branch', message: /cannot be proven to be commit \w{12}: it is not a git checkout/ });
    assertNoNetwork(r);
  });

  test('refuses an untracked class a workflow step wrote into the source folder, naming it', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    writeFileSync(path.join(pr.workspace, BACKDOOR), BACKDOOR_SOURCE);
    writeFileSync(path.join(pr.workspace, `${BACKDOOR}-meta.xml`), CLASS_META);
    const r = await release(pr.mergeSha, pr.workspace);
    assertRefused(r, { status: 'blocked', gate: 'branch', message: new RegExp(`the source folders differ from commit ${pr.mergeSha.slice(0, 12)}: ${BACKDOOR} \\(untracked\\), ${BACKDOOR}-meta\\.xml \\(untracked\\)`) });
    assertNoNetwork(r);
    assert.equal(orgs.production.component('ApexClass', 'Backdoor'), undefined);
  });

  test('the gate and the packaging read .forceignore alike: a git-ignored class in a forceignored folder is neither refused nor deployed, the same class beside it is refused', async () => {
    // The project's .forceignore leaves out **/scratch/**. The tree gate lets a file git ignores
    // through only when the package leaves it out; if the two read .forceignore differently, a
    // class the gate let through would ship.
    github.repo.setAdministrationRead(true);
    try {
      const pr = github.mergedPullRequest({ reviews: approvedByTwo, files: { '.gitignore': 'Stray*\n' } });
      const stray = `${CLASSES}/scratch/Stray.cls`;
      writeFileSync(path.join(pr.workspace, stray), BACKDOOR_SOURCE.replace(/Backdoor/g, 'Stray'));
      writeFileSync(path.join(pr.workspace, `${stray}-meta.xml`), CLASS_META);
      const r = await release(pr.mergeSha, pr.workspace);
      assert.equal(r.run.exitCode, 0, r.run.stdout);
      assert.equal(r.run.outputs.status, 'succeeded');
      assert.equal(orgs.production.component('ApexClass', 'Stray'), undefined, 'a forceignored class is not deployed');
      assert.ok(orgs.production.component('ApexClass', 'Greeting'), 'the package was deployed');

      const pr2 = github.mergedPullRequest({ reviews: approvedByTwo, files: { '.gitignore': 'Stray*\n' } });
      const beside = `${CLASSES}/Stray.cls`;
      writeFileSync(path.join(pr2.workspace, beside), BACKDOOR_SOURCE.replace(/Backdoor/g, 'Stray'));
      writeFileSync(path.join(pr2.workspace, `${beside}-meta.xml`), CLASS_META);
      const refused = await release(pr2.mergeSha, pr2.workspace);
      assertRefused(refused, { status: 'blocked', gate: 'branch', message: new RegExp(`${beside} \\(ignored by git, but packaged\\), ${beside}-meta\\.xml \\(ignored by git, but packaged\\)`) });
      assertNoNetwork(refused);
      assert.equal(orgs.production.component('ApexClass', 'Stray'), undefined);
    } finally {
      github.repo.setAdministrationRead(false);
    }
  });

  test('a .forceignore inside the package folder, nearer than the root one, decides for the gate as for the packaging', async () => {
    // SDR (and the plain packaging) read the nearest .forceignore up from the package folder. A
    // force-app/.forceignore that does not skip Stray* makes the root one's `**/Stray*` moot for
    // the package: the gate must not let a git-ignored Stray class through on the root's word.
    const pr = github.mergedPullRequest({ reviews: approvedByTwo, files: { '.gitignore': 'Stray*\n', '.forceignore': '**/Stray*\n', 'force-app/.forceignore': '**/jsconfig.json\n' } });
    const stray = `${CLASSES}/Stray.cls`;
    writeFileSync(path.join(pr.workspace, stray), BACKDOOR_SOURCE.replace(/Backdoor/g, 'Stray'));
    writeFileSync(path.join(pr.workspace, `${stray}-meta.xml`), CLASS_META);
    const r = await release(pr.mergeSha, pr.workspace);
    assertRefused(r, { status: 'blocked', gate: 'branch', message: new RegExp(`${stray} \\(ignored by git, but packaged\\), ${stray}-meta\\.xml \\(ignored by git, but packaged\\)`) });
    assertNoNetwork(r);
    assert.equal(orgs.production.component('ApexClass', 'Stray'), undefined);
  });

  test('refuses a modified tracked file and a git-ignored file that would be packaged', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo, files: { '.gitignore': '*.resource\n' } });
    const greeting = path.join(pr.workspace, CLASSES, 'Greeting.cls');
    writeFileSync(greeting, readFileSync(greeting, 'utf8').replace('Hello', 'Pwned'));
    mkdirSync(path.join(pr.workspace, 'force-app/main/default/staticresources'), { recursive: true });
    writeFileSync(path.join(pr.workspace, 'force-app/main/default/staticresources/Leak.resource'), 'secret');
    const r = await release(pr.mergeSha, pr.workspace);
    assertRefused(r, { status: 'blocked', gate: 'branch', message: /Greeting\.cls \(modified\).*Leak\.resource \(ignored by git, but packaged\)/ });
  });
});

describe('packages hold only what SFDX says', () => {
  test('refuses a symlink to /proc/self/environ in the source tree as an input error naming the file, before any network call', async () => {
    // A writer commits a "static resource" that is a link to the runner's environment.
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    const resources = path.join(pr.workspace, 'force-app/main/default/staticresources');
    mkdirSync(resources, { recursive: true });
    symlinkSync('/proc/self/environ', path.join(resources, 'Env.resource'));
    writeFileSync(path.join(resources, 'Env.resource-meta.xml'), '<?xml version="1.0" encoding="UTF-8"?>\n<StaticResource xmlns="http://soap.sforce.com/2006/04/metadata">\n    <cacheControl>Private</cacheControl>\n    <contentType>text/plain</contentType>\n</StaticResource>\n');
    const r = await release(pr.mergeSha, pr.workspace);
    assertRefused(r, { status: 'failed', message: /Input 'source-dir': force-app\/main\/default\/staticresources\/Env\.resource is a symbolic link to a path outside its package directory \(force-app\)/ });
    assertNoNetwork(r);

    // The same link in a pull request's validation run never reaches the sandbox either.
    const payload = { number: pr.number, pull_request: { number: pr.number, head: { sha: pr.headSha }, base: { ref: 'main' }, user: { login: AUTHOR } } };
    const since = mark();
    const validation = await runAction({ eventName: 'pull_request', payload, ref: `refs/pull/${pr.number}/merge`, sha: pr.headSha, workspace: pr.workspace, inputs: { 'sandbox-auth-url': orgs.sandboxAuthUrl, 'github-token': '' } });
    assert.equal(validation.exitCode, 1, validation.stdout);
    assert.match(failure(validation), /Env\.resource is a symbolic link to a path outside its package directory/);
    assert.deepEqual(salesforceSince(since).map((q) => q.kind), []);
  });

  test('refuses a source-dir in a sibling folder whose name starts like the repository\'s (../crm-evil)', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    const sibling = `${pr.workspace}-evil`;
    mkdirSync(path.join(sibling, 'main/default/classes'), { recursive: true });
    writeFileSync(path.join(sibling, 'main/default/classes/Backdoor.cls'), BACKDOOR_SOURCE);
    writeFileSync(path.join(sibling, 'main/default/classes/Backdoor.cls-meta.xml'), CLASS_META);
    const r = await release(pr.mergeSha, pr.workspace, { inputs: { 'source-dir': `../${path.basename(sibling)}` } });
    assertRefused(r, { status: 'failed', message: new RegExp(`Input 'source-dir': '\\.\\./${path.basename(sibling)}' is outside the repository`) });
    assertNoNetwork(r);
  });
});

describe('the deployed change is the approved change', () => {
  /** A pull request approved by two writers, merged by a writer who added a class of their own to the merge commit. */
  function evilMerge(): MergedPullRequest {
    const pr = github.openPullRequest({ reviews: approvedByTwo });
    return github.mergePullRequest(pr, { alsoChange: { [BACKDOOR]: BACKDOOR_SOURCE, [`${BACKDOOR}-meta.xml`]: CLASS_META } });
  }

  test('blocks an evil merge (the approved head plus a backdoor), naming the files, when the token cannot read the protection', async () => {
    const merged = evilMerge();
    const r = await release(merged.mergeSha, merged.workspace);
    assertRefused(r, {
      status: 'blocked',
      gate: 'approvals',
      message: new RegExp(`commit ${merged.mergeSha.slice(0, 7)} changes ${BACKDOOR} \\(not in the approved head\\), ${BACKDOOR}-meta\\.xml \\(not in the approved head\\) to content that pull request #${merged.number}'s approved head ${merged.headSha.slice(0, 7)} does not hold`),
    });
    assert.deepEqual(salesforceSince(r.since).filter((q) => q.kind === 'soap.deploy'), [], 'a validation ran before the content was compared');
    assert.match(r.run.summary, /cannot read whether the protection requires pull-request reviews \(HTTP 403/);
    assert.equal(orgs.production.component('ApexClass', 'Backdoor'), undefined);
  });

  test('blocks the same evil merge at the branch gate when the protection is readable and does not require pull requests', async () => {
    const merged = evilMerge();
    github.repo.setAdministrationRead(true);
    github.repo.setBranch('main', { protected: true, sha: merged.mergeSha });
    let r: Release;
    try {
      r = await release(merged.mergeSha, merged.workspace);
    } finally {
      github.repo.setBranch('main', { protected: true, sha: merged.mergeSha, requiredApprovals: 1 });
      github.repo.setAdministrationRead(false);
    }
    assertRefused(r, { status: 'blocked', gate: 'branch', message: /Branch 'main' is protected on GitHub, but its protection does not require pull-request reviews/ });
    assert.deepEqual(salesforceSince(r.since), []);
  });

  test('blocks an evil merge that rewrites a file the pull request also changed', async () => {
    const pr = github.openPullRequest({ reviews: approvedByTwo, files: { 'force-app/main/default/classes/Greeting.cls': 'public with sharing class Greeting {\n    public static String hello(String name) {\n        return \'Hi, \' + name;\n    }\n}\n' } });
    const merged = github.mergePullRequest(pr, { alsoChange: { 'force-app/main/default/classes/Greeting.cls': 'public without sharing class Greeting {\n    public static String hello(String name) {\n        return \'Hi, \' + name;\n    }\n}\n' } });
    const r = await release(merged.mergeSha, merged.workspace);
    assertRefused(r, { status: 'blocked', gate: 'approvals', message: new RegExp(`changes ${CLASSES}/Greeting\\.cls to content that pull request #${merged.number}'s approved head`) });
  });

  test('releases an honest merge from a shallow checkout, fetching the commits it compares from origin', async () => {
    github.repo.setAdministrationRead(true);
    try {
      const pr = github.mergedPullRequest({ reviews: approvedByTwo });
      const shallow = github.checkout(pr.mergeSha, { depth: 1 });
      assert.equal(git(shallow, 'rev-parse', '--is-shallow-repository'), 'true');
      const r = await release(pr.mergeSha, shallow);
      assert.equal(r.run.exitCode, 0, r.run.stdout);
      assert.equal(r.run.outputs.status, 'succeeded');
      assert.match(r.run.stdout, /Gate 'branch' passed: a push event may deploy to production; the checked-out tree is commit \w{7} with no uncommitted or untracked file in force-app\. Branch 'main' matches production-branches \(main\), is protected on GitHub and requires pull-request reviews, and \w{7} is its current head\./);
      assert.match(r.run.stdout, new RegExp(`hold the content of the approved head ${pr.headSha.slice(0, 7)} of pull request #${pr.number}`));
    } finally {
      github.repo.setAdministrationRead(false);
    }
  });

  test('blocks when a shallow checkout cannot fetch the commits to compare, saying how to check out', async () => {
    const pr = github.mergedPullRequest({ reviews: approvedByTwo });
    const shallow = github.checkout(pr.mergeSha, { depth: 1 });
    git(shallow, 'remote', 'set-url', 'origin', `file://${shallow}-gone`);
    const r = await release(pr.mergeSha, shallow);
    assertRefused(r, { status: 'blocked', gate: 'approvals', message: /the checkout lacks commit\(s\) .*fetching them from origin failed .*fetch-depth: 0/ });
  });
});

describe('requests for changes and the branch head', () => {
  test('a request for changes from a reader (anyone, on a public repository) does not block a release', async () => {
    github.repo.addUser('mallory');
    const pr = github.mergedPullRequest({ reviews: [...approvedByTwo, { user: READER, state: 'CHANGES_REQUESTED' }, { user: 'mallory', state: 'CHANGES_REQUESTED' }] });
    const r = await release(pr.mergeSha, pr.workspace, { inputs: { 'dry-run': true } });
    assert.equal(r.run.exitCode, 0, r.run.stdout);
    assert.equal(r.run.outputs.status, 'skipped');
    assert.match(r.run.summary, /erin: not counted, requested changes, but has read access: only a request from someone with write access blocks/);
    assert.match(r.run.summary, /mallory: not counted, requested changes, but has no access/);
  });

  test('re-running an older release is refused: production would go back without a rollback\'s gates', async () => {
    const older = github.mergedPullRequest({ reviews: approvedByTwo });
    const newer = github.mergedPullRequest({ reviews: approvedByTwo });
    const r = await release(older.mergeSha, older.workspace);
    assertRefused(r, {
      status: 'blocked',
      gate: 'branch',
      message: new RegExp(`commit ${older.mergeSha.slice(0, 7)} is not the current head of 'main' \\(${newer.mergeSha.slice(0, 7)}\\): .*run a rollback \\(workflow_dispatch with rollback-run-id\\)`),
    });
    assert.deepEqual(salesforceSince(r.since), []);
  });
});
