import {
  Inject,
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { createRedis } from '@simpul/queue';
import type { Redis } from 'ioredis';
import {
  HEALTH_REDIS,
  HealthController,
  READINESS_DETAILS,
  type ReadinessDetail,
} from './health.controller';

/** Where the readiness details come from: a factory over providers of the given modules. */
export interface ReadinessDetailsOptions {
  imports?: ModuleMetadata['imports'];
  inject?: InjectionToken[];
  useFactory: (...deps: never[]) => ReadinessDetail[];
}

/**
 * GET /health/live and /health/ready. Needs the app's TypeORM DataSource (DatabaseModule) and
 * AppConfig (ConfigModule); brings its own Redis connection so that a probe never queues behind
 * BullMQ's blocking commands. `forRoot` adds details to the readiness report (the gateway adds the
 * count of parked outbox rows) without this module knowing the libs they come from.
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

  static forRoot(details: ReadinessDetailsOptions): DynamicModule {
    return {
      module: HealthModule,
      imports: details.imports ?? [],
      providers: [
        {
          provide: READINESS_DETAILS,
          inject: details.inject ?? [],
          useFactory: details.useFactory as (...deps: unknown[]) => ReadinessDetail[],
        },
      ],
    };
  }

  /** Not in onModuleDestroy: Redis clients closed there crashed a test process (docs/stack.md). */
  onApplicationShutdown(): void {
    // Nothing is pending on a probe connection worth waiting for: drop it at once.
    this.redis.disconnect();
  }
}
