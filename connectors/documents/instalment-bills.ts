/**
 * The QR-bills of an instalment plan (issue 15): a page per instalment, naming it, its due date,
 * amount and reference, with its Swiss QR-bill payment part at the foot (swissqrbill on pdfkit).
 * Written after the plan's own text, into the same document.
 */
import { SwissQRBill } from 'swissqrbill/pdf';
import { formatPaymentReference, type PaymentReference } from '../payment/payment-reference.ts';
import { formatSwissDate } from '../swiss-time.ts';
import { INSTALMENT_BILL_TEXTS } from './instalment-bill-texts.ts';
import type { InvoiceLanguage } from './invoice-texts.ts';
import { MARGIN, writeLabelled } from './payment-letter.ts';
import { qrBillData, type QrBill, type StructuredAddress } from './qr-bill.ts';
import { formatChf } from './swiss-amount.ts';
import { toWinAnsi } from './win-ansi.ts';

export type InstalmentBills = {
  readonly language: InvoiceLanguage;
  readonly creditor: QrBill['creditor'];
  /** The person who pays; without an address (not in the register) the payment parts leave the debtor box empty. */
  readonly debtor: { readonly name: string; readonly address: StructuredAddress | null };
  /** The finance module's id of the plan. */
  readonly planId: string;
  readonly instalments: readonly {
    readonly number: number;
    /** 'YYYY-MM-DD'. */
    readonly dueDate: string;
    readonly amountRappen: number;
    readonly reference: PaymentReference;
  }[];
};

/**
 * Checks every instalment's QR-bill, then returns what writes their pages: a RangeError (naming the
 * field, not its value) comes before anything is written.
 */
export function instalmentBillPages(bills: InstalmentBills): (doc: PDFKit.PDFDocument) => void {
  const texts = INSTALMENT_BILL_TEXTS[bills.language];
  const of = bills.instalments.length;
  if (of === 0 || bills.planId.trim() === '') throw new RangeError('instalmentBillPages: a plan needs its id and instalments');
  const pages = bills.instalments.map((instalment) => ({
    instalment,
    dueDate: formatSwissDate(instalment.dueDate),
    qrBill: new SwissQRBill(qrBillData({
      creditor: bills.creditor,
      debtor: bills.debtor.address ? { name: bills.debtor.name, address: bills.debtor.address } : null,
      amountRappen: instalment.amountRappen,
      reference: instalment.reference,
      message: texts.qrMessage(bills.planId, instalment.number, of),
    }, 'instalmentBillPages'), { language: texts.qrBillLanguage }),
  }));
  return (doc) => {
    const width = doc.page.width - 2 * MARGIN;
    for (const { instalment, dueDate, qrBill } of pages) {
      doc.addPage({ size: 'A4', margin: MARGIN });
      doc.font('Helvetica-Bold').fontSize(14).fillColor('black').text(texts.heading(instalment.number, of), MARGIN, MARGIN, { width });
      doc.moveDown(0.6);
      writeLabelled(doc, [
        [texts.labels.dueDate, dueDate],
        [texts.labels.amount, formatChf(instalment.amountRappen)],
        [texts.labels.reference, formatPaymentReference(instalment.reference)],
        [texts.labels.planId, toWinAnsi(bills.planId)],
      ], width);
      doc.font('Helvetica').fontSize(10).text(texts.note(dueDate), MARGIN, doc.y + 14, { width, lineGap: 2 });
      qrBill.attachTo(doc);
    }
  };
}
