import { Controller, Get, Inject, Logger, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { DataSource } from 'typeorm';

/** The ioredis client the readiness check pings; HealthModule creates and closes it. */
export const HEALTH_REDIS = Symbol('HEALTH_REDIS');

/** A probe that hangs is as bad as one that fails: a load balancer waits on neither. */
const CHECK_TIMEOUT_MS = 2000;

export type CheckState = 'up' | 'down';

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  checks: { postgres: CheckState; redis: CheckState };
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
  ) {}

  /** The process is running and its event loop answers. */
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** PostgreSQL and Redis answer: the replica can take traffic. */
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: StatusReply): Promise<ReadinessReport> {
    const [postgres, redis] = await Promise.all([
      this.check('postgres', () => this.dataSource.query('SELECT 1')),
      this.check('redis', () => this.redis.ping()),
    ]);
    const ok = postgres === 'up' && redis === 'up';
    reply.status(ok ? 200 : 503);
    return { status: ok ? 'ok' : 'unavailable', checks: { postgres, redis } };
  }

  private async check(name: string, probe: () => Promise<unknown>): Promise<CheckState> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
            CHECK_TIMEOUT_MS,
          );
        }),
      ]);
      return 'up';
    } catch (error) {
      // Driver messages name hosts and errors, never personal data; the client sees only 'down'.
      this.logger.warn(`readiness: ${name} is down: ${(error as Error).message}`);
      return 'down';
    } finally {
      clearTimeout(timer);
    }
  }
}
