// What both programs stand on (database, engine client) and the parts both compose: deployment, the
// process modeller, payments.
import type { Knex } from 'knex';
import { basename } from 'node:path';
import pino, { type Logger } from 'pino';
import { readCredentialFrom } from '../connectors/back-office/credentials.ts';
import { createPaymentsRepository } from './db/payments-repository.ts';
import { createBankCreditImport } from './payments/import-bank-credits.ts';
import { createInstalmentPaidPublisher, createPaymentReceivedPublisher } from './payments/payment-messages.ts';
import { createInstalmentSettlement } from './payments/settle-instalment.ts';
import { createInstalmentsRepository } from './db/instalments-repository.ts';
import { createPayrexxProviders } from '../connectors/payment/payrexx/providers.ts';
import { createPaymentReconciliation } from './payments/reconcile-payments.ts';
import { createProviderTransactionRecorder } from './payments/record-provider-transaction.ts';
import { createInvoiceSettlement } from './payments/settle-invoice.ts';
import type { Config } from './config.ts';
import { createCatalogueRepository } from './db/catalogue-repository.ts';
import { createDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrate.ts';
import { deployProcesses } from './engine/deploy-processes.ts';
import { type ZeebeClient, createZeebeClient } from './engine/engine-client.ts';
import { rememberProcessDefinition } from './engine/records/process-definitions.ts';
import { createProcessDraftsRepository } from './db/process-drafts-repository.ts';
import { createEngineDeployer } from './modeller/engine-deployer.ts';
import { createDiagramLinter } from './modeller/lint-diagram.ts';
import { createProcessModeller } from './modeller/process-modeller.ts';
import { readServicePackages, ServicePackageError, type ServicePackage } from './catalogue/service-packages.ts';
import { createServicesRepository } from './db/services-repository.ts';

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

/** The folders of service packages the configuration names (SERVICE_PACKAGE_DIRS). */
export const servicePackageDirs = (config: Pick<Config, 'SERVICE_PACKAGE_DIRS'>): string[] =>
  config.SERVICE_PACKAGE_DIRS.split(',').map((dir) => dir.trim()).filter(Boolean);

/**
 * Checks the service packages of every configured folder and registers their services, then
 * deploys the diagrams and forms and remembers their phase maps (the engine reports no unchanged
 * redeployment). A broken package stops the start with a message naming its file and field.
 */
export async function deployAll({ config, db, zeebe, logger }: Parts): Promise<void> {
  const dirs = servicePackageDirs(config);
  const packages = (await Promise.all(dirs.map((dir) => readServicePackages(dir)))).flat();
  refuseDuplicateServices(packages);
  await createServicesRepository(db).register(packages);
  // A diagram the modeller deployed stays in front; `npm run export-process` brings it into git.
  const modellerOwned = new Set(await createProcessDraftsRepository(db).modellerOwned());
  let resources = 0;
  for (const dir of dirs) {
    const deployment = await deployProcesses(zeebe, dir, (file) => modellerOwned.has(basename(file, '.bpmn')));
    resources += deployment.resources.length;
    for (const process of deployment.processes) await rememberProcessDefinition(db, process);
    for (const form of deployment.forms) {
      await db('forms').insert({ form_key: form.formKey, form_id: form.formId, version: form.version, schema: JSON.stringify(form.schema) })
        .onConflict('form_key').ignore();
    }
  }
  if (modellerOwned.size > 0) logger.info({ processes: [...modellerOwned] }, 'kept the modeller\'s newest versions; their processes/ diagrams were not deployed');
  logger.info({ services: packages.length, folders: dirs.length, resources }, 'service packages registered, processes and forms deployed');
}

/** A service or process in two folders would be registered twice: refused naming both manifests. */
function refuseDuplicateServices(packages: readonly ServicePackage[]): void {
  const seen = new Map<string, string>();
  const problems = [];
  for (const { manifest, manifestFile } of packages) {
    for (const key of [`service ${manifest.id}`, `process ${manifest.bpmnProcessId}`]) {
      const earlier = seen.get(key);
      if (earlier && earlier !== manifestFile) problems.push({ file: manifestFile, pointer: key.startsWith('service') ? '/id' : '/bpmnProcessId', message: `${key} is already in ${earlier}` });
      seen.set(key, manifestFile);
    }
  }
  if (problems.length > 0) throw new ServicePackageError(problems);
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
    registerService: (registration) => createServicesRepository(db).register([registration]),
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
  const instalments = createInstalmentsRepository(db);
  const settleInstalment = createInstalmentSettlement({ instalments, publishInstalmentPaid: createInstalmentPaidPublisher(zeebe) });
  return {
    payments,
    instalments,
    providers,
    recordTransaction,
    settleInvoice,
    importBankCredits: createBankCreditImport({ payments, settleInvoice, instalments, settleInstalment }),
    reconcile: createPaymentReconciliation(
      { catalogue, payments, providers, recordTransaction, logger: logger.child({ component: 'payments' }) },
      { graceMs: config.PAYMENT_RECONCILE_GRACE_MS, lookBackMs: 30 * 24 * 3600 * 1000, batchSize: 200 },
    ),
  };
}
