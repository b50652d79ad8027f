import { OneTransactionAtATime } from './one-transaction-at-a-time';

/** A work function that records its batches and waits until `release` is called for each. */
function recordingWork(failOn: (items: number[]) => boolean = () => false) {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  const work = (items: number[]) =>
    new Promise<void>((resolve, reject) => {
      batches.push(items);
      releases.push(() =>
        failOn(items) ? reject(new Error(`failed ${items.join(',')}`)) : resolve(),
      );
    });
  return { batches, work, releaseNext: () => releases.shift()?.() };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('OneTransactionAtATime', () => {
  it('runs the first item at once and batches what arrives meanwhile into the next run', async () => {
    const { batches, work, releaseNext } = recordingWork();
    const runner = new OneTransactionAtATime(10, work);
    const done = [1, 2, 3].map((item) => runner.add(item));
    await flush();
    expect(batches).toEqual([[1]]);
    releaseNext();
    await flush();
    expect(batches).toEqual([[1], [2, 3]]);
    releaseNext();
    await expect(Promise.all(done)).resolves.toEqual([undefined, undefined, undefined]);
  });

  it('puts no more than maxBatch items in one run', async () => {
    const { batches, work, releaseNext } = recordingWork();
    const runner = new OneTransactionAtATime(2, work);
    const done = [1, 2, 3, 4, 5].map((item) => runner.add(item));
    for (let i = 0; i < 3; i++) {
      await flush();
      releaseNext();
    }
    await Promise.all(done);
    expect(batches).toEqual([[1], [2, 3], [4, 5]]);
  });

  it('retries a failed batch item by item, so only the failing item is rejected', async () => {
    const { batches, work, releaseNext } = recordingWork((items) => items.includes(3));
    const runner = new OneTransactionAtATime(10, work);
    const outcomes = [1, 2, 3, 4].map((item) =>
      runner.add(item).then(
        () => 'done',
        (error: Error) => error.message,
      ),
    );
    for (let i = 0; i < 6; i++) {
      await flush();
      releaseNext();
    }
    expect(await Promise.all(outcomes)).toEqual(['done', 'done', 'failed 3', 'done']);
    expect(batches).toEqual([[1], [2, 3, 4], [2], [3], [4]]);
  });

  it('with failTogether, rejects the whole failed batch without retrying its items', async () => {
    const { batches, work, releaseNext } = recordingWork((items) => items.includes(3));
    const runner = new OneTransactionAtATime(10, work, { failTogether: true });
    const outcomes = [1, 2, 3].map((item) =>
      runner.add(item).then(
        () => 'done',
        (error: Error) => error.message,
      ),
    );
    for (let i = 0; i < 2; i++) {
      await flush();
      releaseNext();
    }
    expect(await Promise.all(outcomes)).toEqual(['done', 'failed 2,3', 'failed 2,3']);
    expect(batches).toEqual([[1], [2, 3]]);
  });

  it('starts again for an item added after it went idle', async () => {
    const { batches, work, releaseNext } = recordingWork();
    const runner = new OneTransactionAtATime(10, work);
    const first = runner.add(1);
    await flush();
    releaseNext();
    await first;
    const second = runner.add(2);
    await flush();
    releaseNext();
    await second;
    expect(batches).toEqual([[1], [2]]);
  });
});
