import { Logger, type INestApplicationContext } from '@nestjs/common';

export interface GracefulShutdownOptions {
  /** How long closing may take before the process exits anyway (SHUTDOWN_GRACE_MS). */
  graceMs: number;
  /** Which process this is, for the log lines ('gateway', 'worker'). */
  name: string;
}

/**
 * SIGTERM or SIGINT closes the application — jobs and requests in hand finish, connections close —
 * and the process exits 0. If that takes longer than the grace period (Redis or PostgreSQL away,
 * a client holding a socket open) the process says so and exits 1 anyway: an orchestrator's kill
 * deadline must never be what ends it, and nothing is lost (the outbox keeps undone work in
 * PostgreSQL). A second signal exits at once. Used instead of Nest's enableShutdownHooks, which
 * waits for as long as closing takes.
 */
export function exitGracefullyOnSignals(
  app: INestApplicationContext,
  { graceMs, name }: GracefulShutdownOptions,
): void {
  const logger = new Logger('Shutdown');
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn(`${signal} again: ${name} exits now`);
      process.exit(1);
    }
    stopping = true;
    logger.log(`${signal}: ${name} shutting down (at most ${graceMs} ms)`);
    const started = Date.now();
    const deadline = setTimeout(() => {
      logger.error(`${name} did not shut down within ${graceMs} ms; exiting anyway`);
      process.exit(1);
    }, graceMs);
    app.close().then(
      () => {
        clearTimeout(deadline);
        logger.log(`${name} shut down in ${Date.now() - started} ms`);
        process.exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        logger.error(`${name} shutdown failed: ${error instanceof Error ? error.name : 'error'}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
