import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootGateway } from './boot-in-process';

export interface SessionGateway {
  app: NestFastifyApplication;
  /** http://127.0.0.1:<port>/graphql */
  graphqlUrl: string;
  /** ws://127.0.0.1:<port>/graphql */
  websocketUrl: string;
}

/** The in-process gateway on a free loopback port, spoken to over real HTTP and WebSocket. */
export async function listenSessionGateway(
  env: Record<string, string> = {},
): Promise<SessionGateway> {
  const app = await bootGateway(env);
  await app.listen(0, '127.0.0.1');
  const base = await app.getUrl();
  const graphqlUrl = `${base.replace('[::1]', '127.0.0.1')}/graphql`;
  return { app, graphqlUrl, websocketUrl: graphqlUrl.replace(/^http/, 'ws') };
}
