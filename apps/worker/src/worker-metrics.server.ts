import { createServer, type Server } from 'node:http';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@simpul/config';
import { mayReadMetrics, metricsRegistry } from '@simpul/observability';

/**
 * The worker's GET /metrics on WORKER_METRICS_PORT (0 = off), bound to METRICS_HOST: job durations
 * and latencies, deliveries, escalations, notifications, emails and webhook attempts, counted
 * where they happen. Each worker replica is its own scrape target; the same METRICS_TOKEN rule as
 * the gateway's /metrics. Nothing else is served.
 */
@Injectable()
export class WorkerMetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerMetricsServer.name);
  private server: Server | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    const { workerMetricsPort, metricsHost, metricsToken } = this.config.operators;
    if (workerMetricsPort === 0) return;
    this.server = createServer((request, response) => {
      const path = (request.url ?? '').split('?', 1)[0];
      if (
        request.method !== 'GET' ||
        path !== '/metrics' ||
        !mayReadMetrics(metricsToken, request.headers, request.socket.remoteAddress)
      ) {
        response.writeHead(404).end();
        return;
      }
      metricsRegistry.metrics().then(
        (text) =>
          response
            .writeHead(200, {
              'content-type': metricsRegistry.contentType,
              'cache-control': 'no-store',
            })
            .end(text),
        () => response.writeHead(500).end(),
      );
    });
    this.server.on('error', (error) =>
      // A port in use must not stop the worker: its jobs matter more than its metrics.
      this.logger.error(
        `Worker metrics not served on ${metricsHost}:${workerMetricsPort}: ${error.message}`,
      ),
    );
    this.server.listen(workerMetricsPort, metricsHost);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
