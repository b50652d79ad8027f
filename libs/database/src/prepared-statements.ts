import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Pool, type QueryConfig } from 'pg';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@simpul/config';

/** What a data-access class needs to run SQL: an EntityManager has it, and so do these. */
export interface SqlRunner {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

/** Connections of the pool: the statements it runs are short, and they run one at a time each. */
const POOL_SIZE = 5;

/**
 * Runs statements that need no transaction on a small pool of its own, each as a named statement,
 * which PostgreSQL parses and plans once per connection and then runs from its cached plan.
 * TypeORM sends every statement unnamed, so PostgreSQL plans it again each time: for the short
 * statements every request makes (the session check, sendReferral's read and write) planning was
 * about as costly as running them (docs/performance.md). The name is a digest of the text, so
 * callers just pass SQL; the pool opens on first use, so a process that never asks holds none.
 */
@Injectable()
export class PreparedStatements implements SqlRunner, OnApplicationShutdown {
  private readonly logger = new Logger(PreparedStatements.name);
  private pool: Pool | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The rows of `sql` run with `params`, outside any transaction (each statement commits). */
  async query<T = unknown>(sql: string, params: unknown[] = []): Promise<T> {
    const result = await this.connections().query(namedStatement(sql, params));
    return result.rows as T;
  }

  /**
   * `manager` itself when it belongs to a transaction (its statements must run on that
   * transaction's connection), else this pool.
   */
  on(manager: EntityManager): SqlRunner {
    return manager.queryRunner ? manager : this;
  }

  async onApplicationShutdown(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end();
  }

  private connections(): Pool {
    if (!this.pool) {
      this.pool = new Pool({
        connectionString: this.config.database.appUrl,
        max: POOL_SIZE,
        application_name: 'simpul',
        // As the TypeORM pool: a database that does not answer fails a request after 10 s.
        connectionTimeoutMillis: 10_000,
      });
      // An idle connection the server closed (a restart) is dropped and replaced on next use;
      // without a listener the pool's 'error' event would end the process.
      this.pool.on('error', (error) =>
        this.logger.warn(`Idle database connection lost: ${error.message}`),
      );
    }
    return this.pool;
  }
}

/**
 * `sql` as a named statement for node-postgres (`client.query(namedStatement(sql, params))`):
 * prepared on a connection's first run, then run from its cached plan. The name is a digest of
 * the text — the same text always gets the same name, another text another one — so it suits
 * any statement whose text does not change from run to run (values go in `params`).
 */
export const namedStatement = (sql: string, params: unknown[] = []): QueryConfig => ({
  name: statementName(sql),
  text: sql,
  values: params,
});

/** Names by text: the hot paths run a handful of texts, and hashing each run cost every request. */
const names = new Map<string, string>();
/** Bounds the map should some caller build texts with values in them after all. */
const MAX_NAMES = 1000;

function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    if (names.size >= MAX_NAMES) names.clear();
    name = `s_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`;
    names.set(sql, name);
  }
  return name;
}
