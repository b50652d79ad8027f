import { Catch, HttpException, Logger, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '@simpul/common';
import { databaseRetryAfterSeconds } from '@simpul/database';
import { serviceUnavailable } from './service-unavailable';

/**
 * Maps what resolvers throw to GraphQL errors with `extensions.code`. Domain errors keep their
 * code and message (written to be safe to show); a database that is away or contended becomes
 * SERVICE_UNAVAILABLE with `retryAfterSeconds`; everything else is logged by class name only and
 * becomes INTERNAL_SERVER_ERROR. Plain HTTP routes (health, a body over 1 MB refused before GraphQL)
 * keep Nest's own handling: an HTTP status is a client's answer, not a server error to log.
 */
@Catch()
export class DomainErrorFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  override catch(exception: unknown, host: ArgumentsHost): GraphQLError | void {
    if (host.getType<GqlContextType>() !== 'graphql') return super.catch(exception, host);
    if (exception instanceof DomainError) {
      return new GraphQLError(exception.message, {
        extensions: { code: exception.code, ...exception.details },
      });
    }
    if (exception instanceof GraphQLError) return exception;
    if (exception instanceof HttpException && exception.getStatus() === 429) {
      return new GraphQLError('Too many requests', {
        extensions: { code: ErrorCode.RATE_LIMITED },
      });
    }
    const error = exception instanceof Error ? exception : new Error(String(exception));
    const retryAfterSeconds = databaseRetryAfterSeconds(exception);
    if (retryAfterSeconds !== null) {
      // Expected during a database restart: one line with the class and code, no message (SQL).
      const code = (error as { code?: unknown }).code;
      this.logger.warn(
        { err: { type: error.name, code: typeof code === 'string' ? code : undefined } },
        'database unavailable; answered SERVICE_UNAVAILABLE',
      );
      return serviceUnavailable(retryAfterSeconds);
    }
    // The message of an unknown error may quote SQL or data: log the type and stack only.
    const frames = error.stack?.split('\n').slice(1).join('\n');
    this.logger.error({ err: { type: error.name, frames } }, 'unhandled resolver error');
    return new GraphQLError('Internal server error', {
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
  }
}
