import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { PACKAGE_WORKER_ROLE } from '../constants.js';
import { convertShare, prepareShare, sameInputs, shareError, type PackagingJob, type PlainInputs } from './package-convert.js';
import type { PlainPackage } from './package-plain.js';

// A packaging worker thread: converts its share of the package (workerData.job, or the job it is
// sent when it was started ahead of it) and posts the compressed entries back, their bytes
// transferred, not copied. Started by package-workers.ts from the bundle's entry (src/index.ts)
// or, when src/ runs under tsx, from this file.

if (!isMainThread && parentPort && workerData?.role === PACKAGE_WORKER_ROLE) {
  const port = parentPort;
  const convert = (job: PackagingJob, plan?: PlainPackage) =>
    convertShare(job, plan).then(
      (result) => port.postMessage({ result }, [result.part.block.buffer as ArrayBuffer]),
      (error: unknown) => port.postMessage({ error: shareError(error) }),
    );
  if (workerData.job) {
    void convert(workerData.job as PackagingJob);
  } else {
    // Started ahead of its job (package-workers.ts): a plain project's package is resolved, or
    // SDR loads, while the run connects.
    const inputs = workerData.inputs as PlainInputs;
    const plan = prepareShare(inputs);
    port.once('message', (message: { job: PackagingJob }) => void convert(message.job, plan && sameInputs(message.job, inputs) ? plan : undefined));
  }
}
