import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TransactionHost } from '@simpul/database';

/** A lock to set: `key` stays locked for at least `seconds` from now. */
export interface LockRequest {
  key: string;
  seconds: number;
}

/**
 * The SQL of the sign-in lockout's tables: `login_failure` (one row per failed attempt and
 * subject), `login_lockout` (subject locked until) and `login_known_pair` (username-and-address
 * pairs that signed in successfully). Subjects are opaque keyed digests (login-throttle.ts).
 */
@Injectable()
export class LoginAttemptsRepository {
  constructor(
    private readonly tx: TransactionHost,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Seconds until the last of these subjects' current locks ends; 0 when none is locked. */
  async lockedForSeconds(keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const [row]: { seconds: number | null }[] = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds
         FROM login_lockout WHERE subject = ANY($1::text[]) AND locked_until > now()`,
      [keys],
    );
    return Math.max(0, row?.seconds ?? 0);
  }

  /**
   * One failure row per subject; returns each subject's new row id (deleted again if the attempt
   * succeeds, or when it was not checked and must leave a subject as it found it).
   */
  async recordFailures(keys: string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const inserted: { id: string; subject: string }[] = await this.dataSource.query(
      'INSERT INTO login_failure (subject) SELECT unnest($1::text[]) RETURNING id, subject',
      [keys],
    );
    return new Map(inserted.map((row) => [row.subject, row.id]));
  }

  /** Failures per subject within the last `windowSeconds`. */
  async failureCounts(keys: string[], windowSeconds: number): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const counts: { subject: string; n: number }[] = await this.dataSource.query(
      `SELECT subject, count(*)::int AS n FROM login_failure
        WHERE subject = ANY($1::text[]) AND failed_at > now() - make_interval(secs => $2)
        GROUP BY subject`,
      [keys, windowSeconds],
    );
    return new Map(counts.map((row) => [row.subject, row.n]));
  }

  /** Locks each subject for its seconds; an existing longer lock is kept, never shortened. */
  async lock(requests: LockRequest[]): Promise<void> {
    if (requests.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO login_lockout (subject, locked_until)
       SELECT key, now() + make_interval(secs => seconds)
         FROM unnest($1::text[], $2::int[]) AS request(key, seconds)
       ON CONFLICT (subject)
       DO UPDATE SET locked_until = GREATEST(login_lockout.locked_until, EXCLUDED.locked_until)`,
      [requests.map((r) => r.key), requests.map((r) => r.seconds)],
    );
  }

  /**
   * Locks the subject for `seconds` unless it is locked already; true when this call set the
   * lock. Of attempts racing for the same subject exactly one gets true.
   */
  async acquire(key: string, seconds: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO login_lockout (subject, locked_until)
       VALUES ($1, now() + make_interval(secs => $2))
       ON CONFLICT (subject) DO UPDATE SET locked_until = EXCLUDED.locked_until
         WHERE login_lockout.locked_until <= now()
       RETURNING subject`,
      [key, seconds],
    );
    return rows.length > 0;
  }

  /** Deletes these failure rows and every failure of these subjects. */
  async forgive(failureIds: string[], keys: string[]): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM login_failure WHERE id = ANY($1::bigint[]) OR subject = ANY($2::text[])',
      [failureIds, keys],
    );
  }

  /** Housekeeping: failures older than the window no longer count. */
  async pruneFailures(keys: string[], windowSeconds: number): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM login_failure WHERE subject = ANY($1::text[])
          AND failed_at < now() - make_interval(secs => $2)`,
      [keys, windowSeconds],
    );
  }

  /** Whether this pair signed in successfully within the last `days`. */
  async isKnownPair(key: string, days: number): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM login_known_pair
        WHERE subject = $1 AND last_success_at > now() - make_interval(days => $2)`,
      [key, days],
    );
    return rows.length > 0;
  }

  /** Records a successful sign-in of this pair, and forgets pairs not seen for `days`. */
  async rememberPair(key: string, days: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_known_pair (subject, last_success_at) VALUES ($1, now())
       ON CONFLICT (subject) DO UPDATE SET last_success_at = now()`,
      [key],
    );
    await this.dataSource.query(
      'DELETE FROM login_known_pair WHERE last_success_at < now() - make_interval(days => $1)',
      [Math.max(days, 1)],
    );
  }

  /**
   * Unlocks and forgets the failures of every subject whose key starts with `usernamePrefix` (the
   * username and its slots) or `pairPrefix` (the same username from any address).
   */
  async clear(usernamePrefix: string, pairPrefix: string): Promise<void> {
    const db = this.tx.manager;
    for (const table of ['login_lockout', 'login_failure']) {
      await db.query(
        `DELETE FROM ${table} WHERE left(subject, length($1)) = $1 OR left(subject, length($2)) = $2`,
        [usernamePrefix, pairPrefix],
      );
    }
  }
}
