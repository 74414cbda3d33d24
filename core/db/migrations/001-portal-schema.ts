import type { Knex } from 'knex';

/** Municipalities, services and their per-municipality offering (SVC-3, SVC-4, PAY-3). */
async function createCatalogue(db: Knex): Promise<void> {
  await db.schema.createTable('municipalities', (t) => {
    t.text('id').primary();
    t.integer('bfs_number').notNullable().unique();
    t.text('name').notNullable();
    t.text('canton').notNullable();
    t.boolean('participates').notNullable();
    t.text('back_office_vendor').notNullable();
    t.text('back_office_url').notNullable();
    // Name of the environment variable (or secret file) that holds the credential, never the credential.
    t.text('back_office_credential_ref').notNullable();
  });
  await db.schema.createTable('services', (t) => {
    t.text('id').primary();
    t.text('bpmn_process_id').notNullable();
    t.jsonb('names').notNullable();
    t.integer('expected_processing_days').notNullable();
  });
  await db.schema.createTable('municipality_services', (t) => {
    t.text('municipality_id').notNullable().references('municipalities.id');
    t.text('service_id').notNullable().references('services.id');
    t.integer('fee_rappen').notNullable().checkPositive();
    t.text('payment_account').notNullable();
    t.text('booking_text').notNullable();
    t.text('candidate_group').notNullable();
    t.primary(['municipality_id', 'service_id']);
  });
}

/** Cases and what the citizen reads about them: phases, documents, messages, fee. */
async function createCases(db: Knex): Promise<void> {
  await db.schema.createTable('cases', (t) => {
    t.uuid('id').primary();
    t.text('citizen_id').notNullable();
    t.text('service_id').notNullable().references('services.id');
    t.text('municipality_id').notNullable().references('municipalities.id');
    t.text('language').notNullable();
    t.text('idempotency_key');
    t.text('request_fingerprint').notNullable();
    t.text('process_instance_key').unique();
    t.text('outcome');
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('completed_at', { useTz: true });
    t.unique(['citizen_id', 'idempotency_key']);
    t.index(['citizen_id', 'created_at']);
  });
  await db.schema.createTable('documents', (t) => {
    t.uuid('id').primary();
    t.uuid('case_id').notNullable().references('cases.id').onDelete('CASCADE');
    t.text('kind').notNullable();
    t.text('file_name').notNullable();
    t.text('media_type').notNullable();
    t.binary('content').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    // A retried job must not issue a second certificate.
    t.unique(['case_id', 'kind']);
  });
  await db.schema.createTable('case_messages', (t) => {
    t.uuid('id').primary();
    t.uuid('case_id').notNullable().references('cases.id').onDelete('CASCADE');
    t.text('template').notNullable();
    t.jsonb('params').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.unique(['case_id', 'template']);
  });
  await db.schema.createTable('fees', (t) => {
    t.uuid('id').primary();
    t.uuid('case_id').notNullable().unique().references('cases.id').onDelete('CASCADE');
    t.integer('amount_rappen').notNullable();
    t.text('payment_account').notNullable();
    t.text('booking_text').notNullable();
    t.text('status').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
}

/** The read model projected from the engine's exported records (engine-records). */
async function createEngineReadModel(db: Knex): Promise<void> {
  await db.schema.createTable('process_definitions', (t) => {
    t.text('process_definition_key').primary();
    t.text('bpmn_process_id').notNullable();
    t.integer('version').notNullable();
    t.jsonb('phases').notNullable();
  });
  await db.schema.createTable('case_phases', (t) => {
    t.bigIncrements('id');
    t.text('process_instance_key').notNullable().index();
    t.text('element_id').notNullable();
    t.jsonb('phase').notNullable();
    t.text('outcome');
    t.timestamp('entered_at', { useTz: true }).notNullable();
    t.integer('partition_id').notNullable();
    t.bigInteger('record_position').notNullable();
    t.unique(['partition_id', 'record_position']);
  });
  await db.schema.createTable('process_instances', (t) => {
    t.text('process_instance_key').primary();
    t.text('process_definition_key').notNullable();
    t.text('state').notNullable();
    t.timestamp('started_at', { useTz: true }).notNullable();
    t.timestamp('ended_at', { useTz: true });
  });
  await db.schema.createTable('incidents', (t) => {
    t.text('incident_key').primary();
    t.text('process_instance_key').notNullable().index();
    t.text('element_id').notNullable();
    t.text('job_key');
    t.text('error_type').notNullable();
    t.text('error_message').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('resolved_at', { useTz: true });
  });
  await db.schema.createTable('user_tasks', (t) => {
    t.text('user_task_key').primary();
    t.text('process_instance_key').notNullable().index();
    t.text('element_id').notNullable();
    t.jsonb('candidate_groups').notNullable();
    t.text('form_key');
    t.text('assignee');
    t.text('state').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('ended_at', { useTz: true });
  });
}

export async function up(db: Knex): Promise<void> {
  await createCatalogue(db);
  await createCases(db);
  await createEngineReadModel(db);
}

export async function down(db: Knex): Promise<void> {
  for (const table of [
    'user_tasks', 'incidents', 'process_instances', 'case_phases', 'process_definitions',
    'fees', 'case_messages', 'documents', 'cases', 'municipality_services', 'services', 'municipalities',
  ]) {
    await db.schema.dropTableIfExists(table);
  }
}
