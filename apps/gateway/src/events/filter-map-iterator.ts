/**
 * Maps and filters an async iterator without an async generator: a generator's `return()` waits
 * for the pending `next()` to settle, which on a quiet channel is never, so an unsubscribed client
 * would keep its Redis subscription. This forwards `return()` to the source at once.
 */
export function filterMapIterator<T, U>(
  source: AsyncIterator<T>,
  map: (value: T) => Promise<U | undefined>,
): AsyncIterableIterator<U> {
  const iterator: AsyncIterableIterator<U> = {
    async next(): Promise<IteratorResult<U>> {
      for (;;) {
        const result = await source.next();
        if (result.done) return { done: true, value: undefined };
        const mapped = await map(result.value);
        if (mapped !== undefined) return { done: false, value: mapped };
      }
    },
    async return(): Promise<IteratorResult<U>> {
      await source.return?.();
      return { done: true, value: undefined };
    },
    async throw(error?: unknown): Promise<IteratorResult<U>> {
      await source.return?.();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
