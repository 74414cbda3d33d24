import { parseCamt054 } from '../../connectors/payment/camt054.ts';
import type { Municipality } from '../db/catalogue-repository.ts';
import type { InstalmentsRepository } from '../db/instalments-repository.ts';
import type { PaymentsRepository } from '../db/payments-repository.ts';
import type { SettleInstalment } from './settle-instalment.ts';
import type { SettleInvoice } from './settle-invoice.ts';

export interface BankImportResult {
  /** Credits seen for the first time. */
  imported: number;
  /** Of those, matched to an open invoice or an unpaid instalment of a plan and settled. */
  settled: number;
  /** Of those, left for the finance department (no reference, unknown reference, wrong amount or account). */
  unmatched: number;
  /** Credits imported before (the same file, or an overlapping one): nothing changed. */
  alreadyImported: number;
  /** Credits in other currencies: never imported, to be handled by hand. */
  unsupported: number;
}

/**
 * Imports a bank's camt.054 credit notification for a municipality (PAY-2): each credit once,
 * settling the open invoice, or the unpaid instalment of a plan (issue 15), whose reference and
 * amount it carries. Parsing fails before anything is stored (Camt054Error names the element).
 */
export function createBankCreditImport(deps: {
  payments: PaymentsRepository; settleInvoice: SettleInvoice; instalments: InstalmentsRepository; settleInstalment: SettleInstalment; now?: () => Date;
}) {
  const now = deps.now ?? (() => new Date());
  return async function importBankCredits(municipality: Municipality, camt054Xml: string): Promise<BankImportResult> {
    const notification = parseCamt054(camt054Xml);
    const result: BankImportResult = { imported: 0, settled: 0, unmatched: 0, alreadyImported: 0, unsupported: notification.unsupportedCredits.length };
    const ownAccount = municipality.creditor?.iban.replace(/\s/g, '');
    for (const credit of notification.credits) {
      const creditId = await deps.payments.insertBankCredit({
        municipalityId: municipality.id,
        bankReference: credit.bankReference,
        accountIban: credit.accountIban,
        amountRappen: credit.amountRappen,
        creditorReference: credit.reference?.value ?? null,
        bookedOn: credit.bookingDate,
      });
      if (creditId === undefined) {
        result.alreadyImported += 1;
        continue;
      }
      result.imported += 1;
      // A QR-bill is paid to the QR-IBAN, which the bank may report apart from the account it books on.
      const toOwnAccount = credit.accountIban === ownAccount || credit.creditorAccountIban === ownAccount;
      const invoice = credit.reference ? await deps.payments.findInvoiceByReference(credit.reference.value) : undefined;
      const instalment = credit.reference && !invoice ? await deps.instalments.findByReference(credit.reference.value) : undefined;
      if (instalment) {
        const paysIt = toOwnAccount && instalment.municipalityId === municipality.id && instalment.state !== 'paid' && instalment.amountRappen === credit.amountRappen;
        if (paysIt) await deps.settleInstalment(instalment, now());
        await deps.payments.matchBankCredit(creditId, paysIt ? { instalmentId: instalment.id } : null);
        if (paysIt) result.settled += 1;
        else result.unmatched += 1;
        continue;
      }
      const matches =
        invoice !== undefined &&
        invoice.municipalityId === municipality.id &&
        invoice.status === 'open' &&
        invoice.amountRappen === credit.amountRappen &&
        toOwnAccount;
      if (!matches) {
        result.unmatched += 1;
        continue;
      }
      const outcome = await deps.settleInvoice(invoice.id, 'bank', now());
      await deps.payments.matchBankCredit(creditId, outcome === 'settled' || outcome === 'already-settled' ? { invoiceId: invoice.id } : null);
      if (outcome === 'settled' || outcome === 'already-settled') result.settled += 1;
      else result.unmatched += 1;
    }
    return result;
  };
}

export type ImportBankCredits = ReturnType<typeof createBankCreditImport>;
