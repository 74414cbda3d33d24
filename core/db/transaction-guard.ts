import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';

/** A query took a connection of its own while a transaction of the same request was open. */
export class QueryOutsideTransactionError extends Error {
  constructor() {
    super('a query ran outside the open transaction: pass the transaction (trx) to every query made while it is open');
    this.name = 'QueryOutsideTransactionError';
  }
}

type Container = (trx: Knex.Transaction) => unknown;

/** The parts of knex's client the guard wraps; knex types them as internals. */
interface GuardedClient {
  transaction(container: unknown, config?: unknown, outerTx?: unknown): unknown;
  acquireConnection(): Promise<unknown>;
}

/**
 * Refuses any query that asks the pool for a connection while a transaction opened in the same
 * async flow is still running. Such a query is not part of the transaction, so what it reads or
 * writes is not atomic with it; and with the embedded database's single connection it waits for
 * the transaction that waits for it, freezing every request until the acquire timeout. The
 * refusal comes at once, with the stack of the query that forgot its `trx`.
 *
 * Work started inside a transaction that queries after the commit is not refused: the
 * transaction is over by then.
 */
export function guardTransactions(db: Knex): Knex {
  const open = new AsyncLocalStorage<Knex.Transaction>();
  const client = db.client as GuardedClient;
  const transaction = client.transaction.bind(client);
  const acquireConnection = client.acquireConnection.bind(client);

  client.transaction = (container, config, outerTx) => transaction(
    typeof container === 'function' ? (trx: Knex.Transaction) => open.run(trx, () => (container as Container)(trx)) : container,
    config,
    outerTx,
  );
  client.acquireConnection = () => {
    const trx = open.getStore();
    if (trx && !trx.isCompleted()) return Promise.reject(new QueryOutsideTransactionError());
    return acquireConnection();
  };
  return db;
}
