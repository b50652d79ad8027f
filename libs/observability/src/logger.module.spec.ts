import { Controller, Get, Global, Module, Post, Res, type INestApplication } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { APP_CONFIG } from '@simpul/config';
import { Logger, PinoLogger } from 'nestjs-pino';
import { LOG_DESTINATION, LoggerModule } from './logger.module';

@Controller()
class ProbeController {
  constructor(private readonly logger: PinoLogger) {}

  @Post('graphql')
  graphql(): { data: null } {
    this.logger.info('handling');
    return { data: null };
  }

  @Get('health/live')
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  ready(@Res({ passthrough: true }) reply: { status(code: number): unknown }): object {
    reply.status(503);
    return { status: 'unavailable' };
  }
}

/**
 * Boots Nest on Fastify with LoggerModule at `logLevel`, listening on a free loopback port.
 * nestjs-pino keeps one root logger per process: the first boot's level and destination win.
 */
async function boot(
  logLevel: string,
  destination?: { write(line: string): void },
): Promise<{ app: INestApplication; url: string }> {
  @Global()
  @Module({
    providers: [
      { provide: APP_CONFIG, useValue: { logLevel } },
      ...(destination ? [{ provide: LOG_DESTINATION, useValue: destination }] : []),
    ],
    exports: destination ? [APP_CONFIG, LOG_DESTINATION] : [APP_CONFIG],
  })
  class TestConfigModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [TestConfigModule, LoggerModule],
    controllers: [ProbeController],
  }).compile();
  const app = moduleRef.createNestApplication(new FastifyAdapter(), { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

describe('LoggerModule on Fastify, reading its log lines', () => {
  let lines: Record<string, unknown>[];
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    lines = [];
    const capture = {
      write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
    };
    ({ app, url } = await boot('info', capture));
  });
  afterAll(() => app.close());
  beforeEach(() => (lines.length = 0));

  /** The log lines with this message, once pino-http has written them (on the response's 'finish'). */
  async function logged(msg: string, count = 1): Promise<Record<string, unknown>[]> {
    for (let waited = 0; waited < 1000; waited += 10) {
      if (lines.filter((line) => line.msg === msg).length >= count) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return lines.filter((line) => line.msg === msg);
  }

  it('keeps a safe x-request-id, echoes it and logs method, path, client address, status and duration only', async () => {
    const response = await fetch(`${url}/graphql?query=%7Bme%7D&variables=secret`, {
      method: 'POST',
      headers: {
        'x-request-id': 'agency-trace-42',
        // Not believed: without TRUST_PROXY the socket's peer is the client.
        'x-forwarded-for': '203.0.113.66',
        authorization: 'Bearer top-secret-token',
        cookie: 'session=abc',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ query: '{ me }', variables: { nik: '3174000000000001' } }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('agency-trace-42');

    const [line] = await logged('request completed');
    expect(line).toMatchObject({
      level: 'info',
      req: {
        id: 'agency-trace-42',
        method: 'POST',
        path: '/graphql',
        clientAddress: '127.0.0.1',
      },
      res: { statusCode: 201 },
    });
    expect(typeof line.durationMs).toBe('number');
    expect(typeof line.time).toBe('string');
    const everything = JSON.stringify(lines);
    for (const secret of [
      'top-secret-token',
      'session=abc',
      '3174000000000001',
      'variables',
      'me}',
      '203.0.113.66',
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('carries the request id on logs made while handling the request', async () => {
    await fetch(`${url}/graphql`, { method: 'POST', headers: { 'x-request-id': 'abc' } });
    expect(lines.find((line) => line.msg === 'handling')).toMatchObject({ req: { id: 'abc' } });
  });

  it('replaces an unsafe x-request-id with a UUID', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'x-request-id': 'not safe; x'.repeat(10) },
    });
    const id = response.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await logged('request completed'))[0]).toMatchObject({ req: { id } });
  });

  it('logs a failing readiness probe as an error, without an invented stack', async () => {
    expect((await fetch(`${url}/health/ready`)).status).toBe(503);
    const [line] = await logged('request errored');
    expect(line).toMatchObject({ level: 'error', res: { statusCode: 503 } });
    expect(line).not.toHaveProperty('err');
  });

  it('logs a failing request as a warning and a passing health probe not at all', async () => {
    await fetch(`${url}/nowhere`);
    await fetch(`${url}/health/live`);
    expect(await logged('request completed')).toEqual([
      expect.objectContaining({
        level: 'warn',
        req: expect.objectContaining({ path: '/nowhere' }),
      }),
    ]);
  });
});

describe('LoggerModule', () => {
  it('configures itself from AppConfig alone, without LOG_DESTINATION', async () => {
    const { app, url } = await boot('silent');
    try {
      const response = await fetch(`${url}/health/live`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      await app.close();
    }
  });
});

describe('LoggerModule in the worker (no HTTP server)', () => {
  @Global()
  @Module({
    providers: [{ provide: APP_CONFIG, useValue: { logLevel: 'silent' } }],
    exports: [APP_CONFIG],
  })
  class TestConfigModule {}

  it('boots in an application context', async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [TestConfigModule, LoggerModule],
    }).compile();
    const context = await moduleRef.init();
    expect(context.get(Logger, { strict: false })).toBeInstanceOf(Logger);
    await context.close();
  });
});
