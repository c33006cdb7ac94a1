import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { Gate, GateError } from '../../src/errors.js';
import { assertProductionBranch, branchOfRef, matchesAnyBranchPattern, matchesBranchPattern } from '../../src/github/branch.js';
import type { GitHubClient } from '../../src/github/client.js';
import type { RunContext } from '../../src/settings.js';

describe('matchesBranchPattern', () => {
  test('matches a plain name exactly', () => {
    assert.equal(matchesBranchPattern('main', 'main'), true);
    assert.equal(matchesBranchPattern('main2', 'main'), false);
    assert.equal(matchesBranchPattern('mai', 'main'), false);
  });

  test('* matches within one path segment only', () => {
    assert.equal(matchesBranchPattern('release-1.2', 'release-*'), true);
    assert.equal(matchesBranchPattern('release/1.2', 'release/*'), true);
    assert.equal(matchesBranchPattern('release/1.2/hotfix', 'release/*'), false);
    assert.equal(matchesBranchPattern('feature/x', '*'), false);
  });

  test('** matches across segments, and **/ also matches no segment', () => {
    assert.equal(matchesBranchPattern('release/1.2/hotfix', 'release/**'), true);
    assert.equal(matchesBranchPattern('feature/x', '**'), true);
    assert.equal(matchesBranchPattern('hotfix', '**/hotfix'), true);
    assert.equal(matchesBranchPattern('team/a/hotfix', '**/hotfix'), true);
    assert.equal(matchesBranchPattern('team/a/hotfix2', '**/hotfix'), false);
  });

  test('? matches exactly one character other than a slash', () => {
    assert.equal(matchesBranchPattern('v1', 'v?'), true);
    assert.equal(matchesBranchPattern('v10', 'v?'), false);
    assert.equal(matchesBranchPattern('v/', 'v?'), false);
  });

  test('[…] is a character class and [!…] its negation', () => {
    assert.equal(matchesBranchPattern('release-1', 'release-[0-9]'), true);
    assert.equal(matchesBranchPattern('release-x', 'release-[0-9]'), false);
    assert.equal(matchesBranchPattern('release-x', 'release-[!0-9]'), true);
  });

  test('treats regular-expression characters literally', () => {
    assert.equal(matchesBranchPattern('release.1', 'release.1'), true);
    assert.equal(matchesBranchPattern('release-1', 'release.1'), false);
    assert.equal(matchesBranchPattern('a+b', 'a+b'), true);
    assert.equal(matchesBranchPattern('aab', 'a+b'), false);
  });

  test('has no braces, extglobs, negation or comments: those characters are literal', () => {
    assert.equal(matchesBranchPattern('release/a', 'release/{a,b}'), false);
    assert.equal(matchesBranchPattern('release/{a,b}', 'release/{a,b}'), true);
    assert.equal(matchesBranchPattern('main', '!main'), false);
    assert.equal(matchesBranchPattern('feature', '!main'), false);
    assert.equal(matchesBranchPattern('#main', '#main'), true);
    assert.equal(matchesBranchPattern('ab', '+(a|b)'), false);
  });

  test('accepts a pattern written as a full ref', () => {
    assert.equal(matchesBranchPattern('main', 'refs/heads/main'), true);
  });

  test('matches when any pattern of the list does', () => {
    assert.equal(matchesAnyBranchPattern('release/2', ['main', 'release/*']), true);
    assert.equal(matchesAnyBranchPattern('feature/x', ['main', 'release/*']), false);
    assert.equal(matchesAnyBranchPattern('main', []), false);
  });
});

describe('branchOfRef', () => {
  test('returns the branch of a refs/heads ref and nothing for tags or pull-request refs', () => {
    assert.equal(branchOfRef('refs/heads/release/1.2'), 'release/1.2');
    assert.equal(branchOfRef('refs/tags/v1'), undefined);
    assert.equal(branchOfRef('refs/pull/7/merge'), undefined);
    assert.equal(branchOfRef('main'), undefined);
  });
});

/** A repository with branches and rulesets, answering the three endpoints the gate reads. */
function fakeRepository(opts: {
  defaultBranch?: string;
  branches: Record<string, boolean>;
  rules?: Record<string, string[]>;
  rulesMissing?: boolean;
  /** Classic protection as the token reads it: pull-request reviews required (default), not required, or 403. */
  protection?: 'reviews' | 'no reviews' | 403;
  /** The branch's head (default the run's commit). */
  head?: string;
}) {
  const calls: string[] = [];
  const notFound = (): never => { throw Object.assign(new Error('Not Found'), { status: 404 }); };
  const client = {
    owner: 'acme',
    repo: 'crm',
    octokit: {
      rest: {
        repos: {
          get: async () => { calls.push('repos.get'); return { data: { default_branch: opts.defaultBranch ?? 'main' } }; },
          getBranch: async ({ branch }: { branch: string }) => {
            calls.push(`getBranch ${branch}`);
            if (!(branch in opts.branches)) notFound();
            return { data: { name: branch, protected: opts.branches[branch], commit: { sha: opts.head ?? 'b'.repeat(40) } } };
          },
          getBranchProtection: async ({ branch }: { branch: string }) => {
            calls.push(`getBranchProtection ${branch}`);
            if (opts.protection === 403) throw Object.assign(new Error('Resource not accessible by integration'), { status: 403 });
            return { data: opts.protection === 'no reviews' ? {} : { required_pull_request_reviews: { required_approving_review_count: 1 } } };
          },
          getBranchRules: async ({ branch }: { branch: string }) => {
            calls.push(`getBranchRules ${branch}`);
            if (opts.rulesMissing) notFound();
            return { data: (opts.rules?.[branch] ?? []).map((type) => ({ type })) };
          },
        },
      },
    },
  } as unknown as GitHubClient;
  return { client, calls };
}

function context(ref: string): RunContext {
  return {
    eventName: 'push', ref, sha: 'b'.repeat(40), owner: 'acme', repo: 'crm', runId: 1, runAttempt: 1, actor: 'alice',
    workspace: '/tmp', serverUrl: 'https://github.com', apiUrl: 'https://api.github.com', payload: {},
  };
}

function refusal(pattern: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof GateError, String(error));
    assert.equal(error.gate, Gate.Branch);
    assert.match(error.message, pattern);
    return true;
  };
}

describe('assertProductionBranch', () => {
  test('passes a protected branch in production-branches and returns evidence naming it', async () => {
    const { client } = fakeRepository({ branches: { main: true } });
    const evidence = await assertProductionBranch(client, context('refs/heads/main'), ['main']);
    assert.match(evidence, /Branch 'main' matches production-branches \(main\), is protected on GitHub and requires pull-request reviews, and bbbbbbb is its current head/);
  });

  test('refuses a protected branch whose protection does not require pull-request reviews', async () => {
    const { client } = fakeRepository({ branches: { main: true }, protection: 'no reviews' });
    await assert.rejects(
      assertProductionBranch(client, context('refs/heads/main'), ['main']),
      refusal(/Branch 'main' is protected on GitHub, but its protection does not require pull-request reviews: anyone who can push may put a commit on it that no pull request approved/),
    );
  });

  test('accepts a protection without reviews when a ruleset requires pull requests', async () => {
    const { client } = fakeRepository({ branches: { main: true }, protection: 'no reviews', rules: { main: ['pull_request'] } });
    assert.match(await assertProductionBranch(client, context('refs/heads/main'), ['main']), /a repository ruleset requires pull requests on it/);
  });

  test('passes a protected branch whose protection the token cannot read, and says so in a note', async () => {
    const { client } = fakeRepository({ branches: { main: true }, protection: 403 });
    const notes: string[] = [];
    const evidence = await assertProductionBranch(client, context('refs/heads/main'), ['main'], (n) => notes.push(n));
    assert.match(evidence, /whether it requires pull-request reviews could not be read/);
    assert.equal(notes.length, 1);
    assert.match(notes[0]!, /cannot read whether the protection requires pull-request reviews \(HTTP 403: Resource not accessible by integration; reading classic branch protection needs administration: read/);
  });

  test('refuses a commit that is not the branch\'s current head, pointing to a rollback', async () => {
    const { client } = fakeRepository({ branches: { main: true }, head: 'c'.repeat(40) });
    await assert.rejects(
      assertProductionBranch(client, context('refs/heads/main'), ['main']),
      refusal(/commit bbbbbbb is not the current head of 'main' \(ccccccc\): releasing an older commit .* run a rollback \(workflow_dispatch with rollback-run-id\)/),
    );
  });

  test('uses the repository default branch when production-branches is empty', async () => {
    const { client, calls } = fakeRepository({ defaultBranch: 'trunk', branches: { trunk: true, main: true } });
    assert.match(await assertProductionBranch(client, context('refs/heads/trunk'), []), /'trunk'/);
    assert.ok(calls.includes('repos.get'));
    await assert.rejects(
      assertProductionBranch(client, context('refs/heads/main'), []),
      refusal(/Branch 'main' is not in production-branches \(trunk\)\. Run the release from trunk or add the branch to production-branches\./),
    );
  });

  test('refuses a branch outside production-branches without asking about its protection', async () => {
    const { client, calls } = fakeRepository({ branches: { 'feature/x': true } });
    await assert.rejects(
      assertProductionBranch(client, context('refs/heads/feature/x'), ['main']),
      refusal(/Branch 'feature\/x' is not in production-branches \(main\)\. Run the release from main or add the branch to production-branches\./),
    );
    assert.deepEqual(calls, []);
  });

  test('accepts a branch matched by a glob', async () => {
    const { client } = fakeRepository({ branches: { 'release/2024.1': true } });
    assert.match(await assertProductionBranch(client, context('refs/heads/release/2024.1'), ['main', 'release/*']), /release\/2024\.1/);
  });

  test('refuses a tag ref, which is not a branch', async () => {
    const { client } = fakeRepository({ branches: { main: true } });
    await assert.rejects(assertProductionBranch(client, context('refs/tags/v1.0'), ['main']), refusal(/ref 'refs\/tags\/v1\.0' is not a branch/));
  });

  test('refuses an unprotected production branch and says how to protect it', async () => {
    const { client } = fakeRepository({ branches: { main: false } });
    await assert.rejects(
      assertProductionBranch(client, context('refs/heads/main'), ['main']),
      refusal(/Branch 'main' is not protected on GitHub\. Protect it \(Settings → Branches/),
    );
  });

  test('accepts a branch protected by a ruleset that requires pull requests', async () => {
    const { client } = fakeRepository({ branches: { main: false }, rules: { main: ['deletion', 'pull_request'] } });
    assert.match(await assertProductionBranch(client, context('refs/heads/main'), ['main']), /ruleset requires pull requests/);
  });

  test('does not accept a ruleset that only forbids deletion', async () => {
    const { client } = fakeRepository({ branches: { main: false }, rules: { main: ['deletion'] } });
    await assert.rejects(assertProductionBranch(client, context('refs/heads/main'), ['main']), refusal(/not protected/));
  });

  test('refuses an unprotected branch on a server without rulesets', async () => {
    const { client } = fakeRepository({ branches: { main: false }, rulesMissing: true });
    await assert.rejects(assertProductionBranch(client, context('refs/heads/main'), ['main']), refusal(/not protected/));
  });

  test('refuses a branch GitHub does not know', async () => {
    const { client } = fakeRepository({ branches: {} });
    await assert.rejects(assertProductionBranch(client, context('refs/heads/main'), ['main']), refusal(/Branch 'main' was not found on GitHub/));
  });
});
