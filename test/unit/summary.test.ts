import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import { RunStatus } from '../../src/constants.js';
import { Gate } from '../../src/errors.js';
import { newReport, recordGate } from '../../src/report/run-report.js';
import { renderSummary } from '../../src/report/summary.js';

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
