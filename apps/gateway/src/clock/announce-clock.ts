import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CLOCK, type Clock } from '@simpul/config';

/** The response header that carries the hub's "now" (ISO 8601, UTC). */
export const CLOCK_HEADER = 'x-simpul-clock';

/**
 * Tells every GraphQL response what time the hub reads: the Clock that computes deadlines, `sla`
 * and `overdue`. The console counts "time left" from it rather than from the browser's clock, so
 * an officer whose laptop runs fast does not see a deadline missed that the hub still counts as
 * met — and under a moved test clock (SIMPUL_CLOCK_AT) the console agrees with the server. Only
 * on /graphql: a cached response (a static asset) would carry a stale time.
 */
export function announceClock(app: NestFastifyApplication): void {
  const clock = app.get<Clock>(CLOCK);
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onSend', async (request, reply, payload) => {
      if (request.routeOptions?.url === '/graphql') {
        reply.header(CLOCK_HEADER, clock.now().toISOString());
      }
      return payload;
    });
}
