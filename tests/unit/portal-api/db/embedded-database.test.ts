// What `npm start` runs on without DATABASE_URL: the embedded PGlite answers like PostgreSQL.
import type { Knex } from 'knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { useEmbeddedDatabase } from '../../../support/embedded-database.ts';

const embedded = useEmbeddedDatabase('embedded-answers', async (db) => {
  await db.schema.createTable('notes', (t) => {
    t.increments('id');
    t.text('text').notNullable();
  });
});
let db: Knex;
beforeAll(() => {
  db = embedded();
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
