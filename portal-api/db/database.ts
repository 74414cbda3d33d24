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
  return guardTransactions(knex({ client: ClientPgLite, dialect: 'postgres', connection: { filename: dir } } as Knex.Config));
}

export function isEmbedded(options: DatabaseOptions): boolean {
  return !options.databaseUrl;
}
