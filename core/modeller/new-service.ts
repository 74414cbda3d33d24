/**
 * A service the modeller makes in the browser (issue 15): what it starts from (a diagram whose only
 * path carries the platform's phases, and a start form asking for the applicant), and its draft as
 * the files of a package, which the checks of processes/ read and `npm run export-package` writes.
 */
import { stringify as yamlText } from 'yaml';
import { checkServicePackage, MANIFEST_FILE, type PackageProblem, type ServicePackage } from '../catalogue/service-packages.ts';
import { inManifestOrder, type PrefillSource, type ServiceManifest } from '../catalogue/service-manifest.ts';
import type { FormSchemas } from '../db/process-drafts-repository.ts';

/** The id of a new service's start form, and its file in the package (`<service id>-start.form`). */
export const startFormIdOf = (serviceId: string): string => `${serviceId}-start`;

/** Where a package lives (or would), relative to the repository: `processes/<service id>`. */
export const packageFolderOf = (serviceId: string): string => `processes/${serviceId}`;

/** The starting start form's applicant fields, pre-filled from the account as the residence certificate's are (INT-4). */
export const STARTING_PREFILL: Readonly<Record<string, PrefillSource>> = {
  'applicant.firstName': 'firstName',
  'applicant.lastName': 'lastName',
  'applicant.dateOfBirth': 'dateOfBirth',
};

const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The phases a case shows while the element is the newest reached: German first, with French, Italian and English. */
const phaseProperties = (phase: { de: string; fr: string; it: string; en: string }, outcome?: string) => `
      <bpmn:extensionElements>
        <zeebe:properties>
          <zeebe:property name="phase" value="${phase.de}" />
          <zeebe:property name="phase.fr" value="${phase.fr}" />
          <zeebe:property name="phase.it" value="${phase.it}" />
          <zeebe:property name="phase.en" value="${phase.en}" />${outcome ? `
          <zeebe:property name="outcome" value="${outcome}" />` : ''}
        </zeebe:properties>
      </bpmn:extensionElements>`;

/**
 * A new service's first diagram: the application is received and completed, nothing between, with
 * the citizen's phases as `zeebe:properties` as the residence certificate's start and end events
 * carry them. Executable as it is; its process id is the service's id.
 */
export function startingDiagram(manifest: ServiceManifest): string {
  const id = manifest.bpmnProcessId;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="${id}-definitions" targetNamespace="http://bpmn.io/schema/bpmn" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.6.0">
  <bpmn:process id="${id}" name="${attribute(manifest.names.de)}" isExecutable="true">
    <bpmn:startEvent id="application-received" name="Antrag eingegangen">${phaseProperties({ de: 'Eingegangen', fr: 'Reçue', it: 'Ricevuta', en: 'Received' })}
      <bpmn:outgoing>flow-to-application-completed</bpmn:outgoing>
    </bpmn:startEvent>
    <bpmn:endEvent id="application-completed" name="Erledigt">${phaseProperties({ de: 'Abgeschlossen', fr: 'Terminée', it: 'Conclusa', en: 'Completed' }, 'completed')}
      <bpmn:incoming>flow-to-application-completed</bpmn:incoming>
    </bpmn:endEvent>
    <bpmn:sequenceFlow id="flow-to-application-completed" sourceRef="application-received" targetRef="application-completed" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="${id}-diagram">
    <bpmndi:BPMNPlane id="${id}-plane" bpmnElement="${id}">
      <bpmndi:BPMNShape id="application-received_di" bpmnElement="application-received">
        <dc:Bounds x="152" y="102" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="127" y="145" width="86" height="14" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="application-completed_di" bpmnElement="application-completed">
        <dc:Bounds x="352" y="102" width="36" height="36" />
        <bpmndi:BPMNLabel><dc:Bounds x="349" y="145" width="42" height="14" /></bpmndi:BPMNLabel>
      </bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="flow-to-application-completed_di" bpmnElement="flow-to-application-completed">
        <di:waypoint x="188" y="120" />
        <di:waypoint x="352" y="120" />
      </bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>
`;
}

// The residence certificate's rule for names: no markup or template characters, not blank.
const NAME_PATTERN = '[^<>{}\\[\\]\\\\]*\\S[^<>{}\\[\\]\\\\]*';

/**
 * A new service's first start form (form-js): its name as a title and the applicant (group
 * `applicant`: first name, last name, date of birth), as the residence certificate asks for them;
 * where the service has a fee, how the citizen pays it.
 */
export function startingStartForm(manifest: ServiceManifest): { id: string; type: 'default'; components: unknown[] } & Record<string, unknown> {
  const { methods } = manifest.payment;
  const paymentLabels: Record<string, string> = { online: 'Online (TWINT, PostFinance, Karte)', invoice: 'Mit Rechnung (QR-Rechnung)' };
  return {
    id: startFormIdOf(manifest.id),
    type: 'default',
    executionPlatform: 'Camunda Cloud',
    executionPlatformVersion: '8.6.0',
    schemaVersion: 16,
    components: [
      { id: 'start-title', type: 'text', text: `## ${manifest.names.de}` },
      {
        id: 'applicant', type: 'group', label: 'Antragsteller/in', path: 'applicant',
        components: [
          { id: 'applicant-first-name', type: 'textfield', key: 'firstName', label: 'Vorname', validate: { required: true, maxLength: 100, pattern: NAME_PATTERN } },
          { id: 'applicant-last-name', type: 'textfield', key: 'lastName', label: 'Nachname', validate: { required: true, maxLength: 100, pattern: NAME_PATTERN } },
          { id: 'applicant-date-of-birth', type: 'datetime', key: 'dateOfBirth', subtype: 'date', dateLabel: 'Geburtsdatum', validate: { required: true } },
        ],
      },
      ...(methods.length === 0 ? [] : [{
        id: 'payment-method', type: 'radio', key: 'paymentMethod', label: 'Wie möchten Sie die Gebühr bezahlen?',
        values: methods.map((method) => ({ label: paymentLabels[method], value: method })),
      }]),
    ],
  };
}

/** The manifest as its file: the shipped manifests' schema line, then the manifest in YAML, its fields in the schema's order. */
export const manifestText = (manifest: ServiceManifest): string => `# yaml-language-server: $schema=../service.schema.json\n${yamlText(inManifestOrder(manifest))}`;

/** A form as its file in the package. */
export const formText = (schema: unknown): string => `${JSON.stringify(schema, null, 2)}\n`;

/** A new service's draft as the files of its package: `service.yaml`, `<process id>.bpmn` and each form as `<form id>.form`. */
export function packageFilesOf(manifest: ServiceManifest, bpmnXml: string, forms: FormSchemas): Map<string, string> {
  return new Map([
    [MANIFEST_FILE, manifestText(manifest)],
    [`${manifest.bpmnProcessId}.bpmn`, bpmnXml],
    ...Object.entries(forms).map(([formId, schema]): [string, string] => [`${formId}.form`, formText(schema)]),
  ]);
}

/** Every check of a package in processes/, applied to a new service's draft; its problems, or the package they passed. */
export async function checkNewService(
  serviceId: string, manifest: ServiceManifest, bpmnXml: string, forms: FormSchemas,
): Promise<{ servicePackage: ServicePackage } | { problems: PackageProblem[] }> {
  const checked = await checkServicePackage(serviceId, packageFilesOf(manifest, bpmnXml, forms), packageFolderOf(serviceId));
  return checked.servicePackage && checked.problems.length === 0 ? { servicePackage: checked.servicePackage } : { problems: checked.problems };
}
