/** Starts `work` once the I/O already queued (a request being sent) has had its turn. */
export function afterPendingIo<T>(work: () => Promise<T>): Promise<T> {
  return new Promise((resolve) => setTimeout(resolve, 0)).then(work);
}
