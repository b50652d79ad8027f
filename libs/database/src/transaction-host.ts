import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';

interface OpenTransaction {
  readonly dataSource: DataSource;
  readonly manager: EntityManager;
}

/**
 * One store for the whole process, not one per instance: a lib that ends up with its own
 * TransactionHost instance (a test module, a second import) still joins the transaction a use case
 * of another lib opened. The DataSource in it keeps two databases of one process (a test that
 * starts two apps) apart.
 */
const current = new AsyncLocalStorage<OpenTransaction>();

/**
 * A request's transaction travels with the request (docs/adr/0016-transaction-travels-with-the-request.md).
 * A use case opens it with `run`; every store and reader below it takes `manager` from here, so no
 * signature carries an EntityManager. Outside `run`, `manager` is the DataSource's own: each
 * statement commits by itself, as before.
 *
 * The store is Node's AsyncLocalStorage: it follows the awaits of the work, not the call stack, so
 * two requests interleaving on the event loop never see each other's transaction.
 */
@Injectable()
export class TransactionHost {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The manager of the transaction this code runs in, else the DataSource's. A promise the work
   * left running after its transaction ended (its query runner released) gets the DataSource's
   * too, rather than an error on a connection that has gone back to the pool.
   */
  get manager(): EntityManager {
    return this.open()?.manager ?? this.dataSource.manager;
  }

  /** Whether this code runs inside a transaction `run` or `runOwn` opened. */
  get inTransaction(): boolean {
    return this.open() !== undefined;
  }

  /**
   * Runs `work` in the transaction this code already runs in, or opens one (BEGIN … COMMIT, or
   * ROLLBACK when `work` throws). Joining adds no statement: no SAVEPOINT, so a nested use case
   * commits or rolls back with its caller, exactly as when the caller handed it its manager.
   */
  run<T>(work: () => Promise<T>): Promise<T> {
    return this.inTransaction ? work() : this.runOwn(work);
  }

  /**
   * Always a transaction of its own on its own connection, committed when `work` resolves,
   * whatever the caller runs in: for work that must not commit or roll back with its caller.
   */
  runOwn<T>(work: () => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) =>
      current.run({ dataSource: this.dataSource, manager }, work),
    );
  }

  /**
   * Runs `work` as if no transaction were open: every statement in it commits by itself, on a
   * pooled connection, even when the caller is inside `run`.
   */
  outside<T>(work: () => T): T {
    return current.exit(work);
  }

  private open(): OpenTransaction | undefined {
    const open = current.getStore();
    if (open?.dataSource !== this.dataSource || open.manager.queryRunner?.isReleased) {
      return undefined;
    }
    return open;
  }
}
