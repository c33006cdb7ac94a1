// The GitHub side of the production gate, run through the real Octokit (@actions/github) against
// the GitHub emulator: approvals evidence, the branch gate, deployments and the PR comment.
import assert from 'node:assert/strict';
import { getOctokit } from '@actions/github';
import { afterAll, beforeAll, beforeEach, describe, test } from '@jest/globals';
import { startGitHubEmulator, type EmulatedRepo, type GitHubEmulator } from '../../emulators/github/index.js';
import { GateError } from '../../src/errors.js';
import { assertApprovals, evaluateApprovals, gatherApprovalEvidence, type ApprovalPolicy } from '../../src/github/approvals.js';
import { assertProductionBranch } from '../../src/github/branch.js';
import { createGitHubClient, type GitHubClient } from '../../src/github/client.js';
import { commentMarker, upsertPullRequestComment } from '../../src/github/comment.js';
import { createDeployment, setDeploymentStatus } from '../../src/github/deployments.js';
import type { RunContext } from '../../src/settings.js';

const HEAD = 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1';
const EARLIER = 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2';
const MERGE = 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3';
const RUN_ID = 7001;

let github: GitHubEmulator;
let repoCounter = 0;
let now = Date.parse('2026-08-01T10:00:00Z');

beforeAll(async () => {
  github = await startGitHubEmulator({ clock: () => new Date(now) });
});
afterAll(async () => {
  await github.close();
});

/** A fresh repository per test: acme/crm-N with writers, a reader, a bot and a release team. */
function seedRepository(): EmulatedRepo {
  const repo = github.addRepo({ owner: 'acme', repo: `crm-${++repoCounter}` });
  repo.setBranch('main', { protected: true, sha: MERGE, requiredApprovals: 1 });
  for (const login of ['alice', 'bob', 'carol', 'dave']) repo.setPermission(login, 'write');
  repo.setPermission('erin', 'read');
  repo.setPermission('renovate[bot]', 'write', { type: 'Bot' });
  repo.addTeam('acme', 'release-managers', ['dave']);
  repo.addWorkflowRun({ id: RUN_ID, headSha: MERGE, event: 'push' });
  return repo;
}

function runContext(repo: EmulatedRepo, overrides: Partial<RunContext> = {}): RunContext {
  return {
    eventName: 'push', ref: 'refs/heads/main', sha: MERGE, owner: repo.owner, repo: repo.name, runId: RUN_ID, runAttempt: 1,
    actor: 'carol', workspace: '/tmp/ws', serverUrl: 'https://github.com', apiUrl: github.url, payload: {}, ...overrides,
  };
}

/** Each review a minute after the last, so "latest" is unambiguous. */
function review(repo: EmulatedRepo, pr: number, user: string, state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED', commitId = HEAD): number {
  now += 60_000;
  return repo.addReview(pr, { user, state, commitId, submittedAt: new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z') });
}

async function client(context: RunContext, options = {}): Promise<GitHubClient> {
  return createGitHubClient(github.token, context, { waitUnitMs: 0, ...options });
}

const policy = (overrides: Partial<ApprovalPolicy> = {}): ApprovalPolicy => ({ required: 1, approvers: [], allowStale: false, ...overrides });

describe('approvals against the GitHub emulator', () => {
  let repo: EmulatedRepo;
  let pr: number;
  beforeEach(() => {
    repo = seedRepository();
    pr = repo.addPullRequest({ author: 'carol', headSha: HEAD, commits: [EARLIER, HEAD] });
    repo.merge(pr, MERGE);
  });

  test('finds the pull request merged into the pushed commit and counts a fresh writer approval', async () => {
    review(repo, pr, 'alice', 'APPROVED');
    const context = runContext(repo);
    const evidence = await gatherApprovalEvidence(await client(context), context, policy(), 'production');
    assert.equal(evidence.pullRequest?.number, pr);
    assert.equal(evidence.pullRequest?.author, 'carol');
    assert.equal(evidence.pullRequest?.headSha, HEAD);
    assert.equal(evidence.pullRequest?.mergeCommitSha, MERGE);
    assert.equal(evidence.permissions.alice, 'write');
    const verdict = evaluateApprovals(evidence, policy(), 'production');
    assert.equal(verdict.satisfied, true, verdict.message);
    assert.deepEqual(verdict.counted, [{ login: 'alice', source: 'review' }]);
    assertApprovals(verdict);
  });

  test('blocks when the only approvals are the author’s, a bot’s, a reader’s and a stale one', async () => {
    review(repo, pr, 'carol', 'APPROVED');
    review(repo, pr, 'renovate[bot]', 'APPROVED');
    review(repo, pr, 'erin', 'APPROVED');
    review(repo, pr, 'bob', 'APPROVED', EARLIER);
    const context = runContext(repo);
    const verdict = evaluateApprovals(await gatherApprovalEvidence(await client(context), context, policy(), 'production'), policy(), 'production');
    assert.equal(verdict.satisfied, false);
    assert.deepEqual(
      Object.fromEntries(verdict.notCounted.map((n) => [n.login, n.reason])),
      {
        carol: 'author of the pull request',
        'renovate[bot]': 'bot',
        erin: 'has read access only',
        bob: `stale: approved ${EARLIER.slice(0, 7)}, head is ${HEAD.slice(0, 7)}`,
      },
    );
    assert.throws(() => assertApprovals(verdict), (error: unknown) => error instanceof GateError && /needs 1 more approval/.test(error.message));
  });

  test('an outstanding request for changes blocks until the review is dismissed', async () => {
    review(repo, pr, 'alice', 'APPROVED');
    const requested = review(repo, pr, 'bob', 'CHANGES_REQUESTED');
    const context = runContext(repo);
    const gh = await client(context);
    const blocked = evaluateApprovals(await gatherApprovalEvidence(gh, context, policy(), 'production'), policy(), 'production');
    assert.equal(blocked.satisfied, false);
    assert.deepEqual(blocked.blockers.map((b) => b.login), ['bob']);

    repo.dismissReview(pr, requested);
    const passed = evaluateApprovals(await gatherApprovalEvidence(gh, context, policy(), 'production'), policy(), 'production');
    assert.equal(passed.satisfied, true, passed.message);
  });

  test('counts the deployment review and a team approver once each', async () => {
    review(repo, pr, 'dave', 'APPROVED');
    repo.approveDeploymentReview(RUN_ID, { user: 'dave', environment: 'Production' });
    repo.approveDeploymentReview(RUN_ID, { user: 'alice', environment: 'production' });
    repo.approveDeploymentReview(RUN_ID, { user: 'bob', environment: 'staging' });
    const context = runContext(repo);
    const teamPolicy = policy({ required: 2, approvers: ['acme/release-managers', 'alice'] });
    const evidence = await gatherApprovalEvidence(await client(context), context, teamPolicy, 'production');
    assert.deepEqual(evidence.teamMembers, { 'acme/release-managers': ['dave'] });
    const verdict = evaluateApprovals(evidence, teamPolicy, 'production');
    assert.equal(verdict.satisfied, true, verdict.message);
    assert.deepEqual(verdict.counted, [{ login: 'dave', source: 'review' }, { login: 'alice', source: 'deployment review' }]);
  });

  test('a writer outside the approvers list does not count', async () => {
    review(repo, pr, 'alice', 'APPROVED');
    const context = runContext(repo);
    const teamPolicy = policy({ approvers: ['acme/release-managers'] });
    const verdict = evaluateApprovals(await gatherApprovalEvidence(await client(context), context, teamPolicy, 'production'), teamPolicy, 'production');
    assert.equal(verdict.satisfied, false);
    assert.deepEqual(verdict.notCounted, [{ login: 'alice', reason: 'not in approvers' }]);
  });

  test('a workflow_dispatch of a commit no pull request merged relies on the deployment review alone', async () => {
    const direct = 'd4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4';
    const context = runContext(repo, { eventName: 'workflow_dispatch', sha: direct });
    const gh = await client(context);
    const unapproved = evaluateApprovals(await gatherApprovalEvidence(gh, context, policy(), 'production'), policy(), 'production');
    assert.equal(unapproved.satisfied, false);
    assert.match(unapproved.message, /no pull request was merged into it/);

    repo.approveDeploymentReview(RUN_ID, { user: 'bob', environment: 'production' });
    const evidence = await gatherApprovalEvidence(gh, context, policy(), 'production');
    assert.equal(evidence.pullRequest, undefined);
    const verdict = evaluateApprovals(evidence, policy(), 'production');
    assert.equal(verdict.satisfied, true, verdict.message);
    assert.deepEqual(verdict.counted, [{ login: 'bob', source: 'deployment review' }]);
  });

  test('a pull-request run reports on the event’s pull request without looking it up by commit', async () => {
    const open = repo.addPullRequest({ author: 'bob', headSha: EARLIER });
    review(repo, open, 'alice', 'APPROVED', EARLIER);
    const context = runContext(repo, {
      eventName: 'pull_request', ref: `refs/pull/${open}/merge`, sha: 'e5'.repeat(20),
      payload: { number: open, pull_request: { number: open, user: { login: 'bob' }, head: { sha: EARLIER } } },
    });
    const seen = github.requests.length;
    const verdict = evaluateApprovals(await gatherApprovalEvidence(await client(context), context, policy(), 'production'), policy(), 'production');
    assert.equal(verdict.satisfied, true, verdict.message);
    assert.ok(!github.requests.slice(seen).some((r) => r.kind === 'rest.repos.listPullRequestsAssociatedWithCommit'));
  });

  test('says the token needs read:org when GitHub refuses to show team membership', async () => {
    review(repo, pr, 'alice', 'APPROVED');
    const context = runContext(repo);
    github.faults.add({ kind: 'rest.teams.getMembershipForUserInOrg', fault: 'http-403' });
    await assert.rejects(
      gatherApprovalEvidence(await client(context), context, policy({ approvers: ['acme/release-managers'] }), 'production'),
      /Could not read whether 'alice' is a member of team 'acme\/release-managers' \(HTTP 403: .*\)\. Reading team membership needs a github-token with read:org/,
    );
  });

  test('a run GitHub does not know has no deployment review rather than failing', async () => {
    review(repo, pr, 'alice', 'APPROVED');
    const context = runContext(repo, { runId: 999_999 });
    const evidence = await gatherApprovalEvidence(await client(context), context, policy(), 'production');
    assert.deepEqual(evidence.deploymentApprovals, []);
  });
});

describe('production branch gate against the GitHub emulator', () => {
  test('passes a protected default branch when production-branches is empty', async () => {
    const repo = seedRepository();
    const context = runContext(repo);
    assert.match(await assertProductionBranch(await client(context), context, []), /Branch 'main' matches production-branches \(main\), is protected on GitHub and requires pull-request reviews, and \w{7} is its current head\./);
  });

  test('refuses a protected branch whose protection does not require pull-request reviews', async () => {
    const repo = seedRepository();
    repo.setBranch('main', { protected: true, sha: MERGE });
    const context = runContext(repo);
    await assert.rejects(assertProductionBranch(await client(context), context, []), /Branch 'main' is protected on GitHub, but its protection does not require pull-request reviews/);
  });

  test('passes a protected branch the workflow token cannot read the protection of (403), with a note saying so', async () => {
    const repo = seedRepository();
    repo.setBranch('main', { protected: true, sha: MERGE });
    repo.setAdministrationRead(false);
    const context = runContext(repo);
    const notes: string[] = [];
    assert.match(await assertProductionBranch(await client(context), context, [], (n) => notes.push(n)), /is protected on GitHub \(whether it requires pull-request reviews could not be read\)/);
    assert.match(notes.join('\n'), /HTTP 403: Resource not accessible by integration/);
  });

  test('refuses a commit that is no longer the branch head', async () => {
    const repo = seedRepository();
    repo.setBranch('main', { protected: true, sha: 'f'.repeat(40), requiredApprovals: 1 });
    const context = runContext(repo);
    await assert.rejects(assertProductionBranch(await client(context), context, []), /is not the current head of 'main' \(fffffff\)/);
  });

  test('refuses the default branch when it is not protected', async () => {
    const repo = seedRepository();
    repo.setBranch('main', { protected: false });
    const context = runContext(repo);
    await assert.rejects(assertProductionBranch(await client(context), context, []), /Gate 'branch' refused: Branch 'main' is not protected on GitHub/);
  });

  test('passes a protected branch with a slash matched by a glob', async () => {
    const repo = seedRepository();
    repo.setBranch('release/2026.08', { protected: true, sha: MERGE, requiredApprovals: 1 });
    const context = runContext(repo, { ref: 'refs/heads/release/2026.08' });
    assert.match(await assertProductionBranch(await client(context), context, ['main', 'release/*']), /release\/2026\.08/);
  });

  test('refuses a branch outside production-branches', async () => {
    const repo = seedRepository();
    repo.setBranch('feature/x', { protected: true });
    const context = runContext(repo, { ref: 'refs/heads/feature/x' });
    await assert.rejects(
      assertProductionBranch(await client(context), context, []),
      /Branch 'feature\/x' is not in production-branches \(main\)\. Run the release from main or add the branch to production-branches\./,
    );
  });

  test('retries a GET that fails with a 5xx or a reset connection', async () => {
    const repo = seedRepository();
    const context = runContext(repo);
    const retries: string[] = [];
    github.faults.add({ kind: 'rest.repos.getBranch', fault: 'http-502' });
    github.faults.add({ kind: 'rest.repos.get', fault: 'reset' });
    const gh = await client(context, { onRetry: (m: string) => retries.push(m) });
    assert.match(await assertProductionBranch(gh, context, []), /is protected/);
    assert.equal(retries.length, 2);
    assert.ok(retries.every((m) => !m.includes(github.token)));
  });
});

describe('deployments against the GitHub emulator', () => {
  test('records a production deployment of the commit and its statuses, truncating long descriptions', async () => {
    const repo = seedRepository();
    const context = runContext(repo);
    const gh = await client(context);
    const id = await createDeployment(gh, context, { environment: 'production', description: 'Salesforce deploy', payload: { orgId: '00D000000000001EAA', validationId: '0Af1' } });
    await setDeploymentStatus(gh, context, id, { state: 'in_progress', description: 'Deploying' });
    await setDeploymentStatus(gh, context, id, { state: 'success', description: 'x'.repeat(300), environmentUrl: 'https://acme.my.salesforce.com/lightning/setup/DeployStatus/home' });
    const [deployment] = repo.deployments();
    assert.equal(deployment.id, id);
    assert.equal(deployment.sha, MERGE);
    assert.equal(deployment.task, 'deploy');
    assert.equal(deployment.production_environment, true);
    assert.equal(deployment.transient_environment, false);
    assert.deepEqual(deployment.payload, { orgId: '00D000000000001EAA', validationId: '0Af1' });
    assert.deepEqual(deployment.statuses.map((s) => s.state), ['in_progress', 'success']);
    assert.equal(deployment.statuses[1].description.length, 140);
    assert.equal(deployment.statuses[0].log_url, `https://github.com/${repo.owner}/${repo.name}/actions/runs/${RUN_ID}`);
  });

  test('never retries a POST: a failed create leaves no deployment behind and surfaces the error without the token', async () => {
    const repo = seedRepository();
    const context = runContext(repo);
    const gh = await client(context);
    github.faults.add({ kind: 'rest.repos.createDeployment', fault: 'http-503' });
    const seen = github.requests.length;
    const error = await createDeployment(gh, context, { environment: 'production', description: 'd', payload: {} }).then(
      () => assert.fail('expected the create to fail'),
      (e: unknown) => e,
    );
    assert.equal((error as { status?: number }).status, 503);
    assert.equal(github.requests.slice(seen).filter((r) => r.kind === 'rest.repos.createDeployment').length, 1);
    assert.doesNotMatch(JSON.stringify(error) + String((error as Error).stack), new RegExp(github.token));
    assert.equal(repo.deployments().length, 0);
  });
});

describe('pull-request comment against the GitHub emulator', () => {
  test('creates one marked comment and updates it in place on later runs', async () => {
    const repo = seedRepository();
    const pr = repo.addPullRequest({ author: 'carol', headSha: HEAD });
    const context = runContext(repo, { eventName: 'pull_request' });
    const gh = await client(context);
    const first = await upsertPullRequestComment(gh, context, pr, 'report', 'Validation passed');
    const second = await upsertPullRequestComment(gh, context, pr, 'report', 'Validation passed again');
    assert.equal(second, first);
    const comments = repo.comments(pr);
    assert.equal(comments.length, 1);
    assert.equal(comments[0].body, `${commentMarker('report')}\nValidation passed again`);
  });

  test('finds its comment on a later page and keeps other markers and people’s comments apart', async () => {
    const repo = seedRepository();
    const pr = repo.addPullRequest({ author: 'carol', headSha: HEAD });
    const context = runContext(repo, { eventName: 'pull_request' });
    const gh = await client(context);
    // Other people's comments, through a plain Octokit: the action's client spaces its writes a
    // second apart (plugin-throttling), which is right for the action and slow for 240 comments.
    const people = getOctokit(github.token, { baseUrl: github.url });
    for (let i = 0; i < 120; i++) await people.rest.issues.createComment({ owner: repo.owner, repo: repo.name, issue_number: pr, body: `chatter ${i}` });
    const report = await upsertPullRequestComment(gh, context, pr, 'report', 'one');
    for (let i = 0; i < 120; i++) await people.rest.issues.createComment({ owner: repo.owner, repo: repo.name, issue_number: pr, body: `more ${i}` });
    assert.equal(await upsertPullRequestComment(gh, context, pr, 'report', 'two'), report);
    const other = await upsertPullRequestComment(gh, context, pr, 'rollback', 'three');
    assert.notEqual(other, report);
    const marked = repo.comments(pr).filter((c) => c.body.startsWith('<!-- salesforce-gated-deploy:'));
    assert.deepEqual(marked.map((c) => c.body), [`${commentMarker('report')}\ntwo`, `${commentMarker('rollback')}\nthree`]);
  });

  test('cuts a body longer than GitHub accepts', async () => {
    const repo = seedRepository();
    const pr = repo.addPullRequest({ author: 'carol', headSha: HEAD });
    const context = runContext(repo, { eventName: 'pull_request' });
    await upsertPullRequestComment(await client(context), context, pr, 'report', 'y'.repeat(70_000));
    const [comment] = repo.comments(pr);
    assert.equal(comment.body.length, 65_536);
    assert.match(comment.body, /truncated: the full report is in the job summary\)$/);
  });
});
