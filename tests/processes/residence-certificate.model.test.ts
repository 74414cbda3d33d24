// The residence-certificate diagram and form checked against the contract with the job workers,
// the API and the tasklist, without an engine; and the lint script run on good and broken copies.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allFlowElements, extensionsOf, parseDiagram, type BpmnElement } from '../../core/bpmn/diagram.ts';

const repositoryRoot = path.resolve(import.meta.dirname, '../..');
const modelDirectory = path.join(repositoryRoot, 'processes/residence-certificate');
const diagramFile = path.join(modelDirectory, 'residence-certificate.bpmn');
const formFile = path.join(modelDirectory, 'residence-certificate-review.form');
const instalmentDiagram = path.join(repositoryRoot, 'processes/instalment-plan/instalment-plan.bpmn');
const decisionFile = path.join(repositoryRoot, 'processes/instalment-plan/instalment-plan-assessment.dmn');

const JOB_TYPES = ['validate-order', 'find-resident', 'request-payment', 'refund-payment', 'cancel-payment', 'issue-document', 'notify-citizen'];
const REJECTION_SOURCES = ['order-invalid', 'person-not-found', 'not-resident', 'review-rejected'];

let definitions: BpmnElement;
let importWarnings: unknown[];
const elements = new Map<string, BpmnElement>();

beforeAll(async () => {
  const parsed = await parseDiagram(await readFile(diagramFile, 'utf8'));
  definitions = parsed.definitions;
  importWarnings = parsed.warnings;
  for (const element of allFlowElements(definitions)) if (element.id) elements.set(element.id, element);
});

function element(id: string): BpmnElement {
  const found = elements.get(id);
  if (!found) throw new Error(`no element "${id}" in the diagram`);
  return found;
}

function extension(owner: BpmnElement, type: string): BpmnElement {
  const [found, ...more] = extensionsOf(owner, type);
  if (!found || more.length > 0) throw new Error(`expected one ${type} on ${owner.id}`);
  return found;
}

function outgoing(owner: BpmnElement): BpmnElement[] {
  return (owner.outgoing as BpmnElement[] | undefined) ?? [];
}

function target(flow: BpmnElement): BpmnElement {
  return flow.targetRef as BpmnElement;
}

/** `start` if it is a task or an event-based gateway, else the first one reached through elements with one way on. */
function nextActivity(start: BpmnElement): BpmnElement {
  let current = start;
  for (let step = 0; step < 10; step++) {
    if (current.$type.endsWith('Task') || current.$type === 'bpmn:EventBasedGateway') return current;
    const [only, ...more] = outgoing(current);
    if (!only || more.length > 0) throw new Error(`${current.id} does not lead to a single next element`);
    current = target(only);
  }
  throw new Error(`no activity after ${start.id}`);
}

function zeebeProperties(owner: BpmnElement): Record<string, string> {
  const entries = extensionsOf(owner, 'zeebe:Properties').flatMap(
    (properties) => (properties.properties as { name: string; value: string }[] | undefined) ?? [],
  );
  return Object.fromEntries(entries.map(({ name, value }) => [name, value]));
}

describe('residence-certificate diagram', () => {
  it('is an executable process for Camunda 8.6 that parses without warnings', () => {
    const residenceProcess = (definitions.rootElements as BpmnElement[]).find((root) => root.$type === 'bpmn:Process');
    expect(residenceProcess).toMatchObject({ id: 'residence-certificate', name: 'Hauptwohnsitzbescheinigung', isExecutable: true });
    expect(definitions.$attrs).toMatchObject({
      'modeler:executionPlatform': 'Camunda Cloud',
      'modeler:executionPlatformVersion': '8.6.0',
    });
    expect(importWarnings).toEqual([]);
  });

  it('gives every service task a job type the workers know', () => {
    const serviceTasks = [...elements.values()].filter((candidate) => candidate.$type === 'bpmn:ServiceTask');
    expect(serviceTasks.length).toBeGreaterThan(0);
    for (const task of serviceTasks) {
      expect(JOB_TYPES, `job type of ${task.id}`).toContain(extension(task, 'zeebe:TaskDefinition').type);
    }
  });

  it.each([
    { id: 'validate-order', name: 'Bestellung prüfen', type: 'validate-order', retries: '3' },
    { id: 'find-resident', name: 'Person im Einwohnerregister suchen', type: 'find-resident', retries: '3' },
    { id: 'request-payment', name: 'Zahlung anfordern', type: 'request-payment', retries: '3' },
    { id: 'refund-payment', name: 'Zahlung zurückerstatten', type: 'refund-payment', retries: '3' },
    { id: 'cancel-payment', name: 'Zahlung stornieren', type: 'cancel-payment', retries: '3' },
    { id: 'notify-payment-reminder', name: 'An Zahlung erinnern', type: 'notify-citizen', template: 'payment-reminder' },
    { id: 'notify-order-cancelled', name: 'Stornierung mitteilen', type: 'notify-citizen', template: 'order-cancelled' },
    { id: 'issue-certificate', name: 'Bescheinigung ausstellen', type: 'issue-document', header: ['documentKind', 'residence-certificate'] },
    { id: 'notify-certificate-issued', name: 'Bürgerin/Bürger benachrichtigen', type: 'notify-citizen', template: 'certificate-issued' },
    { id: 'notify-application-rejected', name: 'Ablehnung mitteilen', type: 'notify-citizen', template: 'application-rejected' },
  ])('when the engine reaches $id, then it creates a $type job', ({ id, name, type, retries, template, header }) => {
    const task = element(id);
    expect(task.name).toBe(name);
    const definition = extension(task, 'zeebe:TaskDefinition');
    expect(definition.type).toBe(type);
    if (retries) expect(definition.retries).toBe(retries);
    const headers = extensionsOf(task, 'zeebe:TaskHeaders').flatMap(
      (taskHeaders) => (taskHeaders.values as { key: string; value: string }[] | undefined) ?? [],
    );
    const [key, value] = header ?? ['template', template];
    expect(headers).toEqual(value ? [expect.objectContaining({ key, value })] : []);
  });

  it('lets the residents office review through a Camunda user task with the linked form', () => {
    const review = element('review-application');
    expect(review).toMatchObject({ $type: 'bpmn:UserTask', name: 'Antrag prüfen' });
    expect(extensionsOf(review, 'zeebe:UserTask')).toHaveLength(1);
    expect(extension(review, 'zeebe:FormDefinition')).toMatchObject({ formId: 'residence-certificate-review' });
    // Zeebe evaluates candidate groups to a list of strings; residentsOfficeGroup is one string.
    expect(extension(review, 'zeebe:AssignmentDefinition').candidateGroups).toBe('=[residentsOfficeGroup]');
  });

  it('routes every residence assessment from "Berechtigt?"', () => {
    const gateway = element('is-entitled');
    const routes = Object.fromEntries(
      outgoing(gateway).map((flow) => [
        (flow.conditionExpression as { body: string }).body,
        nextActivity(target(flow)).id,
      ]),
    );
    expect(routes).toEqual({
      '=residenceAssessment = "entitled" or residenceAssessment = "review"': 'request-payment',
      '=residenceAssessment = "not-resident"': 'notify-application-rejected',
    });
  });

  it('after payment, sends only blocked records to the review', () => {
    const routes = Object.fromEntries(
      outgoing(element('needs-review')).map((flow) => [(flow.conditionExpression as { body: string }).body, nextActivity(target(flow)).id]),
    );
    expect(routes).toEqual({
      '=residenceAssessment = "review"': 'review-application',
      '=residenceAssessment = "entitled"': 'issue-certificate',
    });
  });

  it('waits for the payment message or a deadline: reminder first, then cancellation', () => {
    const ways = (gatewayId: string) => outgoing(element(gatewayId)).map((flow) => {
      const event = target(flow);
      const [definition] = event.eventDefinitions as BpmnElement[];
      const next = target(outgoing(event)[0] as BpmnElement).id;
      return definition?.$type === 'bpmn:MessageEventDefinition'
        ? `message ${(definition.messageRef as BpmnElement).name} -> ${next}`
        : `timer ${(definition?.timeDuration as { body: string }).body} -> ${next}`;
    }).sort();
    expect(target(outgoing(element('request-payment'))[0] as BpmnElement).id).toBe('await-payment');
    expect(ways('await-payment')).toEqual(['message payment-received -> paid-merge', 'timer =paymentReminderAfter -> notify-payment-reminder']);
    expect(ways('await-payment-after-reminder')).toEqual(['message payment-received -> paid-merge', 'timer =paymentCancelAfter -> cancel-payment']);
    expect(target(outgoing(element('paid-merge'))[0] as BpmnElement).id).toBe('needs-review');
    const message = (definitions.rootElements as BpmnElement[]).find((root) => root.$type === 'bpmn:Message' && root.name === 'payment-received');
    expect(extension(message as BpmnElement, 'zeebe:Subscription').correlationKey).toBe('=payment.paymentId');
  });

  it('refunds a paid fee by compensation when the review rejects', () => {
    const boundary = element('refund-on-rejection');
    expect((boundary.attachedToRef as BpmnElement).id).toBe('request-payment');
    expect((boundary.eventDefinitions as BpmnElement[])[0]?.$type).toBe('bpmn:CompensateEventDefinition');
    expect(element('refund-payment').isForCompensation).toBe(true);
    const association = ((definitions.rootElements as BpmnElement[]).find((root) => root.$type === 'bpmn:Process')?.artifacts as BpmnElement[])
      .find((artifact) => artifact.$type === 'bpmn:Association');
    expect([(association?.sourceRef as BpmnElement).id, (association?.targetRef as BpmnElement).id]).toEqual(['refund-on-rejection', 'refund-payment']);
    const rejectedPath = target(outgoing(element('review-rejected'))[0] as BpmnElement);
    expect(rejectedPath.id).toBe('compensate-payment');
    expect((rejectedPath.eventDefinitions as BpmnElement[])[0]?.$type).toBe('bpmn:CompensateEventDefinition');
  });

  it('routes the three review decisions from "Genehmigt?"', () => {
    const routes = Object.fromEntries(
      outgoing(element('is-approved')).map((flow) => [
        (flow.conditionExpression as { body: string }).body,
        nextActivity(target(flow)).id,
      ]),
    );
    expect(routes).toEqual({
      '=reviewDecision = "approve"': 'issue-certificate',
      '=reviewDecision = "reject"': 'notify-application-rejected',
      '=reviewDecision = "more-information"': 'request-information',
    });
  });

  it('asks the citizen for more information, waits for the answer or its deadline, then reviews again', () => {
    const ask = element('request-information');
    expect(extension(ask, 'zeebe:TaskDefinition').type).toBe('notify-citizen');
    expect(zeebeProperties(ask)).toMatchObject({ phase: 'Rückfrage', awaits: 'information-supplied' });
    const ways = outgoing(element('await-information')).map((flow) => {
      const event = target(flow);
      const [definition] = event.eventDefinitions as BpmnElement[];
      const then = nextActivity(event).id;
      return definition?.$type === 'bpmn:MessageEventDefinition'
        ? `message ${(definition.messageRef as BpmnElement).name} -> ${then}`
        : `timer ${(definition?.timeDuration as { body: string }).body} -> ${then}`;
    }).sort();
    expect(ways).toEqual(['message information-supplied -> review-application', 'timer =informationAnswerWithin -> review-application']);
    const message = (definitions.rootElements as BpmnElement[]).find((root) => root.$type === 'bpmn:Message' && root.name === 'information-supplied');
    expect(extension(message as BpmnElement, 'zeebe:Subscription').correlationKey).toBe('=caseId');
  });

  it.each([
    { from: 'application-received', path: ['validate-order', 'find-resident', 'is-entitled'] },
    { from: 'issue-certificate', path: ['notify-certificate-issued', 'certificate-issued'] },
    { from: 'cancel-payment', path: ['notify-order-cancelled', 'order-cancelled'] },
    { from: 'notify-application-rejected', path: ['application-rejected'] },
  ])('when $from completes, then the case goes on to $path', ({ from, path: expected }) => {
    const visited: (string | undefined)[] = [];
    let current = element(from);
    while (outgoing(current).length === 1 && visited.length < expected.length) {
      current = target(outgoing(current)[0] as BpmnElement);
      visited.push(current.id);
    }
    expect(visited).toEqual(expected);
  });

  it.each([
    { id: 'order-invalid', attachedTo: 'validate-order', errorCode: 'ORDER_INVALID' },
    { id: 'person-not-found', attachedTo: 'find-resident', errorCode: 'PERSON_NOT_FOUND' },
  ])('when $attachedTo throws $errorCode, then $id catches it', ({ id, attachedTo, errorCode }) => {
    const boundary = element(id);
    expect((boundary.attachedToRef as BpmnElement).id).toBe(attachedTo);
    const [definition] = boundary.eventDefinitions as BpmnElement[];
    expect((definition?.errorRef as BpmnElement | undefined)?.errorCode).toBe(errorCode);
  });

  it.each(REJECTION_SOURCES)('when the case is rejected at %s, then it records that code and notifies', (id) => {
    const source = element(id);
    const outputs = (extension(source, 'zeebe:IoMapping').outputParameters as BpmnElement[]) ?? [];
    expect(outputs).toEqual([expect.objectContaining({ source: `="${id}"`, target: 'rejectionReason' })]);
    expect(nextActivity(source).id).toBe('notify-application-rejected');
  });

  it.each([
    { id: 'application-received', phase: 'Eingegangen' },
    { id: 'find-resident', phase: 'In Bearbeitung' },
    { id: 'review-application', phase: 'In Prüfung' },
    { id: 'request-information', phase: 'Rückfrage' },
    { id: 'request-payment', phase: 'Zahlung' },
    { id: 'payment-received', phase: 'In Bearbeitung' },
    { id: 'payment-received-after-reminder', phase: 'In Bearbeitung' },
    { id: 'certificate-issued', phase: 'Abgeschlossen', outcome: 'issued' },
    { id: 'order-cancelled', phase: 'Storniert', outcome: 'cancelled' },
    { id: 'application-rejected', phase: 'Abgelehnt', outcome: 'rejected' },
  ])('names the phase "$phase" on $id in German, French, Italian and English', ({ id, phase, outcome }) => {
    const properties = zeebeProperties(element(id));
    expect(properties.phase).toBe(phase);
    for (const language of ['fr', 'it', 'en']) {
      expect(properties[`phase.${language}`], `phase.${language} on ${id}`).toMatch(/\S/);
    }
    expect(properties.outcome).toBe(outcome);
  });

  it('marks phases only on the elements that start one', () => {
    const marked = [...elements.values()].filter((candidate) => zeebeProperties(candidate).phase).map((e) => e.id);
    expect(marked.sort()).toEqual(
      ['application-received', 'find-resident', 'review-application', 'request-information', 'request-payment', 'payment-received', 'payment-received-after-reminder',
        'certificate-issued', 'order-cancelled', 'application-rejected'].sort(),
    );
  });
});

interface FormSchema {
  id: string;
  executionPlatformVersion: string;
  components: {
    type: string;
    key?: string;
    values?: { label: string; value: string }[];
    validate?: { required?: boolean };
    conditional?: { hide?: string };
  }[];
}

describe('residence-certificate review form', () => {
  it('collects the decision and, when rejecting, its reason, when asking, the question', async () => {
    const form = JSON.parse(await readFile(formFile, 'utf8')) as FormSchema;
    expect(form).toMatchObject({ id: 'residence-certificate-review', executionPlatformVersion: '8.6.0' });
    const keys = form.components.flatMap((component) => (component.key ? [component.key] : []));
    expect(keys.sort()).toEqual(['informationRequest', 'reviewComment', 'reviewDecision']);

    const decision = form.components.find((component) => component.key === 'reviewDecision');
    expect(decision).toMatchObject({ type: 'radio', validate: { required: true } });
    expect(decision?.values?.map((option) => option.value)).toEqual(['approve', 'reject', 'more-information']);

    // form-js validates only visible fields: the comment is required exactly when rejecting.
    const comment = form.components.find((component) => component.key === 'reviewComment');
    expect(comment).toMatchObject({ type: 'textarea', validate: { required: true } });
    expect(comment?.conditional?.hide).toBe('=reviewDecision != "reject"');
    const question = form.components.find((component) => component.key === 'informationRequest');
    expect(question).toMatchObject({ type: 'textarea', validate: { required: true } });
    expect(question?.conditional?.hide).toBe('=reviewDecision != "more-information"');
  });
});

// The lint script runs in its own Node process, as `npm run lint` does; the repository pins the
// Node that strips TypeScript types, whichever Node runs vitest.
const pinnedNode = path.join(repositoryRoot, 'node_modules/.bin/node');
const nodeBinary = existsSync(pinnedNode) ? pinnedNode : process.execPath;
const lintScript = path.join(repositoryRoot, 'scripts/lint-bpmn.ts');

function runLint(root?: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(nodeBinary, [lintScript, ...(root ? [root] : [])], { cwd: tmpdir() });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('lint-bpmn script', () => {
  const copies: string[] = [];

  afterAll(async () => {
    await Promise.all(copies.map((copy) => rm(copy, { recursive: true, force: true })));
  });

  async function brokenCopy(file: string, from: string | RegExp, to: string): Promise<string> {
    const root = await mkdtemp(path.join(tmpdir(), 'lint-bpmn-'));
    copies.push(root);
    await cp(path.join(repositoryRoot, 'processes'), path.join(root, 'processes'), { recursive: true });
    await cp(path.join(repositoryRoot, '.bpmnlintrc'), path.join(root, '.bpmnlintrc'));
    const copied = path.join(root, path.relative(repositoryRoot, file));
    const original = await readFile(copied, 'utf8');
    const broken = original.replace(from, to);
    expect(broken, 'the breakage must change the file').not.toBe(original);
    await writeFile(copied, broken);
    return root;
  }

  it('passes on the repository', async () => {
    const { code, output } = await runLint();
    expect(output).toContain('lint-bpmn: 0 error(s)');
    expect(code).toBe(0);
  }, 30_000);

  it.each([
    {
      breakage: 'a service task without a job type',
      file: diagramFile,
      from: '<zeebe:taskDefinition type="issue-document" retries="3" />',
      to: '',
      finding: 'residence-certificate.bpmn: issue-certificate: ',
      rule: '(camunda-compat/implementation)',
    },
    {
      breakage: 'a job-based user task',
      file: diagramFile,
      from: '<zeebe:userTask />',
      to: '',
      finding: 'residence-certificate.bpmn: review-application: ',
      rule: '(camunda-compat/zeebe-user-task)',
    },
    {
      breakage: 'a gateway flow without a condition',
      file: diagramFile,
      from: /<bpmn:conditionExpression[^>]*>=residenceAssessment = "review"<\/bpmn:conditionExpression>/,
      to: '',
      finding: 'residence-certificate.bpmn: flow-needs-review: ',
      rule: '(conditional-flows)',
    },
    {
      breakage: 'a form link to a form that does not exist',
      file: formFile,
      from: '"id": "residence-certificate-review"',
      to: '"id": "another-form"',
      finding: 'residence-certificate.bpmn: review-application: links form "residence-certificate-review"',
      rule: '(form-reference)',
    },
    {
      breakage: 'a business rule task calling a decision that no package defines',
      file: decisionFile,
      from: '<decision id="instalment-plan-assessment"',
      to: '<decision id="another-decision"',
      finding: 'instalment-plan.bpmn: assess-application: calls decision "instalment-plan-assessment", but no processes/**/*.dmn defines it',
      rule: '(decision-reference)',
    },
    {
      breakage: 'a decision file that is not XML',
      file: decisionFile,
      from: '</definitions>',
      to: '',
      finding: 'instalment-plan-assessment.dmn: -: is not XML',
      rule: '(dmn-parse)',
    },
    {
      breakage: 'a job type no worker takes',
      file: diagramFile,
      from: '<zeebe:taskDefinition type="issue-document" retries="3" />',
      to: '<zeebe:taskDefinition type="issue-documents" retries="3" />',
      finding: 'residence-certificate.bpmn: issue-certificate: creates jobs of type "issue-documents", but no worker takes them',
      rule: '(job-type)',
    },
    {
      breakage: 'a task made from an element template that leaves a required input unmapped',
      file: instalmentDiagram,
      from: '<zeebe:input source="=openItems" target="openItems" />',
      to: '',
      finding: 'instalment-plan.bpmn: issue-instalment-plan: does not map the input "openItems" its element template requires',
      rule: '(element-template)',
    },
    {
      breakage: 'a task naming a version of an element template that does not exist',
      file: instalmentDiagram,
      from: 'zeebe:modelerTemplate="gemeindeportal.issue-instalment-plan" zeebe:modelerTemplateVersion="1"',
      to: 'zeebe:modelerTemplate="gemeindeportal.issue-instalment-plan" zeebe:modelerTemplateVersion="9"',
      finding: 'instalment-plan.bpmn: issue-instalment-plan: names element template "gemeindeportal.issue-instalment-plan" version 9',
      rule: '(element-template)',
    },
    {
      breakage: 'a form that is not JSON',
      file: formFile,
      from: /\}\s*$/,
      to: '',
      finding: 'residence-certificate-review.form: -: is not valid JSON',
      rule: '(form-json)',
    },
  ])('fails on $breakage', async ({ file, from, to, finding, rule }) => {
    const { code, output } = await runLint(await brokenCopy(file, from, to));
    const line = output.split('\n').find((candidate) => candidate.includes(finding));
    expect(line, output).toBeDefined();
    expect(line).toContain(rule);
    expect(code).toBe(1);
  }, 30_000);
});
