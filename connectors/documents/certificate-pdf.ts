/**
 * Renders the residence certificate (Wohnsitzbestätigung) as an A4 PDF. Pure apart from pdfkit:
 * the same input gives the same bytes (the PDF dates are the issue date, never "now").
 */
import PDFDocument from 'pdfkit';
import { CERTIFICATE_TEXTS, type CertificateLanguage } from './certificate-texts.ts';
import { formatSwissDate } from '../swiss-time.ts';
import { toWinAnsi } from './win-ansi.ts';

export type ResidenceCertificateInput = {
  readonly language: CertificateLanguage;
  /** Printed on the certificate, e.g. 'WB-4001-2026-000123'; chosen by the caller. */
  readonly certificateNumber: string;
  /** 'YYYY-MM-DD'; also the PDF's creation date. */
  readonly issuedOn: string;
  readonly municipality: { readonly name: string };
  readonly person: {
    readonly firstName: string;
    readonly lastName: string;
    /** 'YYYY-MM-DD' */
    readonly dateOfBirth: string;
  };
  readonly residence: {
    readonly residenceType: 'main' | 'secondary';
    /** 'YYYY-MM-DD', the date of moving in. */
    readonly since: string;
    readonly address: {
      readonly street: string;
      readonly houseNumber: string | null;
      readonly postalCode: string;
      readonly town: string;
    };
  };
};

const MARGIN = 64;
const LABEL_WIDTH = 150;
const GAP = 16;
const GREY = '#555555';

/** Renders the certificate; throws RangeError for an invalid date or an empty certificate number. */
export async function renderResidenceCertificatePdf(input: ResidenceCertificateInput): Promise<Buffer> {
  const texts = CERTIFICATE_TEXTS[input.language];
  if (input.certificateNumber.trim() === '') {
    throw new RangeError('renderResidenceCertificatePdf: certificateNumber is empty');
  }
  const municipality = toWinAnsi(input.municipality.name);
  const issuer = texts.issuer(municipality);
  const { address } = input.residence;
  const rows: ReadonlyArray<readonly [string, string]> = [
    [texts.labels.name, `${input.person.firstName} ${input.person.lastName}`],
    [texts.labels.dateOfBirth, formatSwissDate(input.person.dateOfBirth)],
    [texts.labels.residenceType, texts.residenceTypes[input.residence.residenceType]],
    [texts.labels.since, formatSwissDate(input.residence.since)],
    [
      texts.labels.address,
      `${address.street}${address.houseNumber === null ? '' : ` ${address.houseNumber}`}\n${address.postalCode} ${address.town}`,
    ],
  ];
  const issuedOn = formatSwissDate(input.issuedOn);
  const issueDate = new Date(`${input.issuedOn}T00:00:00Z`);

  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: texts.pdfLanguage,
    displayTitle: true,
    info: {
      Title: texts.title,
      Author: issuer,
      Subject: `${texts.title} – ${issuer}`,
      Creator: 'Municipal e-government platform',
      CreationDate: issueDate,
      ModDate: issueDate,
    },
  });
  const done = collect(doc);
  const width = doc.page.width - 2 * MARGIN;
  const valueX = MARGIN + LABEL_WIDTH + GAP;
  const valueWidth = width - LABEL_WIDTH - GAP;

  doc.font('Helvetica-Bold').fontSize(14).text(issuer, MARGIN, MARGIN, { width });
  doc.font('Helvetica').fontSize(10).fillColor(GREY).text(texts.office, { width });

  doc.fillColor('black').font('Helvetica-Bold').fontSize(20).text(texts.title, MARGIN, 170, { width });
  doc.moveDown(1);
  doc.font('Helvetica').fontSize(11).text(texts.confirmation(municipality), { width, lineGap: 2 });
  doc.moveDown(1.5);

  for (const [label, value] of rows) {
    writeRow(doc, label, toWinAnsi(value), valueX, valueWidth);
  }
  doc.moveDown(2);
  writeRow(doc, texts.labels.issuedOn, issuedOn, valueX, valueWidth);
  writeRow(doc, texts.labels.certificateNumber, toWinAnsi(input.certificateNumber), valueX, valueWidth);

  const footerY = doc.page.height - MARGIN - 12;
  doc.font('Helvetica').fontSize(8).fillColor(GREY).text(texts.electronicNote, MARGIN, footerY, {
    width,
    lineBreak: false,
  });
  doc.end();
  return done;
}

/** A label and its value side by side, at the current line; advances below the taller one. */
function writeRow(doc: PDFKit.PDFDocument, label: string, value: string, valueX: number, valueWidth: number): void {
  const y = doc.y;
  doc.font('Helvetica').fontSize(11).fillColor(GREY).text(label, MARGIN, y, { width: LABEL_WIDTH });
  const labelBottom = doc.y;
  doc.font('Helvetica-Bold').fillColor('black').text(value, valueX, y, { width: valueWidth });
  doc.x = MARGIN;
  doc.y = Math.max(labelBottom, doc.y) + 6;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}
