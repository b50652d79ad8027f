import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { RaisePingPongAlertsUseCase } from './use-cases/raise-ping-pong-alerts.use-case';

/**
 * The worker's ping-pong sweep: every PING_PONG_SWEEP_MS it alerts the cases that crossed the
 * threshold since. A sweep rather than a hook in the referral transitions, so the referral lib
 * knows nothing of it and a worker that was down catches up on its next sweep.
 */
@Injectable()
export class PingPongSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(PingPongSweep.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly raise: RaisePingPongAlertsUseCase,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.pingPongSweepMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One sweep; overlapping calls share the one in flight. */
  sweep(): Promise<void> {
    this.running ??= this.raise
      .execute()
      .then((raised) => {
        if (raised.length) this.logger.log(`Ping-pong alerts raised for ${raised.length} case(s)`);
      })
      .catch((error: unknown) => {
        this.logger.warn(
          `Ping-pong sweep failed: ${error instanceof Error ? error.name : 'error'}`,
        );
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}
