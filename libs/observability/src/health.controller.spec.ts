import type { DataSource } from 'typeorm';
import { HealthController } from './health.controller';

const up = () => Promise.resolve('ok');
const down = () => Promise.reject(new Error('ECONNREFUSED'));
const hang = () => new Promise<never>(() => undefined);

function controller(postgres: () => Promise<unknown>, redis: () => Promise<unknown>) {
  const dataSource = { query: postgres } as unknown as DataSource;
  const health = new HealthController(dataSource, { ping: redis } as never);
  // Silence the warning a failing check logs.
  (health as unknown as { logger: { warn: () => void } }).logger = { warn: () => undefined };
  return health;
}

async function ready(health: HealthController) {
  let status = 0;
  const body = await health.ready({ status: (code: number) => (status = code) });
  return { status, body };
}

describe('HealthController', () => {
  it('is live without touching anything', () => {
    expect(controller(down, down).live()).toEqual({ status: 'ok' });
  });

  it('is ready when PostgreSQL and Redis answer', async () => {
    expect(await ready(controller(up, up))).toEqual({
      status: 200,
      body: { status: 'ok', checks: { postgres: 'up', redis: 'up' } },
    });
  });

  it.each([
    ['postgres', down, up, { postgres: 'down', redis: 'up' }],
    ['redis', up, down, { postgres: 'up', redis: 'down' }],
    ['both', down, down, { postgres: 'down', redis: 'down' }],
  ])('answers 503 naming what is down (%s)', async (_case, postgres, redis, checks) => {
    expect(await ready(controller(postgres, redis))).toEqual({
      status: 503,
      body: { status: 'unavailable', checks },
    });
  });

  it('counts a check that does not answer within 2 s as down', async () => {
    const started = Date.now();
    const { status, body } = await ready(controller(up, hang));
    expect(status).toBe(503);
    expect(body.checks.redis).toBe('down');
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe('HealthController details', () => {
  const withDetails = (read: () => Promise<Record<string, number>>) => {
    const dataSource = { query: up } as unknown as DataSource;
    const health = new HealthController(dataSource, { ping: up } as never, [
      { name: 'outbox', read },
    ]);
    (health as unknown as { logger: { warn: () => void } }).logger = { warn: () => undefined };
    return health;
  };

  it('reports details beside the checks and stays ready whatever they count', async () => {
    expect(await ready(withDetails(() => Promise.resolve({ parked: 2 })))).toEqual({
      status: 200,
      body: {
        status: 'ok',
        checks: { postgres: 'up', redis: 'up' },
        details: { outbox: { parked: 2 } },
      },
    });
  });

  it('reports a detail it cannot read as null', async () => {
    const { status, body } = await ready(withDetails(() => Promise.reject(new Error('down'))));
    expect(status).toBe(200);
    expect(body.details).toEqual({ outbox: null });
  });
});
