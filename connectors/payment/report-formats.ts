/**
 * The finance department's list of paid services (PAY-4) as CSV for Swiss Excel and as XLSX.
 * Amounts come in as integer Rappen and are summed as integers; times are shown as wall-clock
 * time in Zurich, whatever the server's time zone.
 */
import { stringify } from 'csv-stringify/sync';
import writeXlsxFile, { type CellObject, type Row } from 'write-excel-file/node';
import { zurichWallClock } from '../swiss-time.ts';

export type ReportLanguage = 'de' | 'fr' | 'it' | 'en';

export type KnownPaymentMethod = 'twint' | 'post-finance-card' | 'post-finance-e-finance' | 'visa' | 'mastercard' | 'invoice';
/** A known method gets a label; any other one (a new gateway method) is shown as given. */
export type PaymentMethod = KnownPaymentMethod | (string & {});

/** One paid service. */
export type PaidServiceRow = {
  readonly caseId: string;
  /** ISO 8601 instant with offset or 'Z', e.g. '2026-01-15T13:05:00.000Z'. */
  readonly paidAt: string;
  readonly serviceName: string;
  /** A non-negative integer. */
  readonly amountRappen: number;
  readonly paymentMethod: PaymentMethod;
  readonly account: string;
  readonly bookingText: string;
  readonly reference?: string | undefined;
};

export type ReportOptions = { readonly language: ReportLanguage };

type ReportTexts = {
  readonly sheetName: string;
  /** In column order: paid at, case, service, payment method, account, booking text, reference, amount. */
  readonly headers: readonly [string, string, string, string, string, string, string, string];
  readonly total: string;
  readonly invoice: string;
};

const TEXTS: Readonly<Record<ReportLanguage, ReportTexts>> = {
  de: {
    sheetName: 'Bezahlte Leistungen',
    headers: ['Bezahlt am', 'Fall-Nr.', 'Leistung', 'Zahlungsart', 'Konto', 'Buchungstext', 'Referenz', 'Betrag CHF'],
    total: 'Total',
    invoice: 'Rechnung',
  },
  fr: {
    sheetName: 'Prestations payées',
    headers: ['Payé le', 'N° de dossier', 'Prestation', 'Mode de paiement', 'Compte', 'Texte de comptabilisation', 'Référence', 'Montant CHF'],
    total: 'Total',
    invoice: 'Facture',
  },
  it: {
    sheetName: 'Prestazioni pagate',
    headers: ['Pagato il', 'N. pratica', 'Prestazione', 'Metodo di pagamento', 'Conto', 'Testo contabile', 'Riferimento', 'Importo CHF'],
    total: 'Totale',
    invoice: 'Fattura',
  },
  en: {
    sheetName: 'Paid services',
    headers: ['Paid at', 'Case no.', 'Service', 'Payment method', 'Account', 'Booking text', 'Reference', 'Amount CHF'],
    total: 'Total',
    invoice: 'Invoice',
  },
};

/** Brand names read the same in every language. */
const BRANDS: Readonly<Record<Exclude<KnownPaymentMethod, 'invoice'>, string>> = {
  twint: 'TWINT',
  'post-finance-card': 'PostFinance Card',
  'post-finance-e-finance': 'PostFinance E-Finance',
  visa: 'Visa',
  mastercard: 'Mastercard',
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
/** Spreadsheet programs run cells starting with these as formulas (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const AMOUNT_FORMAT = '#,##0.00';
const COLUMN_WIDTHS = [17, 38, 28, 22, 26, 30, 30, 13].map((width) => ({ width }));

/** A row checked and prepared for both formats. */
type ReportLine = {
  readonly row: PaidServiceRow;
  readonly zurich: ZurichTime;
  readonly method: string;
};

/** As text, and as a Date whose UTC fields hold the wall clock (what an Excel date stores). */
type ZurichTime = { readonly text: string; readonly wallClock: Date };

/**
 * The list as CSV for Swiss Excel: UTF-8 with BOM, ';'-separated, CRLF, a header row in the
 * language, one line per row and a totals line. Throws RangeError for a row that is not valid.
 */
export function toCsv(rows: readonly PaidServiceRow[], options: ReportOptions): Buffer {
  const texts = TEXTS[options.language];
  const { lines, totalRappen } = prepare(rows, texts);
  const records: string[][] = [
    [...texts.headers],
    ...lines.map(({ row, zurich, method }) => [
      zurich.text,
      row.caseId,
      row.serviceName,
      method,
      row.account,
      row.bookingText,
      row.reference ?? '',
      formatFrancs(row.amountRappen),
    ]),
    [texts.total, '', '', '', '', '', '', formatFrancs(totalRappen)],
  ];
  const csv = stringify(records.map((record) => record.map(withoutFormula)), {
    delimiter: ';',
    bom: true,
    record_delimiter: 'windows',
  });
  return Buffer.from(csv, 'utf8');
}

/**
 * The list as an XLSX workbook: bold header, dates as Excel dates in Zurich time, amounts as
 * numbers with two decimals, a totals row. Throws RangeError for a row that is not valid.
 */
export async function toXlsx(rows: readonly PaidServiceRow[], options: ReportOptions): Promise<Buffer> {
  const texts = TEXTS[options.language];
  const { lines, totalRappen } = prepare(rows, texts);
  const header: Row = texts.headers.map((value) => ({ value, fontWeight: 'bold' }));
  const body: Row[] = lines.map(({ row, zurich, method }) => [
    { value: zurich.wallClock, type: Date, format: 'yyyy-mm-dd hh:mm' },
    row.caseId,
    row.serviceName,
    method,
    row.account,
    row.bookingText,
    row.reference ?? null,
    amountCell(row.amountRappen),
  ]);
  const totals: Row = [{ value: texts.total, fontWeight: 'bold' }, null, null, null, null, null, null, { ...amountCell(totalRappen), fontWeight: 'bold' }];
  return writeXlsxFile([header, ...body, totals], { sheet: texts.sheetName, columns: COLUMN_WIDTHS, stickyRowsCount: 1 }).toBuffer();
}

function prepare(rows: readonly PaidServiceRow[], texts: ReportTexts): { lines: ReportLine[]; totalRappen: number } {
  let totalRappen = 0;
  const lines = rows.map((row, index) => {
    const line = `paid services report: row ${index + 1}`;
    if (!Number.isSafeInteger(row.amountRappen) || row.amountRappen < 0) {
      throw new RangeError(`${line}: amountRappen must be a non-negative integer`);
    }
    if (!ISO_INSTANT.test(row.paidAt) || Number.isNaN(Date.parse(row.paidAt))) {
      throw new RangeError(`${line}: paidAt must be an ISO 8601 instant with offset`);
    }
    totalRappen += row.amountRappen;
    const method = row.paymentMethod === 'invoice' ? texts.invoice : (BRANDS[row.paymentMethod as keyof typeof BRANDS] ?? row.paymentMethod);
    return { row, zurich: zurichTime(new Date(row.paidAt)), method };
  });
  if (!Number.isSafeInteger(totalRappen)) throw new RangeError('paid services report: the total exceeds the safe integer range');
  return { lines, totalRappen };
}

/** 'YYYY-MM-DD HH:MM' on the wall clock in Zurich (CET/CEST), seconds dropped. */
function zurichTime(instant: Date): ZurichTime {
  const { year, month, day, hour, minute } = zurichWallClock(instant);
  const two = (value: number): string => String(value).padStart(2, '0');
  return {
    text: `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}`,
    // Excel dates carry no time zone and write-excel-file writes the UTC fields.
    wallClock: new Date(Date.UTC(year, month - 1, day, hour, minute)),
  };
}

/** 2010 → '20.10', by integer arithmetic. */
function formatFrancs(rappen: number): string {
  return `${Math.trunc(rappen / 100)}.${String(rappen % 100).padStart(2, '0')}`;
}

/** Francs as a spreadsheet number: rappen / 100 is the double nearest the decimal, shown with two decimals. */
function amountCell(rappen: number): CellObject {
  return { value: rappen / 100, type: Number, format: AMOUNT_FORMAT };
}

function withoutFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}
