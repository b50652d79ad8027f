import { databaseRetryAfterSeconds } from './database-unavailable';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

/** TypeORM's QueryFailedError keeps the driver's error as `driverError`. */
const queryFailed = (driverError: Error) =>
  Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError });

describe('databaseRetryAfterSeconds', () => {
  it.each([
    ['admin shutdown', withCode('57P01', 'terminating connection due to administrator command')],
    ['crash shutdown', withCode('57P02')],
    ['cannot connect now', withCode('57P03', 'the database system is starting up')],
    ['too many connections', withCode('53300')],
    ['connection exception class', withCode('08006')],
    ['connection refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['connection reset', withCode('ECONNRESET')],
    ['terminated mid-query', new Error('Connection terminated unexpectedly')],
    ['pool timeout', new Error('timeout exceeded when trying to connect')],
    ['wrapped by TypeORM', queryFailed(withCode('57P01'))],
    ['as a cause', new Error('outer', { cause: withCode('ECONNREFUSED') })],
    ['in an AggregateError', new AggregateError([withCode('ECONNREFUSED')], 'connect failed')],
  ])('says 5 s when the database is away: %s', (_name, error) => {
    expect(databaseRetryAfterSeconds(error)).toBe(5);
  });

  it.each([
    ['serialization failure', queryFailed(withCode('40001'))],
    ['deadlock', queryFailed(withCode('40P01'))],
  ])('says 1 s for contention: %s', (_name, error) => {
    expect(databaseRetryAfterSeconds(error)).toBe(1);
  });

  it.each([
    ['a unique violation', queryFailed(withCode('23505'))],
    ['bad text', queryFailed(withCode('22021'))],
    ['a bug', new TypeError('x is undefined')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('says null for anything else: %s', (_name, error) => {
    expect(databaseRetryAfterSeconds(error)).toBeNull();
  });
});
