// Parallel work that must finish before anyone cleans up: unlike Promise.all, wait for every
// task to settle (so no container is still being created), then fail with the first error.

/** Await every task; throw the first rejection once all have settled. */
export async function settleAll<T>(tasks: readonly Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(tasks);
  const failed = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<T>).value);
}
