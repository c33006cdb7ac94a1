import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { RunStatus } from '../../src/constants.js';
import { Gate } from '../../src/errors.js';
import { newReport, recordGate } from '../../src/report/run-report.js';
import { failureRows, renderSummary } from '../../src/report/summary.js';
import { renderPullRequestComment } from '../../src/report/comment.js';
import { apexFileCoverage, classCoverageRows, codeLines } from '../../src/report/coverage.js';
import { junitXml } from '../../src/report/test-results.js';
import { limitWarnings } from '../../src/report/annotations.js';
import { readDeployResult } from '../../src/salesforce/deploy-result.js';
import { progressLine } from '../../src/salesforce/deploy.js';

test('lists the gates in the plan order, unreached ones in their place', () => {
  const report = { ...newReport(), mode: 'deploy', status: RunStatus.Blocked, message: "Gate 'approvals' refused" };
  report.plannedGates = [Gate.Branch, Gate.OrgIdentity, Gate.Validation, Gate.Approvals, Gate.Snapshot];
  recordGate(report, Gate.Branch, 'passed', 'main is protected');
  recordGate(report, Gate.OrgIdentity, 'passed', 'orgs ok');
  recordGate(report, Gate.Approvals, 'refused', '0 of 2');
  const gates = renderSummary(report).split('\n').filter((l) => l.startsWith('- ') && l.includes('**'));
  assert.deepEqual(gates, [
    '- ✅ **branch**: main is protected',
    '- ✅ **org identity**: orgs ok',
    '- ⬜ **validation**: not reached',
    '- ⛔ **approvals**: 0 of 2',
    '- ⬜ **rollback snapshot**: not reached',
  ]);
});

test('escapes table and HTML characters from Salesforce messages', () => {
  const report = { ...newReport(), mode: 'validate', status: RunStatus.Failed, message: 'a | b <script>' };
  assert.match(renderSummary(report), /> a \\\| b &lt;script>/);
});

/** A finished validation as Salesforce reports it, with one failing test and three measured classes. */
function failedValidation() {
  return readDeployResult({
    id: '0Af000000000001AAA',
    status: 'Failed',
    done: true,
    success: false,
    checkOnly: true,
    numberComponentsTotal: 4,
    numberComponentsDeployed: 4,
    numberTestsTotal: 3,
    numberTestsCompleted: 2,
    numberTestErrors: 1,
    details: {
      componentFailures: [],
      runTestResult: {
        numTestsRun: 3,
        numFailures: 1,
        totalTime: 123,
        failures: [{ name: 'AccountsTest', methodName: 'rejectsBlank', message: 'System.AssertException: Assertion Failed: <b> & "x"', stackTrace: 'Class.AccountsTest.rejectsBlank: line 9, column 1', time: 40 }],
        successes: [
          { name: 'AccountsTest', methodName: 'creates', time: 50 },
          { name: 'ZetaTest', methodName: 'works', time: 33 },
        ],
        codeCoverage: [
          { name: 'Zeta', type: 'Class', numLocations: 10, numLocationsNotCovered: 1, locationsNotCovered: [{ line: 4 }] },
          { name: 'Accounts', type: 'Class', numLocations: 20, numLocationsNotCovered: 12, locationsNotCovered: [{ line: 3 }, { line: 5 }] },
          { name: 'Alpha', type: 'Class', numLocations: 8, numLocationsNotCovered: 0 },
          { name: 'OnAccount', type: 'Trigger', numLocations: 4, numLocationsNotCovered: 3, locationsNotCovered: { line: 2 } },
        ],
      },
    },
  });
}

function failedReport() {
  const report = { ...newReport(), mode: 'validate', status: RunStatus.Failed, message: 'Fix the failures below and push again.', coverageThreshold: 75 };
  report.plannedGates = [Gate.OrgIdentity, Gate.Validation];
  recordGate(report, Gate.Validation, 'refused', '1 test failure');
  report.operations.push({ role: 'sandbox', label: 'Sandbox validation', outcome: failedValidation(), instanceUrl: 'https://uat.example.com' });
  report.orgs.sandbox = { id: '00D000000000001AAA', name: 'Acme UAT', isSandbox: true, instanceUrl: 'https://uat.example.com' } as any;
  return report;
}

test('lists the failures right under the verdict, before the gates', () => {
  const summary = renderSummary(failedReport());
  const failures = summary.indexOf('### Failures');
  assert.ok(failures > summary.indexOf('Fix the failures below'));
  assert.ok(failures < summary.indexOf('### Gates'));
  assert.match(summary, /\| Sandbox validation \| Apex test \| AccountsTest\.rejectsBlank \| 9 \| System\.AssertException/);
});

test('shows per-class coverage with the classes below the threshold first, least covered first', () => {
  const summary = renderSummary(failedReport());
  const rows = summary.split('\n').filter((l) => /^\| (⚠️|✅) \|/.test(l));
  assert.deepEqual(rows, [
    '| ⚠️ | OnAccount (trigger) | 1/4 | 25% |',
    '| ⚠️ | Accounts | 8/20 | 40% |',
    '| ✅ | Alpha | 8/8 | 100% |',
    '| ✅ | Zeta | 9/10 | 90% |',
  ]);
  assert.match(summary, /\*\*2 of 4 classes below it\*\*/);
});

test('classCoverageRows flags a class below the threshold but never one without locations', () => {
  const rows = classCoverageRows([{ name: 'Empty', type: 'Class', locations: 0, notCovered: 0, uncoveredLines: [] }, { name: 'Half', type: 'Class', locations: 2, notCovered: 1, uncoveredLines: [] }], 75);
  assert.deepEqual(rows.map((r) => [r.name, r.belowThreshold, r.percent]), [['Half', true, 50], ['Empty', false, 100]]);
});

describe('the pull-request comment', () => {
  const preview = { environment: 'production', testLevel: 'RunLocalTests', coverageThreshold: 75, requiredApprovals: 2, validateProduction: false, delta: false, runUrl: 'https://github.com/acme/crm/actions/runs/7', commit: 'abc1234' };

  test('is the verdict, the failures, the approval state and what merging would do, without org tables', () => {
    const report = { ...failedReport(), approvalSummary: '1 of 2', approvalsSatisfied: false, components: 4, componentNames: ['ApexClass: Accounts', 'ApexClass: AccountsTest', 'ApexTrigger: OnAccount', 'delete ApexClass: Old'] };
    const body = renderPullRequestComment(report, preview);
    assert.match(body, /^### ❌ Validation failed: Salesforce production/);
    assert.match(body, /AccountsTest\.rejectsBlank/);
    assert.match(body, /\*\*Approvals\*\* for the release: ⏳ 1 of 2/);
    assert.match(body, /1\. Validate 3 components and delete 1 against the sandbox, tests RunLocalTests, coverage at least 75%\./);
    assert.match(body, /2\. Check 2 approvals/);
    assert.match(body, /4\. Deploy to production: a full deploy with tests/);
    assert.match(body, /2 classes below it: OnAccount 25%, Accounts 40%/);
    assert.doesNotMatch(body, /### Orgs|### Salesforce operations|Acme UAT|Timing/);
  });

  test('shows the first ten failures and says where the rest are', () => {
    const report = failedReport();
    const outcome = report.operations[0]!.outcome;
    outcome.testFailures = Array.from({ length: 14 }, (_, i) => ({ className: 'T', methodName: `m${i}`, message: 'boom', stackTrace: '', time: 1 }));
    const body = renderPullRequestComment(report, preview);
    assert.equal(body.split('\n').filter((l) => l.startsWith('| Sandbox validation |')).length, 10);
    assert.match(body, /\(10 of 14; all of them in the job summary\)/);
  });
});

describe('JUnit XML', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase', 'property'].includes(name) });

  test('has one force.apex suite with a testcase per method and the failure with its stack trace', () => {
    const op = failedReport().operations[0]!;
    const doc = parser.parse(junitXml(op, { timestamp: '2026-12-01T00:00:00.000Z', orgId: '00D000000000001AAA' }));
    const [suite] = doc.testsuites.testsuite;
    assert.equal(suite.name, 'force.apex');
    assert.equal(suite.tests, '3');
    assert.equal(suite.failures, '1');
    assert.equal(suite.time, '0.123');
    assert.deepEqual(suite.testcase.map((c: any) => `${c.classname}.${c.name}`), ['AccountsTest.creates', 'AccountsTest.rejectsBlank', 'ZetaTest.works']);
    const failing = suite.testcase[1];
    assert.equal(failing.time, '0.040');
    assert.equal(failing.failure.message, 'System.AssertException: Assertion Failed: <b> & "x"');
    assert.equal(failing.failure.type, 'System.AssertException');
    assert.match(failing.failure['#text'], /Class\.AccountsTest\.rejectsBlank: line 9, column 1/);
  });
});

describe('coverage data for istanbul', () => {
  const cls = { name: 'Accounts', type: 'Class' as const, locations: 6, notCovered: 3, uncoveredLines: [3] };
  const source = ['public class Accounts {', '    // a comment', '    public static Integer a() {', '        return 1;', '    }', '', '    public static Integer b() {', '        Integer x = 2;', '        return x;', '    }', '}'].join('\n');

  test('places the covered locations on code lines of the source, the listed uncovered lines kept', () => {
    const data = apexFileCoverage('/ws/Accounts.cls', cls, source);
    const lines = Object.entries(data.statementMap).map(([k, loc]) => [loc.start.line, data.s[k]]);
    assert.equal(lines.length, 6);
    assert.equal(lines.filter(([, hits]) => hits === 0).length, 3);
    assert.ok(lines.some(([line, hits]) => line === 3 && hits === 0));
    for (const [line] of lines) assert.ok(codeLines(source).includes(line!) || line! > 11, `line ${line} is code`);
  });

  test('without a source, uses consecutive lines and still matches the reported totals', () => {
    const data = apexFileCoverage('classes/Accounts.cls', { ...cls, uncoveredLines: [] });
    const hits = Object.values(data.s);
    assert.equal(hits.length, 6);
    assert.equal(hits.filter((h) => h === 0).length, 3);
  });
});

test('the progress line gives components and tests done with percentages', () => {
  const line = progressLine('sandbox validation', readDeployResult({ id: '0Af1', status: 'InProgress', numberComponentsTotal: 8, numberComponentsDeployed: 6, numberComponentErrors: 0, numberTestsTotal: 40, numberTestsCompleted: 9, numberTestErrors: 1 }));
  assert.equal(line, 'sandbox validation 0Af1: InProgress, components 6/8 (75%), tests 10/40 (25%), 1 failed');
});

test('warnings are cut to the per-step limit, the last slot counting the rest', () => {
  const warnings = Array.from({ length: 13 }, (_, i) => `w${i}`);
  const shown = limitWarnings(warnings);
  assert.equal(shown.length, 10);
  assert.equal(shown.at(-1), '4 more warnings are listed in the job summary.');
});

test('coverage warnings of a deploy Salesforce accepted are not listed as failures', () => {
  const report = { ...newReport(), mode: 'validate', status: RunStatus.Succeeded };
  const outcome = readDeployResult({ id: '0Af2', status: 'Succeeded', done: true, success: true, details: { runTestResult: { numTestsRun: 1, codeCoverageWarnings: [{ name: 'Thin', message: 'Test coverage of selected Apex Class is 10%, at least 75% test coverage is required' }] } } });
  report.operations.push({ role: 'sandbox', label: 'Sandbox validation', outcome, instanceUrl: 'https://uat.example.com' });
  assert.doesNotMatch(renderSummary(report), /### Failures/);
  assert.deepEqual(failureRows(report), []);
});
