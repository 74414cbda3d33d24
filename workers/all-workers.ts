import type { BackOfficeRegistry } from '../connectors/back-office/registry.ts';
import type { PaymentsRepository } from '../core/db/payments-repository.ts';
import type { OnlinePaymentProviders } from '../connectors/payment/online-payment-provider.ts';
import type { CatalogueRepository } from '../core/db/catalogue-repository.ts';
import type { CaseRecordsRepository } from '../core/db/case-records-repository.ts';
import type { DocumentsRepository } from '../core/db/documents-repository.ts';
import { createBookFeeWorker } from './back-office/book-fee.ts';
import { createChangeContactDataWorker } from './back-office/change-contact-data.ts';
import { createDeliverStockWorker } from './back-office/deliver-stock.ts';
import { createForwardDamageReportWorker } from './back-office/forward-damage-report.ts';
import { createListOpenItemsWorker } from './back-office/list-open-items.ts';
import { createOrderBirthRegisterExtractWorker } from './back-office/order-birth-register-extract.ts';
import { createReadContactDataWorker } from './back-office/read-contact-data.ts';
import { createRequestDebtRegisterExtractWorker } from './back-office/request-debt-register-extract.ts';
import { createRequestInstalmentPlanWorker } from './back-office/request-instalment-plan.ts';
import { createFindResidentWorker } from './find-resident.ts';
import { createIssueCertificateWorker } from './issue-certificate.ts';
import type { JobWorkerDefinition } from './job-worker.ts';
import { createCancelPaymentWorker } from './payment/cancel-payment.ts';
import { createRefundPaymentWorker } from './payment/refund-payment.ts';
import { createRequestPaymentWorker, type RequestPaymentSettings } from './payment/request-payment.ts';
import { createNotifyCitizenWorker } from './notify-citizen.ts';
import { createValidateOrderWorker } from './validate-order.ts';

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
