// The modeller's pure checks: what a draft may contain, the lint the API applies before a
// deployment, and the element-by-element comparison.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { compareDiagrams } from '../../../../core/modeller/compare-diagrams.ts';
import { formLinksOf, parseDiagram } from '../../../../core/bpmn/diagram.ts';
import { createDiagramLinter } from '../../../../core/modeller/lint-diagram.ts';
import { checkDraftContent } from '../../../../core/modeller/process-modeller.ts';

const diagram = await readFile('processes/residence-certificate/residence-certificate.bpmn', 'utf8');
const reviewForm = JSON.parse(await readFile('processes/residence-certificate/residence-certificate-review.form', 'utf8')) as { id: string };
const forms = { [reviewForm.id]: reviewForm };
const lint = createDiagramLinter();

const problemOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return (error as { problem: { status: number; type: string; errors?: { pointer: string }[] } }).problem;
  }
  throw new Error('expected a refusal');
};

describe('what a draft may contain', () => {
  it('when the repository diagram and its form are checked, then they pass and the form link is found', async () => {
    const parsed = await checkDraftContent('residence-certificate', diagram, forms);
    expect(formLinksOf(parsed.definitions).map((link) => link.formId)).toContain(reviewForm.id);
  });

  it('when the XML names another process id, then it is refused (no overwriting another process)', async () => {
    const other = diagram.replace('<bpmn:process id="residence-certificate"', '<bpmn:process id="instalment-plan"');
    await expect(problemOf(checkDraftContent('residence-certificate', other, forms))).resolves.toMatchObject({ status: 400, type: 'urn:gemeindeportal:problem:process-id-mismatch' });
  });

  it('when the text is not BPMN, then it is refused naming bpmnXml', async () => {
    await expect(problemOf(checkDraftContent('residence-certificate', '<html><body>no</body></html>', {})))
      .resolves.toMatchObject({ status: 400, errors: [{ pointer: '/bpmnXml' }] });
  });

  it('when a form id does not belong to the service or does not match its schema, then it is refused', async () => {
    await expect(problemOf(checkDraftContent('residence-certificate', diagram, { 'payment-form': { ...reviewForm, id: 'payment-form' } })))
      .resolves.toMatchObject({ errors: [{ pointer: '/forms/payment-form' }] });
    await expect(problemOf(checkDraftContent('residence-certificate', diagram, { [reviewForm.id]: { ...reviewForm, id: 'other' } })))
      .resolves.toMatchObject({ errors: [{ pointer: `/forms/${reviewForm.id}/id` }] });
  });
});

describe('lint before deploying', () => {
  it('when the repository diagram is linted, twice with one linter, then it has no errors either time', async () => {
    for (let run = 0; run < 2; run++) {
      const findings = await lint(await parseDiagram(diagram));
      expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
    }
  });

  it('when a service task has no job type, then the finding names the element and the camunda-compat rule', async () => {
    const broken = diagram.replace('<zeebe:taskDefinition type="validate-order" retries="3" />', '');
    const findings = await lint(await parseDiagram(broken));
    expect(findings).toContainEqual(expect.objectContaining({ elementId: 'validate-order', rule: 'camunda-compat/implementation', severity: 'error' }));
  });
});

describe('comparing a draft with the deployed version', () => {
  it('when a task is renamed, one added and one moved, then each change is listed by element', async () => {
    const renamed = diagram
      .replace('name="Bestellung prüfen"', 'name="Bestellung kontrollieren"')
      .replace('</bpmn:process>', '<bpmn:task id="new-task" name="Neu" /></bpmn:process>');
    const changes = compareDiagrams((await parseDiagram(diagram)).definitions, (await parseDiagram(renamed)).definitions);
    expect(changes).toContainEqual({ elementId: 'new-task', name: 'Neu', type: 'Task', change: 'added', attributes: [] });
    expect(changes).toContainEqual({
      elementId: 'validate-order', name: 'Bestellung kontrollieren', type: 'ServiceTask', change: 'changed',
      attributes: [{ name: 'name', before: 'Bestellung prüfen', after: 'Bestellung kontrollieren' }],
    });
  });

  it('when nothing changed, then there are no changes', async () => {
    const parsed = await parseDiagram(diagram);
    expect(compareDiagrams(parsed.definitions, (await parseDiagram(diagram)).definitions)).toEqual([]);
  });
});
