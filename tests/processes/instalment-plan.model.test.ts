// The instalment plan's diagram, decision table and manifest checked against each other and
// against the contract with the workers, the intake and the tasklist, without an engine.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { decisionIdsOf } from '../../core/bpmn/decisions.ts';
import { allFlowElements, extensionsOf, parseDiagram, zeebePropertiesOf, type BpmnElement } from '../../core/bpmn/diagram.ts';

const packageDirectory = path.resolve(import.meta.dirname, '../../processes/instalment-plan');
const read = (file: string) => readFile(path.join(packageDirectory, file), 'utf8');

let diagramXml: string;
let decisionXml: string;
let definitions: BpmnElement;
let warnings: unknown[];
const elements = new Map<string, BpmnElement>();

beforeAll(async () => {
  diagramXml = await read('instalment-plan.bpmn');
  decisionXml = await read('instalment-plan-assessment.dmn');
  ({ definitions, warnings } = await parseDiagram(diagramXml));
  for (const element of allFlowElements(definitions)) if (element.id) elements.set(element.id, element);
});

function element(id: string): BpmnElement {
  const found = elements.get(id);
  if (!found) throw new Error(`no element "${id}" in the diagram`);
  return found;
}

const one = (owner: BpmnElement, type: string): BpmnElement => {
  const [found, ...more] = extensionsOf(owner, type);
  if (!found || more.length > 0) throw new Error(`expected one ${type} on ${owner.id}`);
  return found;
};
const outgoing = (owner: BpmnElement) => (owner.outgoing as BpmnElement[] | undefined) ?? [];
const targetOf = (flow: BpmnElement) => (flow.targetRef as BpmnElement).id;
const conditionOf = (flow: BpmnElement) => (flow.conditionExpression as { body?: string } | undefined)?.body;
const routes = (gateway: string) => Object.fromEntries(outgoing(element(gateway)).map((flow) => [conditionOf(flow) ?? '', targetOf(flow)]));
const outputs = (owner: BpmnElement) => Object.fromEntries(extensionsOf(owner, 'zeebe:IoMapping').flatMap((mapping) =>
  ((mapping.outputParameters as { source: string; target: string }[] | undefined) ?? []).map(({ source, target }) => [target, source])));
const timerOf = (id: string) => {
  const definition = (element(id).eventDefinitions as BpmnElement[])[0] as { timeDate?: { body: string }; timeDuration?: { body: string } };
  return definition.timeDate?.body ?? definition.timeDuration?.body;
};

describe('instalment-plan diagram', () => {
  it('is an executable process for Camunda 8.6 that parses without warnings', () => {
    expect(definitions.rootElements).toEqual(expect.arrayContaining([expect.objectContaining({ $type: 'bpmn:Process', id: 'instalment-plan', name: 'Ratenzahlung', isExecutable: true })]));
    expect(warnings).toEqual([]);
  });

  it('lets the engine decide with the package\'s decision table over the total of the chosen items', () => {
    const assess = element('assess-application');
    expect(assess.$type).toBe('bpmn:BusinessRuleTask');
    expect(one(assess, 'zeebe:CalledDecision')).toMatchObject({ decisionId: 'instalment-plan-assessment', resultVariable: 'assessment' });
    expect(decisionIdsOf(decisionXml)).toEqual(['instalment-plan-assessment']);
    expect((one(assess, 'zeebe:IoMapping').inputParameters as BpmnElement[])).toEqual([expect.objectContaining({ source: '=sum(openItems.amountRappen)', target: 'totalRappen' })]);
    expect(routes('assessment-outcome')).toEqual({
      '=assessment.decision = "approve"': 'approval-merge',
      '=assessment.decision = "review"': 'review-application',
      '=assessment.decision = "refuse"': 'assessment-refused',
    });
  });

  it('gives the review to the municipality\'s finance department as a Camunda user task with its form, and routes its two decisions', () => {
    const review = element('review-application');
    expect(extensionsOf(review, 'zeebe:UserTask')).toHaveLength(1);
    expect(one(review, 'zeebe:FormDefinition')).toMatchObject({ formId: 'instalment-plan-review' });
    expect(one(review, 'zeebe:AssignmentDefinition').candidateGroups).toBe('=[residentsOfficeGroup]');
    expect(routes('review-outcome')).toEqual({ '=reviewDecision = "approve"': 'approval-merge', '=reviewDecision = "refuse"': 'review-refused' });
  });

  it.each([
    ['person-not-found', '="person-not-found"'],
    ['assessment-refused', '=assessment.reason'],
    ['review-refused', '=reviewComment'],
    ['plan-refused', '=refusalReason'],
  ])('when %s refuses, then rejectionReason is set and the citizen is told', (id, reason) => {
    expect(outputs(element(id)).rejectionReason).toBe(reason);
    expect(outgoing(element(id)).map(targetOf)).toEqual(['rejection-merge']);
  });

  it('asks the finance module for the plan with the chosen items, the first instalment the municipality\'s number of days on in Zurich', () => {
    const inputs = Object.fromEntries(((one(element('request-instalment-plan'), 'zeebe:IoMapping').inputParameters as { source: string; target: string }[])).map(({ source, target }) => [target, source]));
    expect(inputs).toMatchObject({
      residentId: '=residentId', itemIds: '=openItems.itemId', instalments: '=instalments',
      firstDueDate: '=string(date(date and time(now(), "Europe/Zurich")) + duration("P" + string(settings.firstInstalmentAfterDays) + "D"))',
    });
  });

  it('waits for each instalment in parallel: paid by the message instalment-paid for its id, else reminded, else missed, which ends the plan', () => {
    const instalments = element('pay-instalments');
    const loop = instalments.loopCharacteristics as BpmnElement;
    expect(loop.isSequential ?? false).toBe(false);
    expect(one(loop, 'zeebe:LoopCharacteristics')).toMatchObject({ inputCollection: '=instalmentSchedule', inputElement: 'instalment' });
    const message = (definitions.rootElements as BpmnElement[]).find((root) => root.$type === 'bpmn:Message' && root.name === 'instalment-paid');
    expect(one(message as BpmnElement, 'zeebe:Subscription').correlationKey).toBe('=instalment.id');
    expect(outgoing(element('await-instalment')).map(targetOf).sort()).toEqual(['instalment-overdue', 'instalment-paid']);
    expect(timerOf('instalment-overdue')).toBe('=date and time(instalment.dueDate + "T00:00:00@Europe/Zurich") + duration(settings.reminderAfter)');
    expect(outgoing(element('await-instalment-after-reminder')).map(targetOf).sort()).toEqual(['instalment-paid-after-reminder', 'reminder-grace-expired']);
    expect(timerOf('reminder-grace-expired')).toBe('=duration(settings.reminderGracePeriod)');
    expect(((element('instalment-missed').eventDefinitions as BpmnElement[])[0]?.errorRef as BpmnElement).errorCode).toBe('INSTALMENT_MISSED');
    const broken = element('instalment-plan-broken');
    expect(broken.attachedToRef).toBe(instalments);
    expect(broken.cancelActivity).toBe(true);
    expect(((broken.eventDefinitions as BpmnElement[])[0]?.errorRef as BpmnElement).errorCode).toBe('INSTALMENT_MISSED');
  });

  it.each([
    ['record-instalment-reminded', { caseId: '=caseId', state: '="reminded"', instalmentNumber: '=instalment.number' }],
    ['record-instalment-missed', { caseId: '=caseId', state: '="missed"', instalmentNumber: '=instalment.number' }],
    ['record-plan-ended', { caseId: '=caseId', state: '="cancelled"' }],
  ])('when %s runs, then the instalments\' states follow', (id, inputs) => {
    const task = element(id);
    expect(one(task, 'zeebe:TaskDefinition').type).toBe('record-instalment-state');
    const mapped = Object.fromEntries(((one(task, 'zeebe:IoMapping').inputParameters as { source: string; target: string }[])).map(({ source, target }) => [target, source]));
    expect(mapped).toEqual(inputs);
  });

  it('after the plan ends, tells the citizen and gives the finance department a task with its form', () => {
    const after = ['record-plan-ended', 'plan-ended', 'notify-plan-ended', 'handle-ended-plan', 'ended-plan-handled'];
    for (const [index, id] of after.slice(0, -1).entries()) expect(outgoing(element(id)).map(targetOf)).toEqual([after[index + 1]]);
    const task = element('handle-ended-plan');
    expect(one(task, 'zeebe:FormDefinition')).toMatchObject({ formId: 'instalment-plan-ended' });
    expect(one(task, 'zeebe:AssignmentDefinition').candidateGroups).toBe('=[residentsOfficeGroup]');
  });

  it('marks the citizen\'s phases, in four languages, and the outcomes where the case\'s result is known', () => {
    const phases = [...elements.values()].flatMap((candidate) => {
      const properties = zeebePropertiesOf(candidate);
      return properties.has('phase') ? [[candidate.id, properties.get('phase'), properties.get('outcome')]] : [];
    });
    expect(phases).toEqual([
      ['application-received', 'Eingegangen', undefined],
      ['find-resident', 'In Bearbeitung', undefined],
      ['assess-application', 'In Prüfung', undefined],
      ['request-instalment-plan', 'In Bearbeitung', undefined],
      ['notify-plan-agreed', 'Ratenplan vereinbart', undefined],
      ['plan-paid', 'Abgeschlossen', 'paid'],
      ['plan-ended', 'Ratenplan aufgehoben', 'plan-ended'],
      ['application-rejected', 'Abgelehnt', 'rejected'],
    ]);
    for (const [id] of phases) expect([...zeebePropertiesOf(element(id as string)).keys()]).toEqual(expect.arrayContaining(['phase.fr', 'phase.it', 'phase.en']));
  });

  it('reads only settings the manifest declares, and the manifest declares none it does not read', async () => {
    const manifest = parseYaml(await read('service.yaml')) as { settings: Record<string, unknown> };
    const declaredRead = new Set([...`${diagramXml}${decisionXml}`.matchAll(/settings\.([A-Za-z0-9]+)/g)].map((match) => match[1]));
    expect([...declaredRead].sort()).toEqual(Object.keys(manifest.settings).sort());
  });
});
