import { errorMessage } from '../errors.js';
import { approvalPolicy, describeVerdict, evaluateApprovals, gatherApprovalEvidence } from '../github/approvals.js';
import { upsertPullRequestComment } from '../github/comment.js';
import { isPullRequestEvent, pullRequestNumber, runUrl } from '../github/context.js';
import { renderPullRequestComment } from '../report/comment.js';
import type { RunState } from './run-state.js';

/**
 * In a pull-request run, the approval state the release will face, for information only: the
 * gate itself runs at release time on the merged pull request.
 */
export async function reportApprovalState(run: RunState): Promise<void> {
  const { settings, context, report } = run;
  if (!isPullRequestEvent(context.eventName) || !settings.githubToken) return;
  try {
    const policy = approvalPolicy(settings);
    const verdict = evaluateApprovals(await gatherApprovalEvidence(await run.github(), context, policy, 'production'), policy, 'production');
    report.approvalLines = describeVerdict(verdict);
    report.approvalsSatisfied = verdict.satisfied;
    report.approvalSummary = `${verdict.counted.length} of ${verdict.required}${verdict.satisfied ? ' (enough)' : ''}${verdict.blockers.length ? `, blocked by ${verdict.blockers.map((b) => b.login).join(', ')}` : ''}`;
    report.notes.push(`Approvals for a production release: ${report.approvalSummary}.`);
  } catch (error) {
    report.approvalSummary = 'could not be read (see the warnings)';
    run.runner.warning(`Could not read the pull request's approval state: ${errorMessage(error)}`);
  }
}

/** Keeps one condensed comment on the pull request with this run's result, updated in place on every run. */
export async function commentOnPullRequest(run: RunState): Promise<void> {
  const { settings, context, report } = run;
  const number = pullRequestNumber(context);
  if (!isPullRequestEvent(context.eventName) || number === undefined || !settings.githubToken) return;
  // A failed validation stops before the approvals are read; the comment still tells them.
  if (report.approvalSummary === undefined && run.settings.mode === 'validate') await reportApprovalState(run);
  try {
    const client = await run.github();
    const body = renderPullRequestComment(report, {
      environment: settings.environment,
      testLevel: settings.testLevel,
      coverageThreshold: settings.coverageThreshold,
      requiredApprovals: settings.requiredApprovals,
      validateProduction: settings.validateProduction,
      delta: settings.delta,
      runUrl: runUrl(context),
      commit: (context.payload.pull_request?.head?.sha ?? context.sha).slice(0, 7),
    });
    await upsertPullRequestComment(client, context, number, `validation-${settings.environment}`, body);
  } catch (error) {
    // Best effort: a missing pull-requests: write permission must not fail a validation.
    run.runner.warning(`Could not update the pull request comment (${errorMessage(error)}). Grant 'pull-requests: write' to enable it.`);
  }
}
