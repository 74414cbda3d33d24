/**
 * The page layout the municipality's payment documents share (the invoice, the instalment plan):
 * sender at the top left, the recipient where a window envelope shows it, the title, facts as label
 * and value, thin rules between lines of amounts. pdfkit's Helvetica, so every text goes through
 * toWinAnsi.
 */
import PDFDocument from 'pdfkit';
import { pdfBytes } from './pdf-bytes.ts';
import { addressLines, type StructuredAddress } from './qr-bill.ts';
import { toWinAnsi } from './win-ansi.ts';

export const MARGIN = 57;
/** Width of the amounts' column at the right. */
export const AMOUNT_WIDTH = 110;
export const GREY = '#555555';
const RECIPIENT_X = 330;

/**
 * A new A4 document with its metadata, and its bytes once it has ended. `date` ('YYYY-MM-DD') is
 * the document's date and its PDF dates, never "now", so the same input gives the same bytes.
 */
export function openLetter(meta: { pdfLanguage: string; title: string; author: string; subject: string; date: string }): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const date = new Date(`${meta.date}T00:00:00Z`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: meta.pdfLanguage,
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: toWinAnsi(meta.author),
      Subject: toWinAnsi(meta.subject),
      Creator: 'Municipal e-government platform',
      CreationDate: date,
      ModDate: date,
    },
  });
  return { doc, bytes: pdfBytes(doc) };
}

export interface Letterhead {
  sender: string;
  senderAddress: StructuredAddress;
  recipient: string;
  /** Null prints the recipient's name only. */
  recipientAddress: StructuredAddress | null;
  title: string;
}

/** Writes sender, recipient and title on the first page and moves below them; returns the text width. */
export function writeLetterhead(doc: PDFKit.PDFDocument, letter: Letterhead): number {
  const width = doc.page.width - 2 * MARGIN;
  doc.font('Helvetica-Bold').fontSize(13).fillColor('black').text(toWinAnsi(letter.sender), MARGIN, MARGIN, { width: RECIPIENT_X - MARGIN - 16 });
  doc.font('Helvetica').fontSize(9).fillColor(GREY).text(addressLines(letter.senderAddress).join('\n'));
  const recipient = [letter.recipient, ...(letter.recipientAddress ? addressLines(letter.recipientAddress) : [])].map(toWinAnsi).join('\n');
  doc.fillColor('black').fontSize(10).text(recipient, RECIPIENT_X, 130, { width: doc.page.width - RECIPIENT_X - MARGIN });
  doc.font('Helvetica-Bold').fontSize(18).text(letter.title, MARGIN, 215, { width });
  doc.moveDown(0.6);
  return width;
}

/** Label and value side by side, one pair a line, from the current position. */
export function writeLabelled(doc: PDFKit.PDFDocument, pairs: readonly (readonly [string, string])[], width: number): void {
  for (const [label, value] of pairs) {
    const y = doc.y;
    doc.font('Helvetica').fontSize(10).fillColor(GREY).text(label, MARGIN, y, { width: 130 });
    doc.fillColor('black').text(value, MARGIN + 140, y, { width: width - 140 });
    doc.y += 3;
  }
}

/** A thin line across the text width; returns the y below it. */
export function rule(doc: PDFKit.PDFDocument, y: number, width: number): number {
  doc.moveTo(MARGIN, y).lineTo(MARGIN + width, y).lineWidth(0.5).strokeColor(GREY).stroke();
  return y + 5;
}
