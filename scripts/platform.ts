import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { basename } from 'node:path';
import pino, { type Logger } from 'pino';
import { createIncidentsRepository } from '../portal-api/db/incidents-repository.ts';
import { startIncidentRecovery } from '../workers/incident-recovery.ts';
import { readCredentialFrom } from '../connectors/back-office/credentials.ts';
import { BACK_OFFICE_VENDORS } from '../connectors/back-office/vendors.ts';
import { createBackOfficeRegistry } from '../connectors/back-office/registry.ts';
import { createPaymentsRepository } from '../portal-api/db/payments-repository.ts';
import { createStaffRepository } from '../portal-api/db/staff-repository.ts';
import { createTasksRepository } from '../portal-api/db/tasks-repository.ts';
import { createUserTaskCommands } from '../portal-api/engine/user-tasks.ts';
import { createIncidentCommands } from '../portal-api/engine/incident-commands.ts';
import { createBankCreditImport } from '../portal-api/payments/import-bank-credits.ts';
import { createPaymentReceivedPublisher } from '../portal-api/payments/payment-messages.ts';
import { createAnswerQuestion } from '../portal-api/cases/answer-question.ts';
import { createCitizenAnswersRepository } from '../portal-api/db/citizen-answers-repository.ts';
import { createInternalTasksRepository } from '../portal-api/db/internal-tasks-repository.ts';
import { createInternalTaskCreator } from '../portal-api/staff/create-internal-task.ts';
import { createPayrexxProviders } from '../portal-api/payments/payrexx-providers.ts';
import { createPaymentReconciliation } from '../portal-api/payments/reconcile-payments.ts';
import { createProviderTransactionRecorder } from '../portal-api/payments/record-provider-transaction.ts';
import { createInvoiceSettlement } from '../portal-api/payments/settle-invoice.ts';
import { runPeriodically } from '../workers/periodic.ts';
import { createSmtpMailer, type Mailer } from '../connectors/email/mailer.ts';
import { createAccounts } from '../portal-api/accounts/index.ts';
import { ACCOUNT_STATE_SWEEP_EVERY_MS } from '../portal-api/accounts/account-state-sweep.ts';
import { createAccountMailDelivery } from '../portal-api/accounts/mail-delivery.ts';
import { createSecretBox } from '../portal-api/accounts/secret-box.ts';
import { createAccountMailOutboxRepository } from '../portal-api/db/account-mail-outbox-repository.ts';
import { createAccountsRepository } from '../portal-api/db/accounts-repository.ts';
import { createOrganisations } from '../portal-api/organisations/index.ts';
import { createAccountLifecycle, type RunAccountLifecycle } from '../portal-api/accounts/account-lifecycle.ts';
import { createAccountDeletionRepository } from '../portal-api/db/account-deletion-repository.ts';
import { createDraftsRepository } from '../portal-api/db/drafts-repository.ts';
import { createDraftService } from '../portal-api/drafts/draft-service.ts';
import { createTaskDigestRepository } from '../portal-api/db/task-digest-repository.ts';
import { createTaskDigest } from '../portal-api/staff/task-digest.ts';
import { askStaffDirectory } from '../portal-api/staff/oidc-login.ts';
import { createStaffSessions } from '../portal-api/staff/staff-sessions.ts';
import { createStaffSessionsRepository } from '../portal-api/db/staff-sessions-repository.ts';
import { createCaseNoticesRepository } from '../portal-api/db/case-notices-repository.ts';
import { createCaseNotices } from '../portal-api/cases/case-notices.ts';
import { buildApp } from '../portal-api/app.ts';
import { createStartApplication } from '../portal-api/applications/start-application.ts';
import type { Config } from '../portal-api/config.ts';
import { createCaseRecordsRepository } from '../portal-api/db/case-records-repository.ts';
import { createCasesRepository } from '../portal-api/db/cases-repository.ts';
import { createCatalogueRepository } from '../portal-api/db/catalogue-repository.ts';
import { createDatabase } from '../portal-api/db/database.ts';
import { createDocumentsRepository } from '../portal-api/db/documents-repository.ts';
import { migrateToLatest } from '../portal-api/db/migrate.ts';
import { seedCatalogue, type SeedBackOffice } from '../portal-api/db/seed/catalogue.ts';
import { deployProcesses } from '../portal-api/engine/deploy-processes.ts';
import { type ZeebeClient, createProcessStarter, createZeebeClient, engineIsReady } from '../portal-api/engine/engine-client.ts';
import { rememberProcessDefinition } from '../portal-api/engine-records/process-definitions.ts';
import { createRecordProjector } from '../portal-api/engine-records/project-records.ts';
import { allWorkers } from '../workers/all-workers.ts';
import { createProcessDraftsRepository } from '../portal-api/db/process-drafts-repository.ts';
import { createBrowserBundle } from '../portal-api/modeler/browser-bundle.ts';
import { createEngineDeployer } from '../portal-api/modeler/engine-deployer.ts';
import { createDiagramLinter } from '../portal-api/modeler/lint-diagram.ts';
import { createProcessModeller } from '../portal-api/modeler/process-modeller.ts';
import { type RunningWorkers, startWorkers } from '../workers/runner.ts';

export interface Parts {
  config: Config;
  logger: Logger;
  db: Knex;
  zeebe: ZeebeClient;
}

/** Database (migrated) and engine client: what both the API and the workers stand on. */
export async function openParts(config: Config, logger: Logger = pino({ level: config.LOG_LEVEL })): Promise<Parts> {
  const db = createDatabase({ databaseUrl: config.DATABASE_URL, embeddedDir: config.EMBEDDED_DB_DIR });
  await migrateToLatest(db);
  const zeebe = createZeebeClient({ grpcAddress: config.ZEEBE_GRPC_ADDRESS, restAddress: config.ZEEBE_REST_ADDRESS });
  return { config, logger, db, zeebe };
}

/** Deploys processes/ and remembers their phase maps (the engine reports no unchanged redeployment). */
export async function deployAll({ db, zeebe, logger }: Parts): Promise<void> {
  // A diagram the modeller deployed stays in front; `npm run export-process` brings it into git.
  const modellerOwned = new Set(await createProcessDraftsRepository(db).modellerOwned());
  const deployment = await deployProcesses(zeebe, 'processes', (file) => modellerOwned.has(basename(file, '.bpmn')));
  if (modellerOwned.size > 0) logger.info({ processes: [...modellerOwned] }, 'kept the modeller\'s newest versions; their processes/ diagrams were not deployed');
  for (const process of deployment.processes) await rememberProcessDefinition(db, process);
  for (const form of deployment.forms) {
    await db('forms').insert({ form_key: form.formKey, form_id: form.formId, version: form.version, schema: JSON.stringify(form.schema) })
      .onConflict('form_key').ignore();
  }
  logger.info({ resources: deployment.resources.length }, 'processes and forms deployed');
}

/** The process modeller's use cases: drafts, checks and deployments from the browser (SVC-6). */
export function openProcessModeller({ db, zeebe }: Parts) {
  return createProcessModeller({
    drafts: createProcessDraftsRepository(db),
    lint: createDiagramLinter(),
    engine: createEngineDeployer(zeebe),
    rememberProcess: async (process) => {
      await rememberProcessDefinition(db, process);
    },
    rememberForm: async (form) => {
      await db('forms').insert({ form_key: form.formKey, form_id: form.formId, version: form.version, schema: JSON.stringify(form.schema) })
        .onConflict('form_key').ignore();
    },
  });
}

/** Payments as both the API (webhooks, finance) and the workers (process tasks, reconciliation) use them. */
export function openPaymentServices({ config, logger, db, zeebe }: Parts) {
  const catalogue = createCatalogueRepository(db);
  const payments = createPaymentsRepository(db);
  const providers = createPayrexxProviders({ baseUrl: config.PAYREXX_BASE_URL, readCredential: readCredentialFrom(process.env), timeoutMs: 10_000 });
  const publishPaymentReceived = createPaymentReceivedPublisher(zeebe);
  const recordTransaction = createProviderTransactionRecorder({
    catalogue, payments, providers, publishPaymentReceived, logger: logger.child({ component: 'payments' }),
  });
  const settleInvoice = createInvoiceSettlement({ payments, publishPaymentReceived });
  return {
    payments,
    providers,
    recordTransaction,
    settleInvoice,
    importBankCredits: createBankCreditImport({ payments, settleInvoice }),
    reconcile: createPaymentReconciliation(
      { catalogue, payments, providers, recordTransaction, logger: logger.child({ component: 'payments' }) },
      { graceMs: config.PAYMENT_RECONCILE_GRACE_MS, lookBackMs: 30 * 24 * 3600 * 1000, batchSize: 200 },
    ),
  };
}

/** Runs a mailing every `everyMs` over its own SMTP connection; without SMTP_URL it does not run, and the log says what is missing. */
function startMailing(
  { config, logger }: Parts, name: string, everyMs: number, missing: string, mailing: (mailer: Mailer) => () => Promise<unknown>,
): { stop(): void } {
  if (!config.SMTP_URL) {
    logger.warn(`SMTP_URL is not set: ${missing}`);
    return { stop: () => undefined };
  }
  const mailer = createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM });
  const periodic = runPeriodically(name, everyMs, mailing(mailer), logger);
  return {
    stop() {
      periodic.stop();
      mailer.close();
    },
  };
}

/** E-mail digests of new and assigned tasks to staff. */
function startTaskDigests(parts: Parts): { stop(): void } {
  const { config, logger, db } = parts;
  return startMailing(parts, 'task-digest', config.TASK_DIGEST_EVERY_MS, 'staff get no e-mail digests of their tasks', (mailer) => createTaskDigest({
    repository: createTaskDigestRepository(db), mailer, publicUrl: config.PORTAL_PUBLIC_URL, logger: logger.child({ component: 'task-digest' }),
  }));
}

/** Citizens are told by e-mail of new messages on their cases (CASE-3). */
function startCaseNotices(parts: Parts): { stop(): void } {
  const { config, logger, db } = parts;
  return startMailing(parts, 'case-notices', config.CASE_NOTICE_EVERY_MS, 'citizens are not told of new messages on their cases', (mailer) => createCaseNotices({
    repository: createCaseNoticesRepository(db), mailer, publicUrl: config.PORTAL_PUBLIC_URL, logger: logger.child({ component: 'case-notices' }),
  }));
}

/** What the account lifecycle job is configured by. */
export type AccountLifecycleConfig = Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'ACCOUNT_SECRETS_KEY' | 'ACCOUNT_MAIL_EVERY_MS' | 'PORTAL_PUBLIC_URL' | 'DRAFT_RETENTION_MONTHS'>;

/**
 * The account lifecycle job (ACC-7 and the draft retention) as the workers run it: reminders go
 * straight to the mail server, the notices after a deletion into the account mails' outbox, which
 * the API instances deliver from. Without SMTP_URL never-used accounts and old drafts are still
 * deleted, but no reminder goes out, so no account is deleted for inactivity. `close` waits for
 * the notices on their way into the outbox.
 */
export function composeAccountLifecycle({ config, logger, db }: { config: AccountLifecycleConfig; logger: Logger; db: Knex }): { run: RunAccountLifecycle; close(): Promise<void> } {
  const mailer = config.SMTP_URL ? createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM }) : undefined;
  if (!mailer) logger.warn('SMTP_URL is not set: no inactivity reminders, so no account is deleted for inactivity');
  const notices = createAccountMailDelivery({
    outbox: createAccountMailOutboxRepository(db), secrets: createSecretBox([config.ACCOUNT_SECRETS_KEY]), mailer,
    logger: logger.child({ component: 'account-mails' }), settings: { everyMs: config.ACCOUNT_MAIL_EVERY_MS },
  });
  const run = createAccountLifecycle({
    deletion: createAccountDeletionRepository(db), mailer, notify: notices.send, logger: logger.child({ component: 'account-lifecycle' }),
    settings: { publicUrl: config.PORTAL_PUBLIC_URL, draftRetentionMonths: config.DRAFT_RETENTION_MONTHS },
  });
  return {
    run,
    async close() {
      await notices.idle();
      mailer?.close();
    },
  };
}

/** The account lifecycle job with the real time, every ACCOUNT_LIFECYCLE_EVERY_MS. */
function startAccountLifecycle({ config, logger, db }: Parts): { stop(): Promise<void> } {
  const lifecycle = composeAccountLifecycle({ config, logger, db });
  const periodic = runPeriodically('account-lifecycle', config.ACCOUNT_LIFECYCLE_EVERY_MS, () => lifecycle.run(new Date()), logger);
  return {
    async stop() {
      periodic.stop();
      await lifecycle.close();
    },
  };
}

/** Retries a service task starts with in the diagrams (zeebe:taskDefinition retries="3"). */
const WORKER_DEFAULT_RETRIES = 3;

/** Job workers and the recovery of back-office outage incidents. */
export async function startWorkerPool(parts: Parts): Promise<RunningWorkers> {
  const { config, logger, db, zeebe } = parts;
  const caseRecords = createCaseRecordsRepository(db);
  const paymentServices = openPaymentServices(parts);
  const reconciliation = runPeriodically('payment-reconciliation', config.PAYMENT_RECONCILE_EVERY_MS, paymentServices.reconcile, logger);
  const digests = startTaskDigests(parts);
  const notices = startCaseNotices(parts);
  const lifecycle = startAccountLifecycle(parts);
  const backOffices = createBackOfficeRegistry({
    adapters: Object.fromEntries(Object.values(BACK_OFFICE_VENDORS).map((vendor) => [vendor.name, vendor.createAdapter])),
    readCredential: readCredentialFrom(process.env),
    timeoutMs: config.BACK_OFFICE_TIMEOUT_MS,
    breaker: { failuresToOpen: config.BACK_OFFICE_BREAKER_FAILURES, openForMs: config.BACK_OFFICE_BREAKER_OPEN_MS },
    logger,
  });
  const recovery = startIncidentRecovery(
    {
      incidents: createIncidentsRepository(db),
      engine: createIncidentCommands(zeebe),
      logger: logger.child({ component: 'incident-recovery' }),
    },
    {
      retryAfterMs: config.BACK_OFFICE_INCIDENT_RETRY_MS,
      checkEveryMs: Math.min(30_000, config.BACK_OFFICE_INCIDENT_RETRY_MS),
      retries: WORKER_DEFAULT_RETRIES,
    },
  );
  const workers = await startWorkers(
    allWorkers({
      catalogue: createCatalogueRepository(db),
      caseRecords,
      documents: createDocumentsRepository(db),
      backOffices,
      payments: paymentServices.payments,
      paymentProviders: paymentServices.providers,
      paymentSettings: {
        publicUrl: config.PORTAL_PUBLIC_URL,
        methods: config.PAYMENT_METHODS.split(',').map((method) => method.trim()).filter(Boolean),
        invoiceDueDays: config.INVOICE_DUE_DAYS,
      },
    }),
    {
      zeebe,
      logger: logger.child({ component: 'workers' }),
      backoff: { baseMs: config.JOB_RETRY_BASE_MS, maxMs: config.JOB_RETRY_MAX_MS },
      defaultRetries: WORKER_DEFAULT_RETRIES,
    },
  );
  return {
    async stop() {
      recovery.stop();
      reconciliation.stop();
      digests.stop();
      notices.stop();
      await lifecycle.stop();
      await workers.stop();
    },
  };
}

export async function startApiServer(parts: Parts): Promise<{ app: FastifyInstance; url: string }> {
  const { config, logger, db, zeebe } = parts;
  const catalogue = createCatalogueRepository(db);
  const cases = createCasesRepository(db);
  const paymentServices = openPaymentServices(parts);
  const staff = createStaffRepository(db);
  const caseRecords = createCaseRecordsRepository(db);
  const internalTasks = createInternalTasksRepository(db);
  const accountSecrets = createSecretBox([config.ACCOUNT_SECRETS_KEY]);
  // Each start, not a migration: only the running code knows the key, and an instance of the previous version may still write in clear.
  const sealed = await createAccountsRepository(db, accountSecrets).sealClearTotpSecrets();
  if (sealed > 0) logger.info({ accounts: sealed }, 'TOTP secrets stored in clear are encrypted now');
  const accountMailer = config.SMTP_URL ? createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM }) : undefined;
  if (!accountMailer) logger.warn('SMTP_URL is not set: account mails (activation, password reset) are not sent');
  // One outbox for the accounts' and the organisations' mails; every API instance runs it, each mail is claimed by one.
  const accountMail = createAccountMailDelivery({
    outbox: createAccountMailOutboxRepository(db), secrets: accountSecrets, mailer: accountMailer,
    logger: logger.child({ component: 'account-mails' }), settings: { everyMs: config.ACCOUNT_MAIL_EVERY_MS },
  });
  const accountMailRuns = runPeriodically('account-mails', config.ACCOUNT_MAIL_EVERY_MS, accountMail.deliverDue, logger);
  const accounts = createAccounts({
    db, secrets: accountSecrets, mail: accountMail,
    options: {
      publicUrl: config.PORTAL_PUBLIC_URL,
      activationValidMs: config.ACCOUNT_LINK_VALID_MS,
      emailChangeValidMs: config.ACCOUNT_LINK_VALID_MS,
      passwordResetValidMs: config.PASSWORD_RESET_VALID_MS,
      sessions: { idleMs: config.SESSION_IDLE_MS, maxMs: config.SESSION_MAX_MS },
      rateLimits: { windowMs: config.RATE_LIMIT_WINDOW_MS, perIp: config.RATE_LIMIT_PER_IP, perAddress: config.RATE_LIMIT_PER_ADDRESS },
    },
  });
  // Rate-limit counts, hand-off codes and AGOV birth dates are shared in the database; every instance sweeps what has run out.
  const accountStateSweeps = runPeriodically('account-state-sweep', ACCOUNT_STATE_SWEEP_EVERY_MS, accounts.sweepState, logger);
  const oidcSettings = { issuer: config.OIDC_ISSUER, clientId: config.OIDC_CLIENT_ID, clientSecret: config.OIDC_CLIENT_SECRET, publicUrl: config.PORTAL_PUBLIC_URL };
  const staffSessions = createStaffSessions({
    sessions: createStaffSessionsRepository(db),
    secrets: accountSecrets,
    askDirectory: askStaffDirectory(oidcSettings, (institutionId) => staff.servedBy(institutionId)),
    remember: (member) => staff.remember(member),
    settings: { idleMs: config.STAFF_SESSION_IDLE_MS, maxMs: config.STAFF_SESSION_MAX_MS, recheckMs: config.STAFF_DIRECTORY_RECHECK_MS },
    now: () => new Date(),
    logger: logger.child({ component: 'staff-sessions' }),
  });
  const staffSessionSweeps = runPeriodically('staff-session-sweep', ACCOUNT_STATE_SWEEP_EVERY_MS, staffSessions.sweep, logger);
  const organisations = createOrganisations({
    db, mail: accountMail, logger: logger.child({ component: 'organisations' }), options: { publicUrl: config.PORTAL_PUBLIC_URL },
  });
  const startApplication = createStartApplication({
    catalogue,
    cases,
    engine: createProcessStarter(zeebe),
    memberships: organisations.memberships,
    paymentDeadlines: {
      online: { reminderAfter: config.PAYMENT_REMINDER_AFTER, cancelAfter: config.PAYMENT_CANCEL_AFTER },
      invoice: { reminderAfter: config.INVOICE_REMINDER_AFTER, cancelAfter: config.INVOICE_CANCEL_AFTER },
    },
    informationAnswerWithin: config.INFORMATION_ANSWER_WITHIN,
  });
  const app = await buildApp({
    accounts,
    organisations,
    catalogue,
    cases,
    documents: createDocumentsRepository(db),
    payments: paymentServices.payments,
    recordPaymentTransaction: paymentServices.recordTransaction,
    finance: { importBankCredits: paymentServices.importBankCredits, settleInvoice: paymentServices.settleInvoice },
    tasklist: {
      tasks: createTasksRepository(db),
      userTasks: createUserTaskCommands(config.ZEEBE_REST_ADDRESS),
      colleagues: (municipalityId) => staff.colleagues(municipalityId),
      internalTasks,
      institutionsServing: (municipalityId) => staff.institutionsServing(municipalityId),
      createInternalTask: createInternalTaskCreator({
        internalTasks, cases, engine: createProcessStarter(zeebe),
        colleagues: (organisationId) => staff.colleagues(organisationId),
        institutionsServing: (municipalityId) => staff.institutionsServing(municipalityId),
      }),
      postMessage: (caseId, template, params) => caseRecords.postMessage(caseId, template, params),
      incidents: createIncidentsRepository(db),
      incidentEngine: createIncidentCommands(zeebe),
    },
    modeler: { modeller: openProcessModeller(parts), bundle: createBrowserBundle() },
    oidc: oidcSettings,
    ...(config.AGOV_CLIENT_SECRET ? {
      agov: {
        db,
        settings: {
          issuer: config.AGOV_ISSUER, clientId: config.AGOV_CLIENT_ID, clientSecret: config.AGOV_CLIENT_SECRET, publicUrl: config.PORTAL_PUBLIC_URL,
          sessions: { idleMs: config.SESSION_IDLE_MS, maxMs: config.SESSION_MAX_MS },
          accountSecrets,
        },
      },
    } : {}),
    rememberStaff: (member) => staff.remember(member),
    servedMunicipalities: (institutionId) => staff.servedBy(institutionId),
    staffSessions,
    sessionSecret: config.SESSION_SECRET,
    answerQuestion: createAnswerQuestion({ cases, answers: createCitizenAnswersRepository(db), engine: zeebe }),
    startApplication,
    drafts: createDraftService({ drafts: createDraftsRepository(db), startApplication, now: () => new Date() }),
    projector: createRecordProjector(db),
    readiness: [
      { name: 'database', check: async () => Boolean(await db.raw('select 1')) },
      { name: 'engine', check: () => engineIsReady(zeebe) },
    ],
    recordsToken: config.PORTAL_RECORDS_TOKEN,
  }, { loggerInstance: logger.child({ component: 'api' }), ...(config.API_TRUST_PROXY ? { trustProxy: config.API_TRUST_PROXY } : {}) });
  app.addHook('onClose', async () => {
    accountMailRuns.stop();
    accountStateSweeps.stop();
    staffSessionSweeps.stop();
    // Mails handed over are in the outbox and tried once; what is left waits there for the next start.
    await accounts.mailIdle();
    await organisations.mailIdle();
    accountMailer?.close();
  });
  const url = await app.listen({ host: config.API_HOST, port: config.API_PORT });
  return { app, url };
}

export interface PlatformOptions {
  config: Config;
  /** Per vendor, where the seeded municipalities' back offices answer (the simulators in development and tests). */
  backOffices: Readonly<Record<string, SeedBackOffice>>;
  logger?: Logger;
}

export interface RunningPlatform {
  apiUrl: string;
  stop(): Promise<void>;
}

/**
 * API and workers in one process, as `npm start` and the tests run them (the embedded database
 * allows only one process). docker-compose runs the same parts as separate services.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const parts = await openParts(options.config, options.logger);
  await seedCatalogue(parts.db, { backOffices: options.backOffices });
  await deployAll(parts);
  const workers = await startWorkerPool(parts);
  const api = await startApiServer(parts);
  return {
    apiUrl: api.url,
    async stop() {
      await api.app.close();
      await workers.stop();
      await parts.zeebe.close();
      await parts.db.destroy();
    },
  };
}
