import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { StartApplication } from '../core/cases/start-application.ts';
import type { AnswerQuestion } from '../core/cases/answer-question.ts';
import type { Accounts } from '../core/accounts/index.ts';
import { accountRoutes } from './routes/public/accounts.ts';
import type { Organisations } from '../core/organisations/index.ts';
import { OrganisationSchema } from './schemas/organisations.ts';
import { organisationRoutes } from './routes/citizen/organisations.ts';
import type { CatalogueRepository } from '../core/db/catalogue-repository.ts';
import type { CasesRepository } from '../core/db/cases-repository.ts';
import type { DocumentsRepository } from '../core/db/documents-repository.ts';
import type { RecordProjector } from '../core/engine/records/project-records.ts';
import { registerCitizenAuth } from './plugins/citizen-auth.ts';
import { clientErrorProblem, frameworkProblem, registerProblemDetails } from './plugins/problem-details.ts';
import { tightenInputFormats } from './plugins/input-formats.ts';
import { registerTextInputCheck } from './plugins/text-input.ts';
import { contentSecurityPolicy, registerSecurityHeaders } from './plugins/security-headers.ts';
import { applicationRoutes } from './routes/citizen/applications.ts';
import { contactDataChangeRoutes } from './routes/citizen/contact-data-changes.ts';
import type { RequestContactDataChange } from '../core/contact-data/contact-data-change.ts';
import type { DraftService } from '../core/drafts/draft-service.ts';
import { DraftSchema } from './schemas/drafts.ts';
import { draftRoutes } from './routes/citizen/drafts.ts';
import { caseRoutes, createCaseDetailLoader } from './routes/citizen/cases.ts';
import { documentRoutes } from './routes/citizen/documents.ts';
import { engineRecordRoutes } from './routes/internal/engine-records.ts';
import { healthRoutes, type ReadinessCheck } from './routes/public/health.ts';
import { municipalityRoutes } from './routes/public/municipalities.ts';
import { financeRoutes, type FinanceDeps } from './routes/staff/finance/finance.ts';
import { tasklistRoutes, type TasklistDeps } from './routes/staff/tasklist/index.ts';
import { modelerRoutes, type ModelerDeps } from './routes/staff/modeller/modeller.ts';
import { agovLoginRoutes } from './routes/public/agov-login.ts';
import { accountIdentityRoutes } from './routes/citizen/account-identities.ts';
import { accountPrefillRoutes } from './routes/citizen/account-prefill.ts';
import type { AgovSettings } from './oidc/agov.ts';
import type { AgovLogin } from '../core/accounts/agov-login.ts';
import type { PrefillApplicant } from '../core/accounts/prefill.ts';
import { oidcLoginRoutes, type OidcSettings, type RememberStaff, type ServedMunicipalities } from './staff/staff-directory.ts';
import { registerStaffSessions } from './staff/staff-session.ts';
import type { StaffSessions } from '../core/staff/staff-sessions.ts';
import fastifyCookie from '@fastify/cookie';
import { paymentReturnRoutes } from './routes/public/payment-return.ts';
import { payrexxWebhookRoutes } from './routes/webhooks/payrexx.ts';
import type { PaymentsRepository } from '../core/db/payments-repository.ts';
import type { RecordProviderTransaction } from '../core/payments/record-provider-transaction.ts';
import { CaseDetailSchema, CaseSummarySchema } from '../core/cases/case-schemas.ts';
import { ProblemSchema } from './schemas/common.ts';
import { LocalisedTextSchema } from '../core/language.ts';
import { AccountSchema, SessionSchema } from './schemas/accounts.ts';

export interface AppDeps {
  /** Citizen accounts ("Mein Konto"): their sessions are the citizens' bearer tokens. */
  accounts: Accounts;
  /** Organisations (ORG-1…5); without them a citizen sees and submits personal cases only (benchmarks). */
  organisations?: Organisations;
  /** Drafts of applications (ACC-9); left out where only other parts are exercised (benchmarks). */
  drafts?: DraftService;
  catalogue: CatalogueRepository;
  cases: CasesRepository;
  documents: DocumentsRepository;
  payments: PaymentsRepository;
  recordPaymentTransaction: RecordProviderTransaction;
  finance: Omit<FinanceDeps, 'catalogue' | 'payments'>;
  tasklist: Omit<TasklistDeps, 'catalogue' | 'cases' | 'documents'>;
  /** The process modeller (SVC-6); left out where only other parts are exercised (benchmarks). */
  modeler?: ModelerDeps;
  oidc: OidcSettings;
  /** Login with AGOV / e-ID and pre-filling (INT-5, INT-4); left out when AGOV is not configured. */
  agov?: { settings: AgovSettings; login: AgovLogin; prefill: PrefillApplicant };
  rememberStaff: RememberStaff;
  /** Staff sessions kept on the server, shared by the tasklist, the modeller and the finance routes. */
  staffSessions: StaffSessions;
  servedMunicipalities: ServedMunicipalities;
  sessionSecret: string;
  startApplication: StartApplication;
  answerQuestion: AnswerQuestion;
  /** ADM-4: a citizen asks the municipality to change the contact data it holds. */
  requestContactDataChange: RequestContactDataChange;
  projector: RecordProjector;
  readiness: ReadinessCheck[];
  recordsToken: string;
}

/**
 * Every route's body is bounded: JSON requests of citizens and clerks are a few kilobytes, so
 * 64 KiB; routes that take more (drafts, diagrams, PDFs, bank statements, engine records) set
 * their own bound.
 */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/** The portal API as a plain Fastify instance; `server.ts` decides where it listens. */
export async function buildApp(deps: AppDeps, options: FastifyServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: DEFAULT_BODY_LIMIT,
    frameworkErrors: frameworkProblem,
    clientErrorHandler: clientErrorProblem,
    ...options,
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true }, onCreate: tightenInputFormats },
  });
  registerProblemDetails(app);
  registerTextInputCheck(app);
  await registerSecurityHeaders(app);
  for (const schema of [LocalisedTextSchema, ProblemSchema, CaseSummarySchema, CaseDetailSchema, AccountSchema, SessionSchema, OrganisationSchema, DraftSchema]) app.addSchema(schema);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Gemeindeportal API', version: '0.1.0', description: 'Municipal e-government services: accounts, applications, cases, documents, payments, finance reports.' },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'opaque', description: 'A citizen\'s session token from POST /sessions' },
          staffSession: { type: 'apiKey', in: 'cookie', name: 'gp_staff', description: 'The staff login\'s session (GET /tasklist/login); changes also need the header x-requested-with: tasklist' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => (json.$id as string | undefined) ?? `def-${i}` },
  });
  // Swagger UI adds a <style> element of its own; the documentation carries no personal data.
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', transformStaticCSP: () => contentSecurityPolicy({ 'style-src': ["'self'", "'unsafe-inline'"] }) });
  registerCitizenAuth(app, { sessions: deps.accounts.sessions });
  registerStaffSessions(app, deps.staffSessions);
  await app.register(fastifyCookie, { secret: deps.sessionSecret });

  const loadCase = createCaseDetailLoader(deps.cases, deps.catalogue, deps.payments);
  await app.register(healthRoutes(deps.readiness));
  await app.register(accountRoutes(deps.accounts, deps.agov?.login));
  if (deps.organisations) await app.register(organisationRoutes(deps.organisations));
  await app.register(municipalityRoutes(deps.catalogue));
  await app.register(applicationRoutes(deps.startApplication, deps.cases, loadCase));
  await app.register(contactDataChangeRoutes(deps.requestContactDataChange, deps.cases, loadCase));
  if (deps.drafts) await app.register(draftRoutes(deps.drafts, deps.cases, loadCase));
  await app.register(caseRoutes(deps.cases, loadCase, deps.answerQuestion, deps.organisations?.memberships));
  await app.register(documentRoutes(deps.documents, deps.organisations?.memberships));
  await app.register(engineRecordRoutes(deps.projector, deps.recordsToken));
  await app.register(payrexxWebhookRoutes(deps.recordPaymentTransaction));
  await app.register(paymentReturnRoutes());
  await app.register(financeRoutes({ catalogue: deps.catalogue, payments: deps.payments, ...deps.finance }));
  if (deps.agov) {
    await app.register(agovLoginRoutes(deps.agov.settings, deps.agov.login));
    await app.register(accountIdentityRoutes(deps.agov.settings, deps.agov.login));
    await app.register(accountPrefillRoutes(deps.agov.prefill));
  }
  await app.register(oidcLoginRoutes(deps.oidc, deps.rememberStaff, deps.servedMunicipalities));
  await app.register(tasklistRoutes({ catalogue: deps.catalogue, cases: deps.cases, documents: deps.documents, ...deps.tasklist }));
  if (deps.modeler) await app.register(modelerRoutes(deps.modeler));
  return app;
}
