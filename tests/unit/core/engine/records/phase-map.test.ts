import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPhaseMap, type PhaseMap } from '../../../../../core/engine/records/phase-map.ts';

const diagramFile = path.resolve(import.meta.dirname, '../../../../../processes/residence-certificate/residence-certificate.bpmn');

const phaseOn = (properties: Record<string, string>): string =>
  `<bpmn:extensionElements><zeebe:properties>${Object.entries(properties)
    .map(([name, value]) => `<zeebe:property name="${name}" value="${value}" />`).join('')}</zeebe:properties></bpmn:extensionElements>`;

const twoProcesses = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="wanted" isExecutable="true">
    <bpmn:startEvent id="wanted-start">${phaseOn({ phase: 'Eingegangen', 'phase.it': 'Ricevuta' })}</bpmn:startEvent>
    <bpmn:subProcess id="wanted-sub">
      <bpmn:userTask id="nested-task">${phaseOn({ phase: 'In Prüfung', 'phase.en': 'Under review' })}</bpmn:userTask>
    </bpmn:subProcess>
    <bpmn:serviceTask id="unmarked-task" />
    <bpmn:serviceTask id="translation-only">${phaseOn({ 'phase.fr': 'Sans allemand' })}</bpmn:serviceTask>
    <bpmn:endEvent id="wanted-end">${phaseOn({ phase: 'Fertig', 'phase.fr': 'Fini', outcome: 'done' })}</bpmn:endEvent>
  </bpmn:process>
  <bpmn:process id="other" isExecutable="true">
    <bpmn:startEvent id="other-start">${phaseOn({ phase: 'Fremd' })}</bpmn:startEvent>
    <bpmn:endEvent id="other-end">${phaseOn({ phase: 'Fremd zu Ende', outcome: 'foreign' })}</bpmn:endEvent>
  </bpmn:process>
</bpmn:definitions>`;

describe('readPhaseMap of the residence-certificate diagram', () => {
  let map: PhaseMap;

  beforeAll(async () => {
    map = await readPhaseMap(await readFile(diagramFile, 'utf8'), 'residence-certificate');
  });

  it('when the diagram is read, then exactly the ten phase elements are marked', () => {
    expect(Object.keys(map).sort()).toEqual([
      'application-received', 'application-rejected', 'certificate-issued', 'find-resident', 'order-cancelled',
      'payment-received', 'payment-received-after-reminder', 'request-information', 'request-payment', 'review-application',
    ]);
  });

  it('when a phase waits for the citizen, then it names the message their answer sends', () => {
    expect(map['request-information']).toMatchObject({ phase: { de: 'Rückfrage' }, awaits: 'information-supplied' });
    expect(Object.entries(map).filter(([, marker]) => marker.awaits).map(([id]) => id)).toEqual(['request-information']);
  });

  it.each([
    { element: 'application-received', de: 'Eingegangen', fr: 'Reçue', outcome: undefined },
    { element: 'find-resident', de: 'In Bearbeitung', fr: 'En traitement', outcome: undefined },
    { element: 'review-application', de: 'In Prüfung', fr: 'En examen', outcome: undefined },
    { element: 'request-payment', de: 'Zahlung', fr: 'Paiement', outcome: undefined },
    { element: 'payment-received', de: 'In Bearbeitung', fr: 'En traitement', outcome: undefined },
    { element: 'order-cancelled', de: 'Storniert', fr: 'Annulée', outcome: 'cancelled' },
    { element: 'certificate-issued', de: 'Abgeschlossen', fr: 'Terminée', outcome: 'issued' },
    { element: 'application-rejected', de: 'Abgelehnt', fr: 'Refusée', outcome: 'rejected' },
  ])('when $element is entered, then the phase reads $de / $fr with outcome $outcome', ({ element, de, fr, outcome }) => {
    const marker = map[element];
    expect(marker?.phase.de).toBe(de);
    expect(marker?.phase.fr).toBe(fr);
    expect(marker?.outcome).toBe(outcome);
    expect(marker && 'outcome' in marker).toBe(outcome !== undefined);
  });

  it('when an end event is marked, then all four languages are carried', () => {
    expect(map['certificate-issued']).toEqual({
      phase: { de: 'Abgeschlossen', fr: 'Terminée', it: 'Conclusa', en: 'Completed' },
      outcome: 'issued',
    });
  });
});

describe('readPhaseMap', () => {
  it('when the definitions hold two processes, then only the asked process is read, including its subprocesses', async () => {
    expect(await readPhaseMap(twoProcesses, 'wanted')).toEqual({
      'wanted-start': { phase: { de: 'Eingegangen', it: 'Ricevuta' } },
      'nested-task': { phase: { de: 'In Prüfung', en: 'Under review' } },
      'wanted-end': { phase: { de: 'Fertig', fr: 'Fini' }, outcome: 'done' },
    });
  });

  it('when the other process is asked for, then only its elements are read', async () => {
    expect(await readPhaseMap(twoProcesses, 'other')).toEqual({
      'other-start': { phase: { de: 'Fremd' } },
      'other-end': { phase: { de: 'Fremd zu Ende' }, outcome: 'foreign' },
    });
  });

  it('when the process id is not in the diagram, then the map is empty', async () => {
    expect(await readPhaseMap(twoProcesses, 'missing')).toEqual({});
  });
});
