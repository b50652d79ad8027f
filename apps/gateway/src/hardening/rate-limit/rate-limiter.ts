import { createHmac } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { AppConfig } from '@simpul/config';
import { closeRedis, createRedis } from '@simpul/queue';
import { WINDOW_MS, retryAfterSeconds, windowPosition } from './sliding-window';

export type RateLimitSubject = 'officer' | 'address';

export interface RateLimitDecision {
  admitted: boolean;
  /** Seconds until a request would be admitted again; 0 when admitted. */
  retryAfterSeconds: number;
}

const ADMITTED: RateLimitDecision = { admitted: true, retryAfterSeconds: 0 };

/**
 * Atomically: admit when the sliding count (previous × weight + current) is below the limit and
 * count the request; otherwise refuse without counting it (a refused request costs nothing, so a
 * client that waits Retry-After seconds is admitted). Mirrors `isAdmitted` in sliding-window.ts.
 * KEYS: current window, previous window. ARGV: limit, previous weight, counter expiry (ms).
 */
const CONSUME_SCRIPT = `
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if previous * tonumber(ARGV[2]) + current >= tonumber(ARGV[1]) then
  return {0, previous, current}
end
current = redis.call('INCR', KEYS[1])
if current == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {1, previous, current}
`;

export interface RateLimiterOptions {
  /** The run's or deployment's Redis key prefix (REDIS_PREFIX). */
  redisPrefix: string;
  /** Secret that turns subjects (addresses, officer ids) into opaque key parts. */
  subjectSecret: string;
  /** A Redis call slower than this is treated as Redis being unreachable (fail open). */
  timeoutMs?: number;
  windowMs?: number;
  now?: () => number;
}

/**
 * Requests per minute per subject, counted in Redis so that every gateway replica sees the same
 * counts (keys `${redisPrefix}:rl:{<subject>}:<window>`, expiring after two windows).
 *
 * A rate limit is availability protection, not an access rule: when Redis is unreachable or slow
 * the limiter FAILS OPEN — it admits the request and logs a warning (without the address or the
 * officer). Nothing that must hold for security (authentication, token revocation, lockouts)
 * depends on it; those live in PostgreSQL.
 */
export class RateLimiter {
  private readonly logger = new Logger('RateLimit');
  private readonly timeoutMs: number;
  private readonly windowMs: number;
  private readonly now: () => number;
  private readonly subjectKey: Buffer;
  private lastWarningAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly redis: Redis,
    private readonly options: RateLimiterOptions,
  ) {
    this.timeoutMs = options.timeoutMs ?? 250;
    this.windowMs = options.windowMs ?? WINDOW_MS;
    this.now = options.now ?? Date.now;
    this.subjectKey = createHmac('sha256', options.subjectSecret)
      .update('simpul rate-limit subjects')
      .digest();
  }

  /** A limiter on its own Redis connection that fails fast while Redis is away. */
  static connect(config: AppConfig): RateLimiter {
    return new RateLimiter(createRedis(config.redisUrl, 'producer'), {
      redisPrefix: config.redisPrefix,
      subjectSecret: config.tokenSecret,
    });
  }

  /**
   * Counts one request of `id` against `limitPerMinute` (0 = no limit: nothing is counted) and
   * says whether it is admitted.
   */
  async consume(
    subject: RateLimitSubject,
    id: string,
    limitPerMinute: number,
  ): Promise<RateLimitDecision> {
    if (limitPerMinute <= 0) return ADMITTED;
    const { index, elapsedMs, previousWeight } = windowPosition(this.now(), this.windowMs);
    const base = `${this.options.redisPrefix}:rl:{${subject}:${this.opaque(subject, id)}}`;
    let reply: unknown;
    try {
      reply = await this.withTimeout(
        this.redis.eval(
          CONSUME_SCRIPT,
          2,
          `${base}:${index}`,
          `${base}:${index - 1}`,
          limitPerMinute,
          previousWeight,
          2 * this.windowMs,
        ),
      );
    } catch (error) {
      this.warnFailingOpen(error);
      return ADMITTED;
    }
    const [admitted, previous, current] = reply as [number, number, number];
    if (admitted === 1) return ADMITTED;
    return {
      admitted: false,
      retryAfterSeconds: retryAfterSeconds({
        previous,
        current,
        elapsedMs,
        limit: limitPerMinute,
        windowMs: this.windowMs,
      }),
    };
  }

  close(): Promise<void> {
    return closeRedis(this.redis);
  }

  /** Keys never carry an address or an officer id in clear. */
  private opaque(subject: RateLimitSubject, id: string): string {
    return createHmac('sha256', this.subjectKey)
      .update(`${subject}:${id}`)
      .digest('base64url')
      .slice(0, 22);
  }

  private withTimeout<T>(promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no reply within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  /** At most one warning a minute; the error's class and message only, never the subject. */
  private warnFailingOpen(error: unknown): void {
    const now = this.now();
    if (now - this.lastWarningAt < 60_000) return;
    this.lastWarningAt = now;
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'unknown error';
    this.logger.warn(`Redis unavailable for rate limiting, admitting requests (${reason})`);
  }
}
