import { Controller, Get, Inject, Req, Res, type OnApplicationShutdown } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { OutboxRepository } from '@simpul/delivery';
import { QueueDepths, mayReadMetrics, metricsRegistry, outboxParked } from '@simpul/observability';

/**
 * GET /metrics — Prometheus text format: this gateway's HTTP and GraphQL timings and process
 * figures, BullMQ queue depths and parked outbox rows (read on scrape; the same from every
 * replica). Jobs, deliveries, escalations and webhooks are counted where they run: the worker's
 * own /metrics (WORKER_METRICS_PORT). Protected by METRICS_TOKEN, or answered to the same host only
 * (README, "Operating"); anyone else gets 404, as if there were nothing here.
 */
@Controller()
export class MetricsController implements OnApplicationShutdown {
  private readonly depths: QueueDepths;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly outbox: OutboxRepository,
  ) {
    this.depths = new QueueDepths(config.redisUrl, config.redisPrefix);
  }

  @Get('metrics')
  async metrics(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (
      !mayReadMetrics(
        this.config.operators.metricsToken,
        request.headers,
        request.socket.remoteAddress,
      )
    ) {
      await reply.status(404).send({ message: 'Not Found', statusCode: 404 });
      return;
    }
    await Promise.all([this.depths.refresh(), this.refreshParked()]);
    await reply
      .header('content-type', metricsRegistry.contentType)
      .header('cache-control', 'no-store')
      .send(await metricsRegistry.metrics());
  }

  private async refreshParked(): Promise<void> {
    try {
      const counts = await this.outbox.parkedCountsByJob();
      outboxParked.reset();
      for (const [job, count] of counts) outboxParked.set({ job }, count);
    } catch {
      // PostgreSQL away: the scrape still answers, with the last values.
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.depths.close();
  }
}
