import type { Knex } from 'knex';
import { type EngineRecord, textOf } from './engine-record.ts';
import type { PhaseMap } from './phase-map.ts';
import { rememberProcessDefinition } from './process-definitions.ts';

export interface RecordProjector {
  /** Applies a batch atomically; applying the same batch again changes nothing. */
  project(records: EngineRecord[]): Promise<void>;
}

const at = (record: EngineRecord): Date => new Date(record.timestamp);

/** Keeps the portal's read model (phases, instances, user tasks, incidents) in step with the engine. */
export function createRecordProjector(db: Knex): RecordProjector {
  const phaseMaps = new Map<string, PhaseMap>();

  async function phaseMapOf(trx: Knex.Transaction, definitionKey: string): Promise<PhaseMap> {
    const cached = phaseMaps.get(definitionKey);
    if (cached) return cached;
    const row = await trx('process_definitions').where({ process_definition_key: definitionKey }).first('phases');
    const map = (row?.phases ?? {}) as PhaseMap;
    if (row) phaseMaps.set(definitionKey, map);
    return map;
  }

  async function onProcessDeployed(trx: Knex.Transaction, record: EngineRecord): Promise<void> {
    const { value } = record;
    const processDefinitionKey = textOf(value, 'processDefinitionKey');
    const phases = await rememberProcessDefinition(trx, {
      processDefinitionKey,
      bpmnProcessId: textOf(value, 'bpmnProcessId'),
      version: Number(value.version),
      bpmnXml: Buffer.from(textOf(value, 'resource'), 'base64').toString('utf8'),
    });
    phaseMaps.set(processDefinitionKey, phases);
  }

  async function onElement(trx: Knex.Transaction, record: EngineRecord): Promise<void> {
    const { value, intent } = record;
    const instanceKey = textOf(value, 'processInstanceKey');
    const definitionKey = textOf(value, 'processDefinitionKey');
    const isProcess = value.bpmnElementType === 'PROCESS';
    if (isProcess && intent === 'ELEMENT_ACTIVATED') {
      await trx('process_instances')
        .insert({ process_instance_key: instanceKey, process_definition_key: definitionKey, state: 'ACTIVE', started_at: at(record) })
        .onConflict('process_instance_key').ignore();
      return;
    }
    if (isProcess) {
      const state = intent === 'ELEMENT_COMPLETED' ? 'COMPLETED' : 'TERMINATED';
      await trx('process_instances').where({ process_instance_key: instanceKey }).update({ state, ended_at: at(record) });
      // The register's data and the citizen's request served the process only (INT-3).
      await trx('cases').where({ process_instance_key: instanceKey })
        .where((q) => q.whereNotNull('register_extract').orWhereNotNull('service_request'))
        .update({ register_extract: null, service_request: null });
      return;
    }
    if (intent !== 'ELEMENT_ACTIVATED') return;
    const marker = (await phaseMapOf(trx, definitionKey))[textOf(value, 'elementId')];
    if (!marker) return;
    await trx('case_phases').insert({
      process_instance_key: instanceKey,
      element_id: textOf(value, 'elementId'),
      phase: JSON.stringify(marker.phase),
      outcome: marker.outcome ?? null,
      awaits: marker.awaits ?? null,
      entered_at: at(record),
      partition_id: record.partitionId,
      record_position: record.position,
    }).onConflict(['partition_id', 'record_position']).ignore();
  }

  async function onUserTask(trx: Knex.Transaction, record: EngineRecord): Promise<void> {
    const { value, intent } = record;
    const userTaskKey = textOf(value, 'userTaskKey');
    if (intent === 'CREATED') {
      await trx('user_tasks').insert({
        user_task_key: userTaskKey,
        process_instance_key: textOf(value, 'processInstanceKey'),
        element_id: textOf(value, 'elementId'),
        candidate_groups: JSON.stringify(value.candidateGroupsList ?? []),
        // Keys arrive as the text of their JSON number; -1 means the task has no form.
        form_key: value.formKey === undefined || String(value.formKey) === '-1' ? null : String(value.formKey),
        assignee: typeof value.assignee === 'string' && value.assignee !== '' ? value.assignee : null,
        assigned_at: typeof value.assignee === 'string' && value.assignee !== '' ? at(record) : null,
        state: 'CREATED',
        created_at: at(record),
        ...userTaskDates(value),
      }).onConflict('user_task_key').ignore();
    } else if (intent === 'UPDATED') {
      await trx('user_tasks').where({ user_task_key: userTaskKey }).update(userTaskDates(value));
    } else if (intent === 'ASSIGNED') {
      const assignee = typeof value.assignee === 'string' && value.assignee !== '' ? value.assignee : null;
      // The tasklist notes who assigned before this record arrives; an assignment made elsewhere has no known author.
      // A record older than the tasklist's latest note (a claim's record arriving after the hand-over
      // that followed it) must not put the earlier assignee back.
      await trx('user_tasks').where({ user_task_key: userTaskKey })
        .where((fresh) => fresh.whereNull('assigned_at').orWhere('assigned_at', '<=', at(record)))
        .update({
          assignee,
          assigned_at: trx.raw('case when assignee is distinct from ? then ?::timestamptz else coalesce(assigned_at, ?::timestamptz) end', [assignee, at(record), at(record)]),
          assigned_by: trx.raw('case when assignee is distinct from ? then null else assigned_by end', [assignee]),
        });
    } else if (intent === 'COMPLETED' || intent === 'CANCELED') {
      await trx('user_tasks').where({ user_task_key: userTaskKey }).update({ state: intent, ended_at: at(record) });
    }
  }

  /** Due and follow-up dates (ISO strings, empty when unset) and priority of a USER_TASK value. */
  function userTaskDates(value: Record<string, unknown>) {
    const date = (text: unknown) => (typeof text === 'string' && text !== '' && !Number.isNaN(Date.parse(text)) ? new Date(text) : null);
    return {
      due_date: date(value.dueDate),
      follow_up_date: date(value.followUpDate),
      priority: typeof value.priority === 'number' ? value.priority : null,
    };
  }

  async function onIncident(trx: Knex.Transaction, record: EngineRecord): Promise<void> {
    const { value, intent } = record;
    if (intent === 'CREATED') {
      await trx('incidents').insert({
        incident_key: record.key,
        process_instance_key: textOf(value, 'processInstanceKey'),
        element_id: textOf(value, 'elementId'),
        job_key: value.jobKey === undefined || value.jobKey === '-1' ? null : String(value.jobKey),
        error_type: textOf(value, 'errorType'),
        error_message: typeof value.errorMessage === 'string' ? value.errorMessage : '',
        created_at: at(record),
      }).onConflict('incident_key').ignore();
    } else if (intent === 'RESOLVED') {
      await trx('incidents').where({ incident_key: record.key }).update({ resolved_at: at(record) });
    }
  }

  const handlers: Record<string, (trx: Knex.Transaction, record: EngineRecord) => Promise<void>> = {
    PROCESS: (trx, record) => (record.intent === 'CREATED' ? onProcessDeployed(trx, record) : Promise.resolve()),
    PROCESS_INSTANCE: onElement,
    USER_TASK: onUserTask,
    INCIDENT: onIncident,
  };

  return {
    async project(records) {
      await db.transaction(async (trx) => {
        for (const record of records) {
          if (record.recordType !== 'EVENT') continue;
          if (Object.hasOwn(handlers, record.valueType)) await handlers[record.valueType]?.(trx, record);
        }
      });
    },
  };
}
