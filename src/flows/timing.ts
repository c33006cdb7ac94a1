import { formatDuration } from '../report/tested-operation.js';
import type { RunState } from './run-state.js';

/** Starts `work` once the I/O already queued (a request being sent) has had its turn. */
export function afterPendingIo<T>(work: () => Promise<T>): Promise<T> {
  return new Promise((resolve) => setTimeout(resolve, 0)).then(work);
}

/**
 * Runs one phase of the run (a gate, packaging, a Salesforce operation) in its own log group and
 * records how long it took. GitHub's log groups do not nest, so a phase that starts while
 * another one's group is open (packaging runs while the orgs connect) logs into that group; its
 * time is recorded all the same. The elapsed-time line is written after the group closes, so it
 * reads in the collapsed log.
 */
export async function phase<T>(run: RunState, name: string, work: () => Promise<T>, options: { failed?: (result: T) => boolean; now?: () => number } = {}): Promise<T> {
  const now = options.now ?? Date.now;
  const { runner } = run;
  const grouped = !openGroup.has(runner) && typeof runner.startGroup === 'function';
  if (grouped) {
    openGroup.add(runner);
    runner.startGroup!(name);
  }
  const started = now();
  let failed = true;
  try {
    const result = await work();
    failed = options.failed?.(result) ?? false;
    return result;
  } finally {
    const ms = now() - started;
    run.report.phases.push({ name, ms, failed });
    if (grouped) {
      runner.endGroup?.();
      openGroup.delete(runner);
    }
    runner.info(`${failed ? '✗' : '✓'} ${name} ${failed ? 'failed after' : 'took'} ${formatDuration(ms)}.`);
  }
}

/** Runners with a log group open (one per run; a WeakSet so test runners are not kept alive). */
const openGroup = new WeakSet<object>();
