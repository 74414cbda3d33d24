/**
 * Renders a fee invoice as one A4 page: letterhead, recipient, the service and its amount, and the
 * Swiss QR-bill payment part at the bottom (swissqrbill on pdfkit). Pure apart from the libraries:
 * the same input gives the same bytes (the PDF dates are the invoice date, never "now").
 */
import PDFDocument from 'pdfkit';
import { SwissQRBill } from 'swissqrbill/pdf';
import type { Data } from 'swissqrbill/types';
import { formatPaymentReference, type PaymentReference } from '../payment/payment-reference.ts';
import { INVOICE_TEXTS, type InvoiceLanguage } from './invoice-texts.ts';
import { formatSwissDate } from '../swiss-time.ts';
import { pdfBytes } from './pdf-bytes.ts';
import { addressLines, qrBillData, type StructuredAddress } from './qr-bill.ts';
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

const MARGIN = 57;
const RECIPIENT_X = 330;
const AMOUNT_WIDTH = 110;
const GREY = '#555555';

/** Renders the invoice; throws RangeError for invalid input (the message names the field, not its value). */
export async function renderInvoicePdf(invoice: InvoiceDocument): Promise<Buffer> {
  const texts = INVOICE_TEXTS[invoice.language];
  const qrBill = new SwissQRBill(invoiceQrBillData(invoice), { language: texts.qrBillLanguage });
  const invoiceDate = new Date(`${invoice.invoiceDate}T00:00:00Z`);
  const creditor = toWinAnsi(invoice.creditor.name);
  const amount = formatChf(invoice.amountRappen);
  const dueDate = formatSwissDate(invoice.dueDate);

  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: texts.pdfLanguage,
    displayTitle: true,
    info: {
      Title: texts.title,
      Author: creditor,
      Subject: `${texts.title} – ${toWinAnsi(invoice.serviceName)}`,
      Creator: 'Municipal e-government platform',
      CreationDate: invoiceDate,
      ModDate: invoiceDate,
    },
  });
  const done = pdfBytes(doc);
  const width = doc.page.width - 2 * MARGIN;

  doc.font('Helvetica-Bold').fontSize(13).text(creditor, MARGIN, MARGIN, { width: RECIPIENT_X - MARGIN - 16 });
  doc.font('Helvetica').fontSize(9).fillColor(GREY).text(addressLines(invoice.creditor.address).join('\n'));

  const recipient = [invoice.debtor.name, ...addressLines(invoice.debtor.address)].map(toWinAnsi).join('\n');
  doc.fillColor('black').fontSize(10).text(recipient, RECIPIENT_X, 130, { width: doc.page.width - RECIPIENT_X - MARGIN });

  doc.font('Helvetica-Bold').fontSize(18).text(texts.title, MARGIN, 215, { width });
  doc.moveDown(0.6);
  const meta: ReadonlyArray<readonly [string, string]> = [
    [texts.labels.invoiceDate, formatSwissDate(invoice.invoiceDate)],
    [texts.labels.caseNumber, toWinAnsi(invoice.caseNumber)],
    [texts.labels.reference, formatPaymentReference(invoice.reference)],
    [texts.labels.dueDate, dueDate],
  ];
  for (const [label, value] of meta) {
    const y = doc.y;
    doc.font('Helvetica').fontSize(10).fillColor(GREY).text(label, MARGIN, y, { width: 130 });
    doc.fillColor('black').text(value, MARGIN + 140, y, { width: width - 140 });
    doc.y += 3;
  }

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
  return done;
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

/** A thin line across the text width; returns the y below it. */
function rule(doc: PDFKit.PDFDocument, y: number, width: number): number {
  doc.moveTo(MARGIN, y).lineTo(MARGIN + width, y).lineWidth(0.5).strokeColor(GREY).stroke();
  return y + 5;
}
