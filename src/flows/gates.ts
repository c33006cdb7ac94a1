import { Gate, GateError } from '../errors.js';
import { recordGate } from '../report/run-report.js';
import type { RunState } from './run-state.js';
import { phase } from './timing.js';

/** Runs one gate check in its own log group, recording it as passed (with the evidence it returns) or refused. */
export async function passGate(run: RunState, gate: Gate, check: () => Promise<string> | string): Promise<void> {
  await phase(run, `Gate '${gate}'`, async () => {
    try {
      const evidence = await check();
      recordGate(run.report, gate, 'passed', evidence);
      run.runner.info(`Gate '${gate}' passed: ${evidence}`);
    } catch (error) {
      if (error instanceof GateError && error.gate === gate) {
        const detail = error.message.replace(/^Gate '[^']+' refused: /, '');
        recordGate(run.report, gate, 'refused', detail);
        run.runner.info(`Gate '${gate}' refused: ${detail}`);
      }
      throw error;
    }
  });
}
