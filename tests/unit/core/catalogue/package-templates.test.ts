import { Ajv } from 'ajv';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readServicePackages, ServicePackageError } from '../../../../core/catalogue/service-packages.ts';
import { publishedTemplateSchema } from '../../../../core/documents/document-template.ts';
import { TEMPLATE_SCHEMA_FILE, templateSchemaText } from '../../../../scripts/element-templates.ts';

const repositoryRoot = resolve(import.meta.dirname, '../../../..');
const processes = join(repositoryRoot, 'processes');
const SERVICE = 'residence-certificate';
const TEMPLATE = `processes/${SERVICE}/templates/residence-certificate.yaml`;
const MANIFEST = `processes/${SERVICE}/service.yaml`;
const shippedTemplate = readFileSync(join(repositoryRoot, TEMPLATE), 'utf8');

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** A processes/ folder holding the residence certificate's package, its template edited by `edit`. */
function certificateWith(edit: (template: string) => string): string {
  scratch = mkdtempSync(join(tmpdir(), 'packages-'));
  const dir = join(scratch, 'processes');
  cpSync(join(processes, SERVICE), join(dir, SERVICE), { recursive: true });
  writeFileSync(join(dir, SERVICE, 'templates', 'residence-certificate.yaml'), edit(shippedTemplate));
  return dir;
}

async function problemsOf(dir: string) {
  const error = await readServicePackages(dir).then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ServicePackageError);
  return (error as ServicePackageError).problems.map(({ file, pointer, message }) => ({ file, pointer, message }));
}

/** The shipped template without one language's block. */
const withoutLanguage = (language: string) => (template: string) => template.replace(new RegExp(`^${language}:\\n(?: {2}.*\\n|\\s*#.*\\n)+`, 'm'), '');

describe('document templates of a service package', () => {
  it('when the platform reads a package, then each document of its manifest comes with its template', async () => {
    const certificate = (await readServicePackages(processes)).find((p) => p.manifest.id === SERVICE);
    expect(certificate?.documentTemplates.map(({ kind, file }) => ({ kind, file }))).toEqual([{ kind: 'residence-certificate', file: TEMPLATE }]);
    expect(certificate?.documentTemplates[0]?.template.it.title).toBe('Certificato di domicilio');
  });

  it.each([
    ['a translation is missing', withoutLanguage('it'), '/it', /Expected required property/],
    ['a translation has no title', (t: string) => t.replace('  title: Attestation de domicile\n', ''), '/fr/title', /Expected required property/],
    ['a translation has no paragraph', (t: string) => t.replace(/( {2}paragraphs:\n)(?: {4}.*\n)+(?= {2}facts:\n {4}Name: .*\n {4}Date of birth)/, '  paragraphs: []\n'), '/en/paragraphs', /Expected array length to be greater or equal to 1/],
    ['a field is unknown', (t: string) => t.replace('  numberLabel: Bestätigungsnummer\n', '  numberLabel: Bestätigungsnummer\n  signature: Die Gemeinde\n'), '/de/signature', /Unexpected property/],
    ['a placeholder is not FEEL', (t: string) => t.replace("Nome: '{{applicant.firstName}}", "Nome: '{{applicant.firstName +}}"), '/it/facts/Nome', /is not a FEEL expression/],
    ['a placeholder is not closed', (t: string) => t.replace('(caseId, 1, 8))}}\n', '(caseId, 1, 8))\n'), '/number', /has no closing \}\}/],
    ['a placeholder calls an unknown function', (t: string) => t.replace("Geburtsdatum: '{{swissDate(", "Geburtsdatum: '{{swisDate("), '/de/facts/Geburtsdatum', /calls swisDate/],
    ['the file is not YAML', () => 'de: [unclosed', '/', /is not YAML/],
  ])('when %s, then the platform refuses to start, naming the template and the field', async (_case, edit, pointer, message) => {
    const problems = await problemsOf(certificateWith(edit));
    expect(problems).toContainEqual({ file: TEMPLATE, pointer, message: expect.stringMatching(message) });
  });

  it('when a document of the manifest has no template, then that is refused at the manifest\'s document', async () => {
    const dir = certificateWith((t) => t);
    unlinkSync(join(dir, SERVICE, 'templates', 'residence-certificate.yaml'));
    expect(await problemsOf(dir)).toEqual([
      { file: MANIFEST, pointer: '/documents/0/kind', message: 'has no template: templates/residence-certificate.yaml is not in the package' },
    ]);
  });

  it('when a template is of no document of the manifest, then that is refused, naming it', async () => {
    const dir = certificateWith((t) => t);
    writeFileSync(join(dir, SERVICE, 'templates', 'residence-certificat.yaml'), shippedTemplate);
    expect(await problemsOf(dir)).toEqual([
      { file: `processes/${SERVICE}/templates/residence-certificat.yaml`, pointer: '/', message: 'is the template of no document: the manifest\'s documents are residence-certificate' },
    ]);
  });

  it('when the published schema checks the shipped template, then it accepts it and refuses a missing translation', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(publishedTemplateSchema());
    expect(validate(parseYaml(shippedTemplate))).toBe(true);
    expect(validate(parseYaml(withoutLanguage('en')(shippedTemplate)))).toBe(false);
  });

  it('when the template schema changes, then processes/document-template.schema.json is written anew by npm run templates', () => {
    expect(readFileSync(join(repositoryRoot, TEMPLATE_SCHEMA_FILE), 'utf8')).toBe(templateSchemaText());
  });
});
