import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { RetriesExhausted, isRetryable, retryDelay, wasNotStarted, withRetries } from '../../src/salesforce/connection.js';
import { compareSubmission, type Submission } from '../../src/salesforce/deploy.js';
import { METADATA_LIMITS, assertWithinLimits, limitExcess } from '../../src/salesforce/limits.js';

/** A clock that only moves when the code under test sleeps. */
function fakeClock() {
  let now = 0;
  return { now: () => now, sleep: async (ms: number) => void (now += ms) };
}

describe('retry policy', () => {
  test('a read failing with 503 for 60 s is retried through to success within a 2-minute budget', async () => {
    const clock = fakeClock();
    let calls = 0;
    const result = await withRetries(
      'Checking',
      async () => {
        calls++;
        if (clock.now() < 60_000) throw Object.assign(new Error('Service Unavailable'), { errorCode: 'ERROR_HTTP_503' });
        return 'done';
      },
      { retryForMs: 120_000, log: () => {}, shouldRetry: isRetryable, ...clock },
    );
    assert.equal(result, 'done');
    assert.ok(clock.now() >= 60_000 && clock.now() <= 60_000 + 15_000, `succeeded at ${clock.now()} ms`);
    assert.ok(calls > 5);
  });

  test('gives up once the budget is spent, with the attempt count', async () => {
    const clock = fakeClock();
    await assert.rejects(
      withRetries('Checking', async () => Promise.reject(Object.assign(new Error('x'), { errorCode: 'sf:UNKNOWN_EXCEPTION' })), { retryForMs: 60_000, log: () => {}, shouldRetry: isRetryable, ...clock }),
      (error: unknown) => error instanceof RetriesExhausted && error.attempts > 3 && clock.now() <= 60_000,
    );
  });

  test('backoff doubles from 0.5 s to a 15 s ceiling', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(retryDelay), [500, 1000, 2000, 4000, 8000, 15000, 15000]);
  });

  test('maintenance pages, UNKNOWN_EXCEPTION and the request limit are transient; the request limit means not started', () => {
    assert.ok(isRetryable(new Error('<html><head><title>Salesforce - Maintenance</title></head></html>')));
    assert.ok(isRetryable(Object.assign(new Error('An unexpected error occurred'), { errorCode: 'sf:UNKNOWN_EXCEPTION' })));
    assert.ok(wasNotStarted(Object.assign(new Error('TotalRequests Limit exceeded.'), { errorCode: 'sf:REQUEST_LIMIT_EXCEEDED' })));
    assert.ok(!wasNotStarted(Object.assign(new Error('An unexpected error occurred'), { errorCode: 'sf:UNKNOWN_EXCEPTION' })));
    assert.ok(!isRetryable(Object.assign(new Error('bad id'), { errorCode: 'sf:INVALID_ID_FIELD' })));
  });
});

describe('matching a lost submission', () => {
  const submission: Submission = { userId: '005000000000001AAA', sentAt: '2026-01-01T00:00:00Z', checkOnly: false, testLevel: 'RunLocalTests', componentsTotal: 7, known: [] };
  const row = { Id: '0Af000000000001AAA', CheckOnly: false, NumberComponentsTotal: 0 };
  test('matches a deploy of the same kind, test level and count (a queued one has no count yet)', () => {
    assert.equal(compareSubmission(submission, row, { deployOptions: { testLevel: 'RunLocalTests' }, deployResult: { numberComponentsTotal: 7 } }), undefined);
    assert.equal(compareSubmission(submission, row, { deployOptions: { testLevel: 'RunLocalTests' }, deployResult: { numberComponentsTotal: 0 } }), undefined);
  });
  test('tells apart another kind, test level, count, or a quick deploy', () => {
    assert.match(compareSubmission(submission, { ...row, CheckOnly: true }, {})!, /check-only/);
    assert.match(compareSubmission(submission, row, { deployOptions: { testLevel: 'RunAllTestsInOrg' } })!, /test level RunAllTestsInOrg/);
    assert.match(compareSubmission(submission, row, { deployResult: { numberComponentsTotal: 9 } })!, /9 components/);
    assert.match(compareSubmission(submission, row, { validatedDeployRequestId: '0Af000000000009AAA' })!, /quick deploy of/);
  });
  test('a quick deploy matches only a quick deploy of its validation', () => {
    const quick = { ...submission, componentsTotal: undefined, validationId: '0Af000000000009' };
    assert.equal(compareSubmission(quick, row, { validatedDeployRequestId: '0Af000000000009AAA' }), undefined);
    assert.match(compareSubmission(quick, row, { validatedDeployRequestId: '0Af000000000008AAA' })!, /quick deploy of 0Af000000000008AAA/);
    assert.match(compareSubmission(quick, row, {})!, /not a quick deploy/);
  });
});

describe('Metadata API limits', () => {
  test('10,000 files and 39 MB pass; one more of either is refused with the figures and the way out', () => {
    assert.deepEqual(limitExcess(METADATA_LIMITS.files, METADATA_LIMITS.zipBytes), []);
    assert.equal(limitExcess(10_001, 1).length, 1);
    assert.equal(limitExcess(1, 39_000_001).length, 1);
    assert.throws(() => assertWithinLimits({ fileCount: 10_400, zip: Buffer.alloc(10) }, 'deploy package'), /10,400 files, over the limit of 10,000.*delta: true.*manifest/);
  });
});
