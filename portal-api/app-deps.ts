// What the portal API is built from (composition/ assembles it, tests fake it) and what each route
// plugin is given: autoload passes RouteDeps as every route file's options.
import type { StartApplication } from '../core/cases/start-application.ts';
import type { AnswerQuestion } from '../core/cases/answer-question.ts';
import type { CaseDetailLoader } from '../core/cases/case-detail.ts';
import type { Accounts } from '../core/accounts/index.ts';
import type { AgovLogin } from '../core/accounts/agov-login.ts';
import type { PrefillApplicant } from '../core/accounts/prefill.ts';
import type { LoadStartFormData } from '../core/cases/start-form-data.ts';
import type { UploadLimits } from '../core/forms/form-uploads.ts';
import type { DraftService } from '../core/drafts/draft-service.ts';
import type { Organisations } from '../core/organisations/index.ts';
import type { CatalogueRepository } from '../core/db/catalogue-repository.ts';
import type { MunicipalConfigurationService } from '../core/catalogue/municipal-configuration.ts';
import type { SearchCatalogue } from '../core/catalogue/search-catalogue.ts';
import type { CasesRepository } from '../core/db/cases-repository.ts';
import type { DocumentsRepository } from '../core/db/documents-repository.ts';
import type { IncidentsRepository } from '../core/db/incidents-repository.ts';
import type { InternalTasksRepository } from '../core/db/internal-tasks-repository.ts';
import type { InstalmentsRepository } from '../core/db/instalments-repository.ts';
import type { PaymentsRepository } from '../core/db/payments-repository.ts';
import type { TasksRepository } from '../core/db/tasks-repository.ts';
import type { IncidentEngine } from '../core/engine/incident-commands.ts';
import type { UserTaskCommands } from '../core/engine/user-tasks.ts';
import type { RecordProjector } from '../core/engine/records/project-records.ts';
import type { ProcessModeller } from '../core/modeller/process-modeller.ts';
import type { ImportBankCredits } from '../core/payments/import-bank-credits.ts';
import type { RecordProviderTransaction } from '../core/payments/record-provider-transaction.ts';
import type { SettleInvoice } from '../core/payments/settle-invoice.ts';
import type { CreateInternalTask } from '../core/staff/create-internal-task.ts';
import type { StaffSessions } from '../core/staff/staff-sessions.ts';
import type { BrowserBundle } from './modeler/browser-bundle.ts';
import type { AgovSettings } from './oidc/agov.ts';
import type { OidcSettings, RememberStaff, ServedMunicipalities } from './staff/staff-directory.ts';

export interface ReadinessCheck {
  name: string;
  check(): Promise<boolean>;
}

/** The clerks' tasklist (ADM-1, ADM-2, CASE-5) beside the catalogue, cases and documents every part has. */
export interface TasklistParts {
  tasks: TasksRepository;
  userTasks: UserTaskCommands;
  /** Posts a message to the citizen's case. */
  postMessage(caseId: string, template: string, params: Record<string, string>): Promise<void>;
  incidents: IncidentsRepository;
  /** The engine's incident commands; a retried job gets its retries back. */
  incidentEngine: IncidentEngine;
  internalTasks: InternalTasksRepository;
  createInternalTask: CreateInternalTask;
  /** The offices (institutions) serving a municipality; a clerk can give an internal task on a case to one. */
  institutionsServing(municipalityId: string): Promise<{ id: string; name: string }[]>;
  /** Colleagues of a municipality seen at login, for handing over. */
  colleagues(municipalityId: string): Promise<{ id: string; name: string }[]>;
  now?: () => Date;
}

/** PAY-2, PAY-4: what the finance department's routes do beside reading payments. */
export interface FinanceParts {
  importBankCredits: ImportBankCredits;
  settleInvoice: SettleInvoice;
}

/** The process modeller (SVC-6). */
export interface ModelerDeps {
  modeller: ProcessModeller;
  bundle: () => Promise<BrowserBundle>;
  /** Where `npm run templates` writes the connector tasks' element templates. */
  elementTemplatesDir?: string;
}

/** Login with AGOV / e-ID (INT-5) and the pre-filling that uses its birth date (INT-4). */
export interface AgovDeps {
  settings: AgovSettings;
  login: AgovLogin;
  prefill: PrefillApplicant;
}

export interface AppDeps {
  /** Citizen accounts ("Mein Konto"): their sessions are the citizens' bearer tokens. */
  accounts: Accounts;
  /** Organisations (ORG-1…5); without them a citizen sees and submits personal cases only (benchmarks). */
  organisations?: Organisations;
  /** Drafts of applications (ACC-9); left out where only other parts are exercised (benchmarks). */
  drafts?: DraftService;
  catalogue: CatalogueRepository;
  /** ADM-3: the municipality's configuration, changed by its administrator; left out where only other parts are exercised (benchmarks). */
  municipalConfiguration?: MunicipalConfigurationService;
  /** The catalogue search (SVC-2): services by everyday words, with the chosen municipality's offer. */
  searchCatalogue: SearchCatalogue;
  cases: CasesRepository;
  documents: DocumentsRepository;
  payments: PaymentsRepository;
  /** The instalments of the cases' instalment plans (issue 15), shown with their case. */
  instalments: InstalmentsRepository;
  recordPaymentTransaction: RecordProviderTransaction;
  finance: FinanceParts;
  tasklist: TasklistParts;
  /** The process modeller (SVC-6); left out where only other parts are exercised (benchmarks). */
  modeler?: ModelerDeps;
  oidc: OidcSettings;
  /** Login with AGOV / e-ID and pre-filling (INT-5, INT-4); left out when AGOV is not configured. */
  agov?: AgovDeps;
  rememberStaff: RememberStaff;
  /** Staff sessions kept on the server, shared by the tasklist, the modeller and the finance routes. */
  staffSessions: StaffSessions;
  servedMunicipalities: ServedMunicipalities;
  sessionSecret: string;
  startApplication: StartApplication;
  /** How much one application may upload (POST /applications as multipart). */
  uploadLimits: UploadLimits;
  loadStartFormData: LoadStartFormData;
  answerQuestion: AnswerQuestion;
  /** ADM-4: a citizen asks the municipality to change the contact data it holds. */
  projector: RecordProjector;
  readiness: ReadinessCheck[];
  recordsToken: string;
}

/** Every route file's options: the app's deps and what the app derives from them once for all routes. */
export interface RouteDeps extends AppDeps {
  /** The detail view of a case, as citizens read it after every change. */
  loadCase: CaseDetailLoader;
}
