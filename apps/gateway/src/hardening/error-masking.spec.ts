import { Logger, type ArgumentsHost } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode } from '@simpul/common';
import { DomainErrorFilter } from '../graphql/domain-error.filter';
import { formatGraphqlError } from '../graphql/format-error';

/** What a PostgreSQL driver error looks like: SQL, a constraint and a person's data in the text. */
function driverError(): Error {
  const error = new Error(
    'duplicate key value violates unique constraint "person_national_id_key": ' +
      'INSERT INTO person (full_name, national_id) VALUES ($1, $2) -- Siti Rahmawati, 5371014101990001',
  );
  error.name = 'QueryFailedError';
  return error;
}

/** What Nest passes for a GraphQL resolver. */
const graphqlHost = { getType: () => 'graphql' } as unknown as ArgumentsHost;

const LEAKS = /INSERT|person|Siti|5371014101990001|QueryFailedError|at .*\.ts/;

/** The filter's answer in a GraphQL context is always a GraphQLError. */
function mapInGraphql(error: unknown): GraphQLError {
  const mapped = new DomainErrorFilter().catch(error, graphqlHost);
  if (!(mapped instanceof GraphQLError)) throw new Error('expected a GraphQLError');
  return mapped;
}

describe('errors never leak stack, SQL or personal data', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(new Logger());
  });

  it('DomainErrorFilter turns an unknown error into a bare INTERNAL_SERVER_ERROR', () => {
    const mapped = mapInGraphql(driverError());
    expect(mapped.message).toBe('Internal server error');
    expect(mapped.extensions).toEqual({ code: ErrorCode.INTERNAL_SERVER_ERROR });
    expect(JSON.stringify(mapped.toJSON())).not.toMatch(LEAKS);
  });

  it('DomainErrorFilter keeps the code, message and details of a domain error', () => {
    const mapped = mapInGraphql(
      new DomainError(ErrorCode.RATE_LIMITED, 'Too many requests; retry later', {
        retryAfterSeconds: 12,
      }),
    );
    expect(mapped.toJSON()).toEqual({
      message: 'Too many requests; retry later',
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 12 },
    });
  });

  it('formatGraphqlError masks an error without a public code, stack trace included', () => {
    const wrapped = new GraphQLError(driverError().message, { originalError: driverError() });
    const formatted: GraphQLFormattedError = {
      ...wrapped.toJSON(),
      path: ['openCase'],
      extensions: { stacktrace: driverError().stack?.split('\n') },
    };
    const shown = formatGraphqlError(formatted);
    expect(shown).toEqual({
      message: 'Internal server error',
      path: ['openCase'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(shown)).not.toMatch(LEAKS);
  });

  it('formatGraphqlError masks an INTERNAL_SERVER_ERROR whatever its message says', () => {
    const shown = formatGraphqlError({
      message: driverError().message,
      extensions: { code: 'INTERNAL_SERVER_ERROR', exception: { stacktrace: ['at db.ts:1'] } },
    });
    expect(shown.message).toBe('Internal server error');
    expect(JSON.stringify(shown)).not.toMatch(LEAKS);
  });

  it('formatGraphqlError drops a stack trace from a public error', () => {
    const shown = formatGraphqlError({
      message: 'Too many requests; retry later',
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 3, stacktrace: ['at x.ts:1'] },
    });
    expect(shown.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 3 });
  });

  it('DomainErrorFilter answers a database restart with SERVICE_UNAVAILABLE, not INTERNAL_SERVER_ERROR', () => {
    const restart = Object.assign(driverError(), {
      driverError: Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
      }),
    });
    const mapped = mapInGraphql(restart);
    expect(mapped.message).toBe('Service temporarily unavailable; retry later');
    expect(mapped.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 });
    expect(JSON.stringify(mapped.toJSON())).not.toMatch(LEAKS);
    const refused = mapInGraphql(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    );
    expect(refused.extensions.code).toBe('SERVICE_UNAVAILABLE');
    const deadlock = mapInGraphql(Object.assign(driverError(), { code: '40P01' }));
    expect(deadlock.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 });
  });

  it('formatGraphqlError answers a database outage thrown outside a resolver with SERVICE_UNAVAILABLE', () => {
    const original = new Error('Connection terminated unexpectedly');
    const shown = formatGraphqlError(
      { message: original.message, path: ['inbox'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError(original.message, { originalError: original }),
    );
    expect(shown).toEqual({
      message: 'Service temporarily unavailable; retry later',
      path: ['inbox'],
      locations: undefined,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 },
    });
  });
});
