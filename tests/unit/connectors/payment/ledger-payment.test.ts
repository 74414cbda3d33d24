import { describe, expect, it } from 'vitest';
import { createLedgerPayment, type FeeLedger } from '../../../../connectors/payment/ledger-payment.ts';
import type { FeeReceipt, FeeRequest } from '../../../../connectors/payment/port.ts';

const request: FeeRequest = {
  caseId: '0b6f3c1e-9a3d-4c52-8f0e-2d7a1b9c4e55',
  amountRappen: 2500,
  paymentAccount: 'CH93 0076 2011 6238 5295 7',
  bookingText: 'Wohnsitzbestätigung',
};

class RecordingLedger implements FeeLedger {
  readonly booked: FeeRequest[] = [];
  failure: Error | undefined;

  async book(fee: FeeRequest): Promise<FeeReceipt> {
    this.booked.push(fee);
    if (this.failure) throw this.failure;
    return { feeId: `fee-${this.booked.length}`, amountRappen: fee.amountRappen, status: 'booked' };
  }
}

describe('createLedgerPayment', () => {
  it.each([2500, 0, 1])('when %i Rappen are due, then the request is booked as given and the receipt returned', async (amountRappen) => {
    const ledger = new RecordingLedger();
    const receipt = await createLedgerPayment(ledger).collectFee({ ...request, amountRappen });

    expect(ledger.booked).toEqual([{ ...request, amountRappen }]);
    expect(receipt).toEqual({ feeId: 'fee-1', amountRappen, status: 'booked' });
  });

  it.each([-1, 25.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, -0.5])(
    'when the amount is %d Rappen, then a RangeError is thrown and nothing is booked',
    async (amountRappen) => {
      const ledger = new RecordingLedger();
      await expect(createLedgerPayment(ledger).collectFee({ ...request, amountRappen }))
        .rejects.toThrow(new RangeError('amountRappen must be a non-negative integer'));
      expect(ledger.booked).toEqual([]);
    },
  );

  it('when the ledger fails, then its error reaches the caller', async () => {
    const ledger = new RecordingLedger();
    ledger.failure = new Error('ledger unavailable');
    await expect(createLedgerPayment(ledger).collectFee(request)).rejects.toBe(ledger.failure);
  });
});
