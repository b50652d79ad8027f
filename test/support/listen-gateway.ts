import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootGateway } from './boot-in-process';

/** The in-process gateway listening on a free loopback port; `url` is its GraphQL endpoint. */
export async function listenGateway(
  env: Record<string, string> = {},
): Promise<{ app: NestFastifyApplication; url: string }> {
  const app = await bootGateway(env);
  await app.listen(0, '127.0.0.1');
  return { app, url: `${await app.getUrl()}/graphql` };
}
