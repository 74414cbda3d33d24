import { describe, expect, it } from 'vitest';
import type { DigestItem } from '../../../../core/db/task-digest-repository.ts';
import { DIGEST_TEXTS } from '../../../../core/staff/digest-texts.ts';
import { digestMail } from '../../../../core/staff/task-digest.ts';

const recipient = { staffId: 's1', name: 'Lukas Brunner', email: 'lukas@aarau.example', items: [] };
const item = (overrides: Partial<DigestItem>): DigestItem => ({
  taskKey: '2251799813685300', reason: 'new', name: 'Antrag prüfen', internal: false, serviceName: 'Hauptwohnsitzbescheinigung',
  caseNumber: '0B6F3C1E', dueDate: null, assignedBy: null, ...overrides,
});

describe('digestMail', () => {
  it('when tasks are new and assigned, then one mail lists each with its link, assigned ones first', () => {
    const mail = digestMail(recipient, [
      item({}),
      item({ taskKey: '2251799813685400', reason: 'assigned', name: 'Mietvertrag anfordern', internal: true, assignedBy: 'Sandra Meier', dueDate: new Date('2026-12-01T22:59:00Z') }),
      item({ taskKey: '2251799813685500', name: 'Statistik', internal: true, serviceName: null, caseNumber: null }),
    ], DIGEST_TEXTS.de, 'https://portal.aarau.example');
    expect(mail.to).toBe('lukas@aarau.example');
    expect(mail.subject).toBe('Gemeindeportal: 2 neue Aufgaben, 1 Aufgabe Ihnen zugewiesen');
    expect(mail.text).toBe([
      'Guten Tag Lukas Brunner',
      '',
      'Ihnen zugewiesen:',
      '- Interne Aufgabe: Mietvertrag anfordern – Hauptwohnsitzbescheinigung (Vorgang 0B6F3C1E, fällig am 01.12.2026, von Sandra Meier)',
      '  https://portal.aarau.example/tasklist/?aufgabe=2251799813685400',
      '',
      'Neu für Ihre Gruppen:',
      '- Antrag prüfen – Hauptwohnsitzbescheinigung (Vorgang 0B6F3C1E)',
      '  https://portal.aarau.example/tasklist/?aufgabe=2251799813685300',
      '- Interne Aufgabe: Statistik',
      '  https://portal.aarau.example/tasklist/?aufgabe=2251799813685500',
      '',
      DIGEST_TEXTS.de.closing,
      '',
    ].join('\n'));
  });

  it('when only one kind of news exists, then the subject names only it, in every language', () => {
    expect(DIGEST_TEXTS.de.subject(1, 0)).toBe('Gemeindeportal: 1 neue Aufgabe');
    expect(DIGEST_TEXTS.de.subject(0, 2)).toBe('Gemeindeportal: 2 Aufgaben Ihnen zugewiesen');
    expect(DIGEST_TEXTS.fr.subject(2, 0)).toBe('Portail communal : 2 nouvelles tâches');
    expect(DIGEST_TEXTS.it.subject(0, 1)).toBe('Portale comunale: 1 compito assegnato a lei');
    expect(DIGEST_TEXTS.en.subject(1, 1)).toBe('Municipal portal: 1 new task, 1 task assigned to you');
  });
});
