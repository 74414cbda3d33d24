// What createDatabase gives when no DATABASE_URL is set (npm start): the embedded PGlite, which
// answers like PostgreSQL, and the transaction guard, without which its single connection turns a
// query that forgets its transaction into a request frozen until the pool's acquire timeout.
import type { Knex } from 'knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { QueryOutsideTransactionError } from '../../../../core/db/transaction-guard.ts';
import { useEmbeddedDatabase } from '../../../support/embedded-database.ts';

const embedded = useEmbeddedDatabase('database', async (db) => {
  await db.schema.createTable('notes', (t) => {
    t.increments('id');
    t.text('text').notNullable();
  });
});
let db: Knex;
beforeAll(() => {
  db = embedded();
});

const texts = async () => (await db('notes').orderBy('id').select('text')).map((row: { text: string }) => row.text);

describe('a query while a transaction is open', () => {
  it('when it forgets the transaction, then it is refused at once and the transaction rolls back', async () => {
    const started = Date.now();
    const attempt = db.transaction(async (trx) => {
      await trx('notes').insert({ text: 'inside' });
      await db('notes').insert({ text: 'outside' });
    });
    await expect(attempt).rejects.toBeInstanceOf(QueryOutsideTransactionError);
    // Refused, not timed out: the embedded database's pool would have waited 60 s.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await texts()).not.toContain('inside');
    expect(await texts()).not.toContain('outside');
  });

  it('when a read forgets it in a helper deep down, then it is refused too', async () => {
    const readAll = () => db('notes').select('text');
    await expect(db.transaction(async (trx) => {
      await trx('notes').insert({ text: 'helper' });
      return readAll();
    })).rejects.toBeInstanceOf(QueryOutsideTransactionError);
  });

  it('when every query uses the transaction, savepoints included, then it commits', async () => {
    await db.transaction(async (trx) => {
      await trx('notes').insert({ text: 'first' });
      await trx.transaction(async (inner) => {
        await inner('notes').insert({ text: 'second' });
      });
    });
    expect(await texts()).toEqual(expect.arrayContaining(['first', 'second']));
  });

  it('when work started inside a transaction queries after the commit, then it runs', async () => {
    let later: Promise<unknown> | undefined;
    await db.transaction(async (trx) => {
      await trx('notes').insert({ text: 'committed' });
      later = new Promise((resolve) => setTimeout(resolve, 20)).then(() => db('notes').insert({ text: 'afterwards' }));
    });
    await later;
    expect(await texts()).toEqual(expect.arrayContaining(['committed', 'afterwards']));
  });

  it('when two transactions run one after the other, and queries run between them, then none is refused', async () => {
    await db.transaction(async (trx) => trx('notes').insert({ text: 'one' }));
    await db('notes').insert({ text: 'between' });
    await db.transaction(async (trx) => trx('notes').insert({ text: 'two' }));
    expect(await texts()).toEqual(expect.arrayContaining(['one', 'between', 'two']));
  });
});

describe('the embedded database', () => {
  it('when rows are deleted or updated, then the answer is the number of rows, as with PostgreSQL', async () => {
    await db('notes').insert([{ text: 'a' }, { text: 'b' }, { text: 'b' }]);
    expect(await db('notes').where({ text: 'b' }).update({ text: 'c' })).toBe(2);
    expect(await db('notes').where({ text: 'c' }).delete()).toBe(2);
    expect(await db('notes').where({ text: 'none' }).delete()).toBe(0);
    expect(await db('notes').where((q) => q.where({ text: 'a' }).orWhere({ text: 'x' })).del()).toBe(1);
    expect(await db('notes').insert({ text: 'd' }).returning('text')).toEqual([{ text: 'd' }]);
    expect(await db('notes').where({ text: 'd' }).delete().returning('text')).toEqual([{ text: 'd' }]);
  });
});
