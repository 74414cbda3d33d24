import { describe, expect, it } from 'vitest';
import { caseNoticeMail } from '../../../../core/cases/case-notices.ts';
import type { CaseNotice } from '../../../../core/db/case-notices-repository.ts';

const notice = (overrides: Partial<CaseNotice> = {}): CaseNotice => ({
  caseId: '0b6f3c1e-9a3d-4c52-8f0e-2d7a1b9c4e55',
  messageIds: ['m1', 'm2'],
  email: 'anna@example.ch',
  firstName: 'Anna',
  lastName: 'Muster',
  language: 'de',
  serviceNames: { de: 'Hauptwohnsitzbescheinigung', fr: 'Attestation de domicile principal', it: 'Attestazione di domicilio principale', en: 'Certificate of main residence' },
  municipalityName: 'Aarau',
  ...overrides,
});

describe('the e-mail telling of a new message on a case (CASE-3)', () => {
  it('when the account reads German, then the mail names service, case number and municipality and links the case', () => {
    const mail = caseNoticeMail(notice(), 'https://portal.example.ch');
    expect(mail.to).toBe('anna@example.ch');
    expect(mail.subject).toBe('Neue Nachricht zu Ihrem Vorgang');
    expect(mail.text).toContain('Guten Tag Anna Muster');
    expect(mail.text).toContain('«Hauptwohnsitzbescheinigung» (Nr. 0B6F3C1E) bei der Gemeinde Aarau');
    expect(mail.text).toContain('https://portal.example.ch/vorgaenge/0b6f3c1e-9a3d-4c52-8f0e-2d7a1b9c4e55');
  });

  it('when the account reads French, then the mail is French; an unknown language falls back to German', () => {
    expect(caseNoticeMail(notice({ language: 'fr' }), 'https://portal.example.ch/').text).toContain('« Attestation de domicile principal » (n° 0B6F3C1E)');
    expect(caseNoticeMail(notice({ language: 'rm' }), 'https://portal.example.ch').subject).toBe('Neue Nachricht zu Ihrem Vorgang');
  });
});
