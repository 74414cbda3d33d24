// The portal API's composition: repositories and use cases over the accounts and sessions, given to the app.
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { createIncidentsRepository } from '../../core/db/incidents-repository.ts';
import { createStaffRepository } from '../../core/db/staff-repository.ts';
import { createTasksRepository } from '../../core/db/tasks-repository.ts';
import { createUserTaskCommands } from '../../core/engine/user-tasks.ts';
import { createIncidentCommands } from '../../core/engine/incident-commands.ts';
import { createAnswerQuestion } from '../../core/cases/answer-question.ts';
import { createCitizenAnswersRepository } from '../../core/db/citizen-answers-repository.ts';
import { createInternalTasksRepository } from '../../core/db/internal-tasks-repository.ts';
import { createInternalTaskCreator } from '../../core/staff/create-internal-task.ts';
import { createDraftsRepository } from '../../core/db/drafts-repository.ts';
import { createDraftService } from '../../core/drafts/draft-service.ts';
import { buildApp } from '../app.ts';
import { createStartApplication } from '../../core/cases/start-application.ts';
import { createLoadStartFormData } from '../../core/cases/start-form-data.ts';
import { createCaseRecordsRepository } from '../../core/db/case-records-repository.ts';
import { createCasesRepository } from '../../core/db/cases-repository.ts';
import { createCatalogueRepository } from '../../core/db/catalogue-repository.ts';
import { createMunicipalConfigurationRepository } from '../../core/db/municipal-configuration-repository.ts';
import { createMunicipalConfiguration } from '../../core/catalogue/municipal-configuration.ts';
import { createCatalogueSearchRepository } from '../../core/db/catalogue-search-repository.ts';
import { createSearchCatalogue } from '../../core/catalogue/search-catalogue.ts';
import { createDocumentsRepository } from '../../core/db/documents-repository.ts';
import { createProcessStarter, engineIsReady } from '../../core/engine/engine-client.ts';
import { createRecordProjector } from '../../core/engine/records/project-records.ts';
import { createBrowserBundle } from '../modeler/browser-bundle.ts';
import { openAccountsAndSessions, staffDirectorySettings } from './accounts-and-sessions.ts';
import { composeAgov } from './agov.ts';
import { accountFields } from '../../core/accounts/prefill.ts';
import { composeFormDataSources } from './form-data-sources.ts';
import { openPaymentServices, openProcessModeller, type Parts } from '../../core/platform-parts.ts';

/** The portal API with all it composes, not yet listening (server.ts listens); closing it stops its outbox and sweeps. */
export async function composeApi(parts: Parts, options: FastifyServerOptions): Promise<FastifyInstance> {
  const { config, db, zeebe } = parts;
  const catalogue = createCatalogueRepository(db);
  const cases = createCasesRepository(db);
  const documents = createDocumentsRepository(db);
  const uploadLimits = { maxBytes: config.UPLOAD_MAX_BYTES, maxFiles: config.UPLOAD_MAX_FILES };
  const paymentServices = openPaymentServices(parts);
  const staff = createStaffRepository(db);
  const caseRecords = createCaseRecordsRepository(db);
  const internalTasks = createInternalTasksRepository(db);
  const { accounts, organisations, staffSessions, accountSecrets, close: closePeople } = await openAccountsAndSessions(parts);
  const processStarter = createProcessStarter(zeebe);
  const agov = composeAgov(config, db, accountSecrets);
  const formDataSources = composeFormDataSources(parts, catalogue);
  const applicantFacts = async (accountId: string) => ({
    account: accountFields(await accounts.service.profile(accountId)),
    identityVerified: agov ? (await agov.login.linkedIdentities(accountId)).length > 0 : false,
  });
  const startApplication = createStartApplication({
    catalogue,
    cases,
    documents,
    uploadLimits,
    engine: processStarter,
    memberships: organisations.memberships,
    paymentDeadlines: {
      online: { reminderAfter: config.PAYMENT_REMINDER_AFTER, cancelAfter: config.PAYMENT_CANCEL_AFTER },
      invoice: { reminderAfter: config.INVOICE_REMINDER_AFTER, cancelAfter: config.INVOICE_CANCEL_AFTER },
    },
    informationAnswerWithin: config.INFORMATION_ANSWER_WITHIN,
    formDataSources,
    applicantFacts,
  });
  const loadStartFormData = createLoadStartFormData({ catalogue, formDataSources, applicantFacts });
  const app = await buildApp({
    accounts,
    organisations,
    catalogue,
    municipalConfiguration: createMunicipalConfiguration({ repository: createMunicipalConfigurationRepository(db), portalPublicUrl: config.PORTAL_PUBLIC_URL }),
    searchCatalogue: createSearchCatalogue({ search: createCatalogueSearchRepository(db), catalogue }),
    cases,
    documents,
    payments: paymentServices.payments,
    instalments: paymentServices.instalments,
    recordPaymentTransaction: paymentServices.recordTransaction,
    finance: { importBankCredits: paymentServices.importBankCredits, settleInvoice: paymentServices.settleInvoice },
    tasklist: {
      tasks: createTasksRepository(db),
      userTasks: createUserTaskCommands(config.ZEEBE_REST_ADDRESS),
      colleagues: (municipalityId) => staff.colleagues(municipalityId),
      internalTasks,
      institutionsServing: (municipalityId) => staff.institutionsServing(municipalityId),
      createInternalTask: createInternalTaskCreator({
        internalTasks, cases, engine: processStarter,
        colleagues: (organisationId) => staff.colleagues(organisationId),
        institutionsServing: (municipalityId) => staff.institutionsServing(municipalityId),
      }),
      postMessage: (caseId, template, params) => caseRecords.postMessage(caseId, template, params),
      incidents: createIncidentsRepository(db),
      incidentEngine: createIncidentCommands(zeebe),
    },
    modeler: { modeller: openProcessModeller(parts), bundle: createBrowserBundle() },
    oidc: staffDirectorySettings(config),
    ...(agov ? { agov } : {}),
    rememberStaff: (member) => staff.remember(member),
    servedMunicipalities: (institutionId) => staff.servedBy(institutionId),
    staffSessions,
    sessionSecret: config.SESSION_SECRET,
    answerQuestion: createAnswerQuestion({ cases, answers: createCitizenAnswersRepository(db), engine: zeebe }),
    startApplication,
    uploadLimits,
    loadStartFormData,
    drafts: createDraftService({ drafts: createDraftsRepository(db), startApplication, now: () => new Date() }),
    projector: createRecordProjector(db),
    readiness: [
      { name: 'database', check: async () => Boolean(await db.raw('select 1')) },
      { name: 'engine', check: () => engineIsReady(zeebe) },
    ],
    recordsToken: config.PORTAL_RECORDS_TOKEN,
  }, options);
  app.addHook('onClose', closePeople);
  return app;
}
