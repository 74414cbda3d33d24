// A new service made in the modeller: what it starts from, and that the checks of packages in
// processes/ apply to it as it is held in the database.
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseDiagram, processesOf, zeebePropertiesOf, allFlowElements } from '../../../../core/bpmn/diagram.ts';
import type { ServiceManifest } from '../../../../core/catalogue/service-manifest.ts';
import { createDiagramLinter } from '../../../../core/modeller/lint-diagram.ts';
import { checkNewService, manifestText, packageFilesOf, startingDiagram, startingStartForm, STARTING_PREFILL } from '../../../../core/modeller/new-service.ts';

const manifest: ServiceManifest = {
  id: 'hundemarke',
  bpmnProcessId: 'hundemarke',
  names: { de: 'Hundemarke «Bello» & Co.', fr: 'Médaille pour chien', it: 'Medaglietta per cani', en: 'Dog tag' },
  descriptions: { de: 'Die Marke für Ihren Hund.', fr: 'La médaille de votre chien.', it: 'La medaglietta del vostro cane.', en: 'The tag for your dog.' },
  keywords: { de: ['Hund', 'Hundesteuer'], fr: ['chien'], it: ['cane'], en: ['dog'] },
  audience: 'personal',
  responsibility: { level: 'municipality' },
  fee: { defaultRappen: 5000 },
  payment: { methods: ['online'] },
  documents: [],
  expectedProcessingDays: 5,
  startForm: 'hundemarke-start.form',
  prefill: { ...STARTING_PREFILL },
};
const diagram = startingDiagram(manifest);
const startForm = startingStartForm(manifest);
const forms = { [startForm.id]: startForm };

describe('a new service\'s starting package', () => {
  it('when a service is made, then its diagram is one executable process named as the service, with the citizen\'s phases in four languages', async () => {
    const { definitions, warnings } = await parseDiagram(diagram);
    expect(warnings).toEqual([]);
    const [process] = processesOf(definitions);
    expect(process).toMatchObject({ id: 'hundemarke', name: 'Hundemarke «Bello» & Co.', isExecutable: true });
    const phases = [...allFlowElements(definitions)].map((element) => [element.id, Object.fromEntries(zeebePropertiesOf(element))]);
    expect(phases).toContainEqual(['application-received', { phase: 'Eingegangen', 'phase.fr': 'Reçue', 'phase.it': 'Ricevuta', 'phase.en': 'Received' }]);
    expect(phases).toContainEqual(['application-completed', { phase: 'Abgeschlossen', 'phase.fr': 'Terminée', 'phase.it': 'Conclusa', 'phase.en': 'Completed', outcome: 'completed' }]);
  });

  it('when the starting diagram is linted with the repository\'s rules, then it has no errors', async () => {
    const findings = await createDiagramLinter()(await parseDiagram(diagram));
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });

  it('when a service is made, then its start form asks for the applicant and, for a fee, how to pay it', () => {
    expect(startForm.id).toBe('hundemarke-start');
    const applicant = startForm.components.find((component) => (component as { path?: string }).path === 'applicant') as { components: { key: string }[] };
    expect(applicant.components.map((field) => field.key)).toEqual(['firstName', 'lastName', 'dateOfBirth']);
    expect(JSON.stringify(startForm)).toContain('"key":"paymentMethod"');
    expect(JSON.stringify(startingStartForm({ ...manifest, payment: { methods: [] } }))).not.toContain('paymentMethod');
  });

  it('when the starting package is checked as a package of processes/, then it passes, and its manifest file reads back as the manifest', async () => {
    const checked = await checkNewService('hundemarke', manifest, diagram, forms);
    expect(checked).toMatchObject({ servicePackage: { manifest, startForm: { id: 'hundemarke-start' }, folder: 'processes/hundemarke' } });
    expect(parseYaml(manifestText(manifest))).toEqual(manifest);
    // Read back from jsonb, the keys come sorted the database's way; the file has the fields as the schema lists them, German first.
    const sorted = JSON.parse(JSON.stringify(manifest, (_key, value: unknown) => (typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))) : value))) as typeof manifest;
    expect(parseYaml(manifestText(sorted))).toEqual(manifest);
    expect(manifestText(sorted).split('\n').slice(1, 7)).toEqual(['id: hundemarke', 'bpmnProcessId: hundemarke', 'names:', '  de: Hundemarke «Bello» & Co.', '  fr: Médaille pour chien', '  it: Medaglietta per cani']);
    expect([...packageFilesOf(manifest, diagram, forms).keys()]).toEqual(['service.yaml', 'hundemarke.bpmn', 'hundemarke-start.form']);
  });

  it.each([
    ['a document without its template', { ...manifest, documents: [{ kind: 'hundemarke', names: manifest.names }] }, forms, '/documents/0/kind'],
    ['a start form field that would overwrite a platform variable', manifest, { [startForm.id]: { ...startForm, components: [...startForm.components, { type: 'textfield', key: 'caseId' }] } }, '/startForm'],
    ['a pre-filled field the start form does not have', { ...manifest, prefill: { 'applicant.nickname': 'firstName' as const } }, forms, '/prefill/applicant.nickname'],
  ])('when a new service has %s, then the package check refuses it at the manifest\'s field', async (_case, edited, editedForms, pointer) => {
    const checked = await checkNewService('hundemarke', edited, diagram, editedForms);
    expect('problems' in checked && checked.problems.map((problem) => [problem.file, problem.pointer])).toContainEqual(['processes/hundemarke/service.yaml', pointer]);
  });
});
