import type { Knex } from 'knex';
import type { ServiceManifest } from '../catalogue/service-manifest.ts';

/** Form-js schemas by form id. */
export type FormSchemas = Record<string, unknown>;

/** The one shared draft of a process, as last saved. */
export interface ProcessDraft {
  bpmnProcessId: string;
  bpmnXml: string;
  forms: FormSchemas;
  /** The manifest of a new service package, not registered yet (its start form is among the forms); null for a registered service's draft. */
  manifest: ServiceManifest | null;
  revision: number;
  basedOnVersion: number | null;
  authorId: string;
  authorName: string;
  savedAt: Date;
}

/** One deployed version of a process and how many of its instances are running. */
export interface ProcessVersion {
  processDefinitionKey: string;
  bpmnProcessId: string;
  version: number;
  runningInstances: number;
  deployedBy: { id: string; name: string } | null;
  deployedAt: Date | null;
}

export interface DeployedVersionContent {
  version: number;
  processDefinitionKey: string;
  bpmnXml: string;
  forms: FormSchemas;
}

export type SaveOutcome = { saved: ProcessDraft } | { stale: true };

/** A service of the platform and the process that runs it. */
export interface ModelledService {
  serviceId: string;
  bpmnProcessId: string;
  name: string;
}

export interface ProcessDraftsRepository {
  /** The platform's services: the only processes the modeller may write. */
  services(): Promise<ModelledService[]>;
  /** The new services the modeller is making: drafts with a manifest, not deployed yet. */
  newServices(): Promise<ModelledService[]>;
  /** Whether an id is taken as a service's id or process id, by a process the engine knows, or by a draft. */
  processIdTaken(id: string): Promise<boolean>;
  findDraft(bpmnProcessId: string): Promise<ProcessDraft | undefined>;
  /** Saves when `baseRevision` is the stored revision (0: no draft yet); otherwise reports it stale. */
  saveDraft(draft: Omit<ProcessDraft, 'revision' | 'savedAt'>, baseRevision: number, now: Date): Promise<SaveOutcome>;
  /** Removes the draft if it is still at `revision` (after it was deployed). */
  discardDraft(bpmnProcessId: string, revision: number): Promise<void>;
  /** Versions newest first, with their running instances. */
  versions(bpmnProcessId: string): Promise<ProcessVersion[]>;
  /** A version's XML and forms; the newest when `version` is omitted. */
  deployedContent(bpmnProcessId: string, version?: number): Promise<DeployedVersionContent | undefined>;
  rememberDeployment(deployment: { processDefinitionKey: string; bpmnProcessId: string; version: number; forms: FormSchemas; by: { id: string; name: string }; at: Date }): Promise<void>;
  /** The process ids whose newest version was deployed from the modeller. */
  modellerOwned(): Promise<string[]>;
}

interface DraftRow {
  bpmn_process_id: string;
  bpmn_xml: string;
  forms: FormSchemas;
  manifest: ServiceManifest | null;
  revision: number;
  based_on_version: number | null;
  author_id: string;
  author_name: string;
  saved_at: Date;
}

const toDraft = (row: DraftRow): ProcessDraft => ({
  bpmnProcessId: row.bpmn_process_id,
  bpmnXml: row.bpmn_xml,
  forms: row.forms,
  manifest: row.manifest,
  revision: row.revision,
  basedOnVersion: row.based_on_version,
  authorId: row.author_id,
  authorName: row.author_name,
  savedAt: row.saved_at,
});

/** Form ids a diagram links (`zeebe:formDefinition formId="..."`), read without a full parse. */
export function linkedFormIds(bpmnXml: string): string[] {
  const ids = new Set<string>();
  for (const match of bpmnXml.matchAll(/<zeebe:formDefinition\b[^>]*\bformId="([^"]+)"/g)) if (match[1]) ids.add(match[1]);
  return [...ids];
}

export function createProcessDraftsRepository(db: Knex): ProcessDraftsRepository {
  async function formsAt(processDefinitionKey: string, bpmnXml: string): Promise<FormSchemas> {
    const deployment = await db('process_deployments').where({ process_definition_key: processDefinitionKey }).first('forms');
    if (deployment) return deployment.forms as FormSchemas;
    // Deployed from processes/ (or elsewhere): the newest version of each linked form.
    const forms: FormSchemas = {};
    for (const formId of linkedFormIds(bpmnXml)) {
      const row = await db('forms').where({ form_id: formId }).orderBy('version', 'desc').first('schema');
      if (row) forms[formId] = row.schema;
    }
    return forms;
  }

  return {
    async services() {
      const rows = await db('services').orderBy('id').select('id', 'bpmn_process_id', 'names');
      return rows.map((row) => ({ serviceId: row.id, bpmnProcessId: row.bpmn_process_id, name: (row.names as { de: string }).de }));
    },

    async newServices() {
      const rows = await db<DraftRow>('process_drafts').whereNotNull('manifest').orderBy('bpmn_process_id').select('bpmn_process_id', 'manifest');
      return rows.flatMap(({ bpmn_process_id: bpmnProcessId, manifest }) => (manifest ? [{ serviceId: manifest.id, bpmnProcessId, name: manifest.names.de }] : []));
    },

    async processIdTaken(id) {
      const taken = await db.raw(`select exists (select 1 from services where id = :id or bpmn_process_id = :id)
        or exists (select 1 from process_definitions where bpmn_process_id = :id)
        or exists (select 1 from process_drafts where bpmn_process_id = :id) as taken`, { id });
      return (taken.rows as { taken: boolean }[])[0]?.taken === true;
    },

    async findDraft(bpmnProcessId) {
      const row = await db<DraftRow>('process_drafts').where({ bpmn_process_id: bpmnProcessId }).first();
      return row ? toDraft(row) : undefined;
    },

    async saveDraft(draft, baseRevision, now) {
      const values = {
        bpmn_xml: draft.bpmnXml,
        forms: JSON.stringify(draft.forms),
        manifest: draft.manifest === null ? null : JSON.stringify(draft.manifest),
        based_on_version: draft.basedOnVersion,
        author_id: draft.authorId,
        author_name: draft.authorName,
        saved_at: now,
      };
      const rows: DraftRow[] = baseRevision === 0
        ? await db('process_drafts').insert({ bpmn_process_id: draft.bpmnProcessId, revision: 1, ...values }).onConflict('bpmn_process_id').ignore().returning('*')
        : await db('process_drafts').where({ bpmn_process_id: draft.bpmnProcessId, revision: baseRevision })
          .update({ ...values, revision: baseRevision + 1 }).returning('*');
      const [row] = rows;
      return row ? { saved: toDraft(row) } : { stale: true };
    },

    async discardDraft(bpmnProcessId, revision) {
      await db('process_drafts').where({ bpmn_process_id: bpmnProcessId, revision }).delete();
    },

    async versions(bpmnProcessId) {
      const rows = await db('process_definitions as d')
        .leftJoin('process_deployments as p', 'p.process_definition_key', 'd.process_definition_key')
        .where('d.bpmn_process_id', bpmnProcessId)
        .select('d.process_definition_key', 'd.bpmn_process_id', 'd.version', 'p.deployed_by_id', 'p.deployed_by_name', 'p.deployed_at')
        .select(db.raw("(select count(*) from process_instances i where i.process_definition_key = d.process_definition_key and i.state = 'ACTIVE')::int as running"))
        .orderBy('d.version', 'desc');
      return rows.map((row) => ({
        processDefinitionKey: row.process_definition_key,
        bpmnProcessId: row.bpmn_process_id,
        version: row.version,
        runningInstances: row.running,
        deployedBy: row.deployed_by_id ? { id: row.deployed_by_id, name: row.deployed_by_name } : null,
        deployedAt: row.deployed_at ?? null,
      }));
    },

    async deployedContent(bpmnProcessId, version) {
      const query = db('process_definitions').where({ bpmn_process_id: bpmnProcessId }).whereNotNull('bpmn_xml');
      const row = await (version === undefined ? query.orderBy('version', 'desc') : query.andWhere({ version }))
        .first('process_definition_key', 'version', 'bpmn_xml');
      if (!row) return undefined;
      return {
        version: row.version,
        processDefinitionKey: row.process_definition_key,
        bpmnXml: row.bpmn_xml,
        forms: await formsAt(row.process_definition_key, row.bpmn_xml),
      };
    },

    async rememberDeployment({ processDefinitionKey, bpmnProcessId, version, forms, by, at }) {
      await db('process_deployments').insert({
        process_definition_key: processDefinitionKey,
        bpmn_process_id: bpmnProcessId,
        version,
        forms: JSON.stringify(forms),
        deployed_by_id: by.id,
        deployed_by_name: by.name,
        deployed_at: at,
      }).onConflict('process_definition_key').merge();
    },

    async modellerOwned() {
      const rows = await db('process_definitions as d')
        .join('process_deployments as p', 'p.process_definition_key', 'd.process_definition_key')
        .whereRaw('d.version = (select max(version) from process_definitions n where n.bpmn_process_id = d.bpmn_process_id)')
        .distinct('d.bpmn_process_id');
      return rows.map((row) => row.bpmn_process_id as string);
    },
  };
}
