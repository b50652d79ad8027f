// `npm start`: builds, finds PostgreSQL and Redis, prepares the database (migrations, reference
// data, demo cast outside production), then runs the gateway and the worker until Ctrl-C.
import { spawn, spawnSync } from 'node:child_process';
import { createConnection } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };
const say = (line) => console.log(`[simpul] ${line}`);

function answers(url, fallbackPort) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = createConnection({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port || fallbackPort) });
    const done = (ok) => (socket.destroy(), resolve(ok));
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function containerEngine() {
  return spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 }).status === 0;
}

/** DATABASE_URL/REDIS_URL as given; else the defaults if they answer; else containers; else advice. */
async function resolveServices() {
  const databaseUrl = env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/simpul';
  const redisUrl = env.REDIS_URL || 'redis://127.0.0.1:6379';
  const pgUp = await answers(databaseUrl, 5432);
  const redisUp = await answers(redisUrl, 6379);
  if (pgUp && redisUp) return { databaseUrl, redisUrl, stop: async () => {} };
  if ((!pgUp && env.DATABASE_URL) || (!redisUp && env.REDIS_URL)) {
    throw new Error(`${!pgUp ? 'DATABASE_URL' : 'REDIS_URL'} does not answer: start that service or fix the URL`);
  }
  if (!containerEngine()) {
    const missing = [!pgUp && 'PostgreSQL on 127.0.0.1:5432', !redisUp && 'Redis on 127.0.0.1:6379'].filter(Boolean);
    throw new Error(
      `${missing.join(' and ')} not answering, and no container engine to start them.\n` +
        '  Install and start them:  sudo apt-get install -y postgresql redis-server\n' +
        '  or with Docker:          docker compose -f docker/compose.services.yaml up -d\n' +
        '  or point DATABASE_URL / REDIS_URL at running services.',
    );
  }
  say('starting PostgreSQL and Redis with testcontainers (a container engine was found)');
  const stops = [];
  let pg = databaseUrl;
  let redis = redisUrl;
  if (!pgUp) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    // Trust, like docker/compose.services.yaml: gateway and worker connect as the passwordless
    // least-privilege roles db:prepare creates (docs/adr/0013-least-privilege-database-roles.md).
    const c = await new PostgreSqlContainer('postgres:15-alpine')
      .withDatabase('simpul')
      .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust' })
      .start();
    pg = c.getConnectionUri();
    stops.push(() => c.stop());
  }
  if (!redisUp) {
    const { RedisContainer } = await import('@testcontainers/redis');
    const c = await new RedisContainer('redis:7-alpine')
      .withCommand(['redis-server', '--maxmemory-policy', 'noeviction', '--appendonly', 'yes'])
      .start();
    redis = c.getConnectionUrl();
    stops.push(() => c.stop());
  }
  return { databaseUrl: pg, redisUrl: redis, stop: async () => Promise.all(stops.map((s) => s())) };
}

// Gateway and worker run in a process group of their own (detached): a terminal's Ctrl-C signals
// the whole foreground group, and a child that saw that SIGINT and then shutdown()'s SIGTERM took
// the second signal as "exit now" and skipped its graceful stop. Now only this script hears the
// terminal and each child gets exactly one SIGTERM from shutdown().
function run(script, name) {
  const child = spawn(process.execPath, ['--enable-source-maps', join(root, script)], {
    env,
    stdio: 'inherit',
    detached: true,
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[simpul] ${name} stopped (${signal ?? `exit ${code}`}); stopping Simpul`);
      shutdown(1);
    }
  });
  return child;
}

async function waitUntilReady(port, child) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

let stopping = false;
let children = [];
let services;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)));
  await services?.stop();
  process.exit(code);
}
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
// A closed terminal no longer reaches the children's own process group: pass it on as a stop.
process.on('SIGHUP', () => shutdown(0));

try {
  say('building');
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');
  services = await resolveServices();
  env.DATABASE_URL = services.databaseUrl;
  env.REDIS_URL = services.redisUrl;
  say('preparing the database (migrations, reference data, demo cast)');
  const prepare = spawnSync(process.execPath, [join(root, 'dist/apps/gateway/src/cli/prepare-database.js')], {
    env,
    stdio: 'inherit',
  });
  if (prepare.status !== 0) throw new Error('database preparation failed (see above)');
  const port = Number(env.PORT || 3000);
  const gateway = run('dist/apps/gateway/src/main.js', 'gateway');
  children = [gateway, run('dist/apps/worker/src/main.js', 'worker')];
  if (await waitUntilReady(port, gateway)) {
    say(`ready: GraphQL at http://localhost:${port}/graphql — Ctrl-C stops gateway and worker`);
  } else if (!stopping) {
    throw new Error('the gateway did not become ready within 120 s');
  }
} catch (error) {
  console.error(`[simpul] ${error instanceof Error ? error.message : error}`);
  await shutdown(1);
}
