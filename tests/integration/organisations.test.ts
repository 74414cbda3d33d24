/**
 * Organisations over the real API (issue 7, ORG-1…5): citizens are real accounts (registered and
 * activated through the mail catcher), invitations are real mails whose links are followed, and
 * an organisation's case is a real application run by the engine. Invitation expiry is brought
 * about by ageing the stored time, not by waiting.
 */
import knex, { type Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dammCheckDigit } from '../../core/accounts/konto-id.ts';
import { SEEDED_RESIDENTS } from '../../simulators/back-office/seed.ts';
import { activatedAccount, citizenToken, linkToken, logIn, mailsTo, mailWithLink, type Mail } from './support/citizens.ts';
import { callApi, eventually } from './support/http.ts';
import { caseAwaitingPayment } from './support/payments.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

let db: Knex;
beforeAll(() => {
  db = knex({ client: 'pg', connection: inject('databaseUrl') });
});
afterAll(async () => {
  await db.destroy();
});

const INVITATION_PAGE = 'konto/einladung';
const postalAddress = { street: 'Bahnhofstrasse', houseNumber: '12a', postalCode: '5000', town: 'Aarau' };

/** "Meine Daten" of the test citizen `name`: id, Konto-ID and e-mail address. */
async function me(name: string): Promise<{ token: string; id: string; kontoId: string; email: string }> {
  const token = await citizenToken(name);
  const { body } = await callApi<Body>('GET', '/account', { token });
  return { token, id: body.id, kontoId: body.kontoId, email: body.email };
}

async function createOrganisation(token: string, name = `Turnverein ${randomUUID().slice(0, 6)}`): Promise<Body> {
  const created = await callApi<Body>('POST', '/organisations', { token, body: { name, postalAddress } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

function invite(token: string, organisationId: string, invitee: Body) {
  return callApi<Body>('POST', `/organisations/${organisationId}/invitations`, { token, body: invitee });
}

/** Invites and waits for the invitation mail to `address`; answers the link's token. */
async function invitedByMail(managerToken: string, organisationId: string, invitee: { email: string } | { kontoId: string }, address: string): Promise<{ invitation: Body; mail: Mail; token: string }> {
  const before = (await mailsTo(address)).length;
  const invited = await invite(managerToken, organisationId, invitee);
  expect(invited.status, JSON.stringify(invited.body)).toBe(202);
  const { mail, token } = await mailWithLink(address, INVITATION_PAGE, before);
  return { invitation: invited.body, mail, token };
}

/** A new organisation of `manager` with `member` in it (invited by address, accepted by link). */
async function organisationWith(manager: string, member: string): Promise<Body> {
  const anna = await me(manager);
  const beat = await me(member);
  const organisation = await createOrganisation(anna.token);
  const { token } = await invitedByMail(anna.token, organisation.id, { email: beat.email }, beat.email);
  expect((await callApi('POST', '/invitations/acceptance', { token: beat.token, body: { token } })).status).toBe(200);
  return organisation;
}

/** The answer without what differs between any two invitations (id, times). */
const shapeOf = (response: { status: number; body: Body }) => {
  const { id: _id, createdAt: _createdAt, expiresAt: _expiresAt, invitee, ...rest } = response.body;
  return { status: response.status, inviteeKind: Object.keys(invitee ?? {}), ...rest };
};

/** A Konto-ID with a valid check digit that no account has (the seeded ones start with 1-9; this one with 0). */
const unknownKontoId = () => {
  const body = `0${String(Math.floor(Math.random() * 1e10)).padStart(10, '0')}`;
  const digits = body + dammCheckDigit(body);
  return `${digits.slice(0, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}`;
};

describe('creating and editing an organisation (ORG-1)', () => {
  it('when a citizen creates an organisation, then they are its manager and it lists with its structured address; they can edit it', async () => {
    const anna = await me('Anna-Org1');
    const created = await callApi<Body>('POST', '/organisations', {
      token: anna.token,
      body: { name: '  Turnverein   Aarau ', additionalDesignation: 'Riege Jugend', postalAddress: { ...postalAddress, town: ' Aarau ' } },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/organisations/${created.body.id}`);
    expect(created.body).toMatchObject({
      name: 'Turnverein Aarau', additionalDesignation: 'Riege Jugend', role: 'manager', billingAddress: null,
      postalAddress: { street: 'Bahnhofstrasse', houseNumber: '12a', postalCode: '5000', town: 'Aarau', country: 'CH' },
    });

    const listed = await callApi<Body>('GET', '/organisations', { token: anna.token });
    expect(listed.body.organisations).toEqual([created.body]);
    const members = await callApi<Body>('GET', `/organisations/${created.body.id}/members`, { token: anna.token });
    expect(members.body.members).toEqual([expect.objectContaining({ accountId: anna.id, kontoId: anna.kontoId, role: 'manager', lastName: 'Anna-Org1' })]);

    const edited = await callApi<Body>('PATCH', `/organisations/${created.body.id}`, {
      token: anna.token,
      body: { name: 'TV Aarau', additionalDesignation: null, billingAddress: { street: 'Postfach', postalCode: '5001', town: 'Aarau' } },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'TV Aarau', additionalDesignation: null, billingAddress: { street: 'Postfach', houseNumber: null, postalCode: '5001', town: 'Aarau', country: 'CH' },
    });
    expect((await callApi<Body>('GET', `/organisations/${created.body.id}`, { token: anna.token })).body).toEqual(edited.body);
  });

  it.each([
    { situation: 'the name is missing', body: { postalAddress }, pointer: '/body/name' },
    { situation: 'the name is blank', body: { name: '   ', postalAddress }, pointer: '/body/name' },
    { situation: 'the postal address is missing', body: { name: 'Verein' }, pointer: '/body/postalAddress' },
    { situation: 'the town is missing', body: { name: 'Verein', postalAddress: { street: 'Weg', postalCode: '5000' } }, pointer: '/body/postalAddress/town' },
    { situation: 'a Swiss postcode has three digits', body: { name: 'Verein', postalAddress: { ...postalAddress, postalCode: '500' } }, pointer: '/body/postalAddress/postalCode' },
    { situation: 'the billing country is no ISO code', body: { name: 'Verein', postalAddress, billingAddress: { ...postalAddress, country: 'Schweiz' } }, pointer: '/body/billingAddress/country' },
    { situation: 'an unknown field is sent', body: { name: 'Verein', postalAddress, uid: 'CHE-123' }, pointer: '/body/uid' },
  ])('when $situation, then a 400 names $pointer and nothing is created', async ({ body, pointer }) => {
    const anna = await me('Anna-Org1');
    const before = (await callApi<Body>('GET', '/organisations', { token: anna.token })).body.organisations.length;
    const refused = await callApi<Body>('POST', '/organisations', { token: anna.token, body });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: Body) => e.pointer)).toContain(pointer);
    expect((await callApi<Body>('GET', '/organisations', { token: anna.token })).body.organisations).toHaveLength(before);
  });

  it('when nobody is logged in, then 401; when a non-member asks for the organisation, then 404 as for one that does not exist', async () => {
    const anna = await me('Anna-Org1');
    const organisation = await createOrganisation(anna.token);
    expect((await callApi('POST', '/organisations', { body: { name: 'Verein', postalAddress } })).status).toBe(401);
    expect((await callApi('GET', `/organisations/${organisation.id}`)).status).toBe(401);
    const stranger = await citizenToken('Stranger-Org1');
    for (const [method, path, body] of [
      ['GET', `/organisations/${organisation.id}`, undefined],
      ['PATCH', `/organisations/${organisation.id}`, { name: 'Übernommen' }],
      ['GET', `/organisations/${organisation.id}/members`, undefined],
      ['POST', `/organisations/${organisation.id}/invitations`, { email: 'x@buerger.example' }],
      ['GET', `/organisations/${randomUUID()}`, undefined],
    ] as const) {
      const refused = await callApi<Body>(method, path, { token: stranger, ...(body ? { body } : {}) });
      expect(refused.status, `${method} ${path}`).toBe(404);
      expect(refused.body.type).toBe('urn:gemeindeportal:problem:organisation-not-found');
    }
    expect((await callApi<Body>('GET', `/organisations/${organisation.id}`, { token: anna.token })).body.name).toBe(organisation.name);
  });
});

describe('invitations (ORG-2)', () => {
  it('when a manager invites an account holder by e-mail address, then the mail\'s link accepts once; the link cannot be used again', async () => {
    const anna = await me('Anna-Org2');
    const beat = await me('Beat-Org2');
    const organisation = await createOrganisation(anna.token, 'Musikgesellschaft Aarau');
    const { invitation, mail, token } = await invitedByMail(anna.token, organisation.id, { email: beat.email.toUpperCase() }, beat.email);
    expect(invitation).toMatchObject({ invitee: { email: beat.email }, state: 'pending' });
    expect(mail.subject).toBe('Gemeindeportal: Einladung in die Organisation Musikgesellschaft Aarau');
    expect(mail.text).toContain('Guten Tag Test Beat-Org2');
    expect(mail.text).toContain('Test Anna-Org2 lädt Sie ein');
    expect(mail.text).toMatch(new RegExp(`${inject('apiUrl').replace(/\/$/, '')}/konto/einladung\\?token=gpl_`));

    // Listed under "Mein Konto" as well, until it is answered.
    const open = await callApi<Body>('GET', '/invitations', { token: beat.token });
    expect(open.body.invitations).toEqual([expect.objectContaining({
      id: invitation.id, organisation: { id: organisation.id, name: 'Musikgesellschaft Aarau', additionalDesignation: null }, invitedBy: 'Test Anna-Org2',
    })]);

    const accepted = await callApi<Body>('POST', '/invitations/acceptance', { token: beat.token, body: { token } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.organisation).toMatchObject({ id: organisation.id, role: 'member' });
    expect((await callApi<Body>('GET', '/organisations', { token: beat.token })).body.organisations.map((o: Body) => o.id)).toEqual([organisation.id]);
    expect((await callApi<Body>('GET', '/invitations', { token: beat.token })).body.invitations).toEqual([]);

    const reused = await callApi<Body>('POST', '/invitations/acceptance', { token: beat.token, body: { token } });
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ type: 'urn:gemeindeportal:problem:link-invalid', errors: [{ pointer: '/body/token', detail: 'unknown or already used' }] });
    const members = await callApi<Body>('GET', `/organisations/${organisation.id}/members`, { token: beat.token });
    expect(members.body.members.map((m: Body) => [m.accountId, m.role]).sort()).toEqual([[anna.id, 'manager'], [beat.id, 'member']].sort());
  });

  it('when a manager invites by Konto-ID, then its holder gets the mail and accepts under "Mein Konto"; a second acceptance is refused', async () => {
    const anna = await me('Anna-Org3');
    const carla = await me('Carla-Org3');
    const organisation = await createOrganisation(anna.token);
    const { invitation, mail } = await invitedByMail(anna.token, organisation.id, { kontoId: carla.kontoId.replaceAll('-', ' ') }, carla.email);
    expect(invitation.invitee).toEqual({ kontoId: carla.kontoId });
    expect(mail.text).toContain('Guten Tag Test Carla-Org3');

    const open = await callApi<Body>('GET', '/invitations', { token: carla.token });
    expect(open.body.invitations.map((i: Body) => i.id)).toEqual([invitation.id]);
    const accepted = await callApi<Body>('POST', `/invitations/${invitation.id}/acceptance`, { token: carla.token });
    expect(accepted.status).toBe(200);
    expect(accepted.body.organisation).toMatchObject({ id: organisation.id, name: organisation.name, role: 'member' });

    const again = await callApi<Body>('POST', `/invitations/${invitation.id}/acceptance`, { token: carla.token });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:gemeindeportal:problem:invitation-answered');
  });

  it('when an invitation names a Konto-ID, then another account can neither see it, accept it by id, nor use its link', async () => {
    const anna = await me('Anna-Org4');
    const carla = await me('Carla-Org4');
    const other = await me('Other-Org4');
    const organisation = await createOrganisation(anna.token);
    const { invitation, token } = await invitedByMail(anna.token, organisation.id, { kontoId: carla.kontoId }, carla.email);
    expect((await callApi<Body>('GET', '/invitations', { token: other.token })).body.invitations).toEqual([]);
    const byId = await callApi<Body>('POST', `/invitations/${invitation.id}/acceptance`, { token: other.token });
    expect(byId.status).toBe(404);
    const byLink = await callApi<Body>('POST', '/invitations/acceptance', { token: other.token, body: { token } });
    expect(byLink.status).toBe(403);
    expect(byLink.body.type).toBe('urn:gemeindeportal:problem:invitation-for-another-account');
    expect((await callApi('GET', `/organisations/${organisation.id}`, { token: other.token })).status).toBe(404);
    // The refusals used nothing up: Carla can still accept with the same link.
    expect((await callApi('POST', '/invitations/acceptance', { token: carla.token, body: { token } })).status).toBe(200);
  });

  it('when the invitee declines under "Mein Konto" or by the link without logging in, then they do not join and the link stops working', async () => {
    const anna = await me('Anna-Org5');
    const dora = await me('Dora-Org5');
    const organisation = await createOrganisation(anna.token);

    const first = await invitedByMail(anna.token, organisation.id, { email: dora.email }, dora.email);
    expect((await callApi('POST', `/invitations/${first.invitation.id}/decline`, { token: dora.token })).status).toBe(204);
    expect((await callApi<Body>('POST', '/invitations/acceptance', { token: dora.token, body: { token: first.token } })).status).toBe(400);

    const second = await invitedByMail(anna.token, organisation.id, { kontoId: dora.kontoId }, dora.email);
    expect((await callApi('POST', '/invitations/decline', { body: { token: second.token } })).status).toBe(204);
    const reused = await callApi<Body>('POST', '/invitations/decline', { body: { token: second.token } });
    expect(reused.status).toBe(400);
    expect(reused.body.errors).toEqual([{ pointer: '/body/token', detail: 'unknown or already used' }]);

    expect((await callApi('GET', `/organisations/${organisation.id}`, { token: dora.token })).status).toBe(404);
    const sent = await callApi<Body>('GET', `/organisations/${organisation.id}/invitations`, { token: anna.token });
    expect(sent.body.invitations.map((i: Body) => i.state)).toEqual(['declined', 'declined']);
  });

  it('when the invitation has expired, then its link gets 410, "Mein Konto" no longer lists it, and accepting it there gets 410 too', async () => {
    const anna = await me('Anna-Org6');
    const emil = await me('Emil-Org6');
    const organisation = await createOrganisation(anna.token);
    const { invitation, token } = await invitedByMail(anna.token, organisation.id, { email: emil.email }, emil.email);
    await db('organisation_invitations').where({ id: invitation.id }).update({ expires_at: db.raw("now() - interval '1 second'") });

    const late = await callApi<Body>('POST', '/invitations/acceptance', { token: emil.token, body: { token } });
    expect(late.status).toBe(410);
    expect(late.body).toMatchObject({ type: 'urn:gemeindeportal:problem:link-expired', errors: [{ pointer: '/body/token', detail: 'expired' }] });
    expect((await callApi<Body>('GET', '/invitations', { token: emil.token })).body.invitations).toEqual([]);
    const byId = await callApi<Body>('POST', `/invitations/${invitation.id}/acceptance`, { token: emil.token });
    expect(byId.status).toBe(410);
    expect(byId.body.type).toBe('urn:gemeindeportal:problem:invitation-expired');
    expect((await callApi<Body>('GET', `/organisations/${organisation.id}/invitations`, { token: anna.token })).body.invitations)
      .toEqual([expect.objectContaining({ id: invitation.id, state: 'expired' })]);
    expect((await callApi('GET', `/organisations/${organisation.id}`, { token: emil.token })).status).toBe(404);
  });

  it('when an address or Konto-ID has no account, then the answer is the same as for one that has; the address is invited to register, and can join once it has', async () => {
    const anna = await me('Anna-Org7');
    const beat = await me('Beat-Org7');
    const organisation = await createOrganisation(anna.token, 'Quartierverein Telli');
    const newcomer = `newcomer.${randomUUID().slice(0, 8)}@buerger.example`;

    const known = await invite(anna.token, organisation.id, { email: beat.email });
    const unknown = await invite(anna.token, organisation.id, { email: newcomer });
    const knownId = await invite(anna.token, organisation.id, { kontoId: beat.kontoId });
    const unknownId = await invite(anna.token, organisation.id, { kontoId: unknownKontoId() });
    expect(shapeOf(unknown)).toEqual(shapeOf(known));
    expect(shapeOf(unknownId)).toEqual(shapeOf(knownId));
    expect(shapeOf(known)).toMatchObject({ status: 202, state: 'pending' });

    const { mail, token } = await mailWithLink(newcomer, INVITATION_PAGE);
    expect(mail.subject).toBe('Gemeindeportal: Einladung in die Organisation Quartierverein Telli');
    expect(mail.text).toContain('Dafür brauchen Sie ein eigenes Konto');
    expect(mail.text).toContain(`${inject('apiUrl').replace(/\/$/, '')}/konto/registrieren`);

    // Without an account there is nothing to accept with.
    expect((await callApi('POST', '/invitations/acceptance', { body: { token } })).status).toBe(401);
    await activatedAccount({ firstName: 'Nora', lastName: 'Neu', email: newcomer });
    const session = await logIn(newcomer);
    expect((await callApi<Body>('GET', '/invitations', { token: session })).body.invitations.map((i: Body) => i.id)).toEqual([unknown.body.id]);
    const accepted = await callApi<Body>('POST', '/invitations/acceptance', { token: session, body: { token } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.organisation.name).toBe('Quartierverein Telli');
  });

  it('when an invitation is sent again to the same invitee, then only the newest link works; a withdrawn one does not work at all', async () => {
    const anna = await me('Anna-Org8');
    const beat = await me('Beat-Org8');
    const organisation = await createOrganisation(anna.token);
    const older = await invitedByMail(anna.token, organisation.id, { email: beat.email }, beat.email);
    const newer = await invitedByMail(anna.token, organisation.id, { email: beat.email }, beat.email);
    expect(linkToken(older.mail, INVITATION_PAGE)).not.toBe(newer.token);
    expect((await callApi('POST', '/invitations/acceptance', { token: beat.token, body: { token: older.token } })).status).toBe(400);
    expect((await callApi('DELETE', `/organisations/${organisation.id}/invitations/${newer.invitation.id}`, { token: anna.token })).status).toBe(204);
    expect((await callApi('POST', '/invitations/acceptance', { token: beat.token, body: { token: newer.token } })).status).toBe(400);
    expect((await callApi<Body>('GET', '/invitations', { token: beat.token })).body.invitations).toEqual([]);
  });

  it.each([
    { situation: 'neither address nor Konto-ID is given', body: {}, pointer: '/body/email' },
    { situation: 'both are given', body: { email: 'a@buerger.example', kontoId: '4821-7730-1594' }, pointer: '/body/kontoId' },
    { situation: 'the address is malformed', body: { email: 'not-an-address' }, pointer: '/body/email' },
    { situation: 'the Konto-ID has a wrong check digit', body: { kontoId: '4821-7730-1595' }, pointer: '/body/kontoId' },
    { situation: 'the Konto-ID has letters', body: { kontoId: '4821-77AB-1594' }, pointer: '/body/kontoId' },
    { situation: 'a role is offered', body: { email: 'a@buerger.example', role: 'manager' }, pointer: '/body/role' },
  ])('when $situation, then a 400 names $pointer and no mail leaves', async ({ body, pointer }) => {
    const anna = await me('Anna-Org9');
    const organisation = await createOrganisation(anna.token);
    const refused = await invite(anna.token, organisation.id, body);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: Body) => e.pointer)).toContain(pointer);
    expect((await callApi<Body>('GET', `/organisations/${organisation.id}/invitations`, { token: anna.token })).body.invitations).toEqual([]);
  });

  it('when an invitation token is malformed, then a 400 names /body/token', async () => {
    const beat = await me('Beat-Org9');
    for (const path of ['/invitations/acceptance', '/invitations/decline']) {
      const refused = await callApi<Body>('POST', path, { token: beat.token, body: { token: 'not-a-token' } });
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: Body) => e.pointer)).toContain('/body/token');
    }
  });
});

describe('managers (ORG-3)', () => {
  it('when a member who is no manager tries to manage, then 403; only managers invite, edit, change roles and remove', async () => {
    const organisation = await organisationWith('Anna-Mgr1', 'Beat-Mgr1');
    const anna = await me('Anna-Mgr1');
    const beat = await me('Beat-Mgr1');
    for (const [method, path, body] of [
      ['PATCH', `/organisations/${organisation.id}`, { name: 'Übernommen' }],
      ['POST', `/organisations/${organisation.id}/invitations`, { email: 'friend@buerger.example' }],
      ['GET', `/organisations/${organisation.id}/invitations`, undefined],
      ['PUT', `/organisations/${organisation.id}/members/${beat.id}/role`, { role: 'manager' }],
      ['DELETE', `/organisations/${organisation.id}/members/${anna.id}`, undefined],
    ] as const) {
      const refused = await callApi<Body>(method, path, { token: beat.token, ...(body ? { body } : {}) });
      expect(refused.status, `${method} ${path}`).toBe(403);
      expect(refused.body.type).toBe('urn:gemeindeportal:problem:organisation-manager-required');
    }
    expect((await callApi<Body>('GET', `/organisations/${organisation.id}`, { token: beat.token })).body).toMatchObject({ name: organisation.name, role: 'member' });
  });

  it('when the last manager would leave or be demoted, then 409 until another manager is designated; then roles move and members are removed', async () => {
    const organisation = await organisationWith('Anna-Mgr2', 'Beat-Mgr2');
    const anna = await me('Anna-Mgr2');
    const beat = await me('Beat-Mgr2');
    const carla = await me('Carla-Mgr2');
    const { token } = await invitedByMail(anna.token, organisation.id, { kontoId: carla.kontoId }, carla.email);
    expect((await callApi('POST', '/invitations/acceptance', { token: carla.token, body: { token } })).status).toBe(200);
    const role = (actor: string, account: string, value: string) =>
      callApi<Body>('PUT', `/organisations/${organisation.id}/members/${account}/role`, { token: actor, body: { role: value } });
    const remove = (actor: string, account: string) => callApi<Body>('DELETE', `/organisations/${organisation.id}/members/${account}`, { token: actor });

    const leaving = await remove(anna.token, anna.id);
    expect(leaving.status).toBe(409);
    expect(leaving.body).toMatchObject({ type: 'urn:gemeindeportal:problem:last-manager', errors: [{ pointer: '/params/accountId' }] });
    expect((await role(anna.token, anna.id, 'member')).status).toBe(409);

    expect((await role(anna.token, beat.id, 'manager')).status).toBe(204);
    expect((await role(anna.token, anna.id, 'member')).status).toBe(204);
    // Anna is a member now: she manages nothing any more, but may leave.
    expect((await invite(anna.token, organisation.id, { email: 'friend@buerger.example' })).status).toBe(403);
    expect((await remove(beat.token, carla.id)).status).toBe(204);
    expect((await callApi('GET', `/organisations/${organisation.id}`, { token: carla.token })).status).toBe(404);
    expect((await remove(anna.token, anna.id)).status).toBe(204);
    expect((await remove(beat.token, beat.id)).status).toBe(409);

    const members = await callApi<Body>('GET', `/organisations/${organisation.id}/members`, { token: beat.token });
    expect(members.body.members.map((m: Body) => [m.accountId, m.role])).toEqual([[beat.id, 'manager']]);
    const unknownMember = await role(beat.token, anna.id, 'manager');
    expect(unknownMember.status).toBe(404);
    expect(unknownMember.body.errors).toEqual([{ pointer: '/params/accountId', detail: 'is not a member of this organisation' }]);
    const badRole = await role(beat.token, beat.id, 'owner');
    expect(badRole.status).toBe(400);
    expect(badRole.body.errors.map((e: Body) => e.pointer)).toContain('/body/role');
  });

  it('when a member is made a manager and later a member again, then they are told each time by mail, naming the organisation and who changed it; a manager stepping down themselves is not', async () => {
    const organisation = await organisationWith('Anna-Mgr3', 'Beat-Mgr3');
    const anna = await me('Anna-Mgr3');
    const beat = await me('Beat-Mgr3');
    const role = (actor: string, account: string, value: string) =>
      callApi<Body>('PUT', `/organisations/${organisation.id}/members/${account}/role`, { token: actor, body: { role: value } });
    const mailAbout = (address: string, subject: string, after: number) =>
      eventually(async () => (await mailsTo(address)).slice(after).find((mail) => mail.subject === subject), `"${subject}" to ${address}`);

    let before = (await mailsTo(beat.email)).length;
    expect((await role(anna.token, beat.id, 'manager')).status).toBe(204);
    const made = await mailAbout(beat.email, `Gemeindeportal: Sie verwalten jetzt die Organisation ${organisation.name}`, before);
    expect(made.text).toContain('Guten Tag Test Beat-Mgr3');
    expect(made.text).toContain(`Test Anna-Mgr3 hat Sie im Gemeindeportal als verantwortliche Person der Organisation «${organisation.name}» bestimmt.`);

    // Setting the role it already has changes nothing and tells nobody.
    before = (await mailsTo(beat.email)).length;
    expect((await role(anna.token, beat.id, 'manager')).status).toBe(204);
    expect((await role(anna.token, beat.id, 'member')).status).toBe(204);
    const revoked = await mailAbout(beat.email, `Gemeindeportal: Sie verwalten die Organisation ${organisation.name} nicht mehr`, before);
    expect(revoked.text).toContain(`Test Anna-Mgr3 hat Ihnen im Gemeindeportal die Verantwortung für die Organisation «${organisation.name}» entzogen.`);
    expect(revoked.text).toContain('Sie bleiben Mitglied');
    expect((await mailsTo(beat.email)).slice(before)).toHaveLength(1);

    // Anna hands the role to Beat and steps down herself: Beat is told, Anna (who did it) is not.
    const annaBefore = (await mailsTo(anna.email)).length;
    before = (await mailsTo(beat.email)).length;
    expect((await role(anna.token, beat.id, 'manager')).status).toBe(204);
    expect((await role(anna.token, anna.id, 'member')).status).toBe(204);
    await mailAbout(beat.email, `Gemeindeportal: Sie verwalten jetzt die Organisation ${organisation.name}`, before);
    // Mails leave in the background: give one to Anna, had there been any, the time Beat's took.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await mailsTo(anna.email)).slice(annaBefore)).toEqual([]);
  });
});

describe("an organisation's cases (ORG-4) and services for organisations (ORG-5)", () => {
  const resident = SEEDED_RESIDENTS.aarauBlocked;
  const applicationFor = (extra: Body = {}) => ({
    serviceId: 'residence-certificate', municipalityId: 'aarau', language: 'de',
    applicant: { firstName: resident.firstName, lastName: resident.lastName, dateOfBirth: resident.dateOfBirth }, ...extra,
  });

  it('when a member applies on behalf of the organisation, then every member sees the case and its documents; a non-member gets 404', async () => {
    const organisation = await organisationWith('Anna-Case1', 'Beat-Case1');
    const anna = await me('Anna-Case1');
    const beat = await me('Beat-Case1');
    const frank = await me('Frank-Case1');

    const submitted = await callApi<Body>('POST', '/applications', { token: anna.token, body: applicationFor({ organisationId: organisation.id, paymentMethod: 'invoice' }) });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    expect(submitted.body.organisation).toEqual({ id: organisation.id, name: organisation.name });
    const personal = await callApi<Body>('POST', '/applications', { token: anna.token, body: applicationFor() });
    expect(personal.status).toBe(201);
    expect(personal.body.organisation).toBeNull();

    const listed = await callApi<Body>('GET', '/cases', { token: beat.token });
    expect(listed.body.cases.map((c: Body) => [c.id, c.organisation?.id ?? null])).toEqual([[submitted.body.id, organisation.id]]);
    const annasList = await callApi<Body>('GET', '/cases', { token: anna.token });
    expect(annasList.body.cases.map((c: Body) => c.id).sort()).toEqual([submitted.body.id, personal.body.id].sort());

    // The invoice is filed as the case's document: readable by every member.
    const withInvoice = await caseAwaitingPayment(anna.token, submitted.body.id);
    const invoice = withInvoice.documents.find((d: Body) => d.kind === 'invoice');
    const seen = await callApi<Body>('GET', `/cases/${submitted.body.id}`, { token: beat.token });
    expect(seen.status).toBe(200);
    expect(seen.body.documents.map((d: Body) => d.id)).toContain(invoice.id);
    const download = await callApi<Buffer>('GET', invoice.href, { token: beat.token });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');

    for (const [path, token] of [
      [`/cases/${submitted.body.id}`, frank.token],
      [invoice.href, frank.token],
      [`/cases/${personal.body.id}`, beat.token],
    ] as const) {
      expect((await callApi('GET', path, { token })).status, path).toBe(404);
    }
    expect((await callApi<Body>('GET', '/cases', { token: frank.token })).body.cases).toEqual([]);

    // A member who leaves no longer sees it.
    expect((await callApi('DELETE', `/organisations/${organisation.id}/members/${beat.id}`, { token: beat.token })).status).toBe(204);
    expect((await callApi('GET', `/cases/${submitted.body.id}`, { token: beat.token })).status).toBe(404);
  });

  it('when a non-member applies on behalf of an organisation, or of one that does not exist, then 403 names organisationId and nothing is filed', async () => {
    const organisation = await organisationWith('Anna-Case2', 'Beat-Case2');
    const frank = await me('Frank-Case2');
    for (const organisationId of [organisation.id, randomUUID()]) {
      const refused = await callApi<Body>('POST', '/applications', { token: frank.token, body: applicationFor({ organisationId }) });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ type: 'urn:gemeindeportal:problem:not-organisation-member', errors: [{ pointer: '/body/organisationId' }] });
    }
    const malformed = await callApi<Body>('POST', '/applications', { token: frank.token, body: applicationFor({ organisationId: 'verein' }) });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: Body) => e.pointer)).toContain('/body/organisationId');
    expect((await callApi<Body>('GET', '/cases', { token: frank.token })).body.cases).toEqual([]);
  });

  it('when a service is only for organisations or only personal, then the catalogue says so and a submission of the other kind is refused naming organisationId', async () => {
    const services = await callApi<Body>('GET', '/municipalities/aarau/services');
    expect(services.body.services.find((s: Body) => s.id === 'residence-certificate').audience).toBe('both');

    // Services of their own, run by the residence certificate's process: the seed has no service for one audience only yet.
    const suffix = randomUUID().slice(0, 8);
    const { start_form: startForm } = await db('services').where({ id: 'residence-certificate' }).first('start_form');
    for (const audience of ['organisation', 'personal']) {
      const id = `${audience}-only-${suffix}`;
      await db('services').insert({
        id, bpmn_process_id: 'residence-certificate', names: JSON.stringify({ de: `Nur ${audience}` }), expected_processing_days: 5, audience, start_form: JSON.stringify(startForm),
      });
      await db('municipality_services').insert({
        municipality_id: 'aarau', service_id: id, fee_rappen: 3000, payment_account: '4001-4260.02', booking_text: 'Test', candidate_group: '4001-einwohnerkontrolle', invoice_allowed: true,
      });
    }
    const listed = await callApi<Body>('GET', '/municipalities/aarau/services');
    expect(listed.body.services.find((s: Body) => s.id === `organisation-only-${suffix}`).audience).toBe('organisation');

    const organisation = await organisationWith('Anna-Case3', 'Beat-Case3');
    const anna = await me('Anna-Case3');
    const personally = await callApi<Body>('POST', '/applications', { token: anna.token, body: applicationFor({ serviceId: `organisation-only-${suffix}` }) });
    expect(personally.status).toBe(422);
    expect(personally.body).toMatchObject({
      type: 'urn:gemeindeportal:problem:service-needs-organisation',
      errors: [{ pointer: '/body/organisationId', detail: 'required: this service is available only through an organisation' }],
    });
    const forOrganisation = await callApi<Body>('POST', '/applications', { token: anna.token, body: applicationFor({ serviceId: `personal-only-${suffix}`, organisationId: organisation.id }) });
    expect(forOrganisation.status).toBe(422);
    expect(forOrganisation.body).toMatchObject({ type: 'urn:gemeindeportal:problem:service-personal-only', errors: [{ pointer: '/body/organisationId' }] });
    expect((await callApi<Body>('GET', '/cases', { token: anna.token })).body.cases).toEqual([]);

    const throughOrganisation = await callApi<Body>('POST', '/applications', { token: anna.token, body: applicationFor({ serviceId: `organisation-only-${suffix}`, organisationId: organisation.id }) });
    expect(throughOrganisation.status, JSON.stringify(throughOrganisation.body)).toBe(201);
    const beat = await me('Beat-Case3');
    await eventually(async () => ((await callApi<Body>('GET', '/cases', { token: beat.token })).body.cases.length === 1 ? true : undefined), 'the case in the member\'s list');
  });
});
