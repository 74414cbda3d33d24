import { Ajv } from 'ajv';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { publishedManifestSchema } from '../../../../core/catalogue/service-manifest.ts';
import { checkServicePackage, MANIFEST_FILE, readPackageFiles, readServicePackages, ServicePackageError } from '../../../../core/catalogue/service-packages.ts';
import { MANIFEST_SCHEMA_FILE, manifestSchemaText } from '../../../../scripts/element-templates.ts';

const repositoryRoot = resolve(import.meta.dirname, '../../../..');
const processes = join(repositoryRoot, 'processes');
/** The contact-data change's manifest without its start form and pre-fill, which the cases below add as they need. */
const shippedManifest = `${readFileSync(join(processes, 'contact-data-change/service.yaml'), 'utf8').split('\nstartForm:')[0]}\n`;

let scratch: string | undefined;
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

/** A processes/ folder holding the contact-data change's package, its manifest edited by `edit`. */
function packagesWith(edit: (manifest: string) => string, folder = 'contact-data-change'): string {
  scratch = mkdtempSync(join(tmpdir(), 'packages-'));
  const dir = join(scratch, 'processes');
  cpSync(join(processes, 'contact-data-change'), join(dir, folder), { recursive: true });
  writeFileSync(join(dir, folder, 'service.yaml'), edit(shippedManifest));
  return dir;
}

/** A `settings` block declaring maxInstalments with `fields` (YAML at four spaces' indent). */
const setting = (fields: string) => `settings:
  maxInstalments:
    type: integer
    ${fields}
    names: { de: Anzahl Raten, fr: Nombre de mensualités, it: Numero di rate, en: Number of instalments }
`;

async function problemsOf(dir: string) {
  const error = await readServicePackages(dir).then(() => undefined, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(ServicePackageError);
  return (error as ServicePackageError).problems;
}

describe('service packages', () => {
  it('when the platform reads processes/, then each folder with a manifest is a service, named in the four languages', async () => {
    const packages = await readServicePackages(processes);
    expect(packages.map((p) => [p.manifest.id, p.manifestFile])).toEqual([
      ['contact-data-change', 'processes/contact-data-change/service.yaml'],
      ['instalment-plan', 'processes/instalment-plan/service.yaml'],
      ['residence-certificate', 'processes/residence-certificate/service.yaml'],
    ]);
    for (const { manifest } of packages) expect(Object.keys(manifest.names)).toEqual(['de', 'fr', 'it', 'en']);
  });

  it.each([
    ['a translation is missing', (m: string) => m.replace(/^ {2}fr: Modifier les coordonnées.*\n/m, ''), '/names/fr'],
    ['the audience is unknown', (m: string) => m.replace('audience: personal', 'audience: everyone'), '/audience'],
    ['an institution is responsible without saying which kind', (m: string) => m.replace('  level: municipality', '  level: institution'), '/responsibility'],
    ['a form field is pre-filled from no account field', (m: string) => `${m}prefill:\n  applicant.firstName: nickname\n`, '/prefill/applicant.firstName'],
    ['the fee is not whole Rappen', (m: string) => m.replace('defaultRappen: 0', 'defaultRappen: 12.5'), '/fee/defaultRappen'],
    ['the process is not in the diagram', (m: string) => m.replace('bpmnProcessId: contact-data-change', 'bpmnProcessId: contact-data-changes'), '/bpmnProcessId'],
    ['the file is not YAML', () => 'id: [unclosed', '/'],
    ['a setting\'s default lies outside its bounds', (m: string) => `${m}${setting('default: 30\n    maximum: 24')}`, '/settings/maxInstalments/default'],
    ['a setting has no names', (m: string) => `${m}settings:\n  maxInstalments: { type: integer, default: 12 }\n`, '/settings/maxInstalments'],
  ])('when %s, then the platform refuses to start, naming the manifest and the field', async (_case, edit, pointer) => {
    const problems = await problemsOf(packagesWith(edit));
    expect(problems.map((p) => [p.file, p.pointer])).toContainEqual(['processes/contact-data-change/service.yaml', pointer]);
  });

  it('when a package names its start form, then the platform reads it with the manifest', async () => {
    const certificate = (await readServicePackages(processes)).find((p) => p.manifest.id === 'residence-certificate');
    expect(certificate?.startForm).toMatchObject({ id: 'residence-certificate-start', type: 'default' });
    expect(JSON.stringify(certificate?.startForm)).toContain('"path":"applicant"');
  });

  it.each([
    ['a start form that is not in the package', '', 'missing.form is not in the package'],
    ['a start form that is not a form-js schema', '{ "components": [] }', 'is not a form-js schema'],
  ])('when a manifest names %s, then that is refused at /startForm', async (_case, content, message) => {
    const dir = packagesWith((m) => `${m}startForm: ${content ? 'start.form' : 'missing.form'}\n`);
    if (content) writeFileSync(join(dir, 'contact-data-change', 'start.form'), content);
    expect(await problemsOf(dir)).toContainEqual(expect.objectContaining({ pointer: '/startForm', message: expect.stringContaining(message) }));
  });

  it.each([
    ['a field the intake cannot check', { type: 'expression', key: 'total' }, '/startForm', 'field total is of type expression, which the intake cannot check'],
    ['a filepicker for files whose content cannot be recognised', { type: 'filepicker', key: 'scan', accept: '.pdf,.txt' }, '/startForm', 'field scan: its accept names .txt, whose content the intake cannot recognise'],
    ['a filepicker whose multiple is an expression', { type: 'filepicker', key: 'scan', multiple: '=true' }, '/startForm', 'field scan: its multiple is an expression'],
    ['a filepicker in a dynamic list', { type: 'dynamiclist', path: 'items', components: [{ type: 'filepicker', key: 'scan' }] }, '/startForm', 'field items.scan is a filepicker in a dynamic list'],
    ['a field named like a platform variable', { type: 'textfield', key: 'caseId' }, '/startForm', 'field caseId would overwrite the platform\'s variable of that name'],
    ['options from a source the manifest does not name', { type: 'checklist', key: 'items', valuesKey: 'openItems' }, '/formData', 'names no source for openItems'],
  ])('when a start form has %s, then the package is refused naming it', async (_case, field, pointer, message) => {
    const dir = packagesWith((m) => `${m}startForm: start.form\n`);
    writeFileSync(join(dir, 'contact-data-change', 'start.form'), JSON.stringify({ id: 'start', type: 'default', components: [field] }));
    expect(await problemsOf(dir)).toContainEqual(expect.objectContaining({ pointer, message: expect.stringContaining(message) }));
  });

  it('when a task of the diagram asks for a form the package does not have, then the package is refused naming task and form', async () => {
    const dir = packagesWith((m) => m);
    rmSync(join(dir, 'contact-data-change', 'contact-data-change-review.form'));
    expect(await problemsOf(dir)).toContainEqual(expect.objectContaining({
      file: 'processes/contact-data-change/service.yaml', message: expect.stringMatching(/the task .+ asks for the form contact-data-change-review, which no \.form in the package is/),
    }));
  });

  it('when the manifest pre-fills a field the start form does not have, then that is refused at the field', async () => {
    const dir = packagesWith((m) => `${m}startForm: start.form\nprefill:\n  applicant.nickname: firstName\n`);
    writeFileSync(join(dir, 'contact-data-change', 'start.form'), JSON.stringify({ id: 'start', type: 'default', components: [] }));
    expect(await problemsOf(dir)).toContainEqual(expect.objectContaining({ pointer: '/prefill/applicant.nickname', message: 'is not a field of start.form' }));
  });

  it('when a manifest\'s id is not its folder\'s name, then that is refused', async () => {
    const problems = await problemsOf(packagesWith((m) => m, 'contact-change'));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'processes/contact-change/service.yaml', pointer: '/id' }));
  });

  it('when a package is held in memory rather than in a folder, then the same checks pass it and refuse what they refuse on disk', async () => {
    const files = new Map(await readPackageFiles(join(processes, 'residence-certificate')));
    expect([...files.keys()]).toEqual([
      'residence-certificate-review.form', 'residence-certificate-start.form', 'residence-certificate.bpmn', 'service.yaml', 'templates/residence-certificate.yaml',
    ]);
    const passed = await checkServicePackage('residence-certificate', files, 'processes/residence-certificate');
    expect(passed.problems).toEqual([]);
    expect(passed.servicePackage?.documentTemplates.map((template) => template.file)).toEqual(['processes/residence-certificate/templates/residence-certificate.yaml']);

    files.set(MANIFEST_FILE, (files.get(MANIFEST_FILE) ?? '').replace(/^ {2}fr: Attestation de domicile principal\n/m, ''));
    files.delete('templates/residence-certificate.yaml');
    const refused = await checkServicePackage('residence-certificate', files, 'processes/residence-certificate');
    expect(refused.problems.map((p) => [p.file, p.pointer])).toEqual([['processes/residence-certificate/service.yaml', '/names/fr']]);
    files.set(MANIFEST_FILE, (files.get(MANIFEST_FILE) ?? '').replace('names:\n', 'names:\n  fr: Attestation\n'));
    expect((await checkServicePackage('residence-certificate', files, 'processes/residence-certificate')).problems.map((p) => [p.file, p.pointer])).toEqual([
      ['processes/residence-certificate/service.yaml', '/documents/0/kind'],
    ]);
  });

  it('when the published schema checks the shipped manifests, then it accepts them and refuses what the platform refuses', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(publishedManifestSchema());
    for (const service of ['residence-certificate', 'contact-data-change']) {
      expect(validate(parseYaml(readFileSync(join(processes, service, 'service.yaml'), 'utf8'))), service).toBe(true);
    }
    expect(validate(parseYaml(shippedManifest.replace('audience: personal', 'audience: everyone')))).toBe(false);
  });

  it('when the manifest schema changes, then processes/service.schema.json is written anew by npm run templates', () => {
    expect(readFileSync(join(repositoryRoot, MANIFEST_SCHEMA_FILE), 'utf8')).toBe(manifestSchemaText());
  });
});
