/**
 * A document template of a service package (`processes/<service-id>/templates/<document-kind>.yaml`):
 * the texts of one document the service issues, complete in German, French, Italian and English,
 * with `{{ FEEL }}` placeholders over the process variables (placeholders.ts). The layout is the
 * platform's (connectors/documents/document-pdf.ts); the letterhead is the municipality's.
 * Published as `processes/document-template.schema.json` by `npm run templates`.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { LANGUAGES } from '../language.ts';
import { schemaProblems } from '../schema-problems.ts';
import { placeholderProblems } from './placeholders.ts';
import { TEMPLATE_FUNCTION_NAMES } from './template-functions.ts';

const Text = (description: string, maxLength = 1000) => Type.String({ minLength: 1, maxLength, pattern: '\\S', description });

const Paragraphs = (description: string) => Type.Array(Text('A paragraph; its line breaks are kept.', 4000), { minItems: 1, maxItems: 30, description });

const Translation = Type.Object({
  title: Text('The heading, also the PDF\'s title.', 200),
  office: Text('The issuing office, under the municipality\'s name in the letterhead and above the signature, e.g. Einwohnerkontrolle.', 200),
  paragraphs: Paragraphs('The text before the facts.'),
  facts: Type.Optional(Type.Record(Type.String({ minLength: 1, maxLength: 80 }), Text('The value beside its label.'), {
    maxProperties: 40, description: 'Label and value side by side, in this order: Name: \'{{applicant.firstName}} {{applicant.lastName}}\'.',
  })),
  closing: Type.Optional(Paragraphs('The text after the facts.')),
  numberLabel: Text('What the document\'s number is called on it, e.g. Bestätigungsnummer.', 80),
  note: Type.Optional(Text('A line at the foot of the page.', 300)),
}, { additionalProperties: false });

export const DocumentTemplateSchema = Type.Object({
  number: Text('The document\'s number, printed on it and its file name: e.g. WB-{{municipality.bfsNumber}}-{{upper case(substring(caseId, 1, 8))}}.', 200),
  de: Translation,
  fr: Translation,
  it: Translation,
  en: Translation,
}, { additionalProperties: false, $id: 'https://gemeindeportal.example/schemas/document-template.json' });

export type DocumentTemplate = Static<typeof DocumentTemplateSchema>;
export type DocumentTranslation = Static<typeof Translation>;

/** A JSON pointer into the template and what is wrong there. */
export interface TemplateProblem {
  pointer: string;
  message: string;
}

/** The template, or every problem of the parsed file: a field missing or wrong (a translation among them), a placeholder that is not FEEL. */
export function checkDocumentTemplate(document: unknown): { template: DocumentTemplate } | { problems: TemplateProblem[] } {
  if (!Value.Check(DocumentTemplateSchema, document)) return { problems: schemaProblems(DocumentTemplateSchema, document) };
  const problems = templateTexts(document).flatMap(({ pointer, text }) =>
    placeholderProblems(text, TEMPLATE_FUNCTION_NAMES).map((message) => ({ pointer, message })));
  return problems.length > 0 ? { problems } : { template: document };
}

/** Every text of the template that may hold placeholders, with its pointer. */
function templateTexts(template: DocumentTemplate): { pointer: string; text: string }[] {
  const texts = [{ pointer: '/number', text: template.number }];
  for (const language of LANGUAGES) {
    const { facts = {}, closing = [], paragraphs, ...single } = template[language];
    for (const [field, text] of Object.entries(single)) texts.push({ pointer: `/${language}/${field}`, text });
    paragraphs.forEach((text, index) => texts.push({ pointer: `/${language}/paragraphs/${index}`, text }));
    for (const [label, text] of Object.entries(facts)) texts.push({ pointer: `/${language}/facts/${escapePointer(label)}`, text });
    closing.forEach((text, index) => texts.push({ pointer: `/${language}/closing/${index}`, text }));
  }
  return texts;
}

/** RFC 6901: `~` and `/` in a key. */
export const escapePointer = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');

/** The published JSON Schema, for editors of the templates. */
export function publishedTemplateSchema(): TSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Document template of a service package (processes/<service-id>/templates/<document-kind>.yaml)',
    description: 'The texts of one document a service issues, in German, French, Italian and English. Placeholders {{ … }} hold FEEL expressions over the process variables, municipality (id, name, bfsNumber, title) and issuedOn; besides FEEL\'s functions they may call swissDate, longDate and chf.',
    ...JSON.parse(JSON.stringify(DocumentTemplateSchema)) as TSchema,
  };
}
