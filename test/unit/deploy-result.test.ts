import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { rankAnnotations } from '../../src/report/annotations.js';
import { pollInterval } from '../../src/salesforce/deploy.js';
import { orgWideCoverage, readDeployResult, stackLine } from '../../src/salesforce/deploy-result.js';

describe('readDeployResult', () => {
  test('reads component failures, test failures and coverage from a SOAP-shaped result', () => {
    const outcome = readDeployResult({
      id: '0Af000000000001AAA', status: 'Failed', done: true, success: false, checkOnly: true,
      numberComponentsTotal: '3', numberComponentsDeployed: '2', numberComponentErrors: '1', numberTestsTotal: '2', numberTestsCompleted: '1', numberTestErrors: '1',
      details: {
        componentFailures: { componentType: 'ApexClass', fullName: 'Foo', fileName: 'classes/Foo.cls', lineNumber: '3', columnNumber: '5', problem: 'Unexpected token', problemType: 'Error', success: 'false' },
        runTestResult: {
          numTestsRun: '2', numFailures: '1',
          failures: [{ name: 'FooTest', methodName: 'itWorks', message: 'System.AssertException', stackTrace: 'Class.FooTest.itWorks: line 12, column 1' }],
          codeCoverage: [{ name: 'Foo', numLocations: '10', numLocationsNotCovered: '2' }, { name: 'Bar', numLocations: '30', numLocationsNotCovered: '3' }],
        },
      },
    });
    assert.equal(outcome.success, false);
    assert.deepEqual(outcome.componentFailures, [{ type: 'ApexClass', fullName: 'Foo', fileName: 'classes/Foo.cls', line: 3, column: 5, problem: 'Unexpected token', problemType: 'Error' }]);
    assert.deepEqual(outcome.testFailures[0], { className: 'FooTest', methodName: 'itWorks', message: 'System.AssertException', stackTrace: 'Class.FooTest.itWorks: line 12, column 1', line: 12, time: 0 });
    assert.deepEqual(outcome.classCoverage.map((c) => [c.name, c.type, c.locations, c.notCovered]), [['Foo', 'Class', 10, 2], ['Bar', 'Class', 30, 3]]);
    assert.equal(outcome.testsRun, 2);
    assert.equal(outcome.testsFailed, 1);
    assert.equal(outcome.coverage, 87.5);
  });

  test('does not read meaning into absent fields', () => {
    const outcome = readDeployResult({ id: 'x', status: 'InProgress', done: false });
    assert.equal(outcome.coverage, undefined);
    assert.deepEqual(outcome.componentFailures, []);
    assert.equal(outcome.testsRun, 0);
  });
});

test('org-wide coverage is covered over all locations', () => {
  assert.equal(orgWideCoverage([{ numLocations: 3, numLocationsNotCovered: 1 }]), 66.67);
  assert.equal(orgWideCoverage([]), undefined);
});

test('stackLine finds the line of the failing class', () => {
  assert.equal(stackLine('Class.Helper.run: line 4, column 1\nClass.FooTest.go: line 9, column 1', 'FooTest'), 9);
});

describe('pollInterval', () => {
  /** The times (ms after submission) of the status checks in the first `windowMs`, request time left out. */
  const checks = (windowMs: number): number[] => {
    const at: number[] = [];
    for (let t = pollInterval(0); t <= windowMs; t += pollInterval(t)) at.push(t);
    return at;
  };
  test('checks first about 1 s after the submission', () => {
    assert.equal(pollInterval(0), 1000);
    assert.deepEqual(checks(10_000), [1000, 2100, 3310, 4641, 6105, 7716, 9488]);
  });
  test('waits longer as the deploy runs, up to 30 s between checks', () => {
    assert.equal(pollInterval(60_000), 7000);
    assert.equal(pollInterval(290_000), 30000);
    assert.equal(pollInterval(3_600_000), 30000);
    const at = checks(3_600_000);
    for (let i = 1; i < at.length; i++) assert.ok(at[i] - at[i - 1] >= (at[i - 1] - (at[i - 2] ?? 0)), `interval shrank at check ${i}`);
  });
  test('spends about as many checks on a 30-minute deploy as the size-based intervals did (71 to 102)', () => {
    assert.equal(checks(30 * 60_000).length, 86);
    assert.equal(checks(60 * 60_000).length, 146);
  });
});

describe('rankAnnotations', () => {
  test('keeps the most useful nine and says how many more there are', () => {
    const many = Array.from({ length: 15 }, (_, i) => ({ title: `t${i}`, message: 'm', rank: i % 2 === 0 ? 30 : 0, file: `f${i}`, line: 1 }));
    const shown = rankAnnotations(many);
    assert.equal(shown.length, 10);
    assert.ok(shown.slice(0, 7).every((a) => a.rank === 0));
    assert.equal(shown[9].message, '6 more failures are listed in the job summary.');
  });
});
