import type { Annotation } from './run-report.js';

/** GitHub shows at most 10 error (and 10 warning) annotations per step; `core.setFailed` is one of the errors. */
export const ANNOTATION_LIMIT = 10;

/**
 * The annotations to emit, most useful first: failures with a file and line, then test failures,
 * then the rest; follow-on errors ("Dependent class is invalid") last. When more exist than fit,
 * the last slot says how many more are in the job summary.
 */
export function rankAnnotations(all: Annotation[], limit = ANNOTATION_LIMIT): Annotation[] {
  const sorted = [...all].sort((a, b) => a.rank - b.rank || (a.file ?? '').localeCompare(b.file ?? '') || (a.line ?? 0) - (b.line ?? 0));
  if (sorted.length <= limit) return sorted;
  const shown = sorted.slice(0, limit - 1);
  shown.push({ title: 'More failures', message: `${sorted.length - shown.length} more failures are listed in the job summary.`, rank: Number.MAX_SAFE_INTEGER });
  return shown;
}

/**
 * Warnings to emit within the same per-step limit: the first ones, the last slot saying how many
 * more the job summary lists.
 */
export function limitWarnings(all: string[], limit = ANNOTATION_LIMIT): string[] {
  if (all.length <= limit) return all;
  if (limit <= 1) return limit === 1 ? [`${all.length} more warnings are listed in the job summary.`] : [];
  return [...all.slice(0, limit - 1), `${all.length - limit + 1} more warnings are listed in the job summary.`];
}

/** Rank of a component failure: real compile errors on a line first, follow-on errors last. */
export function componentFailureRank(problem: string, hasLine: boolean): number {
  if (/Dependent class is invalid|needs recompilation/i.test(problem)) return 30;
  return hasLine ? 0 : 10;
}

/** Rank of a test failure. */
export const TEST_FAILURE_RANK = 5;
