import { Gate, GateError } from '../errors.js';
import { recordGate } from '../report/run-report.js';
import type { RunState } from './run-state.js';

/** Runs one gate check, recording it as passed (with the evidence it returns) or refused. */
export async function passGate(run: RunState, gate: Gate, check: () => Promise<string> | string): Promise<void> {
  try {
    const evidence = await check();
    recordGate(run.report, gate, 'passed', evidence);
    run.runner.info(`Gate '${gate}' passed: ${evidence}`);
  } catch (error) {
    if (error instanceof GateError && error.gate === gate) recordGate(run.report, gate, 'refused', error.message.replace(/^Gate '[^']+' refused: /, ''));
    throw error;
  }
}
