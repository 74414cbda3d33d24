import type { BackOfficeRegistry } from '../../connectors/back-office/registry.ts';
import type { PaymentsRepository } from '../../core/db/payments-repository.ts';
import type { OnlinePaymentProviders } from '../../connectors/payment/online-payment-provider.ts';
import type { CatalogueRepository } from '../../core/db/catalogue-repository.ts';
import type { CaseRecordsRepository } from '../../core/db/case-records-repository.ts';
import type { DocumentsRepository } from '../../core/db/documents-repository.ts';
import { createBookFeeWorker } from '../back-office-book-fee/worker.ts';
import { createChangeContactDataWorker } from '../back-office-change-contact-data/worker.ts';
import { createDeliverStockWorker } from '../back-office-deliver-stock/worker.ts';
import { createForwardDamageReportWorker } from '../back-office-forward-damage-report/worker.ts';
import { createListOpenItemsWorker } from '../back-office-list-open-items/worker.ts';
import { createOrderBirthRegisterExtractWorker } from '../back-office-order-birth-register-extract/worker.ts';
import { createReadContactDataWorker } from '../back-office-read-contact-data/worker.ts';
import { createRequestDebtRegisterExtractWorker } from '../back-office-request-debt-register-extract/worker.ts';
import { createRequestInstalmentPlanWorker } from '../back-office-request-instalment-plan/worker.ts';
import { createFindResidentWorker } from '../find-resident/worker.ts';
import { createIssueCertificateWorker } from '../issue-certificate/worker.ts';
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
  backOffices: BackOfficeRegistry;
  payments: PaymentsRepository;
  paymentProviders: OnlinePaymentProviders;
  paymentSettings: RequestPaymentSettings;
}

/**
 * Every job type the platform's diagrams use, each with its worker; the back-office workers are
 * the connector tasks modellers pick from the element templates in processes/element-templates.
 */
export function allWorkers(deps: WorkerDeps): JobWorkerDefinition[] {
  return [
    createValidateOrderWorker(deps),
    createFindResidentWorker(deps),
    createRequestPaymentWorker({ ...deps, providers: deps.paymentProviders, settings: deps.paymentSettings }),
    createRefundPaymentWorker({ ...deps, providers: deps.paymentProviders }),
    createCancelPaymentWorker({ ...deps, providers: deps.paymentProviders }),
    createIssueCertificateWorker(deps),
    createNotifyCitizenWorker(deps),
    createBookFeeWorker(deps),
    createListOpenItemsWorker(deps),
    createRequestInstalmentPlanWorker(deps),
    createForwardDamageReportWorker(deps),
    createDeliverStockWorker(deps),
    createRequestDebtRegisterExtractWorker(deps),
    createOrderBirthRegisterExtractWorker(deps),
    createReadContactDataWorker(deps),
    createChangeContactDataWorker(deps),
  ];
}
