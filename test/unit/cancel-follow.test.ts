// awaitDeploy past wait-minutes, on a fake clock against a scripted org (the end-to-end cases are
// in test/e2e/cancel-late.test.ts): the follow after the cancel is bounded, and an
// INVALID_ID_FIELD "Deployment already completed" answer is nothing to cancel.
import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import type { OrgSession } from '../../src/salesforce/connection.js';
import { awaitDeploy } from '../../src/salesforce/deploy.js';

const FINISHED = new Set(['Succeeded', 'SucceededPartial', 'Failed', 'Canceled']);

/** An org whose deploy reports `status(calls)` (after how many checks and cancel requests), and what it was asked. */
function scriptedOrg(statusOf: (calls: { checks: number; cancels: number }) => string, cancel: () => unknown) {
  const calls = { checks: 0, cancels: 0 };
  const metadata = {
    checkDeployStatus: async (id: string) => {
      const status = statusOf(calls);
      calls.checks++;
      return { id, status, done: FINISHED.has(status), success: status === 'Succeeded', checkOnly: false };
    },
    cancelDeploy: async (id: string) => {
      calls.cancels++;
      return { id, ...(cancel() as object) };
    },
  };
  const connection = { metadata } as unknown as OrgSession['connection'];
  const session = { role: 'production', connection, retrying: (_what: string, call: (c: typeof connection) => Promise<unknown>) => call(connection) } as unknown as OrgSession;
  return { session, calls };
}

/** A clock that moves only when the code under test sleeps. */
function fakeClock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

describe('awaitDeploy after wait-minutes', () => {
  test('a deploy still FinalizingDeploy when the follow ends: the run fails saying the outcome is unknown', async () => {
    const { session, calls } = scriptedOrg(({ checks }) => (checks === 0 ? 'InProgress' : 'FinalizingDeploy'), () => ({ done: false }));
    const lines: string[] = [];
    await assert.rejects(
      awaitDeploy(session, '0AfXX0000000001AAA', 'production deploy', { timeoutMs: 60_000, followMs: 120_000, zipBytes: 1, log: (l) => lines.push(l), ...fakeClock() }),
      /0AfXX0000000001AAA did not finish within wait-minutes \(1\); a cancel was requested, and Salesforce still reports it FinalizingDeploy 2 minute\(s\) later, so whether it changes the org is not known/,
    );
    assert.equal(calls.cancels, 1, 'one cancel request');
    assert.ok(lines.some((l) => /last reported FinalizingDeploy\); cancelling it/.test(l)), lines.join('\n'));
  });

  test('Deployment already completed: nothing to cancel, and the failed deploy is returned as Salesforce reports it', async () => {
    const { session, calls } = scriptedOrg(({ cancels }) => (cancels ? 'Failed' : 'InProgress'), () => {
      // jsforce's SOAP fault: errorCode and name `sf:<code>`, message `<code>: <text>`.
      throw Object.assign(new Error('INVALID_ID_FIELD: Deployment already completed'), { name: 'sf:INVALID_ID_FIELD', errorCode: 'sf:INVALID_ID_FIELD' });
    });
    const lines: string[] = [];
    const finished = await awaitDeploy(session, '0AfXX0000000002AAA', 'sandbox validation', { timeoutMs: 60_000, followMs: 120_000, zipBytes: 1, log: (l) => lines.push(l), ...fakeClock() });
    assert.equal(calls.cancels, 1);
    assert.equal(finished.outcome.status, 'Failed');
    assert.match(finished.lateCancel ?? '', /sandbox validation 0AfXX0000000002AAA did not finish within wait-minutes \(1\) and the action asked Salesforce to cancel it, but it had finished before the cancel reached Salesforce: Salesforce reports it Failed\.$/);
    assert.ok(lines.some((l) => /finished before the cancel reached Salesforce \(INVALID_ID_FIELD: Deployment already completed\): nothing to cancel/.test(l)), lines.join('\n'));
  });

  test('a cancel that fails for another reason is not "nothing to cancel": the deploy is still followed, and Canceled fails the run', async () => {
    const { session } = scriptedOrg(({ cancels }) => (cancels ? 'Canceled' : 'InProgress'), () => {
      throw Object.assign(new Error('INVALID_ID_FIELD: Invalid deploy ID'), { name: 'sf:INVALID_ID_FIELD', errorCode: 'sf:INVALID_ID_FIELD' });
    });
    const lines: string[] = [];
    await assert.rejects(awaitDeploy(session, '0AfXX0000000003AAA', 'sandbox validation', { timeoutMs: 60_000, followMs: 120_000, zipBytes: 1, log: (l) => lines.push(l), ...fakeClock() }), /did not finish within wait-minutes \(1\); it was cancelled/);
    assert.ok(lines.some((l) => /Cancelling 0AfXX0000000003AAA failed: INVALID_ID_FIELD: Invalid deploy ID/.test(l)), lines.join('\n'));
  });
});
