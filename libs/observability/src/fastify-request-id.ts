import type { IncomingMessage } from 'node:http';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { REQUEST_ID_HEADER, sanitizeRequestId } from './request-id';

/** The parts of a Fastify instance this needs; Express and the worker have none of them. */
interface FastifyLike {
  setGenReqId(generate: (raw: IncomingMessage) => string): unknown;
  addHook(
    name: 'onRequest',
    hook: (
      request: { id: string },
      reply: { header(name: string, value: string): unknown },
      done: () => void,
    ) => void,
  ): unknown;
}

function isFastify(instance: unknown): instance is FastifyLike {
  const candidate = instance as Partial<FastifyLike> | undefined;
  return typeof candidate?.setGenReqId === 'function' && typeof candidate.addHook === 'function';
}

/**
 * On Fastify the request id is Fastify's own: @fastify/middie copies it onto the raw request
 * before any Nest middleware runs, and pino-http then keeps it instead of calling its genReqId.
 * So Fastify is told how to make it (the caller's safe x-request-id, else a UUID) and echoes it.
 * This runs before Fastify starts (onModuleInit); leave the adapter's `requestIdHeader` unset, or
 * Fastify would take the header unsanitised.
 */
@Injectable()
export class FastifyRequestId implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const instance: unknown = this.adapterHost.httpAdapter?.getInstance();
    if (!isFastify(instance)) return;
    instance.setGenReqId((raw) => sanitizeRequestId(raw.headers[REQUEST_ID_HEADER]));
    instance.addHook('onRequest', (request, reply, done) => {
      reply.header(REQUEST_ID_HEADER, request.id);
      done();
    });
  }
}
