/**
 * The connector tasks modellers pick in the modeller instead of typing job types: one Zeebe
 * element template per worker a diagram may call. The templates themselves sit beside their
 * workers (back-office/, payment/, and the case tasks here); `npm run templates` writes them as
 * JSON to processes/element-templates/, and a test keeps the files, the workers and the schema
 * in step.
 */
import { messageTemplateNames, renderMessage } from '../../core/cases/message-texts.ts';

export type TemplateInput = {
  readonly name: string;
  readonly label: string;
  readonly description: string;
  /** FEEL expression the modeller starts with. */
  readonly value: string;
  /** Not required by the worker: left empty, the task maps nothing. */
  readonly optional?: boolean;
};

export type TemplateOutput = { readonly variable: string; readonly label: string; readonly description: string };

/** A task header the modeller picks from a list (e.g. notify-citizen's message template). */
export type TemplateHeader = {
  readonly key: string;
  readonly label: string;
  readonly description: string;
  readonly choices: readonly { readonly name: string; readonly value: string }[];
};

export type TemplateCategory = 'back-office' | 'payment' | 'case';

export type ConnectorTemplate = {
  readonly jobType: string;
  /**
   * Raise it whenever the generated template changes: diagrams keep the version they were made
   * with, and `npm run templates` keeps the older version in previous/ so that the modeller can
   * still show their fields and offer the upgrade.
   */
  readonly version: number;
  readonly category: TemplateCategory;
  readonly name: string;
  readonly description: string;
  readonly inputs: readonly TemplateInput[];
  readonly outputs: readonly TemplateOutput[];
  readonly headers?: readonly TemplateHeader[];
  /** BPMN error codes the task throws for business outcomes, for the modeller's boundary events. */
  readonly errors: readonly string[];
};

const CATEGORIES: Record<TemplateCategory, string> = {
  'back-office': 'Back Office der Gemeinde',
  payment: 'Zahlung',
  case: 'Vorgang',
};

/** The inputs nearly every connector needs: the case and its municipality. */
export const caseInputs: readonly TemplateInput[] = [
  { name: 'caseId', label: 'Vorgang', description: 'Ordnet den Aufruf in den Protokollen zu und macht Schreibvorgänge idempotent.', value: '=caseId' },
  { name: 'municipalityId', label: 'Gemeinde', description: 'Wessen Back Office (oder zuständige Stelle) angefragt wird; aus dem Katalog.', value: '=municipalityId' },
];

const firstLine = (text: string): string => (text.length > 70 ? `${text.slice(0, 69)}…` : text);

// Placeholders stay visible in the choices' texts: «{question}», not an empty «».
const placeholders = new Proxy<Record<string, string>>({}, { get: (_target, key) => `{${String(key)}}` });

/** notify-citizen's `template` header: the known messages, each shown with its German text. */
const messageChoices = messageTemplateNames().map((value) => ({
  value,
  name: `${value}: ${firstLine(renderMessage(value, placeholders, 'de'))}`,
}));

/** The case's own tasks: the certificate and the messages to the citizen. */
export const CASE_TEMPLATES: readonly ConnectorTemplate[] = [
  {
    jobType: 'issue-certificate',
    version: 1,
    category: 'case',
    name: 'Bescheinigung ausstellen',
    description: 'Stellt die Wohnsitzbescheinigung als PDF in der Sprache der Bestellung aus und legt sie unter «Meine Dokumente» ab.',
    inputs: [
      ...caseInputs,
      { name: 'language', label: 'Sprache', description: "'de', 'fr', 'it' oder 'en'.", value: '=language' },
      { name: 'applicant', label: 'Antragsteller/in', description: 'Kontext mit firstName, lastName und dateOfBirth.', value: '=applicant' },
      { name: 'resident', label: 'Einwohner/in', description: 'Aus «Person im Einwohnerregister suchen»: residenceType, since, address.', value: '=resident' },
    ],
    outputs: [{ variable: 'documentId', label: 'Dokument', description: 'Die Id der abgelegten Bescheinigung.' }],
    errors: [],
  },
  {
    // Version 2: the messages of the contact-data change (ADM-4) joined the dropdown.
    jobType: 'notify-citizen',
    version: 2,
    category: 'case',
    name: 'Bürger/in benachrichtigen',
    description: 'Schreibt der Bürgerin oder dem Bürger eine Nachricht zum Vorgang, einmal je Besuch der Aufgabe.',
    inputs: [
      { name: 'caseId', label: 'Vorgang', description: 'Der Vorgang, zu dem die Nachricht erscheint.', value: '=caseId' },
      {
        name: 'messageParams', label: 'Platzhalter der Nachricht', optional: true, value: '',
        description: 'Kontext mit den Platzhaltern der Nachricht, z. B. ={question: informationRequest}; leer, wenn die Nachricht keine hat.',
      },
    ],
    outputs: [],
    headers: [{ key: 'template', label: 'Nachricht', description: 'Welche Nachricht die Bürgerin oder der Bürger erhält.', choices: messageChoices }],
    errors: [],
  },
];

const SCHEMA = 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json';

/** The Zeebe element template JSON of one connector task. */
export function toElementTemplate(template: ConnectorTemplate): Record<string, unknown> {
  const errors = template.errors.length === 0 ? '' : ` Fachliche Ergebnisse als BPMN-Fehler: ${template.errors.join(', ')}.`;
  const headers = template.headers ?? [];
  return {
    $schema: SCHEMA,
    name: template.name,
    id: `gemeindeportal.${template.jobType}`,
    version: template.version,
    description: `${template.description}${errors}`,
    category: { id: `gemeindeportal-${template.category}`, name: CATEGORIES[template.category] },
    appliesTo: ['bpmn:Task'],
    elementType: { value: 'bpmn:ServiceTask' },
    groups: [
      ...(headers.length ? [{ id: 'headers', label: 'Einstellungen' }] : []),
      ...(template.inputs.length ? [{ id: 'input', label: 'Eingaben' }] : []),
      ...(template.outputs.length ? [{ id: 'output', label: 'Ergebnisvariablen' }] : []),
    ],
    properties: [
      { type: 'Hidden', value: template.jobType, binding: { type: 'zeebe:taskDefinition', property: 'type' } },
      { type: 'Hidden', value: '3', binding: { type: 'zeebe:taskDefinition', property: 'retries' } },
      ...headers.map((header) => ({
        label: header.label,
        description: header.description,
        group: 'headers',
        type: 'Dropdown',
        value: header.choices[0]?.value,
        choices: header.choices,
        binding: { type: 'zeebe:taskHeader', key: header.key },
        constraints: { notEmpty: true },
      })),
      ...template.inputs.map((input) => ({
        label: input.label,
        description: input.description,
        group: 'input',
        type: 'String',
        feel: 'required',
        ...(input.value ? { value: input.value } : {}),
        binding: { type: 'zeebe:input', name: input.name },
        ...(input.optional ? { optional: true } : { constraints: { notEmpty: true } }),
      })),
      ...template.outputs.map((output) => ({
        label: output.label,
        description: `${output.description} Name der Prozessvariablen, die es erhält.`,
        group: 'output',
        type: 'String',
        value: output.variable,
        binding: { type: 'zeebe:output', source: `=${output.variable}` },
        constraints: { notEmpty: true },
      })),
    ],
  };
}
