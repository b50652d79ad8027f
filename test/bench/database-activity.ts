import { Client } from 'pg';

interface Sample {
  pid: number;
  state: string | null;
  wait_event_type: string | null;
  wait_event: string | null;
}

export interface DatabaseActivity {
  /** Process ids of the database's client backends when the watch began (for CPU accounting). */
  backendPids: number[];
  /** Stops sampling; a line on what the backends were doing, on average. */
  stop(): Promise<string>;
}

const SAMPLE_EVERY_MS = 100;

/**
 * Samples pg_stat_activity of the bench database at 10 Hz during the window: how many backends
 * wait for a lock (the chain head, in practice), wait for their app to send the next statement
 * inside a transaction, run, or wait for the WAL flush. It shows whether the head is saturated.
 */
export async function watchDatabaseActivity(databaseUrl: string): Promise<DatabaseActivity> {
  const client = new Client({ connectionString: databaseUrl, application_name: 'simpul-bench' });
  await client.connect();
  const read = async () =>
    (
      await client.query<Sample>(
        `SELECT pid, state, wait_event_type, wait_event FROM pg_stat_activity
          WHERE datname = current_database() AND backend_type = 'client backend'
            AND pid <> pg_backend_pid()`,
      )
    ).rows;
  const backendPids = (await read()).map((row) => row.pid);
  const totals = { samples: 0, withWaiter: 0, lock: 0, idleInTx: 0, running: 0, wal: 0 };
  let stopped = false;
  const sampling = (async () => {
    while (!stopped) {
      const rows = await read();
      const locked = rows.filter((r) => r.wait_event_type === 'Lock').length;
      totals.samples++;
      totals.withWaiter += locked ? 1 : 0;
      totals.lock += locked;
      totals.idleInTx += rows.filter((r) => r.state === 'idle in transaction').length;
      totals.running += rows.filter((r) => r.state === 'active' && !r.wait_event_type).length;
      totals.wal += rows.filter(
        (r) => r.wait_event === 'WALSync' || r.wait_event === 'WALWrite',
      ).length;
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_EVERY_MS));
    }
  })();
  return {
    backendPids,
    stop: async () => {
      stopped = true;
      await sampling.finally(() => client.end());
      const avg = (n: number) => (totals.samples ? n / totals.samples : Number.NaN).toFixed(1);
      return (
        `backends (${totals.samples} samples): waiting for a lock ${avg(totals.lock)} on average ` +
        `(someone waits in ${((100 * totals.withWaiter) / Math.max(1, totals.samples)).toFixed(0)}% of samples), ` +
        `idle in transaction ${avg(totals.idleInTx)}, running ${avg(totals.running)}, waiting for WAL ${avg(totals.wal)}`
      );
    },
  };
}
