import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { scanQrCode as scanPdfQrCode } from '../support/qr-bill-scan.ts';
import { renderInvoicePdf, type InvoiceDocument } from '../../connectors/documents/invoice-pdf.ts';
import { INVOICE_LANGUAGES, INVOICE_TEXTS } from '../../connectors/documents/invoice-texts.ts';
import { referenceForInvoice } from '../../connectors/payment/payment-reference.ts';

const QR_IBAN = 'CH44 3199 9123 0008 8901 2';
const IBAN = 'CH58 0079 1123 0008 8901 2';
const RASTER_TIMEOUT = 60_000;

const invoice: InvoiceDocument = {
  language: 'de',
  creditor: {
    name: 'Gemeinde Baden',
    address: { street: 'Rathausgasse', buildingNumber: '1', postalCode: '5400', town: 'Baden', country: 'CH' },
    account: QR_IBAN,
  },
  debtor: {
    name: 'Jürg Müsterli',
    address: { street: 'Probeweg', buildingNumber: '7', postalCode: '5400', town: 'Baden', country: 'CH' },
  },
  amountRappen: 2010,
  reference: referenceForInvoice({ iban: QR_IBAN, sequence: 2026000042n }),
  serviceName: 'Wohnsitzbestätigung',
  caseNumber: 'WB-4021-2026-000042',
  invoiceDate: '2026-11-22',
  dueDate: '2026-12-22',
  bookingText: 'Gebühr Wohnsitzbestätigung',
};

/** The Swiss QR Code's fields by their position (Swiss Implementation Guidelines QR-bill, v2.x). */
type SwissQrPayload = {
  header: { qrType: string; version: string; coding: string };
  account: string;
  creditor: StructuredParty;
  ultimateCreditor: string[];
  amount: string;
  currency: string;
  debtor: StructuredParty;
  referenceType: string;
  reference: string;
  message: string;
  trailer: string;
};
type StructuredParty = { addressType: string; name: string; street: string; buildingNumber: string; postalCode: string; town: string; country: string };

function parseSwissQrPayload(text: string): SwissQrPayload {
  const lines = text.split(/\r?\n/);
  expect(lines.length).toBeGreaterThanOrEqual(31);
  const at = (index: number): string => lines[index] ?? '';
  const party = (start: number): StructuredParty => ({
    addressType: at(start),
    name: at(start + 1),
    street: at(start + 2),
    buildingNumber: at(start + 3),
    postalCode: at(start + 4),
    town: at(start + 5),
    country: at(start + 6),
  });
  return {
    header: { qrType: at(0), version: at(1), coding: at(2) },
    account: at(3),
    creditor: party(4),
    ultimateCreditor: lines.slice(11, 18),
    amount: at(18),
    currency: at(19),
    debtor: party(20),
    referenceType: at(27),
    reference: at(28),
    message: at(29),
    trailer: at(30),
  };
}

async function scanQrCode(pdf: Buffer): Promise<string> {
  const payload = await scanPdfQrCode(pdf);
  expect(payload, 'no QR code found on the rasterised page').not.toBeNull();
  return payload ?? '';
}

async function read(pdf: Buffer): Promise<{ text: string; pages: number; title: unknown }> {
  const document = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(document, { mergePages: true });
  const { info } = await document.getMetadata();
  return { text: text.replace(/\s+/g, ' '), pages: document.numPages, title: (info as { Title?: unknown }).Title };
}

describe('invoice PDF with a Swiss QR-bill', () => {
  it('when the account is a QR-IBAN, then the scanned QR code carries that IBAN, the exact amount, structured addresses and the QR reference', async () => {
    const pdf = await renderInvoicePdf(invoice);
    const payload = parseSwissQrPayload(await scanQrCode(pdf));

    expect(payload.header).toEqual({ qrType: 'SPC', version: '0200', coding: '1' });
    expect(payload.account).toBe('CH4431999123000889012');
    expect(payload.creditor).toEqual({
      addressType: 'S', name: 'Gemeinde Baden', street: 'Rathausgasse', buildingNumber: '1', postalCode: '5400', town: 'Baden', country: 'CH',
    });
    expect(payload.ultimateCreditor).toEqual(['', '', '', '', '', '', '']);
    expect(payload.amount).toBe('20.10');
    expect(payload.currency).toBe('CHF');
    expect(payload.debtor).toEqual({
      addressType: 'S', name: 'Jürg Müsterli', street: 'Probeweg', buildingNumber: '7', postalCode: '5400', town: 'Baden', country: 'CH',
    });
    expect(payload.referenceType).toBe('QRR');
    expect(payload.reference).toBe(invoice.reference.value);
    expect(payload.reference).toMatch(/^\d{27}$/);
    expect(payload.message).toBe('Gebühr Wohnsitzbestätigung');
    expect(payload.trailer).toBe('EPD');
    expect((await read(pdf)).pages).toBe(1);
  }, RASTER_TIMEOUT);

  it('when the account is an ordinary IBAN and the debtor lives abroad, then the QR code carries the SCOR reference and a clean structured address', async () => {
    const pdf = await renderInvoicePdf({
      ...invoice,
      language: 'fr',
      creditor: { ...invoice.creditor, account: IBAN },
      debtor: {
        name: 'Élodie D’Exemple-Kovačević',
        address: { street: 'Place de l’Exemple', buildingNumber: null, postalCode: '25000', town: 'Besançon', country: 'FR' },
      },
      reference: referenceForInvoice({ iban: IBAN, sequence: '539007547034' }),
    });
    const payload = parseSwissQrPayload(await scanQrCode(pdf));

    expect(payload.account).toBe('CH5800791123000889012');
    expect(payload.amount).toBe('20.10');
    expect(payload.referenceType).toBe('SCOR');
    expect(payload.reference).toBe('RF18539007547034');
    expect(payload.debtor).toEqual({
      addressType: 'S', name: "Élodie D'Exemple-Kovacevic", street: "Place de l'Exemple", buildingNumber: '', postalCode: '25000', town: 'Besançon', country: 'FR',
    });
    expect(payload.creditor.addressType).toBe('S');
  }, RASTER_TIMEOUT);

  it('when rendered in German, then the text layer holds the service, the amount, the due date and the payment part', async () => {
    const { text, title, pages } = await read(await renderInvoicePdf(invoice));
    expect(title).toBe('Rechnung');
    expect(pages).toBe(1);
    for (const expected of [
      'Rechnung', 'Gemeinde Baden', 'Jürg Müsterli', 'Probeweg 7', 'Wohnsitzbestätigung', 'CHF 20.10', 'Zahlbar bis', '22.12.2026',
      'WB-4021-2026-000042', '22.11.2026', 'Gebühr Wohnsitzbestätigung', 'Zahlteil', 'Empfangsschein',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it.each(INVOICE_LANGUAGES)('when rendered in %s, then title, labels, payment note and payment part are in that language', async (language) => {
    const texts = INVOICE_TEXTS[language];
    const { text, title } = await read(await renderInvoicePdf({ ...invoice, language, serviceName: 'Attestation de domicile' }));
    expect(title).toBe(texts.title);
    for (const expected of [texts.title, texts.labels.dueDate, texts.paymentNote('22.12.2026'), 'Attestation de domicile', 'CHF 20.10']) {
      expect(text).toContain(expected);
    }
    if (language !== 'de') expect(text).not.toContain('Zahlteil');
  });

  it.each([
    [1, 'CHF 0.01', '0.01'],
    [29, 'CHF 0.29', '0.29'],
    [115, 'CHF 1.15', '1.15'],
    [1_000_007, 'CHF 10’000.07', '10 000.07'],
    [99_999_999_999, 'CHF 999’999’999.99', '999 999 999.99'],
  ])('when the fee is %i Rappen, then the invoice shows %s and the payment part %s', async (amountRappen, invoiceAmount, paymentPartAmount) => {
    const { text } = await read(await renderInvoicePdf({ ...invoice, amountRappen }));
    expect(text).toContain(invoiceAmount);
    expect(text).toContain(paymentPartAmount);
  });

  it('when the same input is rendered twice, then the bytes are identical', async () => {
    const first = await renderInvoicePdf(invoice);
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect(first.equals(await renderInvoicePdf(invoice))).toBe(true);
  });

  it.each<[string, Partial<InvoiceDocument>]>([
    ['a QRR with an ordinary IBAN', { creditor: { ...invoice.creditor, account: IBAN } }],
    ['a SCOR with a QR-IBAN', { reference: { type: 'SCOR', value: 'RF18539007547034' } }],
    ['a QRR with a wrong check digit', { reference: { type: 'QRR', value: '210000000003139471430009018' } }],
    ['an invalid IBAN', { creditor: { ...invoice.creditor, account: 'CH4431999123000889013' } }],
    ['no Rappen', { amountRappen: 0 }],
    ['a fraction of a Rappen', { amountRappen: 20.1 }],
    ['more than the QR-bill holds', { amountRappen: 100_000_000_000 }],
    ['a due date before the invoice date', { dueDate: '2026-11-21' }],
    ['an impossible date', { invoiceDate: '2026-02-30' }],
    ['a town longer than 35 characters', { debtor: { ...invoice.debtor, address: { ...invoice.debtor.address, town: 'Müsterlingen'.repeat(3) } } }],
    ['no postal code', { debtor: { ...invoice.debtor, address: { ...invoice.debtor.address, postalCode: ' ' } } }],
  ])('when the invoice has %s, then rendering fails with a RangeError that names no personal data', async (_case, change) => {
    const failure = renderInvoicePdf({ ...invoice, ...change });
    await expect(failure).rejects.toBeInstanceOf(RangeError);
    await expect(failure).rejects.not.toThrow(/Müsterl|CH44|CH58/);
  });
});
