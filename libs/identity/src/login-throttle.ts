import { Inject, Injectable } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { DomainError, ErrorCode } from '@simpul/common';
import { APP_CONFIG, addressBucket, type AppConfig, type LoginLockoutConfig } from '@simpul/config';
import { LoginAttemptsRepository, type LockRequest } from './login-attempts.repository';

/** Same words whether or not the username exists: a lockout tells nobody which accounts are real. */
export const LOCKED_OUT = 'Too many failed sign-in attempts; try again later';

export const lockedOut = (retryAfterSeconds: number) =>
  new DomainError(ErrorCode.RATE_LIMITED, LOCKED_OUT, {
    retryAfterSeconds: Math.max(1, retryAfterSeconds),
  });

/**
 * `pair`: one username from one client address (guessing); `address`: one address, any username
 * (spraying); `username`: one username from every address (guessing from many addresses).
 */
export type ThrottleSubjectKind = 'pair' | 'address' | 'username';

export interface ThrottleSubject {
  kind: ThrottleSubjectKind;
  /** `<kind>:<hmac>…`: neither the username nor the address is stored. */
  key: string;
  /** Failures within the window from which the subject is locked (0 = never). */
  limit: number;
}

type Digest = (kind: string, value: string) => string;

const digester =
  (secret: string): Digest =>
  (kind, value) =>
    createHmac('sha256', secret).update(`login-throttle\n${kind}\n${value}`).digest('hex');

/** Usernames are compared case-insensitively: changing the case buys no more guesses. */
const canonicalUsername = (username: string) => username.trim().toLowerCase();

/**
 * The key prefix of every pair of this username: `pair:<username digest>:`, so that an admin's
 * reset can lift the pair locks of a username without knowing the addresses.
 */
function pairPrefix(digest: Digest, username: string): string {
  return `pair:${digest('username', canonicalUsername(username))}:`;
}

/**
 * The subjects one sign-in attempt counts against. Keyed digests: the tables cannot be read back
 * into usernames (people sometimes type their password into the username field) or addresses.
 * Addresses count by addressBucket (an IPv6 address by its /64).
 */
export function throttleSubjects(
  secret: string,
  limits: Pick<LoginLockoutConfig, 'pairFailures' | 'addressFailures' | 'usernameFailures'>,
  username: string,
  address: string | null | undefined,
): ThrottleSubject[] {
  const digest = digester(secret);
  const name = canonicalUsername(username);
  const subjects: ThrottleSubject[] = [];
  if (address) {
    const bucket = addressBucket(address);
    subjects.push(
      {
        kind: 'pair',
        key: `${pairPrefix(digest, name)}${digest('pair', `${name}\n${bucket}`)}`,
        limit: limits.pairFailures,
      },
      {
        kind: 'address',
        key: `address:${digest('address', bucket)}`,
        limit: limits.addressFailures,
      },
    );
  }
  subjects.push({
    kind: 'username',
    key: `username:${digest('username', name)}`,
    limit: limits.usernameFailures,
  });
  return subjects;
}

/**
 * Which subjects may lock this attempt out. A pair that signed in successfully before (a known
 * pair) is exempt from the address lock and the username slow-down: a stranger spraying from the
 * officer's office, or guessing the officer's username from elsewhere, does not lock the officer
 * out of the desk it always signs in from. The pair's own lock always applies.
 */
export function enforcedSubjects(subjects: ThrottleSubject[], knownPair: boolean) {
  return subjects.filter((s) => s.limit > 0 && (s.kind === 'pair' || !knownPair));
}

/** The first lock of a username that reached its limit; each further failure doubles it. */
export const USERNAME_FIRST_DELAY_SECONDS = 5;

/**
 * How long a subject that has `failures` failures (at or over its limit) is locked: a pair or an
 * address for LOGIN_LOCKOUT_SECONDS; a username for 5 s at its limit, doubling with each further
 * failure, at most LOGIN_LOCKOUT_USERNAME_MAX_DELAY_SECONDS — it slows guessing from many
 * addresses down without handing anyone a way to keep an officer out for long.
 */
export function lockSecondsFor(
  subject: ThrottleSubject,
  failures: number,
  limits: Pick<LoginLockoutConfig, 'lockSeconds' | 'usernameMaxDelaySeconds'>,
): number {
  if (subject.kind !== 'username') return limits.lockSeconds;
  const doublings = Math.min(Math.max(0, failures - subject.limit), 20);
  return Math.min(limits.usernameMaxDelaySeconds, USERNAME_FIRST_DELAY_SECONDS * 2 ** doublings);
}

/** The username slow-down's second slot: for addresses whose guesses it has not checked yet. */
export const FIRST_ATTEMPT_SLOT = ':first-attempt';

/** One attempt in flight: its subjects and the failure rows written before the password check. */
export interface ThrottleTicket {
  subjects: ThrottleSubject[];
  /** The subjects that may lock (see enforcedSubjects). */
  enforced: ThrottleSubject[];
  failureIds: string[];
  /** The lock key of the username slow-down's slot this attempt waits for (see begin). */
  usernameSlot?: string;
  /** Whether the username was slowed down already when this attempt began. */
  slowed: boolean;
}

/**
 * Sign-in lockout (docs/security.md, "Login lockout"), counted in PostgreSQL — never Redis: an
 * outage must not reopen a locked door. An attempt is recorded as a failure of each subject BEFORE
 * its password is checked and forgiven when it succeeds, so a burst of parallel guesses counts as
 * well.
 */
@Injectable()
export class LoginThrottle {
  private readonly limits: LoginLockoutConfig;
  private readonly digest: Digest;

  constructor(
    private readonly attempts: LoginAttemptsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.limits = config.loginLockout;
    this.digest = digester(config.tokenSecret);
  }

  /** Registers an attempt, or throws RATE_LIMITED when a subject is (or just became) locked. */
  async begin(username: string, address?: string | null): Promise<ThrottleTicket> {
    const subjects = throttleSubjects(this.config.tokenSecret, this.limits, username, address);
    const pair = subjects.find((s) => s.kind === 'pair');
    const known =
      pair !== undefined &&
      this.limits.knownPairDays > 0 &&
      (await this.attempts.isKnownPair(pair.key, this.limits.knownPairDays));
    const enforced = enforcedSubjects(subjects, known);
    const name = enforced.find((s) => s.kind === 'username');
    // The slow-down has two slots per wait. An address none of whose guesses at this username was
    // checked within the window waits for a slot of its own: an attacker who keeps taking the
    // usual slot from addresses it has guessed from does not keep out an officer arriving from a
    // new one. To hold that slot too it needs a new address for every wait (docs/security.md).
    const fresh = name !== undefined && pair !== undefined && (await this.isFirstFrom(pair));
    const usernameSlot = name && (fresh ? `${name.key}${FIRST_ATTEMPT_SLOT}` : name.key);
    const lockKeys = enforced.map((s) => (s === name ? (usernameSlot as string) : s.key));
    const lockedFor = await this.attempts.lockedForSeconds(lockKeys);
    if (lockedFor > 0) throw lockedOut(lockedFor);
    // Every subject counts the failure, enforced or not: a known pair's typos still add up.
    const failures = await this.attempts.recordFailures(subjects.map((s) => s.key));
    const counts = await this.counts(enforced);
    const before = name ? (counts.get(name.key) ?? 1) - 1 : 0;
    const slowed = name !== undefined && before >= name.limit;
    const ticket = { subjects, enforced, failureIds: [...failures.values()], usernameSlot, slowed };
    // A pair or an address over its limit (parallel attempts): not even checked.
    const over = this.reached(
      enforced.filter((s) => s.kind !== 'username'),
      counts,
      (count, limit) => count > limit,
    );
    if (over.length) {
      await this.attempts.lock(over);
      throw lockedOut(Math.max(...over.map((r) => r.seconds)));
    }
    // A username past its limit is checked one attempt at a time per slot: this attempt takes
    // the next turn of its slot (locking it for the next delay) or, when a parallel one took it,
    // waits.
    if (name && usernameSlot && slowed) {
      const seconds = lockSecondsFor(name, before, this.limits);
      if (!(await this.attempts.acquire(usernameSlot, seconds))) {
        // Not checked, so the address stays one whose guesses were never checked: an officer
        // retrying from a new address keeps waiting for the first-attempt slot.
        if (fresh && pair) await this.attempts.forgive([failures.get(pair.key) as string], []);
        throw lockedOut(await this.attempts.lockedForSeconds([usernameSlot]));
      }
    }
    return ticket;
  }

  /**
   * The password was right: this attempt is no failure, the pair's earlier failures are forgiven
   * and the pair becomes known. The username's and the address's failures stay: a success of one
   * account must not reset what others did from elsewhere or to other accounts.
   */
  async succeeded(ticket: ThrottleTicket): Promise<void> {
    const pair = ticket.subjects.find((s) => s.kind === 'pair');
    await this.attempts.forgive(ticket.failureIds, pair ? [pair.key] : []);
    if (pair && this.limits.knownPairDays > 0) {
      await this.attempts.rememberPair(pair.key, this.limits.knownPairDays);
    }
  }

  /** The password was wrong: the failure stays counted, and locks what reached its limit. */
  async failed(ticket: ThrottleTicket): Promise<void> {
    const counts = await this.counts(ticket.enforced);
    const reached = this.reached(ticket.enforced, counts, (count, limit) => count >= limit);
    const username = ticket.enforced.find((s) => s.kind === 'username');
    await this.attempts.lock(
      reached.flatMap((lock) => {
        if (lock.key !== username?.key || !ticket.usernameSlot) return [lock];
        // The failure that brings the username to its limit starts the slow-down in both slots;
        // each later one delays the slot its attempt took.
        if (!ticket.slowed) return [lock, { ...lock, key: `${lock.key}${FIRST_ATTEMPT_SLOT}` }];
        return [{ ...lock, key: ticket.usernameSlot }];
      }),
    );
    await this.attempts.pruneFailures(
      ticket.subjects.map((s) => s.key),
      this.limits.windowSeconds,
    );
  }

  /**
   * Unlocks a username — from everywhere and every address — and forgets its failures (an admin
   * reset its password or reactivated it).
   */
  async clearUsername(username: string): Promise<void> {
    const name = canonicalUsername(username);
    await this.attempts.clear(
      `username:${this.digest('username', name)}`,
      pairPrefix(this.digest, name),
    );
  }

  /** Whether no guess at this username from this pair's address was checked within the window. */
  private async isFirstFrom(pair: ThrottleSubject): Promise<boolean> {
    return !(await this.counts([pair])).has(pair.key);
  }

  private counts(subjects: ThrottleSubject[]): Promise<Map<string, number>> {
    return this.attempts.failureCounts(
      subjects.map((s) => s.key),
      this.limits.windowSeconds,
    );
  }

  /** The subjects whose failure count passes `exceeds`, with how long each is to be locked. */
  private reached(
    subjects: ThrottleSubject[],
    counts: Map<string, number>,
    exceeds: (count: number, limit: number) => boolean,
  ): LockRequest[] {
    return subjects.flatMap((subject) => {
      const count = counts.get(subject.key) ?? 0;
      return exceeds(count, subject.limit)
        ? [{ key: subject.key, seconds: lockSecondsFor(subject, count, this.limits) }]
        : [];
    });
  }
}
