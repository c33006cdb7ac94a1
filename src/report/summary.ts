import { RunStatus } from '../constants.js';
import type { DeployOutcome } from '../salesforce/deploy-result.js';
import { setupDeployUrl, type RunReport } from './run-report.js';

const STATUS_ICON: Record<string, string> = {
  [RunStatus.Succeeded]: '✅',
  [RunStatus.Failed]: '❌',
  [RunStatus.Blocked]: '⛔',
  [RunStatus.Skipped]: '⏭️',
};
const GATE_ICON = { passed: '✅', refused: '⛔', skipped: '⏭️' };
const MAX_ROWS = 50;

/** The job summary in Markdown: verdict, gates as a checklist, orgs, operations, failures, links. */
export function renderSummary(report: RunReport): string {
  const lines: string[] = [];
  const status = report.status ?? RunStatus.Failed;
  lines.push(`## ${STATUS_ICON[status] ?? ''} Salesforce Gated Deploy: ${report.mode || 'run'} ${status}`);
  if (report.message) lines.push('', quote(report.message));

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

  if (report.operations.length) {
    lines.push('', '### Salesforce operations', '', '| operation | id | status | components | tests | coverage |', '|---|---|---|---|---|---|');
    for (const op of report.operations) {
      const o = op.outcome;
      const link = o.id ? `[\`${o.id}\`](${setupDeployUrl(op.instanceUrl, o.id)})` : '—';
      lines.push(`| ${op.label} | ${link} | ${o.status} | ${o.componentsDeployed}/${o.componentsTotal}${o.componentErrors ? ` (${o.componentErrors} failed)` : ''} | ${testCell(o)} | ${o.coverage !== undefined && o.testsRun > 0 ? `${o.coverage}%` : '—'} |`);
    }
    for (const op of report.operations) lines.push(...failureTable(op.label, op.outcome));
  }

  const facts: string[] = [];
  if (report.rollbackArtifact) facts.push(`Rollback artifact: \`${report.rollbackArtifact}\``);
  if (report.quickDeployed) facts.push('The production deploy was a quick deploy of a production validation.');
  if (report.deploymentId) facts.push(`GitHub Deployment: #${report.deploymentId}`);
  if (facts.length) lines.push('', ...facts.map((f) => `- ${f}`));
  if (report.warnings.length) lines.push('', '### Warnings', '', ...report.warnings.map((w) => `> [!WARNING]\n> ${escape(w)}\n`));
  if (report.notes.length) lines.push('', ...report.notes.map((n) => `- ${escape(n)}`));
  return `${lines.join('\n')}\n`;
}

function testCell(o: DeployOutcome): string {
  if (o.testsRun === 0 && o.testsFailed === 0) return '—';
  return `${o.testsRun - o.testsFailed}/${o.testsRun} passed`;
}

function failureTable(label: string, o: DeployOutcome): string[] {
  const rows: string[] = [];
  for (const f of o.componentFailures) rows.push(`| ${escape(f.type)} | ${escape(f.fullName)} | ${f.line ?? ''} | ${escape(f.problem)} |`);
  for (const t of o.testFailures) rows.push(`| Apex test | ${escape(`${t.className}.${t.methodName}`)} | ${t.line ?? ''} | ${escape(t.message)} |`);
  for (const w of o.coverageWarnings) rows.push(`| Coverage | | | ${escape(w)} |`);
  if (!rows.length) return [];
  const shown = rows.slice(0, MAX_ROWS);
  const more = rows.length > shown.length ? [`\n… and ${rows.length - shown.length} more`] : [];
  return ['', `#### ${label}: failures`, '', '| type | name | line | problem |', '|---|---|---|---|', ...shown, ...more];
}

function quote(text: string): string {
  return text.split('\n').map((l) => `> ${escape(l)}`).join('\n');
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}
