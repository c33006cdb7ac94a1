import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { phase } from '../../src/flows/timing.js';
import type { Runner, RunState } from '../../src/flows/run-state.js';
import { newReport } from '../../src/report/run-report.js';

/** A run whose runner writes log lines and group markers into `log`, as the runner's log would show them. */
function fakeRun(log: string[]): RunState {
  const runner: Runner = {
    info: (line) => log.push(line),
    warning: (line) => log.push(`warning: ${line}`),
    startGroup: (title) => log.push(`::group::${title}`),
    endGroup: () => log.push('::endgroup::'),
    registerSecret: () => {},
    rememberPendingDeploy: () => {},
    writeSummary: async () => {},
  };
  return { report: newReport(), runner } as unknown as RunState;
}

/** A clock that advances by `step` ms at every reading. */
function clock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

describe('phase', () => {
  test('runs in its own log group and writes its elapsed time after the group closes', async () => {
    const log: string[] = [];
    const run = fakeRun(log);
    await phase(run, 'Package the source', async () => log.push('packaging'), { now: clock(1500) });
    assert.deepEqual(log, ['::group::Package the source', 'packaging', '::endgroup::', '✓ Package the source took 1.5 s.']);
    assert.deepEqual(run.report.phases, [{ name: 'Package the source', ms: 1500, failed: false }]);
  });

  test('a phase started while another group is open logs into it, since GitHub groups do not nest', async () => {
    const log: string[] = [];
    const run = fakeRun(log);
    await phase(run, 'Connect', async () => {
      await phase(run, 'Package', async () => log.push('packaging'));
    });
    assert.deepEqual(log.filter((l) => l.startsWith('::')), ['::group::Connect', '::endgroup::']);
    assert.deepEqual(run.report.phases.map((p) => p.name), ['Package', 'Connect']);
  });

  test('a phase that throws, or whose result says it failed, is reported as failed and its group closed', async () => {
    const log: string[] = [];
    const run = fakeRun(log);
    await assert.rejects(phase(run, 'Gate', async () => { throw new Error('refused'); }, { now: clock(65000) }), /refused/);
    await phase(run, 'Sandbox validation', async () => ({ success: false }), { failed: (o) => !o.success, now: clock(100) });
    assert.deepEqual(log, ['::group::Gate', '::endgroup::', '✗ Gate failed after 1 min 5 s.', '::group::Sandbox validation', '::endgroup::', '✗ Sandbox validation failed after 0.1 s.']);
    assert.deepEqual(run.report.phases.map((p) => p.failed), [true, true]);
  });
});
