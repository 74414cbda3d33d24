import type { Knex } from 'knex';

/**
 * A phase can wait for the citizen: the diagram names the message the citizen's answer sends
 * (zeebe:property `awaits`). Kept on the phase entry, so the API knows from its own read model
 * whether a case waits for an answer, and which round of questions it is in.
 */
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('case_phases', (t) => {
    t.text('awaits');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('case_phases', (t) => t.dropColumn('awaits'));
}
