import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startHardenedGateway } from './start-hardened-gateway';

/** The gateway in this process, listening on a free port; returns it with its GraphQL URL. */
export async function listenGateway(
  env: Record<string, string> = {},
): Promise<{ app: NestFastifyApplication; url: string }> {
  const { app, graphqlUrl } = await startHardenedGateway(env);
  return { app, url: graphqlUrl };
}
