/** The TCP proxy the Redis outage tests use (it fronts PostgreSQL just as well). */
export { TcpProxy as RedisProxy } from './tcp-proxy';
