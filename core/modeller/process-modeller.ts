import type { DeployedProcess } from '../engine/records/process-definitions.ts';
import type { FormSchemas, ModelledService, ProcessDraft, ProcessDraftsRepository, ProcessVersion } from '../db/process-drafts-repository.ts';
import { LintRefusal, modellerErrors } from '../errors/modeller-errors.ts';
import { compareDiagrams, type ElementChange } from './compare-diagrams.ts';
import { type BpmnElement, formLinksOf, parseDiagram, type ParsedDiagram, processesOf } from '../bpmn/diagram.ts';
import type { DiagramLinter, LintFinding } from './lint-diagram.ts';

/** Who acts in the modeller, from the staff session. */
export interface Modeller {
  id: string;
  name: string;
}

/** The engine's deployment, as the modeller needs it: one diagram with its forms in one deployment. */
export interface ProcessDeployer {
  deploy(resources: { bpmn: { name: string; xml: string }; forms: { name: string; schema: unknown }[] }): Promise<{
    process: DeployedProcess;
    forms: { formKey: string; formId: string; version: number; schema: unknown }[];
  }>;
}

export interface ProcessModellerDeps {
  drafts: ProcessDraftsRepository;
  lint: DiagramLinter;
  engine: ProcessDeployer;
  /** Tells the read model about the new version at once (phases, task names, XML). */
  rememberProcess(process: DeployedProcess): Promise<void>;
  rememberForm(form: { formKey: string; formId: string; version: number; schema: unknown }): Promise<void>;
  now?: () => Date;
}

export interface DraftInput {
  bpmnXml: string;
  forms: FormSchemas;
  /** The revision the modeller started from; 0 when there was no draft. */
  baseRevision: number;
  basedOnVersion: number | null;
}


const FORM_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/;
const invalid = modellerErrors.invalidDraft;

/**
 * Checks what a draft may contain: BPMN that bpmn-moddle reads, exactly one process whose id is
 * the service's own (a modeller cannot overwrite another process by uploading its id), and forms
 * whose ids belong to the service (`<process id>-...`), each a form-js schema carrying its id.
 */
export async function checkDraftContent(bpmnProcessId: string, bpmnXml: string, forms: FormSchemas): Promise<ParsedDiagram> {
  let parsed: ParsedDiagram;
  try {
    parsed = await parseDiagram(bpmnXml);
  } catch (error) {
    throw invalid('/bpmnXml', `is not BPMN 2.0 XML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (parsed.definitions.$type !== 'bpmn:Definitions') throw invalid('/bpmnXml', 'is not BPMN 2.0 XML (no bpmn:definitions)');
  const processes = processesOf(parsed.definitions);
  if (processes.length !== 1) throw invalid('/bpmnXml', `must hold exactly one process, holds ${processes.length}`);
  const [process] = processes as [BpmnElement];
  if (process.id !== bpmnProcessId) {
    throw modellerErrors.processIdMismatch(bpmnProcessId, String(process.id));
  }
  if (process.isExecutable !== true) throw invalid('/bpmnXml', 'the process must be executable (isExecutable="true")');
  for (const [formId, schema] of Object.entries(forms)) {
    const pointer = `/forms/${formId}`;
    if (!FORM_ID.test(formId) || !formId.startsWith(`${bpmnProcessId}-`)) throw invalid(pointer, `form ids of this service begin with "${bpmnProcessId}-"`);
    const form = schema as { id?: unknown; type?: unknown; components?: unknown } | null;
    if (typeof form !== 'object' || form === null || Array.isArray(form)) throw invalid(pointer, 'is not a form-js schema');
    if (form.id !== formId) throw invalid(`${pointer}/id`, `must be ${formId}`);
    if (form.type !== 'default' || !Array.isArray(form.components)) throw invalid(pointer, 'is not a form-js schema (type "default" with components)');
  }
  return parsed;
}

/** The use cases behind the modeller's API: services and versions, drafts, checks, comparison, deployment. */
export function createProcessModeller(deps: ProcessModellerDeps) {
  const now = deps.now ?? (() => new Date());

  async function serviceOf(serviceId: string): Promise<ModelledService> {
    const service = (await deps.drafts.services()).find((candidate) => candidate.serviceId === serviceId);
    if (!service) throw modellerErrors.serviceNotFound(serviceId);
    return service;
  }

  async function lintWithForms(parsed: ParsedDiagram, forms: FormSchemas): Promise<LintFinding[]> {
    const findings = await deps.lint(parsed);
    for (const link of formLinksOf(parsed.definitions)) {
      if (!(link.formId in forms)) findings.push({ elementId: link.elementId, rule: 'form-reference', message: `verweist auf das Formular "${link.formId}", das es nicht gibt`, severity: 'error' });
    }
    return findings;
  }

  return {
    /** Every service with its versions, running instances per version, and its draft. */
    async listServices(): Promise<(ModelledService & { versions: ProcessVersion[]; draft: Omit<ProcessDraft, 'bpmnXml' | 'forms'> | null })[]> {
      return Promise.all((await deps.drafts.services()).map(async (service) => {
        const draft = await deps.drafts.findDraft(service.bpmnProcessId);
        const { bpmnXml: _xml, forms: _forms, ...draftInfo } = draft ?? { bpmnXml: '', forms: {} };
        return { ...service, versions: await deps.drafts.versions(service.bpmnProcessId), draft: draft ? draftInfo as Omit<ProcessDraft, 'bpmnXml' | 'forms'> : null };
      }));
    },

    async service(serviceId: string) {
      const service = await serviceOf(serviceId);
      return { ...service, versions: await deps.drafts.versions(service.bpmnProcessId) };
    },

    async version(serviceId: string, version?: number) {
      const service = await serviceOf(serviceId);
      const content = await deps.drafts.deployedContent(service.bpmnProcessId, version);
      if (!content) throw modellerErrors.versionNotFound(`${service.name} hat keine Version ${version ?? ''}.`.replace(' .', '.'));
      return content;
    },

    async draft(serviceId: string): Promise<ProcessDraft> {
      const service = await serviceOf(serviceId);
      const draft = await deps.drafts.findDraft(service.bpmnProcessId);
      if (!draft) throw modellerErrors.draftNotFound(service.name);
      return draft;
    },

    /** Saves the shared draft; a save that did not start from the stored revision is refused (409). */
    async saveDraft(serviceId: string, input: DraftInput, author: Modeller): Promise<ProcessDraft> {
      const service = await serviceOf(serviceId);
      await checkDraftContent(service.bpmnProcessId, input.bpmnXml, input.forms);
      const outcome = await deps.drafts.saveDraft({
        bpmnProcessId: service.bpmnProcessId, bpmnXml: input.bpmnXml, forms: input.forms, basedOnVersion: input.basedOnVersion, authorId: author.id, authorName: author.name,
      }, input.baseRevision, now());
      if ('stale' in outcome) {
        const current = await deps.drafts.findDraft(service.bpmnProcessId);
        throw modellerErrors.draftStale(
          current ? `${current.authorName} hat den Entwurf inzwischen gespeichert (Stand ${current.revision}). Laden Sie ihn neu.` : 'Der Entwurf wurde inzwischen bereitgestellt oder verworfen. Laden Sie neu.');
      }
      return outcome.saved;
    },

    /** Throws the shared draft away, if it is still at `revision`. */
    async discardDraft(serviceId: string, revision: number): Promise<void> {
      const service = await serviceOf(serviceId);
      const draft = await deps.drafts.findDraft(service.bpmnProcessId);
      if (!draft) throw modellerErrors.draftNotFound(service.name);
      if (draft.revision !== revision) throw modellerErrors.draftStale(`${draft.authorName} hat den Entwurf inzwischen gespeichert (Stand ${draft.revision}).`);
      await deps.drafts.discardDraft(service.bpmnProcessId, revision);
    },

    /** Lints a diagram as the deployment would (the browser lints live with the same rules). */
    async check(serviceId: string, bpmnXml: string, forms: FormSchemas): Promise<LintFinding[]> {
      const service = await serviceOf(serviceId);
      return lintWithForms(await checkDraftContent(service.bpmnProcessId, bpmnXml, forms), forms);
    },

    /** The draft against a deployed version (the newest by default), element by element. */
    async compareDraft(serviceId: string, version?: number): Promise<{ version: number; revision: number; changes: ElementChange[] }> {
      const service = await serviceOf(serviceId);
      const draft = await deps.drafts.findDraft(service.bpmnProcessId);
      if (!draft) throw modellerErrors.draftNotFound(service.name);
      const deployed = await deps.drafts.deployedContent(service.bpmnProcessId, version);
      if (!deployed) throw modellerErrors.versionNotFound();
      const [before, after] = await Promise.all([parseDiagram(deployed.bpmnXml), parseDiagram(draft.bpmnXml)]);
      return { version: deployed.version, revision: draft.revision, changes: compareDiagrams(before.definitions, after.definitions) };
    },

    /**
     * Deploys the saved draft at `revision`: checked and linted on the server whatever the browser
     * said, with the forms it links in the same deployment. Running instances keep their version.
     */
    async deployDraft(serviceId: string, revision: number, modeller: Modeller) {
      const service = await serviceOf(serviceId);
      const draft = await deps.drafts.findDraft(service.bpmnProcessId);
      if (!draft || draft.revision !== revision) {
        throw modellerErrors.draftStale('Der gespeicherte Entwurf ist nicht der, den Sie sehen. Laden Sie neu.');
      }
      const parsed = await checkDraftContent(service.bpmnProcessId, draft.bpmnXml, draft.forms);
      const findings = await lintWithForms(parsed, draft.forms);
      if (findings.some((finding) => finding.severity === 'error')) throw new LintRefusal(findings);
      const linked = [...new Set(formLinksOf(parsed.definitions).map((link) => link.formId))];
      const forms = Object.fromEntries(linked.map((formId) => [formId, draft.forms[formId]]));
      const deployed = await deps.engine.deploy({
        bpmn: { name: `${service.bpmnProcessId}.bpmn`, xml: draft.bpmnXml },
        forms: Object.entries(forms).map(([formId, schema]) => ({ name: `${formId}.form`, schema })),
      });
      await deps.rememberProcess(deployed.process);
      for (const form of deployed.forms) await deps.rememberForm(form);
      await deps.drafts.rememberDeployment({
        processDefinitionKey: deployed.process.processDefinitionKey, bpmnProcessId: service.bpmnProcessId, version: deployed.process.version, forms, by: modeller, at: now(),
      });
      await deps.drafts.discardDraft(service.bpmnProcessId, revision);
      return { version: deployed.process.version, processDefinitionKey: deployed.process.processDefinitionKey, warnings: findings };
    },
  };
}

export type ProcessModeller = ReturnType<typeof createProcessModeller>;
