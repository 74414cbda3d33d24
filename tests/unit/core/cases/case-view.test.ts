import { describe, expect, it } from 'vitest';
import { toCaseDetail, toCaseSummary, type CaseDetailParts } from '../../../../core/cases/case-view.ts';
import type { CaseRow } from '../../../../core/db/cases-repository.ts';
import type { Instalment } from '../../../../core/db/instalments-repository.ts';
import type { LocalisedText } from '../../../../core/language.ts';

const IN_PROGRESS: LocalisedText = { de: 'In Bearbeitung', fr: 'En traitement', it: 'In elaborazione', en: 'In progress' };

const caseRow = (overrides: Partial<CaseRow> = {}): CaseRow => ({
  id: '0b6f3c1e-9a3d-4c52-8f0e-2d7a1b9c4e55',
  citizenId: 'citizen-1',
  serviceId: 'residence-certificate',
  municipalityId: 'aarau',
  language: 'de',
  requestFingerprint: 'f'.repeat(64),
  processInstanceKey: '2251799813685249',
  createdAt: new Date('2025-03-10T09:15:00.000Z'),
  instanceState: 'ACTIVE',
  endedAt: null,
  openIncidents: 0,
  currentPhase: IN_PROGRESS,
  awaits: null,
  outcome: null,
  serviceRequest: null,
  organisation: null,
  ...overrides,
});

const noParts: CaseDetailParts = { history: [], documents: [], messages: [], expectedProcessingDays: 5, payment: undefined, instalments: [] };

describe('toCaseSummary', () => {
  it('when a case concerns an organisation, then the summary names it; a personal case says null (ORG-4)', () => {
    const organisation = { id: '5d1c2b7a-3e4f-4a5b-8c9d-0e1f2a3b4c5d', name: 'Turnverein Aarau' };
    expect(toCaseSummary(caseRow({ organisation })).organisation).toEqual(organisation);
    expect(toCaseSummary(caseRow()).organisation).toBeNull();
  });

  it('when a row is shown, then the identifying fields and the submission time are carried over', () => {
    expect(toCaseSummary(caseRow({ outcome: 'issued' }))).toMatchObject({
      id: '0b6f3c1e-9a3d-4c52-8f0e-2d7a1b9c4e55',
      serviceId: 'residence-certificate',
      municipalityId: 'aarau',
      language: 'de',
      submittedAt: '2025-03-10T09:15:00.000Z',
      outcome: 'issued',
    });
  });

  it.each([
    { language: 'de', openIncidents: 1, label: 'Verzögert' },
    { language: 'fr', openIncidents: 1, label: 'Retardé' },
    { language: 'it', openIncidents: 3, label: 'In ritardo' },
    { language: 'en', openIncidents: 2, label: 'Delayed' },
  ])('when $openIncidents incidents are open on a $language case, then it is delayed and labelled $label', ({ language, openIncidents, label }) => {
    const summary = toCaseSummary(caseRow({ language, openIncidents }));
    expect(summary.delayed).toBe(true);
    expect(summary.phaseLabel).toBe(label);
    expect(summary.phase).toEqual({ de: 'Verzögert', fr: 'Retardé', it: 'In ritardo', en: 'Delayed' });
  });

  it('when no incident is open, then the case is not delayed and shows its current phase', () => {
    const summary = toCaseSummary(caseRow({ language: 'fr', openIncidents: 0 }));
    expect(summary.delayed).toBe(false);
    expect(summary.phase).toEqual(IN_PROGRESS);
    expect(summary.phaseLabel).toBe('En traitement');
  });

  it.each([
    { language: 'de', label: 'Übermittelt' },
    { language: 'fr', label: 'Transmis' },
  ])('when no phase has been reached on a $language case, then it reads $label', ({ language, label }) => {
    const summary = toCaseSummary(caseRow({ language, currentPhase: null, instanceState: null }));
    expect(summary.phaseLabel).toBe(label);
    expect(summary.phase).toEqual({ de: 'Übermittelt', fr: 'Transmis', it: 'Trasmesso', en: 'Submitted' });
    expect(summary.delayed).toBe(false);
  });

  it.each([
    { instanceState: 'COMPLETED', state: 'completed' },
    { instanceState: 'TERMINATED', state: 'cancelled' },
    { instanceState: 'ACTIVE', state: 'in-progress' },
    { instanceState: null, state: 'in-progress' },
  ])('when the instance state is $instanceState, then the case state is $state', ({ instanceState, state }) => {
    expect(toCaseSummary(caseRow({ instanceState })).state).toBe(state);
  });

  it.each(['it', 'en', 'rm'])('when the phase has no "%s" text, then the label falls back to German', (language) => {
    const summary = toCaseSummary(caseRow({ language, currentPhase: { de: 'Zahlung', fr: 'Paiement' } }));
    expect(summary.phaseLabel).toBe('Zahlung');
  });
});

describe('toCaseDetail', () => {
  it.each([
    { days: 0, expected: '2025-03-10T09:15:00.000Z' },
    { days: 5, expected: '2025-03-15T09:15:00.000Z' },
    { days: 30, expected: '2025-04-09T09:15:00.000Z' },
  ])('when processing takes $days days, then completion is expected at $expected', ({ days, expected }) => {
    const detail = toCaseDetail(caseRow(), { ...noParts, expectedProcessingDays: days });
    expect(detail.expectedProcessingDays).toBe(days);
    expect(detail.expectedCompletionBy).toBe(expected);
  });

  it.each([
    { endedAt: null, completedAt: null },
    { endedAt: new Date('2025-03-12T14:00:00.000Z'), completedAt: '2025-03-12T14:00:00.000Z' },
  ])('when the instance ended at $endedAt, then completedAt is $completedAt', ({ endedAt, completedAt }) => {
    expect(toCaseDetail(caseRow({ endedAt }), noParts).completedAt).toBe(completedAt);
  });

  it('when the detail is built, then it carries the summary too', () => {
    const row = caseRow({ openIncidents: 1, language: 'fr' });
    expect(toCaseDetail(row, noParts)).toMatchObject(toCaseSummary(row));
  });

  it('when history entries are shown, then each is labelled in the case language with German fallback', () => {
    const detail = toCaseDetail(caseRow({ language: 'fr' }), {
      ...noParts,
      history: [
        { phase: { de: 'Eingegangen', fr: 'Reçue' }, enteredAt: new Date('2025-03-10T09:15:01.000Z') },
        { phase: { de: 'Nur Deutsch' }, enteredAt: new Date('2025-03-10T09:15:02.000Z') },
      ],
    });
    expect(detail.history).toEqual([
      { phase: { de: 'Eingegangen', fr: 'Reçue' }, phaseLabel: 'Reçue', enteredAt: '2025-03-10T09:15:01.000Z' },
      { phase: { de: 'Nur Deutsch' }, phaseLabel: 'Nur Deutsch', enteredAt: '2025-03-10T09:15:02.000Z' },
    ]);
  });

  it('when documents are listed, then each links to its download', () => {
    const detail = toCaseDetail(caseRow(), {
      ...noParts,
      documents: [{
        id: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f', kind: 'certificate', fileName: 'bescheinigung.pdf',
        mediaType: 'application/pdf', createdAt: new Date('2025-03-11T08:00:00.000Z'),
      }],
    });
    expect(detail.documents).toEqual([{
      id: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f', kind: 'certificate', fileName: 'bescheinigung.pdf',
      mediaType: 'application/pdf', createdAt: '2025-03-11T08:00:00.000Z', href: '/documents/7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f',
    }]);
  });

  it('when messages are listed, then each is rendered in the case language', () => {
    const detail = toCaseDetail(caseRow({ language: 'fr' }), {
      ...noParts,
      messages: [{ template: 'application-rejected', params: { reason: 'not-resident' }, createdAt: new Date('2025-03-11T08:00:00.000Z') }],
    });
    expect(detail.messages).toEqual([{
      template: 'application-rejected',
      author: 'municipality',
      text: "Votre demande a été refusée. Motif : La personne n'a pas son domicile principal dans la commune.",
      createdAt: '2025-03-11T08:00:00.000Z',
    }]);
  });

  it('when a question was asked once per visit and answered, then each reads as its template and author', () => {
    const detail = toCaseDetail(caseRow(), {
      ...noParts,
      messages: [
        { template: 'information-requested#2251799813685300', params: { question: 'Seit wann wohnen Sie hier?' }, createdAt: new Date('2025-03-11T08:00:00.000Z') },
        { template: 'citizen-answer:1', params: { text: 'Seit März 2019.' }, createdAt: new Date('2025-03-11T09:00:00.000Z') },
      ],
    });
    expect(detail.messages.map(({ template, author, text }) => ({ template, author, text }))).toEqual([
      { template: 'information-requested', author: 'municipality', text: expect.stringContaining('«Seit wann wohnen Sie hier?»') },
      { template: 'citizen-answer:1', author: 'citizen', text: 'Seit März 2019.' },
    ]);
  });

  it('when the case has an instalment plan, then each instalment shows its due date, amount and state in the case language', () => {
    const instalment = (number: number, state: Instalment['state']): Instalment => ({
      id: `i-${number}`, caseId: 'c', municipalityId: 'aarau', number, planId: 'RP-7', dueOn: `2027-0${number}-06`, amountRappen: 20_000 + number,
      reference: `21000000000313947143000901${number}`, referenceType: 'QRR', creditorIban: 'CH4431999123000889012', state, paidAt: null,
    });
    const detail = toCaseDetail(caseRow({ language: 'it' }), { ...noParts, instalments: [instalment(1, 'paid'), instalment(2, 'reminded'), instalment(3, 'open')] });
    expect(detail.instalmentPlan).toEqual({
      totalRappen: 60_006,
      paidRappen: 20_001,
      instalments: [
        { number: 1, dueDate: '2027-01-06', amountRappen: 20_001, reference: '210000000003139471430009011', state: 'paid', stateLabel: 'Pagata' },
        { number: 2, dueDate: '2027-02-06', amountRappen: 20_002, reference: '210000000003139471430009012', state: 'reminded', stateLabel: 'Sollecitata' },
        { number: 3, dueDate: '2027-03-06', amountRappen: 20_003, reference: '210000000003139471430009013', state: 'open', stateLabel: 'Aperta' },
      ],
    });
    expect(toCaseDetail(caseRow(), noParts).instalmentPlan).toBeNull();
  });

  it('when the current phase waits for the citizen, then the case awaits their answer unless a fault holds it', () => {
    expect(toCaseSummary(caseRow({ awaits: 'information-supplied' })).awaitingAnswer).toBe(true);
    expect(toCaseSummary(caseRow({ awaits: 'information-supplied', openIncidents: 1 })).awaitingAnswer).toBe(false);
    expect(toCaseSummary(caseRow({ awaits: 'information-supplied', instanceState: 'TERMINATED' })).awaitingAnswer).toBe(false);
    expect(toCaseSummary(caseRow()).awaitingAnswer).toBe(false);
  });
});
