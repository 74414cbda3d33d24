import { beforeEach, describe, expect, it } from 'vitest';
import type { MailText } from '../../../../core/accounts/account-texts.ts';
import { dammCheckDigit } from '../../../../core/accounts/konto-id.ts';
import { hashToken } from '../../../../core/accounts/secret-tokens.ts';
import { createInvitationService } from '../../../../core/organisations/invitation-service.ts';
import { createOrganisationService } from '../../../../core/organisations/organisation-service.ts';
import { ProblemError } from '../../../../core/errors/problem-error.ts';
import { InMemoryOrganisations } from './in-memory-organisations.ts';

const DAY = 24 * 3600 * 1000;
const kontoId = (first11: string) => first11 + dammCheckDigit(first11);
const UNKNOWN_KONTO_ID = kontoId('10000000000');
const ANNA = { id: 'a0000000-0000-4000-8000-000000000001', kontoId: kontoId('48217730159'), email: 'anna@example.ch', firstName: 'Anna', lastName: 'Muster', language: 'de', state: 'active' as const };
const BEAT = { id: 'b0000000-0000-4000-8000-000000000002', kontoId: kontoId('73159004218'), email: 'beat@example.ch', firstName: 'Beat', lastName: 'Beispiel', language: 'fr', state: 'active' as const };

let clock: Date;
let repository: InMemoryOrganisations;
let mails: { to: string; mail: MailText; kind: string }[];
let invitations: ReturnType<typeof createInvitationService>;
let organisationId: string;

async function refusal(attempt: Promise<unknown>): Promise<ProblemError['problem']> {
  const error: unknown = await attempt.then(() => undefined, (rejection: unknown) => rejection);
  expect(error).toBeInstanceOf(ProblemError);
  return (error as ProblemError).problem;
}

const tokenOf = (mail: MailText) => /konto\/einladung\?token=(gpl_[A-Za-z0-9_-]+)/.exec(mail.text)?.[1] ?? '';

beforeEach(async () => {
  clock = new Date('2026-11-23T09:00:00Z');
  repository = new InMemoryOrganisations();
  for (const account of [ANNA, BEAT]) repository.accounts.set(account.id, account);
  mails = [];
  const now = () => clock;
  invitations = createInvitationService({
    organisations: repository,
    sendMail: (to, mail, kind) => mails.push({ to, mail, kind }),
    settings: { publicUrl: 'https://portal.example/', validMs: 14 * DAY, perInviterPerHour: 5 },
    now,
  });
  const organisation = await createOrganisationService({ organisations: repository, now })
    .create(ANNA.id, { name: 'Turnverein Aarau', postalAddress: { street: 'Bahnhofstrasse', houseNumber: '1', postalCode: '5000', town: 'Aarau' } });
  organisationId = organisation.id;
});

describe('invite (ORG-2)', () => {
  it('when the address belongs to an account, then its holder is invited in their own language, with a link whose token is stored only as a hash', async () => {
    await invitations.invite(ANNA.id, organisationId, { email: 'Beat@Example.ch' });
    expect(mails).toEqual([expect.objectContaining({ to: BEAT.email, kind: 'organisation-invitation' })]);
    expect(mails[0]?.mail.subject).toBe("Portail communal : invitation dans l'organisation Turnverein Aarau");
    const token = tokenOf(mails[0]!.mail);
    expect(repository.invitations[0]).toMatchObject({ inviteeEmail: 'beat@example.ch', inviteeAccountId: null, tokenHash: hashToken(token) });
    expect(JSON.stringify(repository.invitations)).not.toContain(token);
  });

  it('when the address has no account, then it is invited to register, in the inviter\'s language; the answer looks the same', async () => {
    const known = await invitations.invite(ANNA.id, organisationId, { email: BEAT.email });
    const unknown = await invitations.invite(ANNA.id, organisationId, { email: 'nobody@example.ch' });
    expect(mails.map((m) => [m.to, m.kind])).toEqual([[BEAT.email, 'organisation-invitation'], ['nobody@example.ch', 'organisation-invitation-to-register']]);
    expect(mails[1]?.mail.text).toContain('https://portal.example/konto/registrieren');
    expect(Object.keys(unknown)).toEqual(Object.keys(known));
    expect(unknown.state).toBe(known.state);
  });

  it('when a Konto-ID belongs to an account, then the invitation is bound to it; an unknown one sends nothing but answers alike', async () => {
    const spaced = BEAT.kontoId.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1 $2 $3');
    const known = await invitations.invite(ANNA.id, organisationId, { kontoId: spaced });
    expect(known.invitee).toEqual({ kontoId: spaced.replaceAll(' ', '-') });
    expect(repository.invitations[0]).toMatchObject({ inviteeKontoId: BEAT.kontoId, inviteeAccountId: BEAT.id });
    expect(mails.map((m) => m.to)).toEqual([BEAT.email]);

    const unknown = await invitations.invite(ANNA.id, organisationId, { kontoId: UNKNOWN_KONTO_ID });
    expect(mails).toHaveLength(1);
    expect(Object.keys(unknown)).toEqual(Object.keys(known));
    expect(repository.invitations[1]).toMatchObject({ inviteeKontoId: UNKNOWN_KONTO_ID, inviteeAccountId: null });
  });

  it('when the invitee is named twice, not at all, or by a Konto-ID with a wrong check digit, then 400 names the field', async () => {
    expect((await refusal(invitations.invite(ANNA.id, organisationId, {}))).errors?.map((e) => e.pointer)).toEqual(['/body/email', '/body/kontoId']);
    expect((await refusal(invitations.invite(ANNA.id, organisationId, { email: BEAT.email, kontoId: BEAT.kontoId }))).errors?.[0]?.pointer).toBe('/body/kontoId');
    expect((await refusal(invitations.invite(ANNA.id, organisationId, { kontoId: ANNA.kontoId.slice(0, 11) + String((Number(ANNA.kontoId[11]) + 1) % 10) }))).errors?.[0]?.pointer).toBe('/body/kontoId');
    expect(mails).toEqual([]);
  });

  it('when a member who is no manager or a stranger invites, then 403 and 404', async () => {
    await repository.addMember(organisationId, BEAT.id, 'member', clock);
    expect((await refusal(invitations.invite(BEAT.id, organisationId, { email: 'x@example.ch' }))).status).toBe(403);
    expect((await refusal(invitations.invite('c0000000-0000-4000-8000-000000000003', organisationId, { email: 'x@example.ch' }))).status).toBe(404);
    expect(mails).toEqual([]);
  });

  it('when an inviter has sent the hourly number of invitations, then 429 until the hour has passed', async () => {
    for (let i = 0; i < 5; i += 1) await invitations.invite(ANNA.id, organisationId, { email: `friend${i}@example.ch` });
    expect((await refusal(invitations.invite(ANNA.id, organisationId, { email: 'one.more@example.ch' }))).status).toBe(429);
    clock = new Date(clock.getTime() + 3_600_001);
    await invitations.invite(ANNA.id, organisationId, { email: 'one.more@example.ch' });
    expect(mails).toHaveLength(6);
  });
});

describe('answering (ORG-2)', () => {
  it('when the link is followed in time, then the account joins as member; the link then and a retired earlier one are refused', async () => {
    await invitations.invite(ANNA.id, organisationId, { email: BEAT.email });
    await invitations.invite(ANNA.id, organisationId, { email: BEAT.email });
    const [older, newer] = mails.map((m) => tokenOf(m.mail));
    expect((await refusal(invitations.acceptByLink(BEAT.id, older!))).type).toBe('urn:gemeindeportal:problem:link-invalid');
    expect(await invitations.acceptByLink(BEAT.id, newer!)).toMatchObject({ id: organisationId, role: 'member' });
    expect(await repository.roleOf(organisationId, BEAT.id)).toBe('member');
    expect((await refusal(invitations.acceptByLink(BEAT.id, newer!))).type).toBe('urn:gemeindeportal:problem:link-invalid');
  });

  it('when the invitation has expired, then the link gets 410 and the invitation is not listed any more', async () => {
    await invitations.invite(ANNA.id, organisationId, { email: BEAT.email });
    expect(await invitations.received(BEAT.id)).toHaveLength(1);
    clock = new Date(clock.getTime() + 14 * DAY);
    expect((await refusal(invitations.acceptByLink(BEAT.id, tokenOf(mails[0]!.mail)))).status).toBe(410);
    expect(await invitations.received(BEAT.id)).toEqual([]);
    expect(await invitations.sent(ANNA.id, organisationId)).toEqual([expect.objectContaining({ state: 'expired' })]);
  });

  it('when the invitee is already a member, then accepting is refused with 409 and the invitation stays open', async () => {
    await invitations.invite(ANNA.id, organisationId, { email: ANNA.email });
    const [invitation] = await invitations.received(ANNA.id);
    expect((await refusal(invitations.acceptById(ANNA.id, invitation!.id))).type).toBe('urn:gemeindeportal:problem:already-member');
  });

  it('when declined under "Mein Konto", then the managers see it declined and nobody joins', async () => {
    await invitations.invite(ANNA.id, organisationId, { kontoId: BEAT.kontoId });
    const [invitation] = await invitations.received(BEAT.id);
    await invitations.declineById(BEAT.id, invitation!.id);
    expect(await repository.roleOf(organisationId, BEAT.id)).toBeUndefined();
    expect((await invitations.sent(ANNA.id, organisationId)).map((i) => i.state)).toEqual(['declined']);
    expect((await refusal(invitations.acceptById(BEAT.id, invitation!.id))).status).toBe(409);
  });
});
