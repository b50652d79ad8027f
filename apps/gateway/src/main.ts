import 'reflect-metadata';
import { ConfigError, loadConfig } from '@simpul/config';
import { exitGracefullyOnSignals } from '@simpul/observability';
import { createGateway } from './create-gateway';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createGateway();
  // SIGTERM/SIGINT: stop listening, finish requests in hand, close connections — within
  // SHUTDOWN_GRACE_MS, or exit anyway.
  exitGracefullyOnSignals(app, { graceMs: config.shutdownGraceMs, name: 'gateway' });
  await app.listen(config.port, '0.0.0.0');
}

main().catch((error: unknown) => {
  // A configuration problem is one clear line; anything else keeps its stack for the operator.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
