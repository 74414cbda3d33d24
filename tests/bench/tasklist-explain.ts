// EXPLAIN ANALYZE of exactly the SQL the tasks repository sends: the statement is caught from
// knex's query event while the repository runs, then explained on a connection of its own.
import type { Knex } from 'knex';
import pg from 'pg';

export interface QueryPlan {
  sql: string;
  /** The plan as PostgreSQL prints it (EXPLAIN ANALYZE, BUFFERS, text). */
  lines: string[];
  planningMs: number;
  executionMs: number;
  /** Tables read in full (Seq Scan nodes), and the indexes used. */
  seqScans: string[];
  indexes: string[];
}

interface CaughtQuery {
  sql: string;
  bindings: readonly unknown[];
}

/** Runs `call` and returns the last statement it sent that reads `table`. */
async function catchStatement(db: Knex, table: string, call: () => Promise<unknown>): Promise<CaughtQuery> {
  const caught: CaughtQuery[] = [];
  const listener = (query: { sql: string; bindings?: readonly unknown[] }) => caught.push({ sql: query.sql, bindings: query.bindings ?? [] });
  db.on('query', listener);
  try {
    await call();
  } finally {
    db.removeListener('query', listener);
  }
  const statement = caught.filter((query) => query.sql.includes(`"${table}"`)).at(-1);
  if (!statement) throw new Error(`no statement on ${table} was sent`);
  return statement;
}

/** knex shows `?` placeholders (and `\?` for a literal one, as in the jsonb operator `?|`); pg wants $1, $2 ... */
function toNumberedPlaceholders(sql: string): string {
  let index = 0;
  return sql.replace(/\\\?|\?/g, (match) => (match === '\\?' ? '?' : `$${++index}`));
}

const milliseconds = (lines: string[], label: string): number => {
  const line = lines.find((text) => text.trimStart().startsWith(label));
  return line ? Number(/([\d.]+) ms/.exec(line)?.[1] ?? Number.NaN) : Number.NaN;
};

export async function explainAnalyze(db: Knex, databaseUrl: string, table: string, call: () => Promise<unknown>): Promise<QueryPlan> {
  const statement = await catchStatement(db, table, call);
  const sql = statement.sql.includes('$1') ? statement.sql : toNumberedPlaceholders(statement.sql);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, format text) ${sql}`, [...statement.bindings]);
    const lines = rows.map((row) => row['QUERY PLAN']);
    return {
      sql,
      lines,
      planningMs: milliseconds(lines, 'Planning Time'),
      executionMs: milliseconds(lines, 'Execution Time'),
      seqScans: [...new Set(lines.flatMap((line) => /Seq Scan on (\w+)/.exec(line)?.[1] ?? []))],
      indexes: [...new Set(lines.flatMap((line) => /(?:Index|Index Only|Bitmap Index) Scan (?:Backward )?(?:using|on) (\w+)/.exec(line)?.[1] ?? []))],
    };
  } finally {
    await client.end();
  }
}
