import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { createRedis } from '@simpul/queue';
import type { Redis } from 'ioredis';
import { HEALTH_REDIS, HealthController } from './health.controller';

/**
 * GET /health/live and /health/ready. Needs the app's TypeORM DataSource (DatabaseModule) and
 * AppConfig (ConfigModule); brings its own Redis connection so that a probe never queues behind
 * BullMQ's blocking commands.
 */
@Module({
  controllers: [HealthController],
  providers: [
    {
      provide: HEALTH_REDIS,
      inject: [APP_CONFIG],
      // 'producer': fails fast while Redis is away instead of queueing the PING.
      useFactory: (config: AppConfig) => createRedis(config.redisUrl, 'producer'),
    },
  ],
})
export class HealthModule implements OnApplicationShutdown {
  constructor(@Inject(HEALTH_REDIS) private readonly redis: Redis) {}

  /** Not in onModuleDestroy: Redis clients closed there crashed a test process (docs/stack.md). */
  onApplicationShutdown(): void {
    // Nothing is pending on a probe connection worth waiting for: drop it at once.
    this.redis.disconnect();
  }
}
