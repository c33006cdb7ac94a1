import { isMainThread, workerData } from 'node:worker_threads';
import * as core from './workflow-commands.js';
import { PACKAGE_WORKER_ROLE, State } from './constants.js';
import { post, run } from './main.js';
import { setWorkerEntry } from './worker-entry.js';

// One bundle serves `main:`, `post:` and the packaging worker threads (src/salesforce/package.ts);
// the main step leaves a state flag for the post step.
if (!isMainThread && workerData?.role === PACKAGE_WORKER_ROLE) await import('./salesforce/package-worker.js');
else {
  setWorkerEntry(import.meta.url);
  if (core.getState(State.IsPost)) await post();
  else await run();
}
