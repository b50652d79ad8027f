import { Logger } from 'nestjs-pino';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig, type AppConfig } from '@simpul/config';
import { assertNoEviction, closeRedis, createRedis } from '@simpul/queue';
import { WorkerModule } from './worker.module';

const REDIS_CHECK_TIMEOUT_MS = 10_000;

/** One clear line and exit 1: what an operator sees when the worker cannot start. */
function refuse(message: string): never {
  console.error(message);
  process.exit(1);
}

/** BullMQ keys must never be evicted: the worker refuses a Redis that could (docs/stack.md). */
async function checkRedis(config: AppConfig): Promise<void> {
  const redis = createRedis(config.redisUrl, 'worker');
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      assertNoEviction(redis),
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(
                `Redis at REDIS_URL did not answer within ${REDIS_CHECK_TIMEOUT_MS / 1000} s`,
              ),
            ),
          REDIS_CHECK_TIMEOUT_MS,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
    await closeRedis(redis);
  }
}

async function start(config: AppConfig): Promise<void> {
  try {
    await checkRedis(config);
  } catch (error) {
    refuse(`Worker not started: ${(error as Error).message}`);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // SIGTERM/SIGINT: finish the jobs in hand, stop the relay, close connections.
  app.enableShutdownHooks();
}

function main(): void {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) refuse(error.message);
    throw error;
  }
  // No top-level await: this file compiles to CommonJS.
  start(config).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

main();
