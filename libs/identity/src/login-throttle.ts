import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { TransactionHost, type TxHost } from '@simpul/database';
import { DomainError, ErrorCode } from '@simpul/common';
import { APP_CONFIG, type AppConfig, type LoginLockoutConfig } from '@simpul/config';

/** Same words whether or not the username exists: a lockout tells nobody which accounts are real. */
export const LOCKED_OUT = 'Too many failed sign-in attempts; try again later';

export const lockedOut = () => new DomainError(ErrorCode.RATE_LIMITED, LOCKED_OUT);

export interface ThrottleSubject {
  /** `username:<hmac>` or `address:<hmac>`: neither the username nor the address is stored. */
  key: string;
  /** Failures within the window that lock the subject (0 = no limit). */
  limit: number;
}

/**
 * The subjects one sign-in attempt counts against. Usernames are compared case-insensitively, so
 * changing the case does not buy an attacker more guesses. Keyed digests: the table cannot be
 * read back into usernames (people sometimes type their password into the username field).
 */
export function throttleSubjects(
  secret: string,
  limits: Pick<LoginLockoutConfig, 'usernameFailures' | 'addressFailures'>,
  username: string,
  address: string | null | undefined,
): ThrottleSubject[] {
  const digest = (kind: string, value: string) =>
    `${kind}:${createHmac('sha256', secret).update(`login-throttle\n${kind}\n${value}`).digest('hex')}`;
  const subjects: ThrottleSubject[] = [];
  if (limits.usernameFailures > 0) {
    subjects.push({
      key: digest('username', username.trim().toLowerCase()),
      limit: limits.usernameFailures,
    });
  }
  if (address && limits.addressFailures > 0) {
    subjects.push({ key: digest('address', address), limit: limits.addressFailures });
  }
  return subjects;
}

/** One attempt in flight: the failure rows written for it before the password was checked. */
export interface ThrottleTicket {
  subjects: ThrottleSubject[];
  failureIds: string[];
}

/**
 * Lockout after repeated failed sign-ins, per username and per client address, counted in
 * PostgreSQL (never Redis: an outage must not reopen a locked door). An attempt is recorded as a
 * failure BEFORE its password is checked and forgiven when it succeeds, so a burst of parallel
 * guesses is counted as well.
 */
@Injectable()
export class LoginThrottle {
  private readonly limits: LoginLockoutConfig;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TransactionHost) private readonly txHost: TxHost,
  ) {
    this.limits = config.loginLockout;
  }

  /** Registers an attempt, or throws RATE_LIMITED when a subject is (or just became) locked. */
  async begin(username: string, address?: string | null): Promise<ThrottleTicket> {
    const subjects = this.subjects(username, address);
    if (subjects.length === 0) return { subjects, failureIds: [] };
    const keys = subjects.map((s) => s.key);
    const locked: unknown[] = await this.dataSource.query(
      'SELECT 1 FROM login_lockout WHERE subject = ANY($1::text[]) AND locked_until > now()',
      [keys],
    );
    if (locked.length) throw lockedOut();
    const inserted: { id: string }[] = await this.dataSource.query(
      `INSERT INTO login_failure (subject) SELECT unnest($1::text[]) RETURNING id`,
      [keys],
    );
    const ticket = { subjects, failureIds: inserted.map((row) => row.id) };
    // Attempts beyond the limit (parallel ones) are not even checked.
    const over = await this.overLimit(subjects, (count, limit) => count > limit);
    if (over.length) {
      await this.lock(over);
      throw lockedOut();
    }
    return ticket;
  }

  /** The password was right: the username's failures are forgiven, this attempt is no failure. */
  async succeeded(ticket: ThrottleTicket): Promise<void> {
    if (ticket.subjects.length === 0) return;
    const username = ticket.subjects.find((s) => s.key.startsWith('username:'));
    await this.dataSource.query(
      'DELETE FROM login_failure WHERE id = ANY($1::bigint[]) OR subject = $2',
      [ticket.failureIds, username?.key ?? null],
    );
  }

  /** The password was wrong: the failure stays counted, and locks what reached its limit. */
  async failed(ticket: ThrottleTicket): Promise<void> {
    if (ticket.subjects.length === 0) return;
    const reached = await this.overLimit(ticket.subjects, (count, limit) => count >= limit);
    if (reached.length) await this.lock(reached);
    // Housekeeping: failures older than the window no longer count.
    await this.dataSource.query(
      `DELETE FROM login_failure WHERE subject = ANY($1::text[])
          AND failed_at < now() - make_interval(secs => $2)`,
      [ticket.subjects.map((s) => s.key), this.limits.windowSeconds],
    );
  }

  /** Unlocks a username and forgets its failures (an admin reset its password or reactivated it). */
  /** In the running transaction, if any (an admin's reset commits it with the reset). */
  async clearUsername(username: string): Promise<void> {
    const [subject] = throttleSubjects(
      this.config.tokenSecret,
      { usernameFailures: 1, addressFailures: 0 },
      username,
      null,
    );
    const db = this.txHost.tx;
    await db.query('DELETE FROM login_lockout WHERE subject = $1', [subject.key]);
    await db.query('DELETE FROM login_failure WHERE subject = $1', [subject.key]);
  }

  private subjects(username: string, address?: string | null): ThrottleSubject[] {
    return throttleSubjects(this.config.tokenSecret, this.limits, username, address);
  }

  private async overLimit(
    subjects: ThrottleSubject[],
    exceeds: (count: number, limit: number) => boolean,
  ): Promise<ThrottleSubject[]> {
    const counts: { subject: string; n: number }[] = await this.dataSource.query(
      `SELECT subject, count(*)::int AS n FROM login_failure
        WHERE subject = ANY($1::text[]) AND failed_at > now() - make_interval(secs => $2)
        GROUP BY subject`,
      [subjects.map((s) => s.key), this.limits.windowSeconds],
    );
    const byKey = new Map(counts.map((row) => [row.subject, row.n]));
    return subjects.filter((s) => exceeds(byKey.get(s.key) ?? 0, s.limit));
  }

  private async lock(subjects: ThrottleSubject[]): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_lockout (subject, locked_until)
       SELECT unnest($1::text[]), now() + make_interval(secs => $2)
       ON CONFLICT (subject) DO UPDATE SET locked_until = EXCLUDED.locked_until`,
      [subjects.map((s) => s.key), this.limits.lockSeconds],
    );
  }
}
