// The file a worker thread starts from: the bundle's entry (dist/index.js), which runs a worker's
// job instead of the action when its workerData says so. Set by src/index.ts; unset when src/ is
// imported directly (tests, benchmarks), where package.ts finds another way or stays in-thread.
let entry: URL | undefined;

export function setWorkerEntry(url: string): void {
  entry = new URL(url);
}

export function workerEntry(): URL | undefined {
  return entry;
}
