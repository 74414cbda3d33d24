// Every organisation use case on the embedded database (PGlite), which has one connection: a query
// that leaves its transaction would wait for the transaction that waits for it. Run as the API
// runs them, with the real repository and migrations.
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { dammCheckDigit } from '../../../../core/accounts/konto-id.ts';
import type { AccountMailDelivery } from '../../../../core/accounts/mail-delivery.ts';
import { migrateToLatest } from '../../../../core/db/migrate.ts';
import { createOrganisations, type Organisations } from '../../../../core/organisations/index.ts';
import { useEmbeddedDatabase } from '../../../support/embedded-database.ts';

const embedded = useEmbeddedDatabase('organisations', async (db) => {
  await migrateToLatest(db);
});
let db: Knex;
let organisations: Organisations;
const mails: { to: string; text: string }[] = [];

beforeAll(() => {
  db = embedded();
  const mail: AccountMailDelivery = {
    send: (to, text) => mails.push({ to, text: text.text }),
    idle: async () => undefined,
    deliverDue: async () => ({ sent: 0, deferred: 0, dropped: 0 }),
  };
  organisations = createOrganisations({ db, mail, logger: pino({ level: 'silent' }), options: { publicUrl: 'https://portal.example' } });
});

async function account(name: string): Promise<{ id: string; email: string; kontoId: string }> {
  const id = randomUUID();
  const first11 = String(10_000_000_000 + Math.floor(Math.random() * 89_999_999_999));
  const kontoId = first11 + dammCheckDigit(first11);
  const email = `${name}.${id.slice(0, 8)}@example.ch`;
  await db('accounts').insert({
    id, konto_id: kontoId, email, first_name: name, last_name: 'Muster', state: 'active', created_at: new Date(), activated_at: new Date(),
  });
  return { id, email, kontoId };
}

const tokenIn = (to: string) => /token=(gpl_[A-Za-z0-9_-]+)/.exec(mails.filter((mail) => mail.to === to).at(-1)?.text ?? '')?.[1] ?? '';
const address = { street: 'Bahnhofstrasse', houseNumber: '1', postalCode: '5000', town: 'Aarau' };

describe('organisations on a database with one connection', () => {
  it('when an invitation is accepted or declined under "Mein Konto" or by its link, then each answers at once and is stored', async () => {
    const [anna, beat, chiara, dario, elena] = [await account('Anna'), await account('Beat'), await account('Chiara'), await account('Dario'), await account('Elena')];
    const club = await organisations.service.create(anna.id, { name: 'Turnverein', postalAddress: address });
    await organisations.service.update(anna.id, club.id, { additionalDesignation: 'Riege' });

    const toBeat = await organisations.invitations.invite(anna.id, club.id, { email: beat.email });
    const toChiara = await organisations.invitations.invite(anna.id, club.id, { kontoId: chiara.kontoId });
    await organisations.invitations.invite(anna.id, club.id, { email: dario.email });
    await organisations.invitations.invite(anna.id, club.id, { email: elena.email });
    const revoked = await organisations.invitations.invite(anna.id, club.id, { email: 'niemand@example.ch' });
    await organisations.invitations.revoke(anna.id, club.id, revoked.id);

    expect(await organisations.invitations.received(beat.id)).toHaveLength(1);
    expect((await organisations.invitations.acceptById(beat.id, toBeat.id)).id).toBe(club.id);
    await organisations.invitations.declineById(chiara.id, toChiara.id);
    expect((await organisations.invitations.acceptByLink(dario.id, tokenIn(dario.email))).id).toBe(club.id);
    await organisations.invitations.declineByLink(tokenIn(elena.email));

    expect((await organisations.service.members(anna.id, club.id)).map((member) => member.firstName).sort()).toEqual(['Anna', 'Beat', 'Dario']);
    expect((await organisations.invitations.sent(anna.id, club.id)).map((invitation) => invitation.state).sort()).toEqual(['declined', 'declined']);

    await organisations.service.changeRole(anna.id, club.id, beat.id, 'manager');
    await organisations.service.removeMember(beat.id, club.id, dario.id);
    await organisations.service.removeMember(anna.id, club.id, anna.id);
    expect(await organisations.memberships.organisationIdsOf(beat.id)).toEqual([club.id]);
    expect(await organisations.service.list(anna.id)).toEqual([]);
  });
});
