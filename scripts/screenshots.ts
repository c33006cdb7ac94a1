// npm run screenshots: runs the bundled action (ACTION_DIST, else dist/) against the emulators in
// the scenarios the README shows, and renders what GitHub would show (the job summary, the
// pull-request comment) to docs/screenshots/*.png with headless Chromium. Nothing is written by
// hand: every picture is the Markdown a real run produced.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyFixtureProject, runAction, type ActionRun } from '../test/support/action-runner.js';
import { WRITERS, startGitHubWorld, type GitHubWorld, type MergedPullRequest } from '../test/support/github-world.js';
import { startOrgs, type OrgWorld } from '../test/support/orgs.js';
import { Browser, markdownPage, type Frame } from './render-markdown.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'docs', 'screenshots');
const CLASSES = 'force-app/main/default/classes';

/** The workflow run's inputs for a production pipeline with two required approvals. */
function inputs(orgs: OrgWorld, extra: Record<string, string> = {}): Record<string, string> {
  return { environment: 'production', 'required-approvals': '2', 'sandbox-auth-url': orgs.sandboxAuthUrl, 'production-auth-url': orgs.productionAuthUrl, ...extra };
}

/** The pull-request validation of `pr`, as a `pull_request` workflow runs it. */
async function validatePullRequest(orgs: OrgWorld, github: GitHubWorld, pr: { number: number; headSha: string }, workspace: string): Promise<ActionRun> {
  const sha = 'f'.repeat(40);
  const payload = { action: 'synchronize', number: pr.number, pull_request: { number: pr.number, head: { sha: pr.headSha, ref: 'feature/invoices' }, base: { ref: 'main' }, user: { login: 'carol' } } };
  const { runtimeToken: _, ...context } = github.run({ sha, event: 'pull_request' });
  const { 'production-auth-url': __, ...validation } = inputs(orgs);
  return runAction({ eventName: 'pull_request', payload, ref: `refs/pull/${pr.number}/merge`, sha, workspace, ...context, inputs: validation });
}

/** The release of a merged pull request, as a `push` to main runs it. */
async function release(orgs: OrgWorld, github: GitHubWorld, pr: MergedPullRequest, extra: Record<string, string> = {}): Promise<{ run: ActionRun; runId: number }> {
  const { runtimeToken: _, ...context } = github.run({ sha: pr.mergeSha, event: 'push' });
  const payload = { ref: 'refs/heads/main', before: '0'.repeat(40), after: pr.mergeSha, repository: { full_name: 'acme/crm', default_branch: 'main' }, head_commit: { id: pr.mergeSha } };
  // The workspace is a checkout of the merge commit, as actions/checkout leaves it.
  const run = await runAction({ eventName: 'push', payload, ref: 'refs/heads/main', sha: pr.mergeSha, workspace: pr.workspace, ...context, inputs: inputs(orgs, extra) });
  return { run, runId: context.runId };
}

/** The fixture project with a test that fails and a class whose tests were forgotten. */
function projectWithFailingTest(): string {
  const workspace = copyFixtureProject();
  const test = path.join(workspace, CLASSES, 'InvoiceServiceTest.cls');
  writeFileSync(test, readFileSync(test, 'utf8').replace('System.assertEquals(0, InvoiceService.total(new List<Invoice__c>()));', 'System.assertEquals(0, InvoiceService.total(new List<Invoice__c>())); // emulator:test-fail System.AssertException: Assertion Failed: Expected: 0, Actual: 15'));
  return workspace;
}

function expect(run: ActionRun, status: string, what: string): void {
  if (run.outputs.status !== status) throw new Error(`${what}: expected status ${status}, got ${run.outputs.status}\n${run.stdout}`);
}

const shots: Array<{ file: string; markdown: string; frame: Frame }> = [];
const [orgs, github] = await Promise.all([startOrgs({ pollsToComplete: 3 }), startGitHubWorld()]);
try {
  // 1. A pull request whose validation fails: one Apex test fails.
  const failing = github.repo.addPullRequest({ author: 'carol', headSha: 'a1'.repeat(20), headRef: 'feature/invoices', title: 'Invoice totals' });
  github.repo.addReview(failing, { user: 'alice', state: 'APPROVED', commitId: 'a1'.repeat(20) });
  const failed = await validatePullRequest(orgs, github, { number: failing, headSha: 'a1'.repeat(20) }, projectWithFailingTest());
  expect(failed, 'failed', 'failed validation');
  shots.push({ file: 'failed-validation-summary.png', markdown: failed.summary, frame: { kind: 'summary', caption: '<strong>validate</strong> · job summary' } });
  shots.push({ file: 'failed-validation-comment.png', markdown: github.repo.comments(failing).at(-1)!.body, frame: { kind: 'comment', caption: '<strong>github-actions</strong> commented on pull request #' + failing } });

  // 2. A release blocked at the approvals gate: two approvals required, one given. Its pull
  // request's validation passed and its comment said what the release would need.
  const pr = github.mergedPullRequest({ reviews: [{ user: WRITERS[0], state: 'APPROVED' }] });
  const passed = await validatePullRequest(orgs, github, { number: pr.number, headSha: pr.headSha }, copyFixtureProject());
  expect(passed, 'succeeded', 'passing validation');
  shots.push({ file: 'blocked-release-comment.png', markdown: github.repo.comments(pr.number).at(-1)!.body, frame: { kind: 'comment', caption: `<strong>github-actions</strong> commented on pull request #${pr.number}` } });
  const blocked = await release(orgs, github, pr);
  expect(blocked.run, 'blocked', 'blocked release');
  shots.push({ file: 'blocked-release-summary.png', markdown: blocked.run.summary, frame: { kind: 'summary', caption: '<strong>release</strong> · job summary' } });

  // 3. Two releases, then a rollback of the second one.
  const approved = [{ user: WRITERS[0], state: 'APPROVED' as const }, { user: WRITERS[1], state: 'APPROVED' as const }];
  expect((await release(orgs, github, github.mergedPullRequest({ tree: 'rollback-v1', reviews: approved }))).run, 'succeeded', 'first release');
  const second = await release(orgs, github, github.mergedPullRequest({ tree: 'rollback-v2', reviews: approved }));
  expect(second.run, 'succeeded', 'second release');
  const sha = 'c'.repeat(40);
  const { runtimeToken: _, ...context } = github.run({ sha, event: 'workflow_dispatch', actor: WRITERS[0] });
  const rollback = await runAction({
    eventName: 'workflow_dispatch',
    payload: { inputs: { 'rollback-run-id': String(second.runId) }, ref: 'refs/heads/main', sender: { login: WRITERS[0] } },
    workspace: copyFixtureProject('rollback-v2'),
    ref: 'refs/heads/main',
    sha,
    actor: WRITERS[0],
    ...context,
    inputs: { 'rollback-run-id': String(second.runId), 'production-auth-url': orgs.productionAuthUrl },
  });
  expect(rollback, 'succeeded', 'rollback');
  shots.push({ file: 'rollback-summary.png', markdown: rollback.summary, frame: { kind: 'summary', caption: '<strong>rollback</strong> · job summary' } });
} finally {
  await Promise.all([orgs.close(), github.close()]);
}

mkdirSync(out, { recursive: true });
const browser = await Browser.launch();
try {
  for (const shot of shots) {
    await browser.screenshot(markdownPage(shot.markdown, shot.frame), path.join(out, shot.file));
    console.log(`docs/screenshots/${shot.file}`);
  }
} finally {
  await browser.close();
}
