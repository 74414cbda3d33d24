import type { FeeReceipt, FeeRequest, PaymentPort } from './port.ts';

/** Where booked fees are kept: one per case, so a retried job books once. */
export interface FeeLedger {
  book(request: FeeRequest): Promise<FeeReceipt>;
}

/**
 * The payment port until the Payrexx gateway arrives: books the fee against the case as a
 * receivable ("booked") without collecting money. The process does not wait for a payment yet.
 */
export function createLedgerPayment(ledger: FeeLedger): PaymentPort {
  return {
    async collectFee(request) {
      if (!Number.isInteger(request.amountRappen) || request.amountRappen < 0) {
        throw new RangeError('amountRappen must be a non-negative integer');
      }
      return ledger.book(request);
    },
  };
}
