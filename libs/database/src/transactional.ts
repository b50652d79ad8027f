import { Inject, Injectable } from '@nestjs/common';
import { ClsPluginTransactional, TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { ClsModule } from 'nestjs-cls';
import type { EntityManager } from 'typeorm';

// Not re-exported: the @Transactional() decorator, which finds its TransactionHost through a
// process-wide static; with two Nest apps in one process (tests boot gateway and worker side by
// side) it could open the transaction on the other app's pool. Use cases call the injected
// `txHost.withTransaction(…)` instead.
export { Propagation, TransactionHost } from '@nestjs-cls/transactional';

/**
 * The transaction of the running use case travels with its async context (AsyncLocalStorage via
 * nestjs-cls) instead of as a `manager` parameter. Repositories read `txHost.tx`: the
 * transaction's EntityManager inside `txHost.withTransaction(…)`, the shared
 * pool's manager outside one.
 */
export type TxHost = TransactionHost<TransactionalAdapterTypeOrm>;

/**
 * CLS with the transactional plugin, for every process (gateway, worker, CLI contexts).
 *
 * Nothing is mounted per request (no middleware, guard or interceptor): a transaction boundary
 * opens its own CLS context (`withTransaction` runs in `cls.run({ ifNested: 'inherit' })`), so the
 * same code works over HTTP, WebSocket subscriptions (where Fastify middleware never runs), BullMQ
 * jobs and scripts. Outside a boundary `tx` falls back to the pool, which is what reads want.
 */
export const transactionalCls = ClsModule.forRoot({
  global: true,
  middleware: { mount: false },
  plugins: [
    new ClsPluginTransactional({
      adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
    }),
  ],
});

/**
 * Base of every repository: `db` is the running transaction's EntityManager, or the pool's.
 * Each lib's repositories are the only code that writes SQL for that lib's tables.
 */
@Injectable()
export abstract class TransactionalRepository {
  // Injected by class token explicitly: TxHost is a type alias, which decorator metadata loses.
  constructor(@Inject(TransactionHost) protected readonly txHost: TxHost) {}

  protected get db(): EntityManager {
    return this.txHost.tx;
  }

  /** For writes that must be part of a use case's transaction (ledger appends, row locks). */
  protected get inTransaction(): EntityManager {
    if (!this.txHost.isTransactionActive()) {
      throw new Error(`${this.constructor.name}: this write must run inside a transaction`);
    }
    return this.txHost.tx;
  }
}
