/**
 * Renders a document a service issues as an A4 PDF, whatever the service: the municipality's
 * letterhead, place and date, the title, the paragraphs, facts as label and value, the signing
 * office and the document's number. The texts come filled in (core/documents/compose-document.ts
 * fills a package's template); nothing here knows a service. Pure apart from pdfkit: the same
 * input gives the same bytes (the PDF dates are the issue date, never "now").
 */
import PDFDocument from 'pdfkit';
import { formatSwissDate } from '../swiss-time.ts';
import { pdfBytes } from './pdf-bytes.ts';
import { toWinAnsi } from './win-ansi.ts';

export type DocumentLanguage = 'de' | 'fr' | 'it' | 'en';

/** The municipality's letterhead, from its configuration. */
export type DocumentLetterhead = {
  /** The municipality as it signs in the document's language, e.g. 'Gemeinde Aarau', 'Commune d’Aarau'. */
  readonly name: string;
  /** The issuing office, e.g. 'Einwohnerkontrolle'. */
  readonly office: string;
  readonly address: {
    readonly street: string;
    readonly buildingNumber: string | null;
    readonly postalCode: string;
    readonly town: string;
  } | null;
  /** Phone, e-mail, website: printed on one line, in this order. */
  readonly contact: readonly string[];
};

export type DocumentPdfInput = {
  readonly language: DocumentLanguage;
  /** 'YYYY-MM-DD': printed after the place, and the PDF's creation date. */
  readonly issuedOn: string;
  /** Where it is issued, e.g. 'Aarau'. */
  readonly place: string;
  readonly letterhead: DocumentLetterhead;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly facts: readonly (readonly [label: string, value: string])[];
  readonly closing: readonly string[];
  readonly number: { readonly label: string; readonly value: string };
  /** A line at the foot of the page, or null. */
  readonly note: string | null;
};

const PDF_LANGUAGES: Record<DocumentLanguage, string> = { de: 'de-CH', fr: 'fr-CH', it: 'it-CH', en: 'en' };

const MARGIN = 64;
const LABEL_WIDTH = 150;
const GAP = 16;
const GREY = '#555555';

/**
 * Renders the document; throws RangeError for an invalid issue date or an empty number. `addPages`
 * writes pages of the platform's own after the text (an instalment plan's QR-bills), the same
 * fonts and metadata in the one file.
 */
export async function renderDocumentPdf(input: DocumentPdfInput, addPages?: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  if (input.number.value.trim() === '') throw new RangeError('renderDocumentPdf: the number is empty');
  const placeAndDate = `${toWinAnsi(input.place)}, ${formatSwissDate(input.issuedOn)}`;
  const issueDate = new Date(`${input.issuedOn}T00:00:00Z`);
  const title = toWinAnsi(input.title);
  const signer = toWinAnsi(input.letterhead.name);

  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: PDF_LANGUAGES[input.language],
    displayTitle: true,
    info: {
      Title: title,
      Author: signer,
      Subject: `${title} – ${signer}`,
      Creator: 'Municipal e-government platform',
      CreationDate: issueDate,
      ModDate: issueDate,
    },
  });
  const done = pdfBytes(doc);
  const width = doc.page.width - 2 * MARGIN;

  writeLetterhead(doc, input.letterhead, width);
  doc.font('Helvetica').fontSize(10).fillColor('black').text(placeAndDate, MARGIN, 150, { width, align: 'right' });

  doc.font('Helvetica-Bold').fontSize(20).text(title, MARGIN, 190, { width });
  doc.moveDown(1);
  writeParagraphs(doc, input.paragraphs, width);
  if (input.facts.length > 0) {
    doc.moveDown(0.5);
    for (const [label, value] of input.facts) writeRow(doc, label, value, width);
  }
  if (input.closing.length > 0) {
    doc.moveDown(1);
    writeParagraphs(doc, input.closing, width);
  }

  doc.moveDown(2);
  doc.font('Helvetica').fontSize(11).fillColor('black').text(toWinAnsi(input.letterhead.office), MARGIN, doc.y, { width });
  doc.text(signer, { width });
  doc.moveDown(1.5);
  writeRow(doc, input.number.label, input.number.value, width);

  if (input.note !== null) {
    doc.font('Helvetica').fontSize(8).fillColor(GREY).text(toWinAnsi(input.note), MARGIN, doc.page.height - MARGIN - 12, { width, lineBreak: false });
  }
  addPages?.(doc);
  doc.end();
  return done;
}

function writeLetterhead(doc: PDFKit.PDFDocument, letterhead: DocumentLetterhead, width: number): void {
  doc.font('Helvetica-Bold').fontSize(14).fillColor('black').text(toWinAnsi(letterhead.name), MARGIN, MARGIN, { width });
  doc.font('Helvetica').fontSize(10).fillColor(GREY).text(toWinAnsi(letterhead.office), { width });
  const { address } = letterhead;
  const lines = [
    ...(address ? [`${address.street}${address.buildingNumber === null ? '' : ` ${address.buildingNumber}`}, ${address.postalCode} ${address.town}`] : []),
    ...(letterhead.contact.length > 0 ? [letterhead.contact.join(' · ')] : []),
  ];
  if (lines.length > 0) doc.fontSize(9).text(toWinAnsi(lines.join('\n')), { width });
}

function writeParagraphs(doc: PDFKit.PDFDocument, paragraphs: readonly string[], width: number): void {
  paragraphs.forEach((paragraph, index) => {
    if (index > 0) doc.moveDown(0.7);
    doc.font('Helvetica').fontSize(11).fillColor('black').text(toWinAnsi(paragraph), MARGIN, doc.y, { width, lineGap: 2 });
  });
}

/** A label and its value side by side, at the current line; advances below the taller one. */
function writeRow(doc: PDFKit.PDFDocument, label: string, value: string, width: number): void {
  const y = doc.y;
  doc.font('Helvetica').fontSize(11).fillColor(GREY).text(toWinAnsi(label), MARGIN, y, { width: LABEL_WIDTH });
  const labelBottom = doc.y;
  doc.font('Helvetica-Bold').fillColor('black').text(toWinAnsi(value), MARGIN + LABEL_WIDTH + GAP, y, { width: width - LABEL_WIDTH - GAP });
  doc.x = MARGIN;
  doc.y = Math.max(labelBottom, doc.y) + 6;
}
