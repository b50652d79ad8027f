import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const WORKER = 'dist/apps/worker/src/main.js';

export interface WorkerProcess {
  pid: number;
  process: ChildProcess;
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Runs `count` BUILT worker processes (`node scripts/build.mjs` first) on the test run's database
 * and Redis prefix, as a deployment with several workers would.
 */
export function startWorkerProcesses(count: number, root = process.cwd()): WorkerProcess[] {
  if (!existsSync(join(root, WORKER))) throw new Error(`${WORKER} is missing: run the build first`);
  return Array.from({ length: count }, () => {
    let output = '';
    const child = spawn(process.execPath, ['--enable-source-maps', join(root, WORKER)], {
      cwd: root,
      // Jest's NODE_OPTIONS (--experimental-vm-modules) is no business of the worker.
      env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: process.env.E2E_APP_LOG_LEVEL ?? 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-32_768));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const exited = () => child.exitCode !== null || child.signalCode !== null;
    return {
      pid: child.pid ?? 0,
      process: child,
      output: () => output,
      stop: (graceMs = 10_000) =>
        exited()
          ? Promise.resolve()
          : new Promise<void>((resolve) => {
              const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
              child.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              child.kill('SIGTERM');
            }),
    };
  });
}
