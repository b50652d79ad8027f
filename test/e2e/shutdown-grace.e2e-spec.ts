import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findFreePort } from '../support/find-free-port';
import { PrivateRedis } from '../support/private-redis';
import { waitForCondition } from '../support/wait-for-condition';

const GRACE_MS = 3000;
/** Node's start-up and exit on a busy machine, beside the grace period itself. */
const MARGIN_MS = 2000;

interface Spawned {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

/** One built app (`npm run build` first) as a child process, on the test's private Redis. */
function spawnApp(script: string, env: NodeJS.ProcessEnv): Spawned {
  let output = '';
  const child = spawn(process.execPath, [join(process.cwd(), script)], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>(
    (resolve) => child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  return { child, output: () => output, exited };
}

/**
 * A worker or gateway that lost Redis still stops within SHUTDOWN_GRACE_MS of SIGTERM: BullMQ's
 * close is bounded, and what still hangs is cut short by the grace period, with a log line. The
 * Redis is the test's own redis-server, SIGKILLed; the shared one is never touched.
 */
describe('shutdown within the grace period while Redis is dead', () => {
  let redis: PrivateRedis;
  const spawned: Spawned[] = [];

  beforeAll(async () => {
    redis = await PrivateRedis.start();
  });

  afterAll(async () => {
    for (const { child } of spawned) if (child.exitCode === null) child.kill('SIGKILL');
    await redis.stop();
  });

  async function sigtermTakes(app: Spawned): Promise<number> {
    const sent = Date.now();
    app.child.kill('SIGTERM');
    const timer = setTimeout(() => app.child.kill('SIGKILL'), GRACE_MS + 10_000);
    const { at } = await app.exited;
    clearTimeout(timer);
    return at - sent;
  }

  it('the worker exits within the grace period', async () => {
    await redis.restart();
    const worker = spawnApp('dist/apps/worker/src/main.js', {
      REDIS_URL: redis.url,
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
    });
    spawned.push(worker);
    await waitForCondition(
      'the worker to start',
      () => worker.output().includes('Worker started'),
      30_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${worker.output()}`);
    });
    await redis.kill();
    // Long enough for BullMQ's blocking connections to notice and start reconnecting.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const took = await sigtermTakes(worker);
    expect(took).toBeLessThan(GRACE_MS + MARGIN_MS);
    expect(worker.output()).toContain('SIGTERM: worker shutting down');
  }, 60_000);

  it('the gateway exits within the grace period', async () => {
    await redis.restart();
    const port = await findFreePort();
    const gateway = spawnApp('dist/apps/gateway/src/main.js', {
      REDIS_URL: redis.url,
      PORT: String(port),
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
    });
    spawned.push(gateway);
    await waitForCondition(
      'the gateway to listen',
      async () => {
        try {
          return (await fetch(`http://127.0.0.1:${port}/health/live`)).ok;
        } catch {
          return false;
        }
      },
      30_000,
      200,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${gateway.output()}`);
    });
    await redis.kill();
    // A request that needs Redis (the per-address rate limit) is in flight meanwhile.
    void fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const took = await sigtermTakes(gateway);
    expect(took).toBeLessThan(GRACE_MS + MARGIN_MS);
    expect(gateway.output()).toContain('SIGTERM: gateway shutting down');
  }, 60_000);
});
