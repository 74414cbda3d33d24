import type { Knex } from 'knex';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { createDatabase } from '../../core/db/database.ts';

/**
 * A fresh embedded PostgreSQL (PGlite) for one test file's SQL, with only the schema steps it
 * names; removed after the file. Returns the database once `beforeAll` has run.
 */
export function useEmbeddedDatabase(name: string, ...schema: ((db: Knex) => Promise<void>)[]): () => Knex {
  let dir: string | undefined;
  let db: Knex | undefined;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `${name}-`));
    db = createDatabase({ embeddedDir: dir });
    for (const step of schema) await step(db);
  }, 60_000);
  afterAll(async () => {
    await db?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!db) throw new Error('the embedded database is there only once beforeAll has run');
    return db;
  };
}
