/**
 * Renders an instalment plan (issue 15): on the first page the municipality, the person, the open
 * bills the plan covers and its instalments with their due dates and references, and what happens
 * when one is not paid; then a page per instalment with its Swiss QR-bill payment part at the foot
 * (swissqrbill on pdfkit). Pure apart from the libraries: the same input gives the same bytes.
 */
import { SwissQRBill } from 'swissqrbill/pdf';
import { formatPaymentReference, type PaymentReference } from '../payment/payment-reference.ts';
import { formatSwissDate } from '../swiss-time.ts';
import { INSTALMENT_PLAN_TEXTS } from './instalment-plan-texts.ts';
import type { InvoiceLanguage } from './invoice-texts.ts';
import { AMOUNT_WIDTH, MARGIN, openLetter, rule, writeLabelled, writeLetterhead } from './payment-letter.ts';
import { qrBillData, type QrBill, type StructuredAddress } from './qr-bill.ts';
import { formatChf } from './swiss-amount.ts';
import { toWinAnsi } from './win-ansi.ts';

export type InstalmentPlanDocument = {
  readonly language: InvoiceLanguage;
  readonly creditor: QrBill['creditor'];
  /** The person who pays; without an address (not in the register) the payment parts leave the debtor box empty. */
  readonly debtor: { readonly name: string; readonly address: StructuredAddress | null };
  readonly caseNumber: string;
  /** The finance module's id of the plan. */
  readonly planId: string;
  /** 'YYYY-MM-DD'; also the PDF's creation date. */
  readonly planDate: string;
  readonly items: readonly { readonly description: string; readonly amountRappen: number }[];
  readonly instalments: readonly {
    readonly number: number;
    /** 'YYYY-MM-DD'. */
    readonly dueDate: string;
    readonly amountRappen: number;
    readonly reference: PaymentReference;
  }[];
};

/** Renders the plan; throws RangeError for invalid input (the message names the field, not its value). */
export async function renderInstalmentPlanPdf(plan: InstalmentPlanDocument): Promise<Buffer> {
  const texts = INSTALMENT_PLAN_TEXTS[plan.language];
  if (plan.instalments.length === 0 || plan.items.length === 0) throw new RangeError('renderInstalmentPlanPdf: a plan needs open bills and instalments');
  if (plan.caseNumber.trim() === '' || plan.planId.trim() === '') throw new RangeError('renderInstalmentPlanPdf: caseNumber and planId must not be empty');
  const of = plan.instalments.length;
  const bills = plan.instalments.map((instalment) => new SwissQRBill(qrBillData({
    creditor: plan.creditor,
    debtor: plan.debtor.address ? { name: plan.debtor.name, address: plan.debtor.address } : null,
    amountRappen: instalment.amountRappen,
    reference: instalment.reference,
    message: texts.qrMessage(plan.planId, instalment.number, of),
  }, 'renderInstalmentPlanPdf'), { language: texts.qrBillLanguage }));
  const { doc, bytes } = openLetter({
    pdfLanguage: texts.pdfLanguage, title: texts.title, author: plan.creditor.name, subject: `${texts.title} ${plan.planId}`, date: plan.planDate,
  });
  const width = writeLetterhead(doc, {
    sender: plan.creditor.name, senderAddress: plan.creditor.address, recipient: plan.debtor.name, recipientAddress: plan.debtor.address, title: texts.title,
  });
  writeLabelled(doc, [
    [texts.labels.planDate, formatSwissDate(plan.planDate)],
    [texts.labels.caseNumber, toWinAnsi(plan.caseNumber)],
    [texts.labels.planId, toWinAnsi(plan.planId)],
  ], width);
  doc.font('Helvetica').fontSize(10).text(texts.intro(of), MARGIN, doc.y + 14, { width, lineGap: 2 });

  const total = plan.items.reduce((sum, item) => sum + item.amountRappen, 0);
  table(doc, width, [texts.labels.items, texts.labels.amount], plan.items.map((item) => [toWinAnsi(item.description), formatChf(item.amountRappen)]),
    [texts.labels.total, formatChf(total)]);
  table(doc, width, [`${texts.labels.instalments}: ${texts.labels.number}, ${texts.labels.dueDate}, ${texts.labels.reference}`, texts.labels.amount],
    plan.instalments.map((instalment) => [
      `${instalment.number}.   ${formatSwissDate(instalment.dueDate)}   ${formatPaymentReference(instalment.reference)}`, formatChf(instalment.amountRappen),
    ]));
  doc.font('Helvetica').fontSize(10).fillColor('black').text(texts.conditions, MARGIN, doc.y + 18, { width, lineGap: 2 });

  plan.instalments.forEach((instalment, index) => {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(14).fillColor('black').text(texts.instalmentHeading(instalment.number, of), MARGIN, MARGIN, { width });
    doc.moveDown(0.6);
    writeLabelled(doc, [
      [texts.labels.dueDate, formatSwissDate(instalment.dueDate)],
      [texts.labels.amount, formatChf(instalment.amountRappen)],
      [texts.labels.reference, formatPaymentReference(instalment.reference)],
      [texts.labels.planId, toWinAnsi(plan.planId)],
    ], width);
    doc.font('Helvetica').fontSize(10).text(texts.instalmentNote(formatSwissDate(instalment.dueDate)), MARGIN, doc.y + 14, { width, lineGap: 2 });
    bills[index]?.attachTo(doc);
  });
  doc.end();
  return bytes;
}

/** A table of text and amount with a heading, and an optional bold last line. */
function table(doc: PDFKit.PDFDocument, width: number, heading: readonly [string, string], rows: readonly (readonly [string, string])[], footer?: readonly [string, string]): void {
  const textWidth = width - AMOUNT_WIDTH;
  let y = doc.y + 18;
  doc.font('Helvetica-Bold').fontSize(10).fillColor('black').text(heading[0], MARGIN, y, { width: textWidth });
  doc.text(heading[1], MARGIN + textWidth, y, { width: AMOUNT_WIDTH, align: 'right' });
  y = rule(doc, doc.y + 3, width);
  doc.font('Helvetica');
  for (const [text, amount] of rows) {
    doc.text(text, MARGIN, y, { width: textWidth - 12 });
    const bottom = doc.y;
    doc.text(amount, MARGIN + textWidth, y, { width: AMOUNT_WIDTH, align: 'right' });
    y = Math.max(bottom, doc.y) + 3;
  }
  if (!footer) return;
  y = rule(doc, y, width);
  doc.font('Helvetica-Bold').text(footer[0], MARGIN, y, { width: textWidth });
  doc.text(footer[1], MARGIN + textWidth, y, { width: AMOUNT_WIDTH, align: 'right' });
}
