import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../../../core/errors/problem-error.ts';
import { normalisePostalAddress } from '../../../../core/organisations/postal-address.ts';
import { ORGANISATION_MAIL_TEXTS } from '../../../../core/organisations/organisation-texts.ts';
import { LANGUAGES } from '../../../../core/language.ts';

describe('normalisePostalAddress', () => {
  it('when parts carry extra spaces and no country, then they are trimmed and the country is CH', () => {
    expect(normalisePostalAddress({ street: '  Bahnhofstrasse ', houseNumber: ' 12a ', postalCode: '5000', town: ' Aarau  ' }, '/body/postalAddress'))
      .toEqual({ street: 'Bahnhofstrasse', houseNumber: '12a', postalCode: '5000', town: 'Aarau', country: 'CH' });
  });

  it('when there is no house number, then it is null', () => {
    expect(normalisePostalAddress({ street: 'Postfach', houseNumber: ' ', postalCode: '5001', town: 'Aarau' }, '/body/postalAddress').houseNumber).toBeNull();
  });

  it.each(['500', '05000', '50000', 'AB12'])('when a Swiss postcode is %s, then it is refused naming the field', (postalCode) => {
    let caught: unknown;
    try {
      normalisePostalAddress({ street: 'Bahnhofstrasse', postalCode, town: 'Aarau', country: 'ch' }, '/body/billingAddress');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ProblemError);
    expect((caught as ProblemError).problem.errors).toEqual([{ pointer: '/body/billingAddress/postalCode', detail: 'a Swiss postcode has four digits, e.g. 5000' }]);
  });

  it('when the address is abroad, then its postcode is taken as written', () => {
    expect(normalisePostalAddress({ street: 'Hauptstrasse', houseNumber: '1', postalCode: '79539', town: 'Lörrach', country: 'de' }, '/body/postalAddress'))
      .toMatchObject({ postalCode: '79539', country: 'DE' });
  });
});

describe('invitation mails (NF-2)', () => {
  const params = { organisation: 'Turnverein Aarau', inviter: 'Anna Muster', link: 'https://portal.example/konto/einladung?token=gpl_x', validDays: 14 };
  it.each(LANGUAGES)('when written in %s, then both mails name the organisation, the inviter, the link and the days', (language) => {
    const texts = ORGANISATION_MAIL_TEXTS[language];
    for (const mail of [texts.invitation({ ...params, name: 'Beat Beispiel' }), texts.invitationToRegister({ ...params, registerLink: 'https://portal.example/konto/registrieren' })]) {
      expect(mail.subject).toContain('Turnverein Aarau');
      expect(mail.text).toContain('Anna Muster');
      expect(mail.text).toContain(params.link);
      expect(mail.text).toContain('14');
    }
    expect(texts.invitationToRegister({ ...params, registerLink: 'https://portal.example/konto/registrieren' }).text).toContain('https://portal.example/konto/registrieren');
  });

  it('when written in German, then it is the portal\'s wording', () => {
    expect(ORGANISATION_MAIL_TEXTS.de.invitation({ ...params, name: 'Beat Beispiel' }).subject).toBe('Gemeindeportal: Einladung in die Organisation Turnverein Aarau');
  });
});
