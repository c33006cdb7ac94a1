import type { OperationRecord, RunReport } from './run-report.js';

/** The operation whose tests the reports describe: the last one that ran Apex tests. */
export function testedOperation(report: RunReport): OperationRecord | undefined {
  return report.operations.findLast((op) => op.outcome.testsRun > 0 || op.outcome.testFailures.length > 0 || op.outcome.testSuccesses.length > 0);
}

/** Seconds with one decimal, or minutes and seconds past a minute: how a person reads a duration. */
export function formatDuration(ms: number): string {
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60000)} min ${Math.round((ms % 60000) / 1000)} s`;
}
