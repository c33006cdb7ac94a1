// The GitHub emulator driven by the real clients: Octokit from @actions/github and
// DefaultArtifactClient from @actions/artifact, unchanged, over HTTP on 127.0.0.1.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { zipSync, strToU8 } from 'fflate';
import { startGitHubEmulator, type EmulatedRepo, type GitHubEmulator } from '../../emulators/github/index.js';

type GitHubModule = typeof import('@actions/github');
type ArtifactModule = typeof import('@actions/artifact');
type Octokit = ReturnType<GitHubModule['getOctokit']>;

const owner = 'acme';
const repoName = 'salesforce-app';
const token = 'ghs_emulator';
const sha = (n: number) => n.toString(16).padStart(40, 'a');

let emulator: GitHubEmulator;
let repo: EmulatedRepo;
let octokit: Octokit;
let artifactLib: ArtifactModule;
let workdir: string;

beforeAll(async () => {
  emulator = await startGitHubEmulator({ token });
  // @actions/github fixes its base URL when first imported, so the env comes first.
  process.env.GITHUB_API_URL = emulator.url;
  process.env.ACTIONS_RESULTS_URL = emulator.resultsUrl;
  delete process.env.GITHUB_SERVER_URL;
  const github: GitHubModule = await import('@actions/github');
  artifactLib = await import('@actions/artifact');
  octokit = github.getOctokit(token);
  repo = emulator.addRepo({ owner, repo: repoName });
  workdir = await mkdtemp(join(tmpdir(), 'gh-emulator-'));
});

afterAll(async () => {
  await emulator.close();
  await rm(workdir, { recursive: true, force: true });
});

const params = () => ({ owner, repo: repoName });

async function rejectsWithStatus(promise: Promise<unknown>, status: number, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (error: { status?: number; message?: string }) => {
    assert.equal(error.status, status);
    if (message) assert.match(error.message ?? '', message);
    return true;
  });
}

describe('REST API through Octokit', () => {
  it('serves the repository with its default branch and visibility', async () => {
    const { data, headers } = await octokit.rest.repos.get(params());
    assert.equal(data.full_name, `${owner}/${repoName}`);
    assert.equal(data.default_branch, 'main');
    assert.equal(data.private, true);
    assert.equal(data.owner.login, owner);
    assert.ok(headers['x-github-request-id']);
    assert.equal(headers['x-ratelimit-limit'], '5000');
  });

  it('tells a protected branch from an unprotected one', async () => {
    repo.setBranch('main', { protected: true, requiredApprovals: 2, dismissStaleReviews: true, sha: sha(1) });
    repo.setBranch('sandbox', { protected: false });
    const main = await octokit.rest.repos.getBranch({ ...params(), branch: 'main' });
    assert.equal(main.data.protected, true);
    assert.equal(main.data.commit.sha, sha(1));
    const protection = await octokit.rest.repos.getBranchProtection({ ...params(), branch: 'main' });
    assert.equal(protection.data.required_pull_request_reviews?.required_approving_review_count, 2);
    assert.equal(protection.data.required_pull_request_reviews?.dismiss_stale_reviews, true);
    const sandbox = await octokit.rest.repos.getBranch({ ...params(), branch: 'sandbox' });
    assert.equal(sandbox.data.protected, false);
    await rejectsWithStatus(octokit.rest.repos.getBranchProtection({ ...params(), branch: 'sandbox' }), 404, /Branch not protected/);
  });

  it('lists the active ruleset rules that apply to a branch', async () => {
    const rulesetId = repo.addRuleset({ name: 'release', branches: ['release/*'], rules: [{ type: 'pull_request', parameters: { required_approving_review_count: 1 } }] });
    repo.addRuleset({ branches: ['~ALL'], enforcement: 'evaluate', rules: [{ type: 'non_fast_forward' }] });
    const { data } = await octokit.rest.repos.getBranchRules({ ...params(), branch: 'release/2026-q4' });
    assert.deepEqual(data.map((r) => [r.type, r.ruleset_id]), [['pull_request', rulesetId]]);
    const rule = data[0];
    assert.ok(rule?.type === 'pull_request');
    assert.equal(rule.parameters?.required_approving_review_count, 1);
    const other = await octokit.rest.repos.getBranchRules({ ...params(), branch: 'release/a/b' });
    assert.deepEqual(other.data, []);
  });

  it('finds the merged pull request behind a merge commit', async () => {
    const number = repo.addPullRequest({ author: 'dev-ana', headSha: sha(10), headRef: 'feature/x', commits: [sha(9), sha(10)] });
    repo.merge(number, sha(11));
    const { data: pulls } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...params(), commit_sha: sha(11) });
    assert.deepEqual(pulls.map((p) => p.number), [number]);
    const { data: pr } = await octokit.rest.pulls.get({ ...params(), pull_number: number });
    assert.equal(pr.merged, true);
    assert.equal(pr.merge_commit_sha, sha(11));
    assert.equal(pr.user.login, 'dev-ana');
    assert.equal(pr.head.sha, sha(10));
    assert.equal(pr.base.ref, 'main');
    const { data: commits } = await octokit.rest.pulls.listCommits({ ...params(), pull_number: number });
    assert.deepEqual(commits.map((c) => c.sha), [sha(9), sha(10)]);
    const none = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({ ...params(), commit_sha: sha(99) });
    assert.deepEqual(none.data, []);
  });

  it('pages reviews with Link headers that octokit.paginate follows', async () => {
    const number = repo.addPullRequest({ author: 'dev-ana', headSha: sha(20) });
    for (let i = 0; i < 105; i++) repo.addReview(number, { user: `reviewer-${i}`, state: 'COMMENTED', commitId: sha(20) });
    const approval = repo.addReview(number, { user: 'lead-bo', state: 'APPROVED', commitId: sha(20) });
    const dismissed = repo.addReview(number, { user: 'lead-cy', state: 'APPROVED', commitId: sha(20) });
    repo.dismissReview(number, dismissed);
    const firstPage = await octokit.rest.pulls.listReviews({ ...params(), pull_number: number, per_page: 100 });
    assert.equal(firstPage.data.length, 100);
    assert.match(firstPage.headers.link ?? '', /rel="next"/);
    const all = await octokit.paginate(octokit.rest.pulls.listReviews, { ...params(), pull_number: number, per_page: 100 });
    assert.equal(all.length, 107);
    const byId = new Map(all.map((r) => [r.id, r]));
    assert.equal(byId.get(approval)?.state, 'APPROVED');
    assert.equal(byId.get(approval)?.user?.login, 'lead-bo');
    assert.equal(byId.get(approval)?.commit_id, sha(20));
    assert.equal(byId.get(dismissed)?.state, 'DISMISSED');
  });

  it('reports collaborator permissions and 404 for a login GitHub does not know', async () => {
    repo.setPermission('lead-bo', 'maintain');
    repo.setPermission('release-bot[bot]', 'write', { type: 'Bot' });
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...params(), username: 'lead-bo' });
    assert.equal(data.permission, 'write');
    assert.equal(data.role_name, 'maintain');
    assert.equal(data.user?.login, 'lead-bo');
    const bot = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...params(), username: 'release-bot[bot]' });
    assert.equal(bot.data.user?.type, 'Bot');
    const outsider = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...params(), username: 'dev-ana' });
    assert.equal(outsider.data.permission, 'none');
    emulator.addRepo({ owner, repo: 'public-docs', visibility: 'public' });
    const reader = await octokit.rest.repos.getCollaboratorPermissionLevel({ owner, repo: 'public-docs', username: 'dev-ana' });
    assert.equal(reader.data.permission, 'read', 'anyone can read a public repository');
    await rejectsWithStatus(octokit.rest.repos.getCollaboratorPermissionLevel({ ...params(), username: 'nobody-at-all' }), 404);
  });

  it('answers team membership with 200 for members and 404 otherwise', async () => {
    repo.addTeam(owner, 'release-managers', ['lead-bo']);
    const { data } = await octokit.rest.teams.getMembershipForUserInOrg({ org: owner, team_slug: 'release-managers', username: 'lead-bo' });
    assert.deepEqual({ state: data.state, role: data.role }, { state: 'active', role: 'member' });
    await rejectsWithStatus(octokit.rest.teams.getMembershipForUserInOrg({ org: owner, team_slug: 'release-managers', username: 'dev-ana' }), 404);
  });

  it('round-trips a deployment and its statuses', async () => {
    const { data: deployment } = await octokit.rest.repos.createDeployment({
      ...params(), ref: 'main', environment: 'production', auto_merge: false, required_contexts: [],
      payload: { artifact: 'rollback-snapshot' }, description: 'Gated deploy',
    });
    assert.ok('id' in deployment);
    assert.equal(deployment.sha, sha(1));
    assert.equal(deployment.production_environment, true);
    await octokit.rest.repos.createDeploymentStatus({ ...params(), deployment_id: deployment.id, state: 'in_progress' });
    await octokit.rest.repos.createDeploymentStatus({
      ...params(), deployment_id: deployment.id, state: 'success', environment_url: 'https://example.my.salesforce.com', log_url: 'https://github.com/run/1',
    });
    const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({ ...params(), deployment_id: deployment.id });
    assert.deepEqual(statuses.map((s) => s.state), ['success', 'in_progress']);
    assert.equal(statuses[0]?.target_url, 'https://github.com/run/1');
    const { data: listed } = await octokit.rest.repos.listDeployments({ ...params(), environment: 'production', sha: sha(1) });
    assert.deepEqual(listed.map((d) => d.id), [deployment.id]);
    const [recorded] = repo.deployments();
    assert.deepEqual(recorded?.payload, { artifact: 'rollback-snapshot' });
    assert.deepEqual(recorded?.statuses.map((s) => s.state), ['in_progress', 'success']);
    await rejectsWithStatus(
      // @ts-expect-error GitHub rejects a state outside its enum, and so must the emulator.
      octokit.rest.repos.createDeploymentStatus({ ...params(), deployment_id: deployment.id, state: 'done' }),
      422, /Validation Failed/);
  });

  it('creates and updates an issue comment on a pull request', async () => {
    const number = repo.addPullRequest({ author: 'dev-ana', headSha: sha(30) });
    const { data: created } = await octokit.rest.issues.createComment({ ...params(), issue_number: number, body: 'Validation passed' });
    assert.equal(created.user?.login, 'github-actions[bot]');
    await octokit.rest.issues.updateComment({ ...params(), comment_id: created.id, body: 'Deployed' });
    const { data: listed } = await octokit.rest.issues.listComments({ ...params(), issue_number: number });
    assert.deepEqual(listed.map((c) => c.body), ['Deployed']);
    assert.deepEqual(repo.comments(number).map((c) => c.body), ['Deployed']);
  });

  it('lists the deployment reviews of a workflow run', async () => {
    repo.addWorkflowRun({ id: 9001, actor: 'dev-ana', headSha: sha(1) });
    repo.approveDeploymentReview(9001, { user: 'lead-bo', environment: 'production', comment: 'Ship it' });
    const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...params(), run_id: 9001 });
    assert.equal(run.head_sha, sha(1));
    const { data: approvals } = await octokit.rest.actions.getReviewsForRun({ ...params(), run_id: 9001 });
    assert.equal(approvals.length, 1);
    assert.equal(approvals[0]?.state, 'approved');
    assert.equal(approvals[0]?.user.login, 'lead-bo');
    assert.deepEqual(approvals[0]?.environments.map((e) => e.name), ['production']);
  });

  it('rejects a wrong token with 401 and an unknown route with 404', async () => {
    const github: GitHubModule = await import('@actions/github');
    await rejectsWithStatus(github.getOctokit('ghs_wrong').rest.repos.get(params()), 401, /Bad credentials/);
    await rejectsWithStatus(octokit.request('GET /repos/{owner}/{repo}/nothing-here', params()), 404, /Not Found/);
    assert.ok(emulator.requests.every((r) => !r.path.includes(token) && !JSON.stringify(r).includes('ghs_wrong')));
  });

  it('fails a request with an injected fault once, then recovers', async () => {
    emulator.faults.add({ kind: 'rest.repos.get', fault: 'http-502' });
    await rejectsWithStatus(octokit.rest.repos.get(params()), 502);
    const { status } = await octokit.rest.repos.get(params());
    assert.equal(status, 200);
    assert.deepEqual(emulator.requests.filter((r) => r.kind === 'rest.repos.get').slice(-2).map((r) => r.status), [502, 200]);
  });
});

describe('artifacts through DefaultArtifactClient', () => {
  const runA = 5001;
  const runB = 5002;
  let source: string;

  beforeAll(async () => {
    source = join(workdir, 'snapshot');
    await mkdir(join(source, 'classes'), { recursive: true });
    await writeFile(join(source, 'package.xml'), '<Package><version>62.0</version></Package>');
    await writeFile(join(source, 'classes', 'Invoice.cls'), 'public class Invoice {}');
  });

  const useRun = (runId: number) => {
    process.env.ACTIONS_RUNTIME_TOKEN = emulator.runtimeToken({ runId, owner, repo: repoName });
  };
  const files = () => [join(source, 'package.xml'), join(source, 'classes', 'Invoice.cls')];
  const findBy = (workflowRunId: number) => ({ token, workflowRunId, repositoryOwner: owner, repositoryName: repoName });

  it('uploads in one run and downloads the same bytes in that run', async () => {
    useRun(runA);
    const client = new artifactLib.DefaultArtifactClient();
    const uploaded = await client.uploadArtifact('rollback-snapshot', files(), source);
    assert.ok(uploaded.id && uploaded.size && uploaded.digest);
    const { artifact } = await client.getArtifact('rollback-snapshot');
    assert.equal(artifact.id, uploaded.id);
    const target = join(workdir, 'same-run');
    await client.downloadArtifact(artifact.id, { path: target });
    assert.equal(await readFile(join(target, 'classes', 'Invoice.cls'), 'utf8'), 'public class Invoice {}');
    assert.equal(await readFile(join(target, 'package.xml'), 'utf8'), '<Package><version>62.0</version></Package>');
    const [stored] = repo.artifacts(runA);
    assert.equal(stored?.finalized, true);
    assert.equal(stored?.digest, `sha256:${uploaded.digest}`);
    const kinds = emulator.requests.map((r) => r.kind);
    for (const kind of ['twirp.CreateArtifact', 'blob.put', 'twirp.FinalizeArtifact', 'twirp.ListArtifacts', 'twirp.GetSignedArtifactURL', 'blob.get']) {
      assert.ok(kinds.includes(kind), `expected a ${kind} request`);
    }
    assert.ok(emulator.requests.every((r) => !/sig=(?!REDACTED)/.test(r.path)));
  });

  it('downloads another run\'s artifact by run id, owner and repository', async () => {
    useRun(runB);
    const client = new artifactLib.DefaultArtifactClient();
    const { artifact } = await client.getArtifact('rollback-snapshot', { findBy: findBy(runA) });
    const target = join(workdir, 'cross-run');
    const result = await client.downloadArtifact(artifact.id, { path: target, findBy: findBy(runA), expectedHash: artifact.digest });
    assert.equal(result.digestMismatch, false);
    assert.equal(await readFile(join(target, 'classes', 'Invoice.cls'), 'utf8'), 'public class Invoice {}');
    const download = emulator.requests.find((r) => r.kind === 'rest.actions.downloadArtifact');
    assert.equal(download?.status, 302);
  });

  it('refuses a second upload under the same name in the same run', async () => {
    useRun(runA);
    const client = new artifactLib.DefaultArtifactClient();
    await assert.rejects(client.uploadArtifact('rollback-snapshot', files(), source), /409|already exists/);
  });

  it('retries CreateArtifact after an injected 503', async () => {
    useRun(5003);
    emulator.faults.add({ kind: 'twirp.CreateArtifact', fault: 'http-503' });
    const client = new artifactLib.DefaultArtifactClient();
    await client.uploadArtifact('retried', files(), source);
    const creates = emulator.requests.filter((r) => r.kind === 'twirp.CreateArtifact');
    assert.deepEqual(creates.slice(-2).map((r) => r.status), [503, 200]);
  });

  it('serves tampered bytes so the digest check can catch them', async () => {
    const [stored] = repo.artifacts(runA);
    assert.ok(stored);
    repo.setArtifactBytes(stored.id, Buffer.from(zipSync({ 'package.xml': strToU8('<Package>evil</Package>') })));
    useRun(runB);
    const client = new artifactLib.DefaultArtifactClient();
    const target = join(workdir, 'tampered');
    const result = await client.downloadArtifact(stored.id, { path: target, findBy: findBy(runA), expectedHash: stored.digest ?? undefined });
    assert.equal(result.digestMismatch, true);
    assert.equal(await readFile(join(target, 'package.xml'), 'utf8'), '<Package>evil</Package>');
  });

  it('answers 410 for an artifact past its retention date', async () => {
    const [retried] = repo.artifacts(5003);
    assert.ok(retried);
    repo.expireArtifact(retried.id);
    const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({ ...params(), run_id: 5003 });
    assert.equal(data.artifacts[0]?.expired, true);
    await rejectsWithStatus(
      octokit.rest.actions.downloadArtifact({ ...params(), artifact_id: retried.id, archive_format: 'zip', request: { redirect: 'manual' } }),
      410, /Artifact has expired/);
  });
});

describe('workflow runs, attempts and artifact provenance', () => {
  let fork: EmulatedRepo;
  let source: string;

  beforeAll(async () => {
    fork = emulator.addRepo({ owner: 'mallory', repo: repoName, forkOf: { owner, repo: repoName } });
    source = join(workdir, 'provenance');
    await mkdir(source, { recursive: true });
    await writeFile(join(source, 'rollback.json'), '{}');
  });

  const upload = async (runId: number, attempt: number, name: string): Promise<number> => {
    process.env.ACTIONS_RUNTIME_TOKEN = emulator.runtimeToken({ runId, attempt, owner, repo: repoName });
    const client = new artifactLib.DefaultArtifactClient();
    const { id } = await client.uploadArtifact(name, [join(source, 'rollback.json')], source);
    assert.ok(id);
    return id;
  };

  it('answers each attempt of a re-run with its number, event, branch, commit and head repository', async () => {
    repo.addWorkflowRun({ id: 9100, event: 'push', headBranch: 'main', headSha: sha(91), actor: 'dev-ana' });
    repo.addWorkflowRun({ id: 9100, actor: 'lead-bo' });
    const { data: latest } = await octokit.rest.actions.getWorkflowRun({ ...params(), run_id: 9100 });
    assert.equal(latest.run_attempt, 2);
    assert.equal(latest.event, 'push');
    assert.equal(latest.head_branch, 'main');
    assert.equal(latest.head_sha, sha(91));
    assert.equal(latest.triggering_actor?.login, 'lead-bo');
    assert.equal(latest.previous_attempt_url, `${emulator.url}/repos/${owner}/${repoName}/actions/runs/9100/attempts/1`);
    assert.equal(latest.repository.full_name, `${owner}/${repoName}`);
    assert.equal(latest.head_repository.full_name, `${owner}/${repoName}`);
    assert.equal(latest.head_repository.fork, false);

    const { data: first } = await octokit.rest.actions.getWorkflowRunAttempt({ ...params(), run_id: 9100, attempt_number: 1 });
    assert.equal(first.run_attempt, 1);
    assert.equal(first.actor?.login, 'dev-ana');
    assert.equal(first.head_sha, sha(91));
    assert.equal(first.previous_attempt_url, null);
    await rejectsWithStatus(octokit.rest.actions.getWorkflowRunAttempt({ ...params(), run_id: 9100, attempt_number: 3 }), 404);
    assert.deepEqual(repo.workflowRunAttempts(9100).map((a) => [a.attempt, a.actor]), [[1, 'dev-ana'], [2, 'lead-bo']]);
  });

  it('reports a fork\'s pull-request run with the fork as head repository, in the run and in its artifacts', async () => {
    repo.addWorkflowRun({ id: 9200, event: 'pull_request', headBranch: 'feature/evil', headSha: sha(92), headRepository: { owner: 'mallory', repo: repoName } });
    const { data: run } = await octokit.rest.actions.getWorkflowRun({ ...params(), run_id: 9200 });
    assert.equal(run.event, 'pull_request');
    assert.equal(run.head_branch, 'feature/evil');
    assert.equal(run.repository.id, repo.id);
    assert.equal(run.head_repository.id, fork.id);
    assert.equal(run.head_repository.full_name, `mallory/${repoName}`);
    assert.equal(run.head_repository.fork, true);
    const { data: forkRepo } = await octokit.rest.repos.get({ owner: 'mallory', repo: repoName });
    assert.equal(forkRepo.fork, true);

    const id = await upload(9200, 1, 'salesforce-rollback-forged');
    const { data } = await octokit.rest.actions.getArtifact({ ...params(), artifact_id: id });
    assert.deepEqual(data.workflow_run, { id: 9200, repository_id: repo.id, head_repository_id: fork.id, head_branch: 'feature/evil', head_sha: sha(92) });
  });

  it('gives every artifact the run that uploaded it, whichever attempt did', async () => {
    repo.addWorkflowRun({ id: 9300, event: 'workflow_dispatch', headBranch: 'release', headSha: sha(93) });
    const first = await upload(9300, 1, 'snapshot-1');
    repo.addWorkflowRun({ id: 9300 });
    const second = await upload(9300, 2, 'snapshot-2');
    const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({ ...params(), run_id: 9300 });
    assert.deepEqual(data.artifacts.map((a) => a.id).sort(), [first, second].sort());
    for (const artifact of data.artifacts) {
      assert.deepEqual(artifact.workflow_run, { id: 9300, repository_id: repo.id, head_repository_id: repo.id, head_branch: 'release', head_sha: sha(93) });
    }
    const { data: repoWide } = await octokit.rest.actions.listArtifactsForRepo({ ...params(), name: 'snapshot-2' });
    assert.deepEqual(repoWide.artifacts.map((a) => [a.id, a.workflow_run?.id]), [[second, 9300]]);
  });

  it('lists runs newest first, filtered by head_sha, event and branch', async () => {
    repo.addWorkflowRun({ id: 9401, event: 'pull_request', headBranch: 'feature/a', headSha: sha(94) });
    repo.addWorkflowRun({ id: 9402, event: 'push', headBranch: 'main', headSha: sha(94) });
    repo.addWorkflowRun({ id: 9403, event: 'push', headBranch: 'main', headSha: sha(95) });
    const list = async (query: Record<string, string>) =>
      (await octokit.rest.actions.listWorkflowRunsForRepo({ ...params(), ...query })).data;
    const bySha = await list({ head_sha: sha(94) });
    assert.equal(bySha.total_count, 2);
    assert.deepEqual(bySha.workflow_runs.map((r) => r.id), [9402, 9401]);
    assert.deepEqual((await list({ head_sha: sha(94), event: 'pull_request' })).workflow_runs.map((r) => r.id), [9401]);
    assert.deepEqual((await list({ branch: 'main', event: 'push' })).workflow_runs.map((r) => r.id).filter((id) => id > 9400), [9403, 9402]);
    const paged = await list({ event: 'push', per_page: '1' });
    assert.equal(paged.workflow_runs.length, 1);
    assert.ok(paged.total_count >= 3);
  });

  it('lists a pull-request run of this repository with its pull request, and a fork\'s without', async () => {
    const number = repo.addPullRequest({ author: 'dev-ana', headSha: sha(96), headRef: 'feature/pr' });
    repo.addWorkflowRun({ id: 9501, event: 'pull_request', headBranch: 'feature/pr', headSha: sha(96) });
    const { data: own } = await octokit.rest.actions.getWorkflowRun({ ...params(), run_id: 9501 });
    assert.deepEqual(own.pull_requests?.map((pr) => [pr.number, pr.head.sha]), [[number, sha(96)]]);
    const { data: forked } = await octokit.rest.actions.getWorkflowRun({ ...params(), run_id: 9200 });
    assert.deepEqual(forked.pull_requests, []);
  });
});
