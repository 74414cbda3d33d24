import type { Knex } from 'knex';

/**
 * Services free of charge (e.g. a change of contact data, ADM-4): an offering may have the fee 0,
 * and then needs neither a revenue account nor a booking text.
 *
 * What a citizen asks for beyond the applicant, for services that need more than a name (e.g. the
 * new phone number of a contact-data change, ADM-4). Kept on the case for the clerk's review form
 * and the citizen's case view only while the process runs: the projector clears it when the
 * process ends (INT-3), as it does the register extract.
 */
export async function up(db: Knex): Promise<void> {
  await db.raw('alter table municipality_services drop constraint municipality_services_fee_rappen_check');
  await db.raw(`alter table municipality_services add constraint municipality_services_fee_rappen_check check (fee_rappen >= 0),
    add constraint municipality_services_fee_booked check (fee_rappen = 0 or (payment_account is not null and booking_text is not null))`);
  await db.schema.alterTable('municipality_services', (t) => {
    t.text('payment_account').nullable().alter();
    t.text('booking_text').nullable().alter();
  });
  await db.schema.alterTable('cases', (t) => {
    t.jsonb('service_request');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('cases', (t) => t.dropColumn('service_request'));
  await db('municipality_services').where({ fee_rappen: 0 }).delete();
  await db.raw('alter table municipality_services drop constraint municipality_services_fee_booked, drop constraint municipality_services_fee_rappen_check');
  await db.raw('alter table municipality_services add constraint municipality_services_fee_rappen_check check (fee_rappen > 0)');
  await db.schema.alterTable('municipality_services', (t) => {
    t.text('payment_account').notNullable().alter();
    t.text('booking_text').notNullable().alter();
  });
}
