import { ProblemError } from './problem-error.ts';

/** The refusals of payments, with stable codes. */
export const paymentErrors = {
  /** Payrexx could not be asked about a webhook's transaction: Payrexx delivers it again later. */
  providerUnavailable: () => new ProblemError(503, 'payment-provider-unavailable', 'Zahlungsanbieter nicht erreichbar', 'Please deliver again later.'),
};
