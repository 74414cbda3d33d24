// ORG-3: the member whose role another manager changes is told, in their own language.
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import type { MailText } from '../../../../core/accounts/account-texts.ts';
import { dammCheckDigit } from '../../../../core/accounts/konto-id.ts';
import { createOrganisationService } from '../../../../core/organisations/organisation-service.ts';
import { ORGANISATION_MAIL_TEXTS } from '../../../../core/organisations/organisation-texts.ts';
import { createRoleNotices } from '../../../../core/organisations/role-notices.ts';
import { InMemoryOrganisations } from './in-memory-organisations.ts';

const kontoId = (first11: string) => first11 + dammCheckDigit(first11);
const ANNA = { id: 'a0000000-0000-4000-8000-000000000001', kontoId: kontoId('48217730159'), email: 'anna@example.ch', firstName: 'Anna', lastName: 'Muster', language: 'de', state: 'active' as const };
const BEAT = { id: 'b0000000-0000-4000-8000-000000000002', kontoId: kontoId('73159004218'), email: 'beat@example.ch', firstName: 'Beat', lastName: 'Beispiel', language: 'fr', state: 'active' as const };

let repository: InMemoryOrganisations;
let mails: { to: string; mail: MailText; kind: string }[];
let service: ReturnType<typeof createOrganisationService>;
let organisationId: string;

beforeEach(async () => {
  repository = new InMemoryOrganisations();
  for (const account of [ANNA, BEAT]) repository.accounts.set(account.id, account);
  mails = [];
  const now = () => new Date('2026-11-23T09:00:00Z');
  service = createOrganisationService({
    organisations: repository, now,
    roleChanged: createRoleNotices({ organisations: repository, sendMail: (to, mail, kind) => mails.push({ to, mail, kind }), logger: pino({ level: 'silent' }) }),
  });
  organisationId = (await service.create(ANNA.id, { name: 'Turnverein Aarau', postalAddress: { street: 'Bahnhofstrasse', houseNumber: '1', postalCode: '5000', town: 'Aarau' } })).id;
  await repository.addMember(organisationId, BEAT.id, 'member', now());
});

describe('role notices (ORG-3)', () => {
  it('when a member is made a manager and later a member again, then they get a mail each time, in their language, naming the organisation and who did it', async () => {
    await service.changeRole(ANNA.id, organisationId, BEAT.id, 'manager');
    await service.changeRole(ANNA.id, organisationId, BEAT.id, 'member');
    expect(mails.map((m) => [m.to, m.kind])).toEqual([[BEAT.email, 'organisation-made-manager'], [BEAT.email, 'organisation-no-longer-manager']]);
    expect(mails[0]?.mail.subject).toBe("Portail communal : vous êtes maintenant responsable de l'organisation Turnverein Aarau");
    expect(mails[0]?.mail.text).toContain('Anna Muster');
    expect(mails[0]?.mail.text).toContain('Bonjour Beat Beispiel');
  });

  it('when the role does not change, or a manager steps down themselves, then nobody is written to', async () => {
    await service.changeRole(ANNA.id, organisationId, BEAT.id, 'member');
    await service.changeRole(ANNA.id, organisationId, BEAT.id, 'manager');
    mails.length = 0;
    await service.changeRole(ANNA.id, organisationId, ANNA.id, 'member');
    expect(mails).toEqual([]);
  });

  it('when the texts are read in any language, then each has the three notices with the names filled in', () => {
    for (const texts of Object.values(ORGANISATION_MAIL_TEXTS)) {
      for (const notice of [texts.madeManager, texts.noLongerManager]) {
        const mail = notice({ name: 'Beat Beispiel', organisation: 'Turnverein Aarau', changedBy: 'Anna Muster' });
        expect(mail.subject).toContain('Turnverein Aarau');
        expect(mail.text).toContain('Beat Beispiel');
        expect(mail.text).toContain('Anna Muster');
      }
      const inPlace = texts.madeManagerInPlace({ name: 'Beat Beispiel', organisation: 'Turnverein Aarau' });
      expect(inPlace.subject).toContain('Turnverein Aarau');
      expect(inPlace.text).toContain('Beat Beispiel');
    }
  });
});
