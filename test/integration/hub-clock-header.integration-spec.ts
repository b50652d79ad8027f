import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CLOCK, type AdjustableClock } from '@simpul/config';
import { listenGateway } from '../support/listen-gateway';

/**
 * Every GraphQL response announces the hub's clock (x-simpul-clock), the one deadlines, `sla` and
 * `overdue` are computed on, so the console counts "time left" on it — not on a browser clock
 * that may run wrong, nor on the system clock under a moved test clock. Static files never carry
 * it: a cached copy would announce a stale time.
 */
describe("the hub's clock in GraphQL responses", () => {
  let gateway: NestFastifyApplication;
  let url: string;

  beforeAll(async () => {
    ({ app: gateway, url } = await listenGateway());
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('announces the Clock, moved or not, on /graphql only', async () => {
    const clock = gateway.get<AdjustableClock>(CLOCK);
    clock.set(new Date('2027-03-09T02:00:00.000Z'));
    const before = clock.now().getTime();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    const announced = Date.parse(response.headers.get('x-simpul-clock') ?? '');
    expect(announced).toBeGreaterThanOrEqual(before);
    expect(announced).toBeLessThanOrEqual(clock.now().getTime());

    // An error answer carries it too: the console reads it from whatever came back.
    const refused = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ nonsense }' }),
    });
    expect(refused.headers.get('x-simpul-clock')).toMatch(/^2027-03-09T/);

    const health = await fetch(new URL('/health/live', url));
    expect(health.headers.get('x-simpul-clock')).toBeNull();
  });
});
