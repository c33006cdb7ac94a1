import { RunStatus } from '../constants.js';
import type { DeployOutcome } from '../salesforce/deploy-result.js';
import { classCoverageRows, type ClassCoverageRow } from './coverage.js';
import { setupDeployUrl, type OperationRecord, type RunReport } from './run-report.js';
import { formatDuration as duration, testedOperation } from './tested-operation.js';

export const STATUS_ICON: Record<string, string> = {
  [RunStatus.Succeeded]: '✅',
  [RunStatus.Failed]: '❌',
  [RunStatus.Blocked]: '⛔',
  [RunStatus.Skipped]: '⏭️',
};
const GATE_ICON = { passed: '✅', refused: '⛔', skipped: '⏭️' };
const MAX_ROWS = 50;

/**
 * The job summary in Markdown, in the order a release manager reads it: the verdict and what to
 * do, the failures right under it, then the gates, per-class coverage (the classes below the
 * threshold first), the Salesforce operations, orgs, package, and how long each phase took.
 */
export function renderSummary(report: RunReport): string {
  const lines: string[] = [];
  const status = report.status ?? RunStatus.Failed;
  lines.push(`## ${STATUS_ICON[status] ?? ''} Salesforce Gated Deploy: ${report.mode || 'run'} ${status}`);
  if (report.message) lines.push('', quote(report.message));

  const failures = failureRows(report);
  if (failures.length) {
    lines.push('', '### Failures', '', '| operation | type | name | line | problem |', '|---|---|---|---|---|');
    lines.push(...failures.slice(0, MAX_ROWS).map(failureRow));
    if (failures.length > MAX_ROWS) lines.push('', `… and ${failures.length - MAX_ROWS} more`);
  }

  // Every gate in the plan's order (SPEC.md's for releases), whatever order the checks ran in;
  // a gate the run never reached says so.
  const planned = [...report.plannedGates, ...report.gates.map((g) => g.gate).filter((g) => !report.plannedGates.includes(g))];
  if (planned.length) {
    lines.push('', '### Gates', '');
    for (const gate of planned) {
      const record = report.gates.find((g) => g.gate === gate);
      lines.push(record ? `- ${GATE_ICON[record.state]} **${gate}**: ${escape(record.detail)}` : `- ⬜ **${gate}**: not reached`);
    }
  }
  if (report.approvalLines?.length) lines.push('', '<details><summary>Approvals</summary>', '', ...report.approvalLines.map((l) => `- ${escape(l)}`), '', '</details>');

  const tested = testedOperation(report);
  if (tested?.outcome.classCoverage.length) lines.push('', ...coverageTable(tested, report.coverageThreshold));

  if (report.operations.length) {
    lines.push('', '### Salesforce operations', '', '| operation | id | status | components | tests | coverage |', '|---|---|---|---|---|---|');
    for (const op of report.operations) {
      const o = op.outcome;
      const link = o.id ? `[\`${o.id}\`](${setupDeployUrl(op.instanceUrl, o.id)})` : '—';
      lines.push(`| ${op.label} | ${link} | ${o.status} | ${o.componentsDeployed}/${o.componentsTotal}${o.componentErrors ? ` (${o.componentErrors} failed)` : ''} | ${testCell(o)} | ${o.coverage !== undefined && o.testsRun > 0 ? `${o.coverage}%` : '—'} |`);
    }
  }

  const orgs = Object.entries(report.orgs);
  if (orgs.length) {
    lines.push('', '### Orgs', '', '| role | org | id | sandbox |', '|---|---|---|---|');
    for (const [role, org] of orgs) lines.push(`| ${role} | ${escape(org!.name)} | \`${org!.id}\` | ${org!.isSandbox ? 'yes' : 'no'} |`);
  }

  if (report.components !== undefined) {
    lines.push('', `### Package: ${report.components} component${report.components === 1 ? '' : 's'}`);
    if (report.componentNames?.length) {
      const shown = report.componentNames.slice(0, MAX_ROWS);
      lines.push('', '<details><summary>Components</summary>', '', ...shown.map((c) => `- ${escape(c)}`));
      if (report.componentNames.length > shown.length) lines.push(`- … and ${report.componentNames.length - shown.length} more`);
      lines.push('', '</details>');
    }
  }

  const facts: string[] = [];
  if (report.rollbackArtifact) facts.push(`Rollback artifact: \`${report.rollbackArtifact}\``);
  if (report.quickDeployed) facts.push('The production deploy was a quick deploy of a production validation.');
  if (report.deploymentId) facts.push(`GitHub Deployment: #${report.deploymentId}`);
  if (report.testResults) facts.push(`Test reports: JUnit \`${report.testResults.junitFile}\`${report.testResults.coverageDir ? `, coverage \`${report.testResults.coverageDir}\`` : ''} (outputs \`junit-file\`, \`coverage-dir\`)`);
  if (facts.length) lines.push('', ...facts.map((f) => `- ${f}`));
  if (report.warnings.length) lines.push('', '### Warnings', '', ...report.warnings.map((w) => `> [!WARNING]\n> ${escape(w)}\n`));
  if (report.notes.length) lines.push('', ...report.notes.map((n) => `- ${escape(n)}`));
  if (report.phases.length) {
    const total = report.phases.reduce((sum, p) => sum + p.ms, 0);
    lines.push('', `<details><summary>Timing</summary>`, '', '| phase | time |', '|---|---|');
    lines.push(...report.phases.map((p) => `| ${escape(p.name)}${p.failed ? ' (failed)' : ''} | ${duration(p.ms)} |`));
    lines.push(`| **total** | ${duration(total)} |`, '', '</details>');
  }
  return `${lines.join('\n')}\n`;
}

/** One failure of a Salesforce operation, as reports list them. */
export interface FailureRow {
  operation: string;
  type: string;
  name: string;
  line?: number;
  problem: string;
}

/** Every component, test and coverage failure of the run's operations that failed, in the order they ran. */
export function failureRows(report: RunReport): FailureRow[] {
  const rows: FailureRow[] = [];
  for (const op of report.operations) {
    const o = op.outcome;
    for (const f of o.componentFailures) rows.push({ operation: op.label, type: f.type, name: f.fullName, line: f.line, problem: f.problem });
    for (const t of o.testFailures) rows.push({ operation: op.label, type: 'Apex test', name: `${t.className}.${t.methodName}`, line: t.line, problem: t.message });
    // A deploy Salesforce accepted may still carry coverage warnings (a sandbox does not enforce
    // 75 % per class): those are warnings, not failures.
    if (!o.success) for (const w of o.coverageWarnings) rows.push({ operation: op.label, type: 'Coverage', name: '', problem: w });
    if (!o.success && o.errorMessage && !o.componentFailures.length && !o.testFailures.length) rows.push({ operation: op.label, type: 'Error', name: o.errorStatusCode ?? '', problem: o.errorMessage });
  }
  return rows;
}

export function failureRow(f: FailureRow): string {
  return `| ${escape(f.operation)} | ${escape(f.type)} | ${escape(f.name)} | ${f.line ?? ''} | ${escape(f.problem)} |`;
}

/** Per-class coverage of the operation that ran the tests, classes below the threshold first. */
function coverageTable(op: OperationRecord, threshold = 75): string[] {
  const rows = classCoverageRows(op.outcome.classCoverage, threshold);
  const below = rows.filter((r) => r.belowThreshold).length;
  const lines = [
    `### Coverage by class: ${op.outcome.coverage ?? '—'}% org-wide`,
    '',
    `${op.label}, threshold ${threshold}%: ${below ? `**${below} of ${rows.length} class${rows.length === 1 ? '' : 'es'} below it**` : `every class at or above it`}.`,
    '',
    '| | class | covered lines | coverage |',
    '|---|---|---|---|',
  ];
  const shown = rows.slice(0, MAX_ROWS);
  lines.push(...shown.map(coverageRow));
  if (rows.length > shown.length) lines.push('', `… and ${rows.length - shown.length} more in the coverage reports`);
  return lines;
}

function coverageRow(r: ClassCoverageRow): string {
  return `| ${r.belowThreshold ? '⚠️' : '✅'} | ${escape(r.name)}${r.type === 'Trigger' ? ' (trigger)' : ''} | ${r.covered}/${r.locations} | ${r.percent}% |`;
}

function testCell(o: DeployOutcome): string {
  if (o.testsRun === 0 && o.testsFailed === 0) return '—';
  return `${o.testsRun - o.testsFailed}/${o.testsRun} passed`;
}

export function quote(text: string): string {
  return text.split('\n').map((l) => `> ${escape(l)}`).join('\n');
}

export function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}
