// The worker program's parts: job workers, incident recovery, reconciliation and the mailings.
import { createIncidentsRepository } from '../../core/db/incidents-repository.ts';
import { startIncidentRecovery } from '../runtime/incident-recovery.ts';
import { createVendorRegistry } from '../../connectors/back-office/vendors.ts';
import { createIncidentCommands } from '../../core/engine/incident-commands.ts';
import { runPeriodically } from '../../core/periodic.ts';
import { createCaseRecordsRepository } from '../../core/db/case-records-repository.ts';
import { createCatalogueRepository } from '../../core/db/catalogue-repository.ts';
import { createDocumentsRepository } from '../../core/db/documents-repository.ts';
import { templateOfKind, type FindDocumentTemplate } from '../../core/catalogue/package-templates.ts';
import { allWorkers } from './all-workers.ts';
import { type RunningWorkers, startWorkers } from '../runtime/runner.ts';
import { startAccountLifecycle, startCaseNotices, startTaskDigests } from './mailings.ts';
import { openPaymentServices, type Parts } from '../../core/platform-parts.ts';
import { createJobStreams } from '../../core/engine/job-streams.ts';

/** Retries a service task starts with in the diagrams (zeebe:taskDefinition retries="3"). */
const WORKER_DEFAULT_RETRIES = 3;

/** Job workers and the recovery of back-office outage incidents. */
export async function startWorkerPool(parts: Parts): Promise<RunningWorkers> {
  const { config, logger, db, zeebe } = parts;
  // Read before anything starts: a broken package stops the workers, naming its file and field.
  const catalogue = createCatalogueRepository(db);
  // Registered with each service by deployAll, from whichever folder or modeller its package came.
  const documentTemplates: FindDocumentTemplate = async (serviceId, kind) => templateOfKind(await catalogue.documentTemplates(serviceId), kind);
  const caseRecords = createCaseRecordsRepository(db);
  const paymentServices = openPaymentServices(parts);
  const reconciliation = runPeriodically('payment-reconciliation', config.PAYMENT_RECONCILE_EVERY_MS, paymentServices.reconcile, logger);
  const digests = startTaskDigests(parts);
  const notices = startCaseNotices(parts);
  const lifecycle = startAccountLifecycle(parts);
  const backOffices = createVendorRegistry({
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
      catalogue,
      caseRecords,
      documents: createDocumentsRepository(db),
      documentTemplates,
      backOffices,
      payments: paymentServices.payments,
      instalments: paymentServices.instalments,
      paymentProviders: paymentServices.providers,
      paymentSettings: {
        publicUrl: config.PORTAL_PUBLIC_URL,
        methods: config.PAYMENT_METHODS.split(',').map((method) => method.trim()).filter(Boolean),
        invoiceDueDays: config.INVOICE_DUE_DAYS,
      },
    }),
    {
      openJobStream: createJobStreams(zeebe),
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
