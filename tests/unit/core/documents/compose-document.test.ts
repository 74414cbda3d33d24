import { describe, expect, it } from 'vitest';
import { composeDocument, DocumentTemplateError, type DocumentOrder } from '../../../../core/documents/compose-document.ts';
import { checkDocumentTemplate, type DocumentTemplate, type DocumentTranslation } from '../../../../core/documents/document-template.ts';

const translation = (language: string): DocumentTranslation => ({
  title: `Bescheid (${language})`,
  office: 'Steueramt',
  paragraphs: ['{{municipality.title}} ({{municipality.id}}, {{municipality.bfsNumber}}) am {{swissDate(issuedOn)}}.'],
  facts: { 'Betrag/Frist': '{{chf(amountRappen)}} bis {{longDate(dueOn)}}' },
  closing: ['Ohne Gegenbericht gilt der Plan.'],
  numberLabel: 'Nummer',
});
const template: DocumentTemplate = {
  number: 'RP-{{municipality.bfsNumber}}-{{caseNumber}}',
  de: translation('de'), fr: translation('fr'), it: translation('it'), en: translation('en'),
};

const order: DocumentOrder = {
  language: 'it',
  issuedOn: '2026-11-23',
  municipality: { id: 'aarau', bfsNumber: 4001, name: 'Aarau', letterhead: null },
  variables: { amountRappen: 123_450, dueOn: '2027-01-31', caseNumber: 'A1' },
};

describe('a document template filled for a case', () => {
  it('when it is filled, then every text of the language is, with the municipality, the issue date and Swiss formats of that language', () => {
    expect(checkDocumentTemplate(template)).toEqual({ template });
    expect(composeDocument(template, order)).toEqual({
      language: 'it',
      issuedOn: '2026-11-23',
      place: 'Aarau',
      letterhead: { name: 'Comune di Aarau', office: 'Steueramt', address: null, contact: [] },
      title: 'Bescheid (it)',
      paragraphs: ['Comune di Aarau (aarau, 4001) am 23.11.2026.'],
      facts: [['Betrag/Frist', 'CHF 1’234.50 bis 31 gennaio 2027']],
      closing: ['Ohne Gegenbericht gilt der Plan.'],
      number: { label: 'Nummer', value: 'RP-4001-A1' },
      note: null,
    });
  });

  it('when a process variable has the name of one of the document\'s own, then the document\'s own is read', () => {
    const shadowing = { ...order, variables: { ...order.variables, municipality: { title: 'Fälschung' }, issuedOn: '1999-01-01', chf: 'x' } };
    const filled = composeDocument(template, shadowing);
    expect(filled.paragraphs).toEqual(['Comune di Aarau (aarau, 4001) am 23.11.2026.']);
    expect(filled.facts[0]?.[1]).toMatch(/^CHF 1’234.50/);
  });

  it.each([
    ['a variable is missing', { amountRappen: undefined }, '/it/facts/Betrag~1Frist', /\{\{chf\(amountRappen\)\}\} failed: chf expects an amount in Rappen/],
    ['a date is no calendar day', { dueOn: '2027-02-30' }, '/it/facts/Betrag~1Frist', /longDate\(dueOn\)\}\} failed/],
    ['the number reads nothing', { caseNumber: null }, '/number', /\{\{caseNumber\}\} has no value/],
  ])('when %s, then filling fails naming the template\'s field and the expression, never the data', (_case, change, pointer, message) => {
    const broken = { ...order, variables: { ...order.variables, ...change } };
    let error: unknown;
    try {
      composeDocument(template, broken);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DocumentTemplateError);
    expect(error).toMatchObject({ pointer, message: expect.stringMatching(message) });
    expect((error as Error).message).not.toMatch(/123450|2027/);
  });
});
