// The GitHub client's retry and rate-limit behaviour (@octokit/plugin-retry and
// @octokit/plugin-throttling under our policy), through the real Octokit against the GitHub
// emulator answering as GitHub does when a limit is hit.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startGitHubEmulator, type EmulatedRepo, type GitHubEmulator } from '../../emulators/github/index.js';
import { createGitHubClient, type GitHubClientOptions } from '../../src/github/client.js';
import type { RunContext } from '../../src/settings.js';

let github: GitHubEmulator;
let repoCounter = 0;

beforeAll(async () => {
  github = await startGitHubEmulator();
});
afterAll(async () => {
  await github.close();
});

function seed(): { repo: EmulatedRepo; context: RunContext } {
  const repo = github.addRepo({ owner: 'acme', repo: `client-${++repoCounter}` });
  repo.setBranch('main', { protected: true, sha: 'c'.repeat(40) });
  const context: RunContext = {
    eventName: 'push', ref: 'refs/heads/main', sha: 'c'.repeat(40), owner: repo.owner, repo: repo.name, runId: 1, runAttempt: 1,
    actor: 'carol', workspace: '/tmp/ws', serverUrl: 'https://github.com', apiUrl: github.url, payload: {},
  };
  return { repo, context };
}

/** Waits shrink to a millisecond per second GitHub names, so nothing sleeps for real. */
const client = (context: RunContext, retries: string[], options: GitHubClientOptions = {}) =>
  createGitHubClient(github.token, context, { waitUnitMs: 1, onRetry: (m) => retries.push(m), ...options });

const requestsOf = (kind: string, since: number) => github.requests.slice(since).filter((r) => r.kind === kind);

describe('rate limits', () => {
  test('a GET that hits the primary rate limit is sent again after the reset and succeeds', async () => {
    const { repo, context } = seed();
    const retries: string[] = [];
    const gh = await client(context, retries);
    github.faults.add({ kind: 'rest.repos.get', fault: 'rate-limit', retryAfterSeconds: 2 });
    const seen = github.requests.length;
    const { data } = await gh.octokit.rest.repos.get({ owner: repo.owner, repo: repo.name });
    assert.equal(data.name, repo.name);
    expect(requestsOf('rest.repos.get', seen).map((r) => r.status)).toEqual([403, 200]);
    assert.equal(retries.length, 1);
    assert.match(retries[0], /^GitHub rate limit reached on GET \/repos\/\{owner\}\/\{repo\}; retrying in \d+ s\.$/);
    assert.ok(retries.every((m) => !m.includes(github.token)));
  });

  test('a POST refused by the secondary rate limit is sent again, and applied once', async () => {
    const { repo, context } = seed();
    const retries: string[] = [];
    const gh = await client(context, retries);
    github.faults.add({ kind: 'rest.repos.createDeployment', fault: 'secondary-rate-limit', retryAfterSeconds: 3 });
    const seen = github.requests.length;
    await gh.octokit.rest.repos.createDeployment({ owner: repo.owner, repo: repo.name, ref: 'main', environment: 'production', auto_merge: false, required_contexts: [] });
    expect(requestsOf('rest.repos.createDeployment', seen).map((r) => r.status)).toEqual([403, 201]);
    assert.equal(repo.deployments().length, 1);
    assert.match(retries[0], /^GitHub secondary rate limit reached on POST .*; retrying in 3 s\.$/);
  });

  test('gives up at once when the limit resets later than it is willing to wait', async () => {
    const { repo, context } = seed();
    const retries: string[] = [];
    const gh = await client(context, retries, { maxRateLimitWaitSeconds: 60 });
    github.faults.add({ kind: 'rest.repos.get', fault: 'rate-limit', retryAfterSeconds: 3600 });
    const seen = github.requests.length;
    await assert.rejects(gh.octokit.rest.repos.get({ owner: repo.owner, repo: repo.name }), (e: { status?: number; message?: string }) => e.status === 403 && /rate limit/.test(e.message ?? ''));
    assert.equal(requestsOf('rest.repos.get', seen).length, 1);
    assert.deepEqual(retries, []);
  });

  test('stops after two rate-limit retries of the same request', async () => {
    const { repo, context } = seed();
    const retries: string[] = [];
    const gh = await client(context, retries);
    github.faults.add({ kind: 'rest.repos.get', fault: 'secondary-rate-limit', retryAfterSeconds: 1, times: 5 });
    const seen = github.requests.length;
    await assert.rejects(gh.octokit.rest.repos.get({ owner: repo.owner, repo: repo.name }), (e: { status?: number }) => e.status === 403);
    assert.equal(requestsOf('rest.repos.get', seen).length, 3);
    assert.equal(retries.length, 2);
    github.faults.clear();
  });
});

describe('server errors and broken connections', () => {
  test('a GET is retried up to the retry count, then the last error surfaces', async () => {
    const { repo, context } = seed();
    const retries: string[] = [];
    const gh = await client(context, retries, { retries: 2, waitUnitMs: 0 });
    github.faults.add({ kind: 'rest.repos.get', fault: 'http-502', times: 5 });
    const seen = github.requests.length;
    await assert.rejects(gh.octokit.rest.repos.get({ owner: repo.owner, repo: repo.name }), (e: { status?: number }) => e.status === 502);
    assert.equal(requestsOf('rest.repos.get', seen).length, 3);
    assert.equal(retries.length, 2);
    assert.match(retries[0], /^GitHub GET \/repos\/\{owner\}\/\{repo\} failed \(HTTP 502: .*\); retrying in 0 s\.$/);
    github.faults.clear();
  });

  test('a PATCH that fails with a 5xx is not sent again', async () => {
    const { repo, context } = seed();
    const retries: string[] = [];
    const gh = await client(context, retries, { waitUnitMs: 0 });
    const { data: comment } = await gh.octokit.rest.issues.createComment({ owner: repo.owner, repo: repo.name, issue_number: repo.addPullRequest({ author: 'carol', headSha: 'a'.repeat(40) }), body: 'one' });
    github.faults.add({ kind: 'rest.issues.updateComment', fault: 'http-500' });
    const seen = github.requests.length;
    await assert.rejects(gh.octokit.rest.issues.updateComment({ owner: repo.owner, repo: repo.name, comment_id: comment.id, body: 'two' }), (e: { status?: number }) => e.status === 500);
    assert.equal(requestsOf('rest.issues.updateComment', seen).length, 1);
    assert.deepEqual(retries, []);
  });

  test('a 404 is an answer, not a fault: no retry', async () => {
    const { repo, context } = seed();
    const retries: string[] = [];
    const gh = await client(context, retries, { waitUnitMs: 0 });
    const seen = github.requests.length;
    await assert.rejects(gh.octokit.rest.repos.getBranch({ owner: repo.owner, repo: repo.name, branch: 'nope' }), (e: { status?: number }) => e.status === 404);
    assert.equal(requestsOf('rest.repos.getBranch', seen).length, 1);
    assert.deepEqual(retries, []);
  });
});
