import { Catch, HttpException, Logger, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '@simpul/common';

/**
 * Maps what resolvers throw to GraphQL errors with `extensions.code`. Domain errors keep their
 * code and message (written to be safe to show); everything else is logged by class name only and
 * becomes INTERNAL_SERVER_ERROR.
 */
@Catch()
export class DomainErrorFilter implements GqlExceptionFilter {
  private readonly logger = new Logger('GraphQL');

  catch(exception: unknown, _host: ArgumentsHost): GraphQLError {
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
    // The message of an unknown error may quote SQL or data: log the type and stack only.
    const error = exception instanceof Error ? exception : new Error(String(exception));
    const frames = error.stack?.split('\n').slice(1).join('\n');
    this.logger.error({ err: { type: error.name, frames } }, 'unhandled resolver error');
    return new GraphQLError('Internal server error', {
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
  }
}
