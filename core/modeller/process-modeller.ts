import type { DeployedProcess } from '../engine/records/process-definitions.ts';
import type { FormSchemas, ModelledService, ProcessDraft, ProcessDraftsRepository, ProcessVersion } from '../db/process-drafts-repository.ts';
import { LintRefusal, modellerErrors } from '../errors/modeller-errors.ts';
import { compareDiagrams, type ElementChange } from './compare-diagrams.ts';
import { type BpmnElement, formLinksOf, parseDiagram, type ParsedDiagram, processesOf } from '../bpmn/diagram.ts';
import type { DiagramLinter, LintFinding } from './lint-diagram.ts';
import type { ServiceManifest } from '../catalogue/service-manifest.ts';
import type { PackageProblem } from '../catalogue/service-packages.ts';
import type { ServiceRegistration } from '../db/services-repository.ts';
import { checkNewService, startFormIdOf, startingDiagram, startingStartForm, STARTING_PREFILL } from './new-service.ts';

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
  /** Registers a new service in the catalogue from its manifest and start form, as the packages of processes/ are. */
  registerService(registration: ServiceRegistration): Promise<void>;
  now?: () => Date;
}

export interface DraftInput {
  bpmnXml: string;
  forms: FormSchemas;
  /** The revision the modeller started from; 0 when there was no draft. */
  baseRevision: number;
  basedOnVersion: number | null;
  /** A new service's manifest, changed in the draft; left out, the saved one stays. */
  manifest?: ServiceManifest;
}

/** A service of the modeller's list: registered, or new (a draft with its manifest, not deployed yet). */
type ListedService = ModelledService & { isNew: boolean };


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

/** A package's problems as a refusal's fields: the manifest's at `base` and their pointer, any other file's at `base` with its name. */
const packageErrors = (problems: PackageProblem[], base: string) => problems.map(({ file, pointer, message }) => (file.endsWith('/service.yaml')
  ? { pointer: `${base}${pointer === '/' ? '' : pointer}`, detail: message }
  : { pointer: base, detail: `${file}: ${message}` }));

/**
 * What a new service's manifest must say of its package: its process is the service's id, and its
 * start form the one made with it. `base` points at the manifest in the refusal.
 */
function checkNewManifest(serviceId: string, manifest: ServiceManifest, base: string): void {
  if (manifest.id !== serviceId) throw invalid(`${base}/id`, `must stay ${serviceId}`);
  if (manifest.bpmnProcessId !== serviceId) throw invalid(`${base}/bpmnProcessId`, `must be the service's id, ${serviceId}`);
  const startForm = `${startFormIdOf(serviceId)}.form`;
  if (manifest.startForm !== startForm) throw invalid(`${base}/startForm`, `must be ${startForm}, the start form made with the service`);
}

/** The use cases behind the modeller's API: services and versions, drafts, checks, comparison, deployment, and new services. */
export function createProcessModeller(deps: ProcessModellerDeps) {
  const now = deps.now ?? (() => new Date());

  async function serviceOf(serviceId: string): Promise<ListedService> {
    const registered = (await deps.drafts.services()).find((candidate) => candidate.serviceId === serviceId);
    if (registered) return { ...registered, isNew: false };
    const made = (await deps.drafts.newServices()).find((candidate) => candidate.serviceId === serviceId);
    if (!made) throw modellerErrors.serviceNotFound(serviceId);
    return { ...made, isNew: true };
  }

  /** Every check of a package in processes/ on a new service's content; refused with the problems at `base` (the manifest). */
  async function checkPackage(status: 400 | 422, serviceId: string, manifest: ServiceManifest, bpmnXml: string, forms: FormSchemas, base: string) {
    const checked = await checkNewService(serviceId, manifest, bpmnXml, forms);
    if ('problems' in checked) throw modellerErrors.packageInvalid(status, packageErrors(checked.problems, base));
    return checked.servicePackage;
  }

  async function lintWithForms(parsed: ParsedDiagram, forms: FormSchemas): Promise<LintFinding[]> {
    const findings = await deps.lint(parsed);
    for (const link of formLinksOf(parsed.definitions)) {
      if (!(link.formId in forms)) findings.push({ elementId: link.elementId, rule: 'form-reference', message: `verweist auf das Formular "${link.formId}", das es nicht gibt`, severity: 'error' });
    }
    return findings;
  }

  return {
    /** Every service with its versions, running instances per version, and its draft; then the new services, not deployed yet. */
    async listServices(): Promise<(ListedService & { versions: ProcessVersion[]; draft: Omit<ProcessDraft, 'bpmnXml' | 'forms' | 'manifest'> | null })[]> {
      const services: ListedService[] = [
        ...(await deps.drafts.services()).map((service) => ({ ...service, isNew: false })),
        ...(await deps.drafts.newServices()).map((service) => ({ ...service, isNew: true })),
      ];
      return Promise.all(services.map(async (service) => {
        const draft = await deps.drafts.findDraft(service.bpmnProcessId);
        const { bpmnXml: _xml, forms: _forms, manifest: _manifest, ...draftInfo } = draft ?? { bpmnXml: '', forms: {}, manifest: null };
        return { ...service, versions: await deps.drafts.versions(service.bpmnProcessId), draft: draft ? draftInfo as Omit<ProcessDraft, 'bpmnXml' | 'forms' | 'manifest'> : null };
      }));
    },

    /**
     * Makes a new service's draft from its manifest: a starting diagram whose process id is the
     * service's id, and a start form asking for the applicant (pre-filled from the account unless
     * the manifest says otherwise). The id must be free; the package must pass every check of a
     * package in processes/. The modeller edits and deploys it as any draft.
     */
    async createService(manifest: ServiceManifest, author: Modeller): Promise<ProcessDraft> {
      checkNewManifest(manifest.id, manifest, '/body/manifest');
      if (await deps.drafts.processIdTaken(manifest.id)) throw modellerErrors.serviceExists(manifest.id);
      const started = { ...manifest, prefill: manifest.prefill ?? { ...STARTING_PREFILL } };
      const bpmnXml = startingDiagram(started);
      const forms = { [startFormIdOf(manifest.id)]: startingStartForm(started) };
      await checkPackage(400, manifest.id, started, bpmnXml, forms, '/body/manifest');
      const outcome = await deps.drafts.saveDraft({
        bpmnProcessId: manifest.id, bpmnXml, forms, manifest: started, basedOnVersion: null, authorId: author.id, authorName: author.name,
      }, 0, now());
      if ('stale' in outcome) throw modellerErrors.serviceExists(manifest.id);
      return outcome.saved;
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

    /**
     * Saves the shared draft; a save that did not start from the stored revision is refused (409).
     * A new service's draft keeps its manifest (or takes the one sent) and its start form; a
     * registered service's manifest is its package's, not the draft's.
     */
    async saveDraft(serviceId: string, input: DraftInput, author: Modeller): Promise<ProcessDraft> {
      const service = await serviceOf(serviceId);
      await checkDraftContent(service.bpmnProcessId, input.bpmnXml, input.forms);
      if (!service.isNew && input.manifest) throw invalid('/body/manifest', 'only a new service\'s draft carries its manifest; a deployed service\'s is its package\'s service.yaml');
      const manifest = service.isNew ? input.manifest ?? (await deps.drafts.findDraft(service.bpmnProcessId))?.manifest ?? null : null;
      if (manifest) {
        checkNewManifest(serviceId, manifest, '/body/manifest');
        const startFormId = startFormIdOf(serviceId);
        if (!(startFormId in input.forms)) throw invalid(`/forms/${startFormId}`, 'is the new service\'s start form and must stay');
      }
      const outcome = await deps.drafts.saveDraft({
        bpmnProcessId: service.bpmnProcessId, bpmnXml: input.bpmnXml, forms: input.forms, manifest, basedOnVersion: input.basedOnVersion, authorId: author.id, authorName: author.name,
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
     * A new service's draft must pass every check of a package in processes/; its start form is
     * deployed with it, and once the engine has both, the service is registered in the catalogue
     * from its manifest, as the packages of processes/ are: searchable, its form served, ready for
     * a municipality to offer.
     */
    async deployDraft(serviceId: string, revision: number, modeller: Modeller) {
      const service = await serviceOf(serviceId);
      const draft = await deps.drafts.findDraft(service.bpmnProcessId);
      if (!draft || draft.revision !== revision) {
        throw modellerErrors.draftStale('Der gespeicherte Entwurf ist nicht der, den Sie sehen. Laden Sie neu.');
      }
      // A service registered since (a package of processes/ with its id) is not overwritten by a draft.
      if (draft.manifest && !service.isNew) throw modellerErrors.serviceExists(serviceId);
      const parsed = await checkDraftContent(service.bpmnProcessId, draft.bpmnXml, draft.forms);
      const findings = await lintWithForms(parsed, draft.forms);
      if (findings.some((finding) => finding.severity === 'error')) throw new LintRefusal(findings);
      const newPackage = draft.manifest ? await checkPackage(422, serviceId, draft.manifest, draft.bpmnXml, draft.forms, '/manifest') : undefined;
      const startFormId = newPackage ? [startFormIdOf(serviceId)] : [];
      const deployedForms = [...new Set([...formLinksOf(parsed.definitions).map((link) => link.formId), ...startFormId])];
      const forms = Object.fromEntries(deployedForms.map((formId) => [formId, draft.forms[formId]]));
      const deployed = await deps.engine.deploy({
        bpmn: { name: `${service.bpmnProcessId}.bpmn`, xml: draft.bpmnXml },
        forms: Object.entries(forms).map(([formId, schema]) => ({ name: `${formId}.form`, schema })),
      });
      await deps.rememberProcess(deployed.process);
      for (const form of deployed.forms) await deps.rememberForm(form);
      if (newPackage) await deps.registerService({ manifest: newPackage.manifest, startForm: newPackage.startForm, documentTemplates: newPackage.documentTemplates });
      await deps.drafts.rememberDeployment({
        processDefinitionKey: deployed.process.processDefinitionKey, bpmnProcessId: service.bpmnProcessId, version: deployed.process.version, forms, by: modeller, at: now(),
      });
      await deps.drafts.discardDraft(service.bpmnProcessId, revision);
      return { version: deployed.process.version, processDefinitionKey: deployed.process.processDefinitionKey, warnings: findings };
    },
  };
}

export type ProcessModeller = ReturnType<typeof createProcessModeller>;
