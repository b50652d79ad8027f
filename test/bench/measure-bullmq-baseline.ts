import { randomUUID } from 'node:crypto';
import { Queue, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { runClosedLoops, type Measurement } from './measurement';

type Payload = { referralId: string };

/**
 * The raw queue baseline: BullMQ add of the deliver-referral payload and its processing by a
 * worker (no-op handler), on a queue of its own under the bench prefix. Each loop adds one job and
 * waits until the worker has processed it, so latency is add → processed.
 */
export async function measureBullmqBaseline(
  redisUrl: string,
  prefix: string,
  concurrency: number,
  durationMs: number,
): Promise<Measurement> {
  const producer = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const consumer = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const options = { prefix: `{${prefix}}` };
  const queue = new Queue<Payload>('bench-baseline', { ...options, connection: producer });
  const processed = new Map<string, () => void>();
  const worker = new Worker<Payload>(
    'bench-baseline',
    async (job: Job<Payload>) => {
      processed.get(job.data.referralId)?.();
      processed.delete(job.data.referralId);
    },
    { ...options, connection: consumer, concurrency },
  );
  try {
    await worker.waitUntilReady();
    return await runClosedLoops('BullMQ add → process', concurrency, durationMs, async () => {
      const referralId = randomUUID();
      const done = new Promise<void>((resolve) => processed.set(referralId, resolve));
      await queue.add(
        'deliver-referral',
        { referralId },
        { jobId: `bench-${referralId}`, removeOnComplete: true, removeOnFail: true },
      );
      await done;
    });
  } finally {
    await worker.close();
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    producer.disconnect();
    consumer.disconnect();
  }
}
