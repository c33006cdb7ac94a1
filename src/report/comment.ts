import { RunStatus } from '../constants.js';
import { classCoverageRows } from './coverage.js';
import type { RunReport } from './run-report.js';
import { escape, failureRow, failureRows, quote, STATUS_ICON } from './summary.js';
import { testedOperation } from './tested-operation.js';

/** What a merge of the pull request would set off, from the settings the release runs with. */
export interface ReleasePreview {
  /** Where the release deploys: `production` goes through every gate, `sandbox` straight in. */
  environment: string;
  testLevel: string;
  coverageThreshold: number;
  requiredApprovals: number;
  /** A production validation of this content was recorded for the release to quick deploy. */
  validateProduction: boolean;
  delta: boolean;
  runUrl: string;
  commit: string;
}

const MAX_FAILURES = 10;
const MAX_COMPONENTS = 30;

/**
 * The pull-request comment: short enough to read in a conversation. The verdict, the failures
 * (the first ten), the approval state the release will face, and what merging would do; org
 * tables, per-class coverage and timings stay in the job summary, linked at the end.
 */
export function renderPullRequestComment(report: RunReport, preview: ReleasePreview): string {
  const status = report.status ?? RunStatus.Failed;
  const verdict = {
    [RunStatus.Succeeded]: 'Validation passed',
    [RunStatus.Failed]: 'Validation failed',
    [RunStatus.Blocked]: 'Validation blocked',
    [RunStatus.Skipped]: 'Validation skipped',
  }[status];
  const lines = [`### ${STATUS_ICON[status] ?? ''} ${verdict}: Salesforce ${preview.environment}`];
  if (report.message) lines.push('', quote(report.message));

  const failures = failureRows(report);
  if (failures.length) {
    const shown = failures.slice(0, MAX_FAILURES);
    lines.push('', `**Failures**${failures.length > shown.length ? ` (${shown.length} of ${failures.length}; all of them in the job summary)` : ''}`, '');
    lines.push('| operation | type | name | line | problem |', '|---|---|---|---|---|', ...shown.map(failureRow));
  }

  const tested = testedOperation(report);
  if (tested && tested.outcome.coverage !== undefined) {
    const rows = classCoverageRows(tested.outcome.classCoverage, preview.coverageThreshold);
    const below = rows.filter((r) => r.belowThreshold);
    const names = below.slice(0, 5).map((r) => `${escape(r.name)} ${r.percent}%`).join(', ');
    lines.push(
      '',
      `**Tests**: ${tested.outcome.testsRun - tested.outcome.testsFailed}/${tested.outcome.testsRun} passed · coverage ${tested.outcome.coverage}% org-wide (threshold ${preview.coverageThreshold}%)` +
        (below.length ? ` · ${below.length} class${below.length === 1 ? '' : 'es'} below it: ${names}${below.length > 5 ? ', …' : ''}` : ''),
    );
  }

  if (report.approvalSummary) {
    lines.push('', `**Approvals** for the release: ${report.approvalsSatisfied ? '✅' : '⏳'} ${escape(report.approvalSummary)}`);
    if (report.approvalLines?.length) lines.push('', '<details><summary>Who counts</summary>', '', ...report.approvalLines.map((l) => `- ${escape(l)}`), '', '</details>');
  }

  lines.push('', '**What merging would do**', '', ...releaseSteps(report, preview));

  if (report.componentNames?.length) {
    const shown = report.componentNames.slice(0, MAX_COMPONENTS);
    lines.push('', `<details><summary>${report.componentNames.length} component${report.componentNames.length === 1 ? '' : 's'}</summary>`, '', ...shown.map((c) => `- ${escape(c)}`));
    if (report.componentNames.length > shown.length) lines.push(`- … and ${report.componentNames.length - shown.length} more in the job summary`);
    lines.push('', '</details>');
  }
  lines.push('', `[Job summary](${preview.runUrl}): orgs, Salesforce operations, coverage by class, timings · commit \`${preview.commit}\``);
  return `${lines.join('\n')}\n`;
}

/** The release's steps in order, as a numbered list a release manager can check off. */
function releaseSteps(report: RunReport, preview: ReleasePreview): string[] {
  const deletes = report.componentNames?.filter((c) => c.startsWith('delete ')).length ?? 0;
  const deploys = (report.components ?? 0) - deletes;
  const scope = report.components === undefined ? 'the package' : `${deploys} component${deploys === 1 ? '' : 's'}${deletes ? ` and delete ${deletes}` : ''}`;
  const delta = preview.delta ? ' (only what changed since the last production deploy)' : '';
  if (preview.environment !== 'production') {
    return [`1. Deploy ${scope}${delta} to the sandbox, tests ${preview.testLevel}.`];
  }
  const production = report.orgs.production ? ` **${escape(report.orgs.production.name)}**` : '';
  return [
    `1. Validate ${scope}${delta} against the sandbox, tests ${preview.testLevel}, coverage at least ${preview.coverageThreshold}%.`,
    `2. Check ${preview.requiredApprovals} approval${preview.requiredApprovals === 1 ? '' : 's'} of the merged pull request's head commit.`,
    '3. Save a rollback artifact of what production has now, and read it back.',
    `4. Deploy to production${production}: ${preview.validateProduction && report.productionValidationId ? `a quick deploy of production validation \`${report.productionValidationId}\` while Salesforce still accepts it, else a full deploy with tests` : 'a full deploy with tests'}, rolled back by Salesforce on any error.`,
  ];
}
