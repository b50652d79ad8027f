import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { bootGateway } from './boot-in-process';

export interface RunningGateway {
  app: NestFastifyApplication;
  /** http://127.0.0.1:PORT */
  baseUrl: string;
  graphqlUrl: string;
  close(): Promise<void>;
}

/** The whole gateway, hardening included, listening on a free loopback port. */
export async function startHardenedGateway(
  env: Record<string, string> = {},
): Promise<RunningGateway> {
  const app = await bootGateway(env);
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, baseUrl, graphqlUrl: `${baseUrl}/graphql`, close: () => app.close() };
}
