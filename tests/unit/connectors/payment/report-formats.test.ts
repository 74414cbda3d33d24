import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { toCsv, toXlsx, type PaidServiceRow, type ReportLanguage } from '../../../../connectors/payment/report-formats.ts';

const ROWS: readonly PaidServiceRow[] = [
  {
    caseId: '0b6f3c1e-9a3d-4c52-8f0e-2d7a1b9c4e55',
    paidAt: '2026-01-15T13:05:42.000Z',
    serviceName: 'Wohnsitzbestätigung',
    amountRappen: 2010,
    paymentMethod: 'twint',
    account: '4210.01',
    bookingText: 'Gebühr Wohnsitzbestätigung',
    reference: '000000000000002026000123453',
  },
  {
    caseId: '5d1e7a20-3b4c-4f6e-9a8b-1c2d3e4f5a6b',
    paidAt: '2026-07-01T22:30:00Z',
    serviceName: 'Heimatausweis',
    amountRappen: 10,
    paymentMethod: 'invoice',
    account: '4210.02',
    bookingText: 'Gebühr; "Heimatausweis"',
  },
  {
    caseId: '9f8e7d6c-5b4a-4321-8fed-cba987654321',
    paidAt: '2026-03-29T02:15:00+02:00',
    serviceName: 'Hundemarke',
    amountRappen: 20,
    paymentMethod: 'post-finance-card',
    account: '4210.03',
    bookingText: 'Hundetaxe',
  },
];

const HEADERS: Readonly<Record<ReportLanguage, readonly string[]>> = {
  de: ['Bezahlt am', 'Fall-Nr.', 'Leistung', 'Zahlungsart', 'Konto', 'Buchungstext', 'Referenz', 'Betrag CHF'],
  fr: ['Payé le', 'N° de dossier', 'Prestation', 'Mode de paiement', 'Compte', 'Texte de comptabilisation', 'Référence', 'Montant CHF'],
  it: ['Pagato il', 'N. pratica', 'Prestazione', 'Metodo di pagamento', 'Conto', 'Testo contabile', 'Riferimento', 'Importo CHF'],
  en: ['Paid at', 'Case no.', 'Service', 'Payment method', 'Account', 'Booking text', 'Reference', 'Amount CHF'],
};

const row = (changes: Partial<PaidServiceRow>): PaidServiceRow => ({ ...(ROWS[0] as PaidServiceRow), ...changes });

/** Reads ';'-separated CSV with '"' quoting (RFC 4180), independently of the writer. */
function readCsv(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = (): void => {
    record.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ';') {
      endCell();
    } else if (!quoted && char === '\r' && text[i + 1] === '\n') {
      endCell();
      records.push(record);
      record = [];
      i += 1;
    } else {
      cell += char;
    }
  }
  return records;
}

/** '20.10' → 2010 without floating point. */
const rappenOf = (francs: string): number => {
  const [whole = '', fraction = ''] = francs.split('.');
  expect(francs).toMatch(/^\d+\.\d{2}$/);
  return Number(whole) * 100 + Number(fraction);
};

const workDir = mkdtempSync(join(tmpdir(), 'report-formats-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

type SheetCell = { ref: string; style: number; value: string | number; isFormula: boolean };

/** Unzips with Debian's unzip (checking every CRC first) and reads the first sheet's cells. */
function readXlsx(bytes: Buffer): { sheetName: string; rows: SheetCell[][]; numberFormatOf: (style: number) => string | undefined } {
  const file = join(workDir, `report-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, bytes);
  execFileSync('unzip', ['-tq', file]);
  const entry = (name: string): string => execFileSync('unzip', ['-p', file, name], { encoding: 'utf8' });
  const xml = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    isArray: (name) => ['row', 'c', 'si', 'sheet', 'xf', 'numFmt'].includes(name),
  });
  const strings = (xml.parse(entry('xl/sharedStrings.xml')).sst.si as { t: string }[]).map((si) => si.t);
  const sheetRows = xml.parse(entry('xl/worksheets/sheet1.xml')).worksheet.sheetData.row as { c: Record<string, string>[] }[];
  const styles = xml.parse(entry('xl/styles.xml')).styleSheet;
  const formats = new Map((styles.numFmts?.numFmt ?? []).map((format: Record<string, string>) => [format.numFmtId, format.formatCode]));
  const xfs = styles.cellXfs.xf as Record<string, string>[];
  return {
    sheetName: xml.parse(entry('xl/workbook.xml')).workbook.sheets.sheet[0].name,
    rows: sheetRows.map((sheetRow) =>
      sheetRow.c.map((c) => ({
        ref: c.r as string,
        style: Number(c.s ?? 0),
        value: c.t === 's' ? (strings[Number(c.v)] as string) : Number(c.v),
        isFormula: c.f !== undefined,
      })),
    ),
    numberFormatOf: (style) => formats.get(xfs[style]?.numFmtId ?? '') as string | undefined,
  };
}

describe('toCsv', () => {
  it('when the list is written, then it is UTF-8 with BOM, semicolon-separated, with CRLF line ends', () => {
    const bytes = toCsv(ROWS, { language: 'de' });
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n2026-01-15 14:05;0b6f3c1e-9a3d-4c52-8f0e-2d7a1b9c4e55;Wohnsitzbestätigung;TWINT;4210.01;');
  });

  it.each(Object.entries(HEADERS))('when the language is %s, then the header row is in that language', (language, header) => {
    expect(readCsv(toCsv(ROWS, { language: language as ReportLanguage }))[0]).toEqual(header);
  });

  it('when the CSV is read back, then every row is there and the totals row equals the sum of the rows in Rappen', () => {
    const [header, ...rest] = readCsv(toCsv(ROWS, { language: 'de' }));
    const body = rest.slice(0, -1);
    const totals = rest.at(-1) ?? [];

    expect(header).toHaveLength(8);
    expect(body.map((cells) => [cells[1], cells[2], cells[6], cells[7]])).toEqual([
      ['0b6f3c1e-9a3d-4c52-8f0e-2d7a1b9c4e55', 'Wohnsitzbestätigung', '000000000000002026000123453', '20.10'],
      ['5d1e7a20-3b4c-4f6e-9a8b-1c2d3e4f5a6b', 'Heimatausweis', '', '0.10'],
      ['9f8e7d6c-5b4a-4321-8fed-cba987654321', 'Hundemarke', '', '0.20'],
    ]);
    expect(body[1]?.[5]).toBe('Gebühr; "Heimatausweis"');
    expect(totals).toEqual(['Total', '', '', '', '', '', '', '20.40']);
    const sumOfRows = body.reduce((sum, cells) => sum + rappenOf(cells[7] ?? ''), 0);
    expect(rappenOf(totals[7] ?? '')).toBe(sumOfRows);
    expect(sumOfRows).toBe(ROWS.reduce((sum, each) => sum + each.amountRappen, 0));
  });

  it.each([
    ['2026-01-15T13:05:42.000Z', '2026-01-15 14:05'],
    ['2026-07-01T22:30:00Z', '2026-07-02 00:30'],
    ['2026-03-29T00:59:59Z', '2026-03-29 01:59'],
    ['2026-03-29T01:00:00Z', '2026-03-29 03:00'],
    ['2026-10-25T00:30:00Z', '2026-10-25 02:30'],
    ['2026-10-25T01:30:00Z', '2026-10-25 02:30'],
    ['2026-03-29T02:15:00+02:00', '2026-03-29 01:15'],
  ])('when paid at %s, then the date reads %s in Zurich', (paidAt, zurich) => {
    expect(readCsv(toCsv([row({ paidAt })], { language: 'de' }))[1]?.[0]).toBe(zurich);
  });

  it.each([
    ['twint', 'de', 'TWINT'],
    ['post-finance-e-finance', 'fr', 'PostFinance E-Finance'],
    ['invoice', 'de', 'Rechnung'],
    ['invoice', 'fr', 'Facture'],
    ['invoice', 'it', 'Fattura'],
    ['mastercard', 'en', 'Mastercard'],
    ['apple-pay', 'de', 'apple-pay'],
  ] as const)('when paid with %s in %s, then the method reads %s', (paymentMethod, language, label) => {
    expect(readCsv(toCsv([row({ paymentMethod })], { language }))[1]?.[3]).toBe(label);
  });

  it.each(['=HYPERLINK("https://example.org")', '+41 58 000', '-2+3', '@SUM(A1)', '\t=1+1'])(
    'when a text starts like a formula (%j), then the cell is prefixed with a quote',
    (text) => {
      const cells = readCsv(toCsv([row({ serviceName: text, bookingText: text, reference: text })], { language: 'de' }))[1];
      expect([cells?.[2], cells?.[5], cells?.[6]]).toEqual([`'${text}`, `'${text}`, `'${text}`]);
    },
  );

  it('when the list is empty, then there is the header and a zero total', () => {
    expect(readCsv(toCsv([], { language: 'it' }))).toEqual([HEADERS.it, ['Totale', '', '', '', '', '', '', '0.00']]);
  });

  it.each([
    [{ amountRappen: -1 }, 'amountRappen'],
    [{ amountRappen: 20.5 }, 'amountRappen'],
    [{ amountRappen: Number.NaN }, 'amountRappen'],
    [{ paidAt: '2026-01-15 14:05' }, 'paidAt'],
    [{ paidAt: '2026-01-15T14:05:00' }, 'paidAt'],
    [{ paidAt: 'gestern' }, 'paidAt'],
  ])('when a row has %j, then CSV and XLSX refuse it with a RangeError naming the row and field, not the data', async (changes, field) => {
    const rows = [row({}), row(changes)];
    const csvError = (() => {
      try {
        toCsv(rows, { language: 'de' });
      } catch (error) {
        return error;
      }
    })();
    const xlsxError = await toXlsx(rows, { language: 'de' }).catch((error: unknown) => error);
    for (const error of [csvError, xlsxError]) {
      expect(error).toBeInstanceOf(RangeError);
      expect((error as RangeError).message).toContain(`row 2: ${field}`);
      expect((error as RangeError).message).not.toMatch(/0b6f3c1e|Wohnsitz|gestern|2026/);
    }
  });
});

describe('toXlsx', () => {
  it('when the list is written, then it is a valid zip whose sheet holds the header, the rows and the totals', async () => {
    const sheet = readXlsx(await toXlsx(ROWS, { language: 'de' }));
    const values = sheet.rows.map((cells) => cells.map((cell) => cell.value));

    expect(sheet.sheetName).toBe('Bezahlte Leistungen');
    expect(values[0]).toEqual(HEADERS.de);
    expect(values.slice(1, 4).map((cells) => cells.slice(1))).toEqual([
      ['0b6f3c1e-9a3d-4c52-8f0e-2d7a1b9c4e55', 'Wohnsitzbestätigung', 'TWINT', '4210.01', 'Gebühr Wohnsitzbestätigung', '000000000000002026000123453', 20.1],
      ['5d1e7a20-3b4c-4f6e-9a8b-1c2d3e4f5a6b', 'Heimatausweis', 'Rechnung', '4210.02', 'Gebühr; "Heimatausweis"', 0.1],
      ['9f8e7d6c-5b4a-4321-8fed-cba987654321', 'Hundemarke', 'PostFinance Card', '4210.03', 'Hundetaxe', 0.2],
    ]);
    expect(values[4]).toEqual(['Total', 20.4]);
    expect(sheet.rows).toHaveLength(5);
  });

  it('when amounts and dates are written, then they are numbers with a two-decimal format and Excel dates in Zurich time', async () => {
    const sheet = readXlsx(await toXlsx(ROWS, { language: 'fr' }));
    const amounts = sheet.rows.slice(1).map((cells) => cells.at(-1) as SheetCell);
    for (const amount of amounts) {
      expect(amount.ref).toMatch(/^H\d+$/);
      expect(sheet.numberFormatOf(amount.style)).toBe('#,##0.00');
    }
    const totalRappen = ROWS.reduce((sum, each) => sum + each.amountRappen, 0);
    expect(Math.round((amounts.at(-1)?.value as number) * 100)).toBe(totalRappen);

    const paidAt = sheet.rows[1]?.[0] as SheetCell;
    const excelEpoch = Date.UTC(1899, 11, 30);
    expect(paidAt.value).toBeCloseTo((Date.UTC(2026, 0, 15, 14, 5) - excelEpoch) / 86_400_000, 8);
    expect(sheet.numberFormatOf(paidAt.style)).toBe('yyyy-mm-dd hh:mm');
  });

  it('when a text looks like a formula, then it stays a text cell', async () => {
    const sheet = readXlsx(await toXlsx([row({ serviceName: '=1+1' })], { language: 'en' }));
    expect(sheet.sheetName).toBe('Paid services');
    expect(sheet.rows[1]?.[2]).toMatchObject({ value: '=1+1', isFormula: false });
  });
});
