import type { BackOfficeRegistry } from '../../connectors/back-office/registry.ts';
import type { PaymentsRepository } from '../../core/db/payments-repository.ts';
import type { OnlinePaymentProviders } from '../../connectors/payment/online-payment-provider.ts';
import type { FindDocumentTemplate } from '../../core/catalogue/package-templates.ts';
import type { CatalogueRepository } from '../../core/db/catalogue-repository.ts';
import type { CaseRecordsRepository } from '../../core/db/case-records-repository.ts';
import type { DocumentsRepository } from '../../core/db/documents-repository.ts';
import type { InstalmentsRepository } from '../../core/db/instalments-repository.ts';
import { backOfficeBookFee } from '../back-office-book-fee/worker.ts';
import { backOfficeChangeContactData } from '../back-office-change-contact-data/worker.ts';
import { backOfficeDeliverStock } from '../back-office-deliver-stock/worker.ts';
import { backOfficeForwardDamageReport } from '../back-office-forward-damage-report/worker.ts';
import { backOfficeListOpenItems } from '../back-office-list-open-items/worker.ts';
import { backOfficeOrderBirthRegisterExtract } from '../back-office-order-birth-register-extract/worker.ts';
import { backOfficeReadContactData } from '../back-office-read-contact-data/worker.ts';
import { backOfficeRequestDebtRegisterExtract } from '../back-office-request-debt-register-extract/worker.ts';
import { backOfficeRequestInstalmentPlan } from '../back-office-request-instalment-plan/worker.ts';
import type { BackOfficeConnector } from '../back-office/connector.ts';
import { findResident } from '../find-resident/worker.ts';
import { createIssueDocumentWorker } from '../issue-document/worker.ts';
import { createIssueInstalmentPlanWorker } from '../issue-instalment-plan/worker.ts';
import { createRecordInstalmentStateWorker } from '../record-instalment-state/worker.ts';
import type { JobWorkerDefinition } from '../runtime/job-worker.ts';
import { createCancelPaymentWorker } from '../cancel-payment/worker.ts';
import { createRefundPaymentWorker } from '../refund-payment/worker.ts';
import { createRequestPaymentWorker, type RequestPaymentSettings } from '../request-payment/worker.ts';
import { createNotifyCitizenWorker } from '../notify-citizen/worker.ts';
import { createValidateOrderWorker } from '../validate-order/worker.ts';

export interface WorkerDeps {
  catalogue: CatalogueRepository;
  caseRecords: CaseRecordsRepository;
  documents: DocumentsRepository;
  /** The service packages' document templates, read at start. */
  documentTemplates: FindDocumentTemplate;
  backOffices: BackOfficeRegistry;
  payments: PaymentsRepository;
  instalments: InstalmentsRepository;
  paymentProviders: OnlinePaymentProviders;
  paymentSettings: RequestPaymentSettings;
}

/**
 * The back-office table: the connector tasks that call a municipality's back office (or the
 * office that serves it), one row each, declared in its job type's folder and all built by
 * back-office/connector.ts. In the order the modeller lists them.
 */
export const BACK_OFFICE_CONNECTORS: readonly BackOfficeConnector[] = [
  findResident,
  backOfficeBookFee,
  backOfficeListOpenItems,
  backOfficeRequestInstalmentPlan,
  backOfficeForwardDamageReport,
  backOfficeDeliverStock,
  backOfficeRequestDebtRegisterExtract,
  backOfficeOrderBirthRegisterExtract,
  backOfficeReadContactData,
  backOfficeChangeContactData,
];

/** The residence certificate's job type before documents came from the packages' templates. */
const FORMER_ISSUE_CERTIFICATE_JOB_TYPE = 'issue-certificate';

/**
 * Every job type the platform's diagrams use, each with its worker; the back-office workers are
 * the connector tasks modellers pick from the element templates in processes/element-templates.
 */
export function allWorkers(deps: WorkerDeps): JobWorkerDefinition[] {
  return [
    createValidateOrderWorker(deps),
    createRequestPaymentWorker({ ...deps, providers: deps.paymentProviders, settings: deps.paymentSettings }),
    createRefundPaymentWorker({ ...deps, providers: deps.paymentProviders }),
    createCancelPaymentWorker({ ...deps, providers: deps.paymentProviders }),
    createIssueDocumentWorker(deps),
    // Instances of diagrams deployed before issue-document still wait at a task of this job type
    // without a documentKind header: it issues their service's only document.
    { ...createIssueDocumentWorker(deps), type: FORMER_ISSUE_CERTIFICATE_JOB_TYPE },
    createIssueInstalmentPlanWorker(deps),
    createRecordInstalmentStateWorker(deps),
    createNotifyCitizenWorker(deps),
    ...BACK_OFFICE_CONNECTORS.map((connector) => connector.worker(deps)),
  ];
}
