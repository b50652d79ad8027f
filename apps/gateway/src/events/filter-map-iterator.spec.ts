import { filterMapIterator } from './filter-map-iterator';

function controllable<T>() {
  const queue: T[] = [];
  let wake: (() => void) | undefined;
  let returned = false;
  const source: AsyncIterator<T> = {
    async next() {
      while (!queue.length && !returned) await new Promise<void>((r) => (wake = r));
      if (returned) return { done: true, value: undefined };
      return { done: false, value: queue.shift() as T };
    },
    async return() {
      returned = true;
      wake?.();
      return { done: true, value: undefined };
    },
  };
  return { source, push: (v: T) => (queue.push(v), wake?.()), isReturned: () => returned };
}

describe('filterMapIterator', () => {
  it('yields only the values the map keeps, transformed', async () => {
    const { source, push } = controllable<number>();
    const odd = filterMapIterator(source, async (n) => (n % 2 ? `n${n}` : undefined));
    push(1);
    push(2);
    push(3);
    expect(await odd.next()).toEqual({ done: false, value: 'n1' });
    expect(await odd.next()).toEqual({ done: false, value: 'n3' });
  });

  it('releases the source at once when the consumer leaves, even while waiting', async () => {
    const { source, isReturned } = controllable<number>();
    const it = filterMapIterator(source, async (n) => n);
    const pending = it.next();
    await it.return?.();
    expect(isReturned()).toBe(true);
    expect(await pending).toEqual({ done: true, value: undefined });
  });
});
