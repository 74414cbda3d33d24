import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import knex, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { guardTransactions } from './transaction-guard.ts';

export type Database = Knex;

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  embeddedDir: string;
}

// knex's types leave out its clients' internals, processResponse among them.
const PgLiteClient = ClientPgLite as unknown as new (config: Knex.Config) => { processResponse(obj: { method?: string }, runner: unknown): unknown };

/**
 * knex-pglite names a delete's command `DEL`, which knex's PostgreSQL dialect does not know as a
 * delete: the query answered the driver's whole response instead of the number of rows deleted,
 * so a check like `delete() === 1` failed on the embedded database only.
 */
class EmbeddedClient extends PgLiteClient {
  override processResponse(obj: { method?: string }, runner: unknown): unknown {
    return super.processResponse(obj.method === 'del' ? { ...obj, method: 'delete' } : obj, runner);
  }
}

/**
 * PostgreSQL when a URL is configured, otherwise the embedded PGlite (single connection, one
 * process). Either way a query that forgets the open transaction is refused (transaction-guard.ts).
 */
export function createDatabase(options: DatabaseOptions): Database {
  if (options.databaseUrl) {
    return guardTransactions(knex({ client: 'pg', connection: options.databaseUrl, pool: { min: 0, max: 10 } }));
  }
  const dir = resolve(options.embeddedDir);
  mkdirSync(dir, { recursive: true });
  // The catalogue search's extensions (migration 025) ship with PGlite but load only when named here.
  const pglite = new PGlite(dir, { extensions: { pg_trgm, unaccent } });
  return guardTransactions(knex({ client: EmbeddedClient as unknown as typeof ClientPgLite, dialect: 'postgres', connection: { pglite } } as Knex.Config));
}

export function isEmbedded(options: DatabaseOptions): boolean {
  return !options.databaseUrl;
}
