import { Controller, Get, Inject, Logger, Optional, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

/** The ioredis client the readiness check pings; HealthModule creates and closes it. */
export const HEALTH_REDIS = Symbol('HEALTH_REDIS');

/**
 * Counts another part of the application adds to the readiness report (e.g. parked outbox rows),
 * for operators; they never decide readiness. HealthModule.forRoot provides them.
 */
export const READINESS_DETAILS = Symbol('READINESS_DETAILS');

export interface ReadinessDetail {
  /** The key in `details`, e.g. `outbox`. */
  name: string;
  read(): Promise<Record<string, number>>;
}

/** A probe that hangs is as bad as one that fails: a load balancer waits on neither. */
const CHECK_TIMEOUT_MS = 2000;

export type CheckState = 'up' | 'down';

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: { postgres: CheckState; redis: CheckState };
  /** Present when details are registered; a detail that could not be read is null. */
  details?: Record<string, Record<string, number> | null>;
}

/** The one thing the controller needs of the reply, on Fastify and Express alike. */
interface StatusReply {
  status(code: number): unknown;
}

/**
 * Liveness and readiness for orchestrators and load balancers. Plain HTTP, no token: a probe
 * carries no credentials, and the answers hold no data beyond up/down.
 */
@Controller('health')
export class HealthController {
  private readonly logger = new Logger(HealthController.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(HEALTH_REDIS) private readonly redis: Pick<Redis, 'ping'>,
    @Optional()
    @Inject(READINESS_DETAILS)
    private readonly details: readonly ReadinessDetail[] = [],
  ) {}

  /** The process is running and its event loop answers. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * PostgreSQL and Redis answer: the replica can take traffic. Details (parked outbox rows) are
   * reported beside, for operators: work set aside is no outage, so they never make it 503.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: StatusReply): Promise<ReadinessReport> {
    const [postgres, redis, details] = await Promise.all([
      this.check('postgres', () => this.dataSource.query('SELECT 1')),
      this.check('redis', () => this.redis.ping()),
      this.readDetails(),
    ]);
    const ok = postgres === 'up' && redis === 'up';
    reply.status(ok ? 200 : 503);
    return {
      status: ok ? 'ok' : 'unavailable',
      checks: { postgres, redis },
      ...(details ? { details } : {}),
    };
  }

  private async readDetails(): Promise<ReadinessReport['details']> {
    if (!this.details.length) return undefined;
    const read = await Promise.all(
      this.details.map(async (detail) => {
        try {
          return [detail.name, await this.withinTimeout(detail.read())] as const;
        } catch {
          return [detail.name, null] as const; // its store is down: the checks say so
        }
      }),
    );
    return Object.fromEntries(read);
  }

  private async check(name: string, probe: () => Promise<unknown>): Promise<CheckState> {
    try {
      await this.withinTimeout(probe());
      return 'up';
    } catch (error) {
      // Driver messages name hosts and errors, never personal data; the client sees only 'down'.
      this.logger.warn(`readiness: ${name} is down: ${(error as Error).message}`);
      return 'down';
    }
  }

  private async withinTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        work,
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
            CHECK_TIMEOUT_MS,
          );
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
