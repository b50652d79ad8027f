import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '@simpul/config';
import {
  AccessTokenAuthenticator,
  OfficerReader,
  Role,
  hasRole,
  type Actor,
} from '@simpul/identity';
import { QueueName, bullPrefix, createRedis } from '@simpul/queue';
import {
  OPERATOR_COOKIE,
  OPERATOR_COOKIE_SECONDS,
  OPERATOR_PATH,
  cookieValue,
  signOperatorCookie,
  verifyOperatorCookie,
} from './operator-cookie';

export const BOARD_PATH = `${OPERATOR_PATH}/queues`;
const SESSION_PATH = `${OPERATOR_PATH}/session`;

type Verdict = 'anonymous' | 'forbidden' | Actor;

/**
 * Bull Board at /operators/queues, for ADMIN only (README, "Operating"). A browser navigation
 * carries no Authorization header, so the console (or an operator with curl) first exchanges the
 * ADMIN's access token at POST /operators/session for a cookie: HttpOnly (no script reads it),
 * SameSite=Strict (no other site's page sends it), Path=/operators (nothing else of the hub gets
 * it), 10 minutes. Every board request — page, static file or API — is checked: no valid
 * credential → 401, an officer who is not (or no longer) an active ADMIN → 403. A Bearer token
 * works on the board directly too. Retrying, promoting and removing jobs is what the board is
 * for; PostgreSQL stays the record (a removed job's outbox row is re-driven after its lease).
 */
export async function registerBullBoard(
  app: NestFastifyApplication,
  config: AppConfig,
): Promise<void> {
  const authenticator = app.get(AccessTokenAuthenticator);
  const officers = app.get(OfficerReader);
  const fastify = app.getHttpAdapter().getInstance();

  const judge = async (request: FastifyRequest): Promise<Verdict> => {
    const bearer = request.headers.authorization;
    if (bearer) {
      const actor = await authenticator.authenticateBearer(bearer).catch(() => null);
      if (!actor) return 'anonymous';
      return hasRole(actor, Role.ADMIN) ? actor : 'forbidden';
    }
    const officerId = verifyOperatorCookie(
      config.tokenSecret,
      cookieValue(request.headers.cookie, OPERATOR_COOKIE),
    );
    if (!officerId) return 'anonymous';
    const actor = await officers.activeActor(officerId);
    return actor && hasRole(actor, Role.ADMIN) ? actor : 'forbidden';
  };
  const refuse = (reply: FastifyReply, verdict: 'anonymous' | 'forbidden') =>
    verdict === 'anonymous'
      ? reply.status(401).header('www-authenticate', 'Bearer').send({ message: 'Sign in as ADMIN' })
      : reply.status(403).send({ message: 'Bull Board is for ADMIN only' });
  const secure = config.env === 'production' ? '; Secure' : '';

  fastify.post(SESSION_PATH, async (request, reply) => {
    if (!request.headers.authorization) return refuse(reply, 'anonymous');
    const verdict = await judge(request);
    if (verdict === 'anonymous' || verdict === 'forbidden') return refuse(reply, verdict);
    return reply
      .header(
        'set-cookie',
        `${OPERATOR_COOKIE}=${signOperatorCookie(config.tokenSecret, verdict.officerId)}; Path=${OPERATOR_PATH}; Max-Age=${OPERATOR_COOKIE_SECONDS}; HttpOnly; SameSite=Strict${secure}`,
      )
      .header('cache-control', 'no-store')
      .status(204)
      .send();
  });
  fastify.delete(SESSION_PATH, async (_request, reply) =>
    reply
      .header(
        'set-cookie',
        `${OPERATOR_COOKIE}=; Path=${OPERATOR_PATH}; Max-Age=0; HttpOnly; SameSite=Strict${secure}`,
      )
      .status(204)
      .send(),
  );

  // Its own producer connection: the board only reads and pokes queues.
  const connection = createRedis(config.redisUrl, 'producer');
  const queues = Object.values(QueueName).map(
    (name) => new Queue(name, { connection, prefix: bullPrefix(config.redisPrefix) }),
  );
  fastify.addHook('onClose', async () => {
    await Promise.all(queues.map((queue) => queue.close().catch(() => undefined)));
    connection.disconnect();
  });
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'Simpul queues' } },
  });
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (request, reply) => {
        const verdict = await judge(request);
        if (verdict === 'anonymous' || verdict === 'forbidden') return refuse(reply, verdict);
      });
      // The board's page has inline <style> blocks; its scripts stay 'self' only.
      scope.addHook('onSend', async (_request, reply, payload) => {
        const csp = reply.getHeader('content-security-policy');
        if (typeof csp === 'string') {
          reply.header(
            'content-security-policy',
            csp.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
          );
        }
        return payload;
      });
      await scope.register(serverAdapter.registerPlugin());
    },
    { prefix: BOARD_PATH },
  );
}
