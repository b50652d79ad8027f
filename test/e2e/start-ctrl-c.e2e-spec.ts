import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../support/find-free-port';
import { removeRedisKeys } from '../support/remove-redis-keys';
import { waitForCondition } from '../support/wait-for-condition';

/** `npm start` builds (swc and Vite) and prepares a database first: slow on a busy machine. */
const READY_WITHIN_MS = 240_000;

/**
 * `npm start` as a terminal runs it, stopped with Ctrl-C: the terminal sends SIGINT to the whole
 * foreground process group. Gateway and worker must each stop gracefully once — a second signal
 * makes them exit at once, cutting short what they had in hand — and `npm start` exits 0.
 */
describe('npm start stopped with Ctrl-C', () => {
  const runUrl = new URL(process.env.DATABASE_URL as string);
  const databaseUrl = new URL(runUrl);
  databaseUrl.pathname = `${runUrl.pathname}_start`;
  const redisPrefix = `${process.env.REDIS_PREFIX as string}-start`;
  let start: ChildProcess | undefined;
  let output = '';

  afterAll(async () => {
    // Still running (the test failed): SIGTERM lets npm start stop its children, which live in
    // process groups of their own and would outlive a SIGKILL of npm start.
    if (start?.pid && start.exitCode === null) {
      const child = start;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      if (child.exitCode === null) process.kill(-(child.pid as number), 'SIGKILL');
    }
    const admin = new URL(runUrl);
    admin.pathname = '/postgres';
    const client = new Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${databaseUrl.pathname.slice(1)}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
    await removeRedisKeys(process.env.REDIS_URL as string, redisPrefix);
  });

  it(
    'stops gateway and worker gracefully, each once',
    async () => {
      const port = await findFreePort();
      start = spawn(process.execPath, [join(process.cwd(), 'scripts/start.mjs')], {
        cwd: process.cwd(),
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          LOG_LEVEL: 'info',
          PORT: String(port),
          DATABASE_URL: databaseUrl.toString(),
          REDIS_PREFIX: redisPrefix,
          WORKER_METRICS_PORT: '0',
        },
        // Its own process group, as a shell gives a foreground job, so the group can be signalled.
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      start.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      start.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const exited = new Promise<number | null>((resolve) =>
        start?.once('exit', (code) => resolve(code)),
      );
      await waitForCondition(
        'npm start to be ready',
        () => output.includes(`ready: GraphQL at http://localhost:${port}/graphql`),
        READY_WITHIN_MS,
      ).catch((error: Error) => {
        throw new Error(`${error.message}\n${output.slice(-4000)}`);
      });

      process.kill(-(start.pid as number), 'SIGINT');
      const code = await exited;

      expect(output).not.toMatch(/again: (gateway|worker) exits now/);
      expect(output).toMatch(/gateway shut down in \d+ ms/);
      expect(output).toMatch(/worker shut down in \d+ ms/);
      expect(code).toBe(0);
    },
    READY_WITHIN_MS + 60_000,
  );
});
