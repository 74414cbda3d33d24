/** A fee to collect for a case, as configured per municipality and service (PAY-3). Amounts in Rappen. */
export interface FeeRequest {
  caseId: string;
  amountRappen: number;
  paymentAccount: string;
  bookingText: string;
}

export interface FeeReceipt {
  feeId: string;
  amountRappen: number;
  status: 'booked' | 'paid';
}

/** The payment port: the Payrexx gateway and invoices (the payments issue) implement it. */
export interface PaymentPort {
  collectFee(request: FeeRequest): Promise<FeeReceipt>;
}
