import { cancelPaymentTemplate } from '../cancel-payment/worker.ts';
import { issueDocumentTemplate } from '../issue-document/worker.ts';
import { issueInstalmentPlanTemplate } from '../issue-instalment-plan/worker.ts';
import { recordInstalmentStateTemplate } from '../record-instalment-state/worker.ts';
import { notifyCitizenTemplate } from '../notify-citizen/worker.ts';
import { refundPaymentTemplate } from '../refund-payment/worker.ts';
import { requestPaymentTemplate } from '../request-payment/worker.ts';
import type { ConnectorTemplate } from '../runtime/element-template.ts';
import { BACK_OFFICE_CONNECTORS } from './all-workers.ts';

/** Every connector task a diagram may use, in the order the modeller lists them; each declared beside its worker. */
export const CONNECTOR_TEMPLATES: readonly ConnectorTemplate[] = [
  ...BACK_OFFICE_CONNECTORS.map((connector) => connector.template),
  requestPaymentTemplate,
  refundPaymentTemplate,
  cancelPaymentTemplate,
  issueInstalmentPlanTemplate,
  recordInstalmentStateTemplate,
  issueDocumentTemplate,
  notifyCitizenTemplate,
];
