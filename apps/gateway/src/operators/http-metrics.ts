import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { httpRequestDuration } from '@simpul/observability';

/**
 * Times every HTTP response of the gateway (simpul_http_request_duration_seconds) by method,
 * route pattern and status. The route is Fastify's pattern (`/graphql`, `/health/ready`), never
 * the path a client sent: unmatched paths all count as `unmatched`, and nothing with an id in it
 * becomes a label.
 */
export function recordHttpMetrics(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions?.url ?? 'unmatched';
      httpRequestDuration.observe(
        { method: request.method, route, status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
      done();
    });
}
