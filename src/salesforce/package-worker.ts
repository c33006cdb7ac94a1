import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { PACKAGE_WORKER_ROLE } from '../constants.js';
import { convertShare, shareError, type PackagingJob } from './package-convert.js';

// A packaging worker thread: converts its share of the package (workerData.job) and posts the
// compressed entries back, their bytes transferred, not copied. Started by package.ts from the
// bundle's entry (src/index.ts) or, when src/ runs under tsx, from this file.

if (!isMainThread && parentPort && workerData?.role === PACKAGE_WORKER_ROLE) {
  const port = parentPort;
  convertShare(workerData.job as PackagingJob).then(
    (result) => port.postMessage({ result }, [result.part.block.buffer as ArrayBuffer]),
    (error: unknown) => port.postMessage({ error: shareError(error) }),
  );
}
