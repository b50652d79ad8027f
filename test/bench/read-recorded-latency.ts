import { Client } from 'pg';

/**
 * The same referrals as PostgreSQL recorded them: sent_at (in the send transaction) to delivered_at
 * (in the delivery job). Set beside the client-side figure, it splits the latency into "the worker
 * delivered it" and "the event reached the subscriber".
 */
export async function readRecordedLatency(
  databaseUrl: string,
  referralIds: string[],
): Promise<{ p50: number; p99: number }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ p50: number | null; p99: number | null }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) AS p99
         FROM (SELECT extract(epoch FROM delivered_at - sent_at) * 1000 AS ms
                 FROM referral WHERE id = ANY($1::uuid[]) AND delivered_at IS NOT NULL) recorded`,
      [referralIds],
    );
    return { p50: Number(rows[0].p50 ?? NaN), p99: Number(rows[0].p99 ?? NaN) };
  } finally {
    await client.end();
  }
}
