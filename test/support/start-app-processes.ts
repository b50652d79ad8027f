import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort } from './find-free-port';

const GATEWAY = 'dist/apps/gateway/src/main.js';
const WORKER = 'dist/apps/worker/src/main.js';
const OUTPUT_LIMIT = 64 * 1024;

export interface AppProcesses {
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  /** http://127.0.0.1:PORT/graphql */
  graphqlUrl: string;
  /** ws://127.0.0.1:PORT/graphql */
  websocketUrl: string;
  /** Process ids of the children, by name (gateway, worker). */
  pids: Record<string, number>;
  /** The last output (stdout and stderr, interleaved) of gateway and worker, for failure reports. */
  output(): string;
  /** SIGTERM to both, resolves once both have exited (SIGKILL after `graceMs`). */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  /**
   * Environment of both children: DATABASE_URL, REDIS_URL, REDIS_PREFIX, SIMPUL_ENV, LOG_LEVEL…
   * Default: the test run's environment, logging at E2E_APP_LOG_LEVEL (default warn).
   */
  env?: NodeJS.ProcessEnv;
  /** The checkout whose dist/ is run; the working directory of the children. */
  root?: string;
  readyTimeoutMs?: number;
}

interface Child {
  name: string;
  process: ChildProcess;
  output: string;
}

function spawnChild(name: string, script: string, root: string, env: NodeJS.ProcessEnv): Child {
  const child: Child = {
    name,
    output: '',
    process: spawn(process.execPath, ['--enable-source-maps', join(root, script)], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  };
  const keep = (chunk: Buffer) => {
    child.output = (child.output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.process.stdout?.on('data', keep);
  child.process.stderr?.on('data', keep);
  return child;
}

function hasExited(child: Child): boolean {
  return child.process.exitCode !== null || child.process.signalCode !== null;
}

function stopChild(child: Child, graceMs: number): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
    child.process.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.process.kill('SIGTERM');
  });
}

async function waitUntilReady(
  baseUrl: string,
  children: Child[],
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const exited = children.find(hasExited);
    if (exited) throw new Error(`${exited.name} exited before the gateway was ready`);
    try {
      const response = await fetch(`${baseUrl}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the gateway was not ready within ${timeoutMs} ms`);
}

/**
 * Runs the BUILT gateway and worker (`node scripts/build.mjs` first) as child processes on a free
 * port, as `npm start` would, and resolves once /health/ready answers 200.
 */
export async function startAppProcesses(options: StartOptions = {}): Promise<AppProcesses> {
  const root = options.root ?? process.cwd();
  for (const script of [GATEWAY, WORKER]) {
    if (!existsSync(join(root, script)))
      throw new Error(`${script} is missing: run the build first`);
  }
  const port = await findFreePort();
  // Jest's NODE_OPTIONS (--experimental-vm-modules) is no business of the apps.
  const base = options.env ?? {
    ...process.env,
    LOG_LEVEL: process.env.E2E_APP_LOG_LEVEL ?? 'warn',
  };
  const env: NodeJS.ProcessEnv = { ...base, PORT: String(port), NODE_OPTIONS: '' };
  const children = [
    spawnChild('gateway', GATEWAY, root, env),
    spawnChild('worker', WORKER, root, env),
  ];
  const baseUrl = `http://127.0.0.1:${port}`;
  const apps: AppProcesses = {
    baseUrl,
    graphqlUrl: `${baseUrl}/graphql`,
    websocketUrl: `ws://127.0.0.1:${port}/graphql`,
    pids: Object.fromEntries(children.map((c) => [c.name, c.process.pid ?? 0])),
    output: () =>
      children.map((c) => `----- ${c.name} output -----\n${c.output || '(none)\n'}`).join('\n'),
    stop: async (graceMs = 10_000) => {
      await Promise.all(children.map((child) => stopChild(child, graceMs)));
    },
  };
  try {
    await waitUntilReady(baseUrl, children, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await apps.stop(2_000);
    throw new Error(`${(error as Error).message}\n${apps.output()}`);
  }
  return apps;
}

/**
 * Wraps a test body so that, when it fails, the children's output is appended to the error:
 * the gateway's or worker's own complaint is usually the quickest explanation.
 */
export function withAppOutputOnFailure(
  apps: () => AppProcesses | undefined,
  body: () => Promise<void>,
): () => Promise<void> {
  return async () => {
    try {
      await body();
    } catch (error) {
      const output = apps()?.output();
      if (output && error instanceof Error) error.message = `${error.message}\n\n${output}`;
      throw error;
    }
  };
}

/** A Jest `it` whose failure report carries the apps' output (see withAppOutputOnFailure). */
export function appStep(apps: () => AppProcesses | undefined, timeoutMs = 30_000) {
  return (name: string, body: () => Promise<void>) =>
    it(name, withAppOutputOnFailure(apps, body), timeoutMs);
}
