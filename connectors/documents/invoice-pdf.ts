/**
 * Renders a fee invoice as one A4 page: letterhead, recipient, the service and its amount, and the
 * Swiss QR-bill payment part at the bottom (swissqrbill on pdfkit). Pure apart from the libraries:
 * the same input gives the same bytes (the PDF dates are the invoice date, never "now").
 */
import { SwissQRBill } from 'swissqrbill/pdf';
import type { Data } from 'swissqrbill/types';
import { formatPaymentReference, type PaymentReference } from '../payment/payment-reference.ts';
import { INVOICE_TEXTS, type InvoiceLanguage } from './invoice-texts.ts';
import { formatSwissDate } from '../swiss-time.ts';
import { AMOUNT_WIDTH, GREY, MARGIN, openLetter, rule, writeLabelled, writeLetterhead } from './payment-letter.ts';
import { qrBillData, type StructuredAddress } from './qr-bill.ts';
import { formatChf } from './swiss-amount.ts';
import { toWinAnsi } from './win-ansi.ts';

export type { StructuredAddress } from './qr-bill.ts';

export type InvoiceDocument = {
  readonly language: InvoiceLanguage;
  /** The municipality that is paid. */
  readonly creditor: {
    readonly name: string;
    readonly address: StructuredAddress & { readonly country: 'CH' };
    /** IBAN or QR-IBAN (CH/LI), spaces allowed; a QR-IBAN needs a QRR reference, an IBAN a SCOR. */
    readonly account: string;
  };
  readonly debtor: { readonly name: string; readonly address: StructuredAddress };
  /** Whole Rappen, at least 1; 2010 is CHF 20.10. */
  readonly amountRappen: number;
  readonly reference: PaymentReference;
  /** What is charged for, e.g. 'Wohnsitzbestätigung'. */
  readonly serviceName: string;
  readonly caseNumber: string;
  /** 'YYYY-MM-DD'; also the PDF's creation date. */
  readonly invoiceDate: string;
  /** 'YYYY-MM-DD', not before the invoice date. */
  readonly dueDate: string;
  /** The municipality's booking text; printed under the service and sent as the QR-bill message. */
  readonly bookingText: string;
};

/** Renders the invoice; throws RangeError for invalid input (the message names the field, not its value). */
export async function renderInvoicePdf(invoice: InvoiceDocument): Promise<Buffer> {
  const texts = INVOICE_TEXTS[invoice.language];
  const qrBill = new SwissQRBill(invoiceQrBillData(invoice), { language: texts.qrBillLanguage });
  const amount = formatChf(invoice.amountRappen);
  const dueDate = formatSwissDate(invoice.dueDate);
  const { doc, bytes } = openLetter({
    pdfLanguage: texts.pdfLanguage, title: texts.title, author: invoice.creditor.name, subject: `${texts.title} – ${invoice.serviceName}`, date: invoice.invoiceDate,
  });
  const width = writeLetterhead(doc, {
    sender: invoice.creditor.name, senderAddress: invoice.creditor.address, recipient: invoice.debtor.name, recipientAddress: invoice.debtor.address, title: texts.title,
  });
  writeLabelled(doc, [
    [texts.labels.invoiceDate, formatSwissDate(invoice.invoiceDate)],
    [texts.labels.caseNumber, toWinAnsi(invoice.caseNumber)],
    [texts.labels.reference, formatPaymentReference(invoice.reference)],
    [texts.labels.dueDate, dueDate],
  ], width);

  const descriptionWidth = width - AMOUNT_WIDTH;
  let y = doc.y + 18;
  doc.font('Helvetica-Bold').fontSize(10).text(texts.labels.description, MARGIN, y, { width: descriptionWidth });
  doc.text(texts.labels.amount, MARGIN + descriptionWidth, y, { width: AMOUNT_WIDTH, align: 'right' });
  y = rule(doc, doc.y + 3, width);
  doc.font('Helvetica').text(toWinAnsi(invoice.serviceName), MARGIN, y, { width: descriptionWidth - 12 });
  doc.fontSize(9).fillColor(GREY).text(toWinAnsi(invoice.bookingText), { width: descriptionWidth - 12 });
  const lineBottom = doc.y;
  doc.fontSize(10).fillColor('black').text(amount, MARGIN + descriptionWidth, y, { width: AMOUNT_WIDTH, align: 'right' });
  y = rule(doc, Math.max(lineBottom, doc.y) + 3, width);
  doc.font('Helvetica-Bold').text(texts.labels.total, MARGIN, y, { width: descriptionWidth });
  doc.text(amount, MARGIN + descriptionWidth, y, { width: AMOUNT_WIDTH, align: 'right' });

  doc.font('Helvetica').fontSize(10).text(texts.paymentNote(dueDate), MARGIN, doc.y + 24, { width, lineGap: 2 });
  doc.moveDown(0.8).text(texts.thanks, { width });

  // At the foot of this page; the library moves it to a page of its own if the text ran too long.
  qrBill.attachTo(doc);
  doc.end();
  return bytes;
}

/** The QR-bill's data, checked first so that every mistake is a RangeError without personal data. */
function invoiceQrBillData(invoice: InvoiceDocument): Data {
  formatSwissDate(invoice.invoiceDate);
  formatSwissDate(invoice.dueDate);
  if (invoice.dueDate < invoice.invoiceDate) {
    throw new RangeError('renderInvoicePdf: dueDate is before invoiceDate');
  }
  const data = qrBillData({ ...invoice, message: invoice.bookingText }, 'renderInvoicePdf');
  if (invoice.caseNumber.trim() === '' || invoice.serviceName.trim() === '') {
    throw new RangeError('renderInvoicePdf: caseNumber and serviceName must not be empty');
  }
  return data;
}
