/**
 * What the Payrexx simulator remembers: gateways and their transactions, per instance. Pure
 * bookkeeping — HTTP, authentication and webhooks live elsewhere. Every change to a transaction
 * returns a copy of it as it was before, so the webhook sender can replay a stale one.
 */
import { randomBytes } from 'node:crypto';
import type { PayrexxStatus } from '../../connectors/payment/payrexx/statuses.ts';

export type PaymentOutcome = 'success' | 'decline' | 'cancel';

export type SimulatedGateway = {
  readonly id: number;
  readonly instance: string;
  readonly hash: string;
  readonly amount: number;
  readonly currency: string;
  readonly purpose: string;
  readonly referenceId: string;
  readonly successRedirectUrl: string | undefined;
  readonly failedRedirectUrl: string | undefined;
  readonly cancelRedirectUrl: string | undefined;
  /** The `pm` list as sent, possibly empty; Payrexx echoes it as `pm`. */
  readonly requestedPaymentMethods: readonly string[];
  /** What the page offers: the requested methods, or all of the instance's when none were named. */
  readonly paymentMethods: readonly string[];
  /** Epoch seconds, as Payrexx's `createdAt`. */
  readonly createdAt: number;
  status: PayrexxStatus;
  readonly transactionIds: number[];
};

export type SimulatedTransaction = {
  readonly id: number;
  readonly uuid: string;
  readonly instance: string;
  readonly gatewayId: number;
  /** 'YYYY-MM-DD HH:MM:SS' (UTC), as Payrexx's API answers write it. */
  readonly time: string;
  readonly amount: number;
  readonly referenceId: string;
  readonly purpose: string;
  readonly paymentMethod: string;
  status: PayrexxStatus;
  refundedAmount: number;
};

export type GatewayDraft = Omit<SimulatedGateway, 'id' | 'hash' | 'createdAt' | 'status' | 'transactionIds'>;

/** A change of a transaction: the transaction now, and a copy of it as it was before. */
export type TransactionChange = { readonly transaction: SimulatedTransaction; readonly previous: Readonly<SimulatedTransaction> };

/** Why a payment or refund cannot happen; the HTTP layers turn it into their answer. */
export class SimulatorRefusal extends Error {
  override readonly name = 'SimulatorRefusal';
  readonly httpStatus: number;
  constructor(httpStatus: number, message: string) {
    super(message);
    this.httpStatus = httpStatus;
  }
}

const OUTCOME_STATUS: Record<PaymentOutcome, PayrexxStatus> = { success: 'confirmed', decline: 'declined', cancel: 'cancelled' };
const REFUNDABLE: readonly PayrexxStatus[] = ['confirmed', 'partially-refunded'];

export type SimulatorState = ReturnType<typeof createSimulatorState>;

export function createSimulatorState() {
  const gateways = new Map<number, SimulatedGateway>();
  const transactions = new Map<number, SimulatedTransaction>();
  // Distinct ranges, so that a gateway id used as a transaction id finds nothing.
  let nextGatewayId = 1001;
  let nextTransactionId = 50001;

  function gatewayOf(instance: string, id: number): SimulatedGateway | undefined {
    const gateway = gateways.get(id);
    return gateway?.instance === instance ? gateway : undefined;
  }

  function transactionOf(instance: string, id: number): SimulatedTransaction | undefined {
    const transaction = transactions.get(id);
    return transaction?.instance === instance ? transaction : undefined;
  }

  return {
    createGateway(draft: GatewayDraft): SimulatedGateway {
      const gateway: SimulatedGateway = {
        ...draft,
        id: nextGatewayId++,
        hash: randomBytes(16).toString('hex'),
        createdAt: Math.floor(Date.now() / 1000),
        status: 'waiting',
        transactionIds: [],
      };
      gateways.set(gateway.id, gateway);
      return gateway;
    },

    gateway: gatewayOf,
    transaction: transactionOf,
    gatewayByHash: (hash: string) => [...gateways.values()].find((gateway) => gateway.hash === hash),
    transactionsOf: (gateway: SimulatedGateway) => gateway.transactionIds.map((id) => transactions.get(id)).filter((t) => t !== undefined),
    gateways: () => [...gateways.values()],
    transactions: () => [...transactions.values()],

    /** The payer's attempt on the page: a new transaction; a success also settles the gateway. */
    pay(hash: string, paymentMethod: string, outcome: PaymentOutcome): TransactionChange & { readonly gateway: SimulatedGateway } {
      const gateway = [...gateways.values()].find((candidate) => candidate.hash === hash);
      if (gateway === undefined) throw new SimulatorRefusal(404, 'Zahlungsseite nicht gefunden');
      if (gateway.status !== 'waiting') throw new SimulatorRefusal(409, 'Diese Zahlung ist nicht mehr offen');
      if (!gateway.paymentMethods.includes(paymentMethod)) throw new SimulatorRefusal(400, 'Diese Zahlungsart wird hier nicht angeboten');
      const transaction: SimulatedTransaction = {
        id: nextTransactionId++,
        uuid: randomBytes(4).toString('hex'),
        instance: gateway.instance,
        gatewayId: gateway.id,
        time: payrexxTime(new Date()),
        amount: gateway.amount,
        referenceId: gateway.referenceId,
        purpose: gateway.purpose,
        paymentMethod,
        status: OUTCOME_STATUS[outcome],
        refundedAmount: 0,
      };
      transactions.set(transaction.id, transaction);
      gateway.transactionIds.push(transaction.id);
      // Payrexx keeps the page open after a declined or cancelled attempt; the payer may try again.
      if (outcome === 'success') gateway.status = 'confirmed';
      return { gateway, transaction, previous: { ...transaction, status: 'waiting' } };
    },

    /** All of what is left, or `amount` of it. */
    refund(instance: string, transactionId: number, amount: number | undefined): TransactionChange {
      const transaction = transactionOf(instance, transactionId);
      if (transaction === undefined) throw new SimulatorRefusal(404, `An error occurred: No Transaction found with id ${transactionId}`);
      if (!REFUNDABLE.includes(transaction.status)) throw new SimulatorRefusal(400, 'The transaction is not refundable');
      const left = transaction.amount - transaction.refundedAmount;
      const refund = amount ?? left;
      if (!Number.isSafeInteger(refund) || refund <= 0 || refund > left) {
        throw new SimulatorRefusal(400, "Invalid value passed for parameter 'amount'");
      }
      const previous = { ...transaction };
      transaction.refundedAmount += refund;
      transaction.status = transaction.refundedAmount === transaction.amount ? 'refunded' : 'partially-refunded';
      return { transaction, previous };
    },

    /** Withdraws a gateway: its page stops taking payments. */
    cancelGateway(instance: string, gatewayId: number): SimulatedGateway {
      const gateway = gatewayOf(instance, gatewayId);
      if (gateway === undefined) throw new SimulatorRefusal(404, `An error occurred: No Gateway found with id ${gatewayId}`);
      if (gateway.status === 'waiting') gateway.status = 'cancelled';
      return gateway;
    },

    /** For tests of rarer statuses (chargeback, refund_pending, error, …). */
    setTransactionStatus(transactionId: number, status: PayrexxStatus): TransactionChange {
      const transaction = transactions.get(transactionId);
      if (transaction === undefined) throw new SimulatorRefusal(404, `An error occurred: No Transaction found with id ${transactionId}`);
      const previous = { ...transaction };
      transaction.status = status;
      return { transaction, previous };
    },

    reset(): void {
      gateways.clear();
      transactions.clear();
    },
  };
}

/** 'YYYY-MM-DD HH:MM:SS' in UTC. */
export function payrexxTime(at: Date): string {
  return at.toISOString().slice(0, 19).replace('T', ' ');
}
