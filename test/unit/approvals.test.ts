import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { Gate, GateError } from '../../src/errors.js';
import {
  approvalPolicy, assertApprovals, describeVerdict, evaluateApprovals, latestOpinions, type ApprovalEvidence, type ApprovalPolicy,
} from '../../src/github/approvals.js';

const HEAD = 'abc1234def5678abc1234def5678abc1234def56';
const OLD = '1111111aaaaaaa1111111aaaaaaa1111111aaaaa';
const MERGE = '9999999bbbbbbb9999999bbbbbbb9999999bbbbb';

const policy = (overrides: Partial<ApprovalPolicy> = {}): ApprovalPolicy => ({ required: 1, approvers: [], allowStale: false, ...overrides });

let reviewId = 100;
let minute = 0;
function review(login: string, state: string, commitId = HEAD, userType = 'User') {
  minute += 1;
  return { id: ++reviewId, login, userType, state, commitId, submittedAt: `2026-08-01T10:${String(minute).padStart(2, '0')}:00Z` };
}

function evidence(overrides: Partial<ApprovalEvidence> = {}): ApprovalEvidence {
  return {
    pullRequest: { number: 12, author: 'carol', headSha: HEAD, mergeCommitSha: MERGE },
    commit: MERGE,
    reviews: [],
    deploymentApprovals: [],
    permissions: { alice: 'write', bob: 'admin', dave: 'maintain', erin: 'read', frank: 'triage', carol: 'write', 'renovate[bot]': 'write', copilot: 'write' },
    teamMembers: {},
    ...overrides,
  };
}

const logins = (items: Array<{ login: string }>) => items.map((i) => i.login);
const reasonOf = (items: Array<{ login: string; reason: string }>, login: string) => items.find((i) => i.login === login)?.reason;

describe('evaluateApprovals: pull request reviews', () => {
  test('passes a release approved on the head commit by a writer', () => {
    const verdict = evaluateApprovals(evidence({ reviews: [review('alice', 'APPROVED')] }), policy(), 'production');
    assert.equal(verdict.satisfied, true);
    assert.deepEqual(verdict.counted, [{ login: 'alice', source: 'review' }]);
    assert.match(verdict.message, /^1\/1 approvals for pull request #12 \(head abc1234\): alice \(review\)\.$/);
  });

  test('does not count the author approving their own pull request', () => {
    const verdict = evaluateApprovals(evidence({ reviews: [review('carol', 'APPROVED')] }), policy(), 'production');
    assert.equal(verdict.satisfied, false);
    assert.equal(reasonOf(verdict.notCounted, 'carol'), 'author of the pull request');
  });

  test('does not count a bot, whether typed Bot or named [bot]', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('renovate[bot]', 'APPROVED'), review('copilot', 'APPROVED', HEAD, 'Bot')] }),
      policy(),
      'production',
    );
    assert.equal(verdict.satisfied, false);
    assert.equal(reasonOf(verdict.notCounted, 'renovate[bot]'), 'bot');
    assert.equal(reasonOf(verdict.notCounted, 'copilot'), 'bot');
  });

  test('does not count users with read or triage access, or no access at all', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('erin', 'APPROVED'), review('frank', 'APPROVED'), review('mallory', 'APPROVED')] }),
      policy(),
      'production',
    );
    assert.equal(verdict.satisfied, false);
    assert.equal(reasonOf(verdict.notCounted, 'erin'), 'has read access only');
    assert.equal(reasonOf(verdict.notCounted, 'frank'), 'has triage access only');
    assert.equal(reasonOf(verdict.notCounted, 'mallory'), 'has no write access to the repository');
  });

  test('counts admin, maintain and write roles alike', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('alice', 'APPROVED'), review('bob', 'APPROVED'), review('dave', 'APPROVED')] }),
      policy({ required: 3 }),
      'production',
    );
    assert.equal(verdict.satisfied, true);
    assert.deepEqual(logins(verdict.counted), ['alice', 'bob', 'dave']);
  });

  test('blocks a release whose only approval is stale, naming both commits', () => {
    const verdict = evaluateApprovals(evidence({ reviews: [review('alice', 'APPROVED', OLD)] }), policy(), 'production');
    assert.equal(verdict.satisfied, false);
    assert.equal(reasonOf(verdict.notCounted, 'alice'), 'stale: approved 1111111, head is abc1234');
    assert.match(verdict.message, /0\/1 approvals/);
    assert.match(verdict.message, /needs 1 more approval from a user with write access \(not the author, not a bot\) on commit abc1234 of pull request #12/);
  });

  test('counts a stale approval when allow-stale-approvals is on', () => {
    const verdict = evaluateApprovals(evidence({ reviews: [review('alice', 'APPROVED', OLD)] }), policy({ allowStale: true }), 'production');
    assert.equal(verdict.satisfied, true);
    assert.deepEqual(verdict.counted, [{ login: 'alice', source: 'review' }]);
  });

  test('compares commit shas case-insensitively', () => {
    const verdict = evaluateApprovals(evidence({ reviews: [review('alice', 'APPROVED', HEAD.toUpperCase())] }), policy(), 'production');
    assert.equal(verdict.satisfied, true);
  });

  test('counts a reviewer who requested changes and later approved', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('bob', 'CHANGES_REQUESTED', OLD), review('bob', 'APPROVED')] }),
      policy(),
      'production',
    );
    assert.equal(verdict.satisfied, true);
    assert.deepEqual(verdict.blockers, []);
    assert.deepEqual(verdict.counted, [{ login: 'bob', source: 'review' }]);
  });

  test('uses submission time, not list order, to find the latest review', () => {
    const approved = review('bob', 'APPROVED');
    const requested = review('bob', 'CHANGES_REQUESTED');
    const verdict = evaluateApprovals(evidence({ reviews: [requested, approved] }), policy(), 'production');
    assert.equal(verdict.satisfied, false);
    assert.deepEqual(logins(verdict.blockers), ['bob']);
  });

  test('ignores comments after an approval', () => {
    const verdict = evaluateApprovals(evidence({ reviews: [review('alice', 'APPROVED'), review('alice', 'COMMENTED')] }), policy(), 'production');
    assert.equal(verdict.satisfied, true);
  });

  test('blocks on an outstanding request for changes even when enough others approved', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('alice', 'APPROVED'), review('bob', 'APPROVED'), review('dave', 'CHANGES_REQUESTED')] }),
      policy({ required: 2 }),
      'production',
    );
    assert.equal(verdict.satisfied, false);
    assert.equal(verdict.counted.length, 2);
    assert.deepEqual(logins(verdict.blockers), ['dave']);
    assert.match(verdict.message, /Blocked by outstanding requests for changes: dave requested changes/);
    assert.match(verdict.message, /dave must approve pull request #12 or the review must be dismissed/);
  });

  test('a request for changes from a read-only user does not block (GitHub\'s rule), and is listed as not counted', () => {
    const verdict = evaluateApprovals(evidence({ reviews: [review('alice', 'APPROVED'), review('erin', 'CHANGES_REQUESTED')] }), policy(), 'production');
    assert.equal(verdict.satisfied, true);
    assert.deepEqual(verdict.blockers, []);
    assert.match(reasonOf(verdict.notCounted, 'erin') ?? '', /requested changes, but has read access: only a request from someone with write access blocks/);
  });

  test('a request for changes from a user with no access at all (anyone, on a public repository) does not block', () => {
    const verdict = evaluateApprovals(evidence({ reviews: [review('alice', 'APPROVED'), review('mallory', 'CHANGES_REQUESTED'), review('frank', 'CHANGES_REQUESTED')] }), policy(), 'production');
    assert.equal(verdict.satisfied, true);
    assert.deepEqual(verdict.blockers, []);
    assert.match(reasonOf(verdict.notCounted, 'mallory') ?? '', /has no access: only a request from someone with write access blocks/);
    assert.match(reasonOf(verdict.notCounted, 'frank') ?? '', /has triage access/);
  });

  test('blocks on a request for changes from a bot with write access', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('alice', 'APPROVED'), review('renovate[bot]', 'CHANGES_REQUESTED'), review('copilot', 'CHANGES_REQUESTED', HEAD, 'Bot')] }),
      policy(),
      'production',
    );
    assert.equal(verdict.satisfied, false);
    assert.deepEqual(logins(verdict.blockers), ['renovate[bot]', 'copilot']);
    assert.match(reasonOf(verdict.blockers, 'copilot') ?? '', /\(a bot with write access: its request blocks too\)$/);
  });

  test('a read-only user who requested changes and later approved no longer blocks, and still does not count', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('alice', 'APPROVED'), review('erin', 'CHANGES_REQUESTED'), review('erin', 'APPROVED')] }),
      policy(),
      'production',
    );
    assert.equal(verdict.satisfied, true);
    assert.deepEqual(verdict.blockers, []);
    assert.equal(reasonOf(verdict.notCounted, 'erin'), 'has read access only');
  });

  test('a dismissed request for changes no longer blocks', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('alice', 'APPROVED'), review('bob', 'DISMISSED')] }),
      policy(),
      'production',
    );
    assert.equal(verdict.satisfied, true);
    assert.deepEqual(verdict.blockers, []);
  });

  test('a dismissed approval no longer counts, and an earlier approval does not come back', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('alice', 'APPROVED', OLD), review('alice', 'DISMISSED')] }),
      policy({ allowStale: true }),
      'production',
    );
    assert.equal(verdict.satisfied, false);
    assert.deepEqual(verdict.counted, []);
  });

  test('counts each reviewer once however many times they approved', () => {
    const verdict = evaluateApprovals(evidence({ reviews: [review('alice', 'APPROVED'), review('alice', 'APPROVED')] }), policy({ required: 2 }), 'production');
    assert.equal(verdict.satisfied, false);
    assert.equal(verdict.counted.length, 1);
    assert.match(verdict.message, /1\/2 approvals/);
  });

  test('treats logins case-insensitively, as GitHub does', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('Carol', 'APPROVED'), review('ALICE', 'APPROVED')] }),
      policy(),
      'production',
    );
    assert.equal(reasonOf(verdict.notCounted, 'Carol'), 'author of the pull request');
    assert.deepEqual(logins(verdict.counted), ['ALICE']);
  });

  test('the message lists every person not counted with the reason', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('carol', 'APPROVED'), review('renovate[bot]', 'APPROVED'), review('alice', 'APPROVED', OLD)] }),
      policy(),
      'production',
    );
    assert.match(verdict.message, /Not counted: carol — author of the pull request; renovate\[bot\] — bot; alice — stale: approved 1111111, head is abc1234\./);
  });
});

describe('evaluateApprovals: approvers allow-list', () => {
  test('counts only logins listed in approvers', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('alice', 'APPROVED'), review('bob', 'APPROVED')] }),
      policy({ approvers: ['Bob'] }),
      'production',
    );
    assert.deepEqual(logins(verdict.counted), ['bob']);
    assert.equal(reasonOf(verdict.notCounted, 'alice'), 'not in approvers');
  });

  test('counts members of a listed team', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('alice', 'APPROVED'), review('dave', 'APPROVED')], teamMembers: { 'acme/release-managers': ['dave'] } }),
      policy({ approvers: ['acme/release-managers'] }),
      'production',
    );
    assert.deepEqual(logins(verdict.counted), ['dave']);
    assert.equal(reasonOf(verdict.notCounted, 'alice'), 'not in approvers');
  });

  test('a listed approver still needs write access and may not be the author', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('erin', 'APPROVED'), review('carol', 'APPROVED')] }),
      policy({ approvers: ['erin', 'carol'] }),
      'production',
    );
    assert.equal(verdict.satisfied, false);
    assert.equal(reasonOf(verdict.notCounted, 'erin'), 'has read access only');
    assert.equal(reasonOf(verdict.notCounted, 'carol'), 'author of the pull request');
  });

  test('says whom the missing approval must come from', () => {
    const verdict = evaluateApprovals(evidence(), policy({ approvers: ['bob', 'acme/release-managers'] }), 'production');
    assert.match(verdict.message, /from a user with write access listed in approvers \(bob, acme\/release-managers\)/);
  });

  test('a request for changes from a writer outside approvers still blocks', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('bob', 'APPROVED'), review('alice', 'CHANGES_REQUESTED')] }),
      policy({ approvers: ['bob'] }),
      'production',
    );
    assert.equal(verdict.satisfied, false);
    assert.deepEqual(logins(verdict.blockers), ['alice']);
  });
});

describe('evaluateApprovals: deployment reviews', () => {
  const approved = (login: string, environments = ['production'], userType = 'User') => ({ login, userType, state: 'approved' as const, environments });

  test('counts an approval of this run’s deployment review for the environment', () => {
    const verdict = evaluateApprovals(evidence({ deploymentApprovals: [approved('bob')] }), policy(), 'production');
    assert.equal(verdict.satisfied, true);
    assert.deepEqual(verdict.counted, [{ login: 'bob', source: 'deployment review' }]);
  });

  test('matches the environment name case-insensitively and ignores other environments', () => {
    const verdict = evaluateApprovals(
      evidence({ deploymentApprovals: [approved('bob', ['Production']), approved('alice', ['staging'])] }),
      policy({ required: 2 }),
      'production',
    );
    assert.deepEqual(logins(verdict.counted), ['bob']);
    assert.equal(reasonOf(verdict.notCounted, 'alice'), undefined);
  });

  test('combines both sources without counting one person twice', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('alice', 'APPROVED')], deploymentApprovals: [approved('alice'), approved('bob')] }),
      policy({ required: 3 }),
      'production',
    );
    assert.deepEqual(verdict.counted, [{ login: 'alice', source: 'review' }, { login: 'bob', source: 'deployment review' }]);
    assert.equal(verdict.satisfied, false);
    assert.match(verdict.message, /2\/3 approvals/);
  });

  test('a stale reviewer who approved the deployment counts once, through the deployment review', () => {
    const verdict = evaluateApprovals(
      evidence({ reviews: [review('alice', 'APPROVED', OLD)], deploymentApprovals: [approved('alice')] }),
      policy(),
      'production',
    );
    assert.equal(verdict.satisfied, true);
    assert.deepEqual(verdict.counted, [{ login: 'alice', source: 'deployment review' }]);
    assert.deepEqual(verdict.notCounted, []);
  });

  test('the author approving the deployment is self-approval and does not count', () => {
    const verdict = evaluateApprovals(evidence({ deploymentApprovals: [approved('carol')] }), policy(), 'production');
    assert.equal(verdict.satisfied, false);
    assert.match(reasonOf(verdict.notCounted, 'carol') ?? '', /author of the pull request: .*self-approval \(deployment review\)/);
  });

  test('bots and readers do not count through the deployment review either', () => {
    const verdict = evaluateApprovals(
      evidence({ deploymentApprovals: [approved('renovate[bot]'), approved('erin')] }),
      policy(),
      'production',
    );
    assert.equal(verdict.satisfied, false);
    assert.equal(reasonOf(verdict.notCounted, 'renovate[bot]'), 'bot (deployment review)');
    assert.equal(reasonOf(verdict.notCounted, 'erin'), 'has read access only (deployment review)');
  });

  test('approvers restricts deployment reviewers too', () => {
    const verdict = evaluateApprovals(evidence({ deploymentApprovals: [approved('alice')] }), policy({ approvers: ['bob'] }), 'production');
    assert.equal(verdict.satisfied, false);
    assert.equal(reasonOf(verdict.notCounted, 'alice'), 'not in approvers (deployment review)');
  });

  test('a rejection does not count, but an approval by the same person on a later attempt does', () => {
    const rejectedOnly = evaluateApprovals(
      evidence({ deploymentApprovals: [{ login: 'bob', userType: 'User', state: 'rejected', environments: ['production'] }] }),
      policy(),
      'production',
    );
    assert.equal(rejectedOnly.satisfied, false);
    assert.match(reasonOf(rejectedOnly.notCounted, 'bob') ?? '', /rejected this run's deployment review/);

    const both = evaluateApprovals(
      evidence({ deploymentApprovals: [{ login: 'bob', userType: 'User', state: 'rejected', environments: ['production'] }, approved('bob')] }),
      policy(),
      'production',
    );
    assert.equal(both.satisfied, true);
  });

  test('with no merged pull request, relies on deployment approvals alone', () => {
    const noPr = { pullRequest: undefined, reviews: [] };
    const passed = evaluateApprovals(evidence({ ...noPr, deploymentApprovals: [approved('bob')] }), policy(), 'production');
    assert.equal(passed.satisfied, true);
    assert.deepEqual(passed.counted, [{ login: 'bob', source: 'deployment review' }]);
    assert.match(passed.message, /commit 9999999 \(no pull request was merged into it/);

    const blocked = evaluateApprovals(evidence(noPr), policy(), 'production');
    assert.equal(blocked.satisfied, false);
    assert.match(blocked.message, /0\/1 approvals for commit 9999999/);
    assert.match(blocked.message, /in this run's deployment review for environment 'production' \(add required reviewers to the environment/);
  });

  test('without a pull request nobody is excluded as its author', () => {
    const verdict = evaluateApprovals(evidence({ pullRequest: undefined, deploymentApprovals: [approved('carol')] }), policy(), 'production');
    assert.equal(verdict.satisfied, true);
  });
});

describe('evaluateApprovals: required-approvals 0', () => {
  test('passes with no approvals at all', () => {
    const verdict = evaluateApprovals(evidence(), policy({ required: 0 }), 'production');
    assert.equal(verdict.satisfied, true);
    assert.match(verdict.message, /^0\/0 approvals/);
  });

  test('still blocks on an outstanding request for changes', () => {
    const verdict = evaluateApprovals(evidence({ reviews: [review('bob', 'CHANGES_REQUESTED')] }), policy({ required: 0 }), 'production');
    assert.equal(verdict.satisfied, false);
    assert.deepEqual(logins(verdict.blockers), ['bob']);
    assert.doesNotMatch(verdict.message, /more approval/);
  });
});

describe('approvalPolicy', () => {
  test('takes the required count, the allow-list and the stale rule from the settings', () => {
    assert.deepEqual(approvalPolicy({ requiredApprovals: 2, approvers: ['alice', 'acme/release'], allowStaleApprovals: true }), { required: 2, approvers: ['alice', 'acme/release'], allowStale: true });
  });
});

describe('describeVerdict', () => {
  test('gives one line per person: counted with the source, not counted or blocking with the reason', () => {
    const verdict = evaluateApprovals(
      evidence({
        reviews: [review('alice', 'APPROVED'), review('carol', 'APPROVED'), review('dave', 'CHANGES_REQUESTED')],
        deploymentApprovals: [{ login: 'bob', userType: 'User', state: 'approved', environments: ['production'] }],
      }),
      policy({ required: 2 }),
      'production',
    );
    const lines = describeVerdict(verdict);
    assert.equal(lines.length, 4);
    assert.equal(lines[0], 'alice: counted (review)');
    assert.equal(lines[1], 'bob: counted (deployment review)');
    assert.equal(lines[2], 'carol: not counted, author of the pull request');
    assert.match(lines[3]!, /^dave: blocks, requested changes \(review \d+ on abc1234\) and has not approved since$/);
  });

  test('is empty when nobody took a position', () => {
    assert.deepEqual(describeVerdict(evaluateApprovals(evidence(), policy(), 'production')), []);
  });
});

describe('assertApprovals', () => {
  test('throws the approvals gate error with the verdict message when not satisfied', () => {
    const verdict = evaluateApprovals(evidence({ reviews: [review('alice', 'APPROVED', OLD)] }), policy(), 'production');
    assert.throws(() => assertApprovals(verdict), (error: unknown) => {
      assert.ok(error instanceof GateError);
      assert.equal(error.gate, Gate.Approvals);
      assert.equal(error.message, `Gate 'approvals' refused: ${verdict.message}`);
      return true;
    });
  });

  test('returns quietly when satisfied', () => {
    assertApprovals(evaluateApprovals(evidence({ reviews: [review('alice', 'APPROVED')] }), policy(), 'production'));
  });
});

describe('latestOpinions', () => {
  test('keeps each reviewer’s latest approval or request for changes and drops comments and dismissed opinions', () => {
    const reviews = [
      review('alice', 'CHANGES_REQUESTED'), review('alice', 'APPROVED'), review('alice', 'COMMENTED'),
      review('bob', 'APPROVED'), review('bob', 'DISMISSED'),
      review('dave', 'COMMENTED'),
    ];
    assert.deepEqual(latestOpinions(reviews).map((r) => `${r.login}:${r.state}`), ['alice:APPROVED']);
  });
});
