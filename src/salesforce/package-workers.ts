import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { PACKAGE_WORKER_ROLE } from '../constants.js';
import { workerEntry } from '../worker-entry.js';
import type { PackagingJob, PlainInputs } from './package-convert.js';

// Packaging worker threads (package.ts runs the shares in them). Light on purpose: src/main.ts
// imports it at start-up to start the first worker before anything else, so that resolving a
// plain project's package, or loading source-deploy-retrieve (0.3–0.5 s) for any other, happens
// while the run loads its flow and authenticates, not after.

/**
 * The script a packaging worker starts from: the bundle's entry (dist/index.js, which serves as
 * a worker when its workerData says so); under tsx (benchmarks), package-worker.ts itself, the
 * worker inheriting tsx from this process's execArgv. Neither under jest: shares run in-thread.
 */
export function workerScript(): URL | string | undefined {
  const entry = workerEntry();
  if (entry) return entry;
  const here = fileURLToPath(import.meta.url);
  // Node 22+: earlier ones do not run the parent's `--import tsx` in a worker.
  if (here.endsWith('.ts') && Number(process.versions.node.split('.')[0]) >= 22 && process.execArgv.some((arg) => arg.includes('tsx'))) return here.replace(/package-workers\.ts$/, 'package-worker.ts');
  return undefined;
}

/**
 * A packaging worker's young generation, capped: V8's default for a worker let the 10,000-file
 * package's garbage (every file read once) grow the process by about 95 MiB before it was
 * collected; at 16 MiB the same packaging takes the same time (`npm run bench`, section 2).
 */
export const WORKER_LIMITS = { maxYoungGenerationSizeMb: 16 };

/** The worker started ahead of its job, and whether it stopped before getting one. */
let waiting: Promise<{ worker: Worker; stopped: boolean } | undefined> | undefined;

/**
 * Starts one packaging worker now, without a job: told the package inputs, it resolves a plain
 * project's package (package-plain.ts) or loads source-deploy-retrieve, and waits for its job
 * (package-worker.ts). It does not keep the process alive: a run that ends before packaging
 * (a refused gate) exits as before. Does nothing where workers cannot start.
 */
export function prestartPackagingWorker(inputs: PlainInputs): void {
  const entry = workerScript();
  if (!entry || waiting) return;
  waiting = import('node:worker_threads').then(
    ({ Worker }) => {
      const state = { worker: new Worker(entry, { workerData: { role: PACKAGE_WORKER_ROLE, inputs }, resourceLimits: WORKER_LIMITS }), stopped: false };
      state.worker.unref();
      // One that fails before it is given a job is not used: its share starts a fresh worker.
      state.worker.on('error', () => (state.stopped = true));
      state.worker.once('exit', () => (state.stopped = true));
      return state;
    },
    () => undefined,
  );
}

/**
 * A worker running `job`: the one started ahead if it is still waiting, else a new one. The
 * caller listens for its message, error and exit.
 */
export async function startPackagingWorker(entry: URL | string, job: PackagingJob): Promise<Worker> {
  const ahead = await waiting;
  waiting = undefined;
  if (ahead && !ahead.stopped) {
    ahead.worker.ref();
    ahead.worker.postMessage({ job });
    return ahead.worker;
  }
  const { Worker } = await import('node:worker_threads');
  return new Worker(entry, { workerData: { role: PACKAGE_WORKER_ROLE, job }, resourceLimits: WORKER_LIMITS });
}
