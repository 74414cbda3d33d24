/**
 * Fills a package's document template for one case: its texts in the case's language, each
 * placeholder evaluated over the process variables, the municipality (id, name, bfsNumber and
 * title, its name as it signs in that language) and the issue date; the letterhead from the
 * municipality's configuration. What comes out is what the PDF renderer lays out.
 */
import type { DocumentPdfInput } from '../../connectors/documents/document-pdf.ts';
import type { Municipality } from '../db/catalogue-repository.ts';
import type { Language } from '../language.ts';
import { escapePointer, type DocumentTemplate } from './document-template.ts';
import { fillPlaceholders, PlaceholderError } from './placeholders.ts';
import { templateFunctions } from './template-functions.ts';

export interface DocumentOrder {
  language: Language;
  /** The process variables the placeholders read. */
  variables: Readonly<Record<string, unknown>>;
  municipality: Pick<Municipality, 'id' | 'name' | 'bfsNumber' | 'letterhead'>;
  /** 'YYYY-MM-DD', the day in Zurich. */
  issuedOn: string;
}

/** A placeholder of the template could not be filled for this case: where (a JSON pointer into the template) and why. */
export class DocumentTemplateError extends Error {
  override readonly name = 'DocumentTemplateError';
  readonly pointer: string;
  constructor(pointer: string, message: string) {
    super(message);
    this.pointer = pointer;
  }
}

/** French elides 'de' before a vowel: 'Commune d’Aarau', 'Commune de Baden'. */
const frenchOf = (name: string): string => (/^[aeiouyàâäéèêëîïôöùûü]/i.test(name) ? `d’${name}` : `de ${name}`);

/** The municipality as it signs a document in each language. */
const TITLES: Record<Language, (name: string) => string> = {
  de: (name) => `Gemeinde ${name}`,
  fr: (name) => `Commune ${frenchOf(name)}`,
  it: (name) => `Comune di ${name}`,
  en: (name) => `Municipality of ${name}`,
};

/** The document's texts and letterhead; throws DocumentTemplateError naming the field whose placeholder has no printable value. */
export function composeDocument(template: DocumentTemplate, order: DocumentOrder): DocumentPdfInput {
  const { language, municipality, issuedOn } = order;
  const title = TITLES[language](municipality.name);
  // The document's own names come last: a process variable cannot stand in for them.
  const context = {
    ...order.variables,
    ...templateFunctions(language),
    municipality: { id: municipality.id, name: municipality.name, bfsNumber: municipality.bfsNumber, title },
    issuedOn,
  };
  const fill = (pointer: string, text: string): string => {
    try {
      return fillPlaceholders(text, context);
    } catch (error) {
      if (error instanceof PlaceholderError) throw new DocumentTemplateError(pointer, error.message);
      throw error;
    }
  };
  const texts = template[language];
  const at = (field: string) => `/${language}/${field}`;
  const { letterhead } = municipality;
  return {
    language,
    issuedOn,
    place: municipality.name,
    letterhead: {
      name: title,
      office: fill(at('office'), texts.office),
      address: letterhead && { street: letterhead.street, buildingNumber: letterhead.buildingNumber, postalCode: letterhead.postalCode, town: letterhead.town },
      contact: letterhead ? [letterhead.phone, letterhead.email, letterhead.website].filter((line) => line !== null) : [],
    },
    title: fill(at('title'), texts.title),
    paragraphs: texts.paragraphs.map((text, index) => fill(at(`paragraphs/${index}`), text)),
    facts: Object.entries(texts.facts ?? {}).map(([label, text]) => [label, fill(at(`facts/${escapePointer(label)}`), text)] as const),
    closing: (texts.closing ?? []).map((text, index) => fill(at(`closing/${index}`), text)),
    number: { label: fill(at('numberLabel'), texts.numberLabel), value: fill('/number', template.number) },
    note: texts.note === undefined ? null : fill(at('note'), texts.note),
  };
}
