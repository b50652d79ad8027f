import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions, TransactionHost } from '@simpul/database';
import {
  HandoffAction,
  HandoffNoteEntity,
  LedgerEntryEntity,
  LedgerWriter,
  verifyChain,
  type SealedLedgerEntry,
} from '@simpul/ledger';
import { startWorkerProcesses, type WorkerProcess } from '../support/start-worker-processes';
import { waitForCondition } from '../support/wait-for-condition';

const WRITERS = 400;
const CONCURRENCY = 60;

interface Leader {
  /** The worker process's pid, from the sequencer connection's application_name. */
  workerPid: number;
  inBatch: boolean;
}

/**
 * Two worker processes, each running a ledger sequencer; hundreds of concurrent writing
 * transactions (some rolled back, some held open so that they commit out of order); the leading
 * sequencer killed with SIGKILL in the middle of a batch. The other worker takes over, and the
 * ledger ends as one gapless, verifiable chain holding every committed entry exactly once.
 */
describe('ledger sequencer failover', () => {
  let dataSource: DataSource;
  let workers: WorkerProcess[] = [];

  beforeAll(async () => {
    // The writers' own pool, wide enough for real concurrency; LedgerWriter is the code under test.
    dataSource = new DataSource({
      ...dataSourceOptions(process.env.DATABASE_URL!, CONCURRENCY),
      entities: [LedgerEntryEntity, HandoffNoteEntity],
    });
    await dataSource.initialize();
  }, 30_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop(5_000)));
    await dataSource?.destroy();
  }, 30_000);

  async function leader(): Promise<Leader | undefined> {
    const [row]: { application_name: string; in_batch: boolean }[] = await dataSource.query(
      `SELECT a.application_name, a.xact_start IS NOT NULL AS in_batch
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 1397312848 AND l.objid = 1
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    if (!row) return undefined;
    return { workerPid: Number(row.application_name.split(':')[1]), inBatch: row.in_batch };
  }

  it('keeps one gapless chain with every committed entry sealed once when the leader is killed mid-batch', async () => {
    workers = startWorkerProcesses(2);
    const ours = (pid: number) => workers.find((worker) => worker.pid === pid);
    await waitForCondition(
      'a worker to lead',
      async () => !!ours((await leader())?.workerPid ?? 0),
      60_000,
    );

    const tx = new TransactionHost(dataSource);
    const writer = new LedgerWriter(tx);
    const committed: string[] = [];
    const rolledBack: string[] = [];
    let next = 0;
    const write = async () => {
      while (next < WRITERS) {
        const n = next++;
        const markers = Array.from({ length: 1 + (n % 3) }, () => randomUUID());
        const fail = n % 7 === 3;
        try {
          await tx.run(async () => {
            await writer.append(
              markers.map((marker) => ({
                action: HandoffAction.REFERRAL_SENT,
                actorId: null,
                fromUnitId: null,
                toUnitId: null,
                caseId: null,
                referralId: null,
                note: n % 5 === 0 ? `catatan ${n}` : null,
                payload: { marker },
              })),
            );
            // Some transactions stay open a while, so that commits overtake one another.
            if (n % 4 === 0) await new Promise((resolve) => setTimeout(resolve, 5 + (n % 40)));
            if (fail) throw new Error('rolled back on purpose');
          });
          committed.push(...markers);
        } catch (error) {
          if (!fail) throw error;
          rolledBack.push(...markers);
        }
      }
    };
    const writing = Promise.all(Array.from({ length: CONCURRENCY }, write));

    // Kill the leader while it is inside a batch transaction.
    let killed: WorkerProcess | undefined;
    await waitForCondition(
      'the leader to be mid-batch',
      async () => {
        const now = await leader();
        if (!now?.inBatch || next < WRITERS / 4) return false;
        killed = ours(now.workerPid);
        killed?.process.kill('SIGKILL');
        return !!killed;
      },
      60_000,
      1,
    );
    const survivor = workers.find((worker) => worker !== killed)!;
    await waitForCondition(
      'the other worker to take over',
      async () => (await leader())?.workerPid === survivor.pid,
      15_000,
    );
    await writing;
    await waitForCondition('the killed worker to exit', () => killed!.process.signalCode !== null);
    expect(killed!.process.signalCode).toBe('SIGKILL');

    await waitForCondition(
      'every committed entry sealed',
      async () => {
        const [{ unsealed }]: { unsealed: number }[] = await dataSource.query(
          'SELECT count(*)::int AS unsealed FROM ledger_entry WHERE seq IS NULL',
        );
        return unsealed === 0;
      },
      30_000,
    );
    const entries = (await dataSource
      .getRepository(LedgerEntryEntity)
      .find({ order: { seq: 'ASC' } })) as SealedLedgerEntry[];
    expect(entries.map((entry) => entry.seq)).toEqual(entries.map((_, i) => String(i)));
    expect(verifyChain(entries)).toEqual({ ok: true });

    const sealedMarkers = entries
      .map((entry) => entry.payload.marker)
      .filter((marker): marker is string => typeof marker === 'string');
    const written = new Set([...committed, ...rolledBack]);
    const mine = sealedMarkers.filter((marker) => written.has(marker));
    expect(mine).toHaveLength(committed.length);
    expect(new Set(mine)).toEqual(new Set(committed));
    expect(rolledBack.length).toBeGreaterThan(0);
    expect(mine.some((marker) => rolledBack.includes(marker))).toBe(false);
    expect(committed.length).toBeGreaterThan(WRITERS);
  }, 180_000);
});
