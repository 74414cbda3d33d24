import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Camt054Error, parseCamt054, type Camt054Problem } from '../../../../connectors/payment/camt054.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../../fixtures/camt054/${name}`, import.meta.url), 'utf8');

const QRR_V04 = fixture('qrr-credit.camt.054.001.04.xml');
const SCOR_V08 = fixture('scor-credit.camt.054.001.08.xml');
const BATCH_V04 = fixture('batch-booking.camt.054.001.04.xml');
const MIXED_V08 = fixture('mixed-entries.camt.054.001.08.xml');

const MUNICIPALITY_IBAN = 'CH9300762011623852957';
const ROOT = 'Document/BkToCstmrDbtCdtNtfctn';
const FIRST_TX = `${ROOT}/Ntfctn[1]/Ntry[1]/NtryDtls[1]/TxDtls[1]`;

/** The fixture with one text replaced; fails loudly when the text is not there. */
function edited(xml: string, from: string | RegExp, to: string): string {
  const result = xml.replace(from, to);
  expect(result, `fixture contains ${String(from)}`).not.toBe(xml);
  return result;
}

function refusal(xml: string): Camt054Error {
  try {
    parseCamt054(xml);
  } catch (error) {
    if (error instanceof Camt054Error) return error;
    throw error;
  }
  throw new Error('expected a Camt054Error');
}

function expectRefusal(xml: string, problem: Camt054Problem, path: string): Camt054Error {
  const error = refusal(xml);
  expect({ problem: error.problem, path: error.path }).toEqual({ problem, path });
  expect(error.message).toContain(path);
  return error;
}

describe('parseCamt054', () => {
  it('when a QR-bill payment is notified in camt.054.001.04, then it becomes one CHF credit with its QR reference and QR-IBAN', () => {
    expect(parseCamt054(QRR_V04)).toEqual({
      messageId: '20260115375204228700001',
      createdAt: '2026-01-15T18:05:12+01:00',
      credits: [
        {
          bankReference: 'ZV20260115/000417/1',
          notificationId: '20260115375204228700001',
          accountIban: MUNICIPALITY_IBAN,
          creditorAccountIban: 'CH8430000000000000017',
          bookingDate: '2026-01-15',
          valueDate: '2026-01-16',
          amountRappen: 2010,
          reference: { type: 'QRR', value: '000000000000002026000123453' },
        },
      ],
      unsupportedCredits: [],
      skipped: { debits: 0, notBooked: 0, reversals: 0 },
    });
  });

  it('when a payment with a creditor reference is notified in camt.054.001.08, then it becomes a credit with its SCOR reference', () => {
    const notification = parseCamt054(SCOR_V08);

    expect(notification.messageId).toBe('CAMT054-20260116-000088');
    expect(notification.credits).toEqual([
      {
        bankReference: 'B260116ZX0042-0001',
        notificationId: 'NTF-20260116-000088',
        accountIban: MUNICIPALITY_IBAN,
        creditorAccountIban: null,
        bookingDate: '2026-01-16',
        valueDate: '2026-01-16',
        amountRappen: 4500,
        reference: { type: 'SCOR', value: 'RF462026000123' },
      },
    ]);
  });

  it('when a batch booking carries two transactions, then each is one credit and together they make the booked total', () => {
    const { credits } = parseCamt054(BATCH_V04);

    expect(credits.map(({ bankReference, amountRappen, reference }) => ({ bankReference, amountRappen, reference }))).toEqual([
      { bankReference: 'ZV20260119/000902/1', amountRappen: 2500, reference: { type: 'QRR', value: '000000000000002026000123469' } },
      { bankReference: 'ZV20260119/000902/2', amountRappen: 4010, reference: { type: 'QRR', value: '000000000000002026000123477' } },
    ]);
    expect(credits.reduce((sum, credit) => sum + credit.amountRappen, 0)).toBe(6510);
  });

  it('when entries lack a reference, are debits or are in EUR, then they are a credit without reference, a count and an unsupported credit', () => {
    const notification = parseCamt054(MIXED_V08);

    expect(notification.credits).toEqual([
      {
        bankReference: 'B260120ZX0107#1',
        notificationId: 'NTF-20260120-000131-CHF',
        accountIban: MUNICIPALITY_IBAN,
        creditorAccountIban: null,
        bookingDate: '2026-01-19',
        valueDate: '2026-01-20',
        amountRappen: 5000,
        reference: null,
      },
    ]);
    expect(notification.unsupportedCredits).toEqual([
      {
        bankReference: 'B260120ZX0109-0001',
        notificationId: 'NTF-20260120-000131-EUR',
        accountIban: 'CH1200762011623852960',
        creditorAccountIban: null,
        bookingDate: '2026-01-20',
        valueDate: '2026-01-20',
        currency: 'EUR',
        amount: '30.00',
        reference: { type: 'SCOR', value: 'RF74WB4001000124' },
      },
    ]);
    expect(notification.skipped).toEqual({ debits: 1, notBooked: 0, reversals: 0 });
  });

  it.each([
    ['qrr-credit', QRR_V04, ['Anna Beispiel', 'Lindenweg', 'CH2809000000250001234']],
    ['scor-credit', SCOR_V08, ['Marco Esempio', 'Via Centrale', 'CH8700235000123456789']],
    ['batch-booking', BATCH_V04, ['Beat Muster', 'Claire Exemple', 'CH0804835012345678000', 'CH1700700110000346789']],
    ['mixed-entries', MIXED_V08, ['Hans Platzhalter', 'CH4708390012345678901', 'Platzhalter']],
  ])('when %s names the payers, then nothing about them is returned', (_name, xml, personalData) => {
    const returned = JSON.stringify(parseCamt054(xml));
    for (const datum of personalData) expect(returned).not.toContain(datum);
  });

  it('when the elements carry a namespace prefix, then the notification reads the same', () => {
    const prefixed = edited(QRR_V04.replace(/<(\/?)(?=[A-Za-z])/g, '<$1camt:'), 'xmlns="urn:', 'xmlns:camt="urn:');
    expect(parseCamt054(prefixed)).toEqual(parseCamt054(QRR_V04));
  });

  it('when the file starts with a byte order mark, then it reads the same', () => {
    expect(parseCamt054(`\uFEFF${QRR_V04}`)).toEqual(parseCamt054(QRR_V04));
  });

  it.each([
    ['20.1', 2010],
    ['20.100', 2010],
    ['0.05', 5],
    ['1500', 150_000],
    ['9999999999999.99', 999_999_999_999_999],
  ])('when the amount reads %s, then it is %i Rappen exactly', (text, rappen) => {
    const xml = edited(QRR_V04, '<Amt Ccy="CHF">20.10</Amt>\n            <CdtDbtInd>', `<Amt Ccy="CHF">${text}</Amt>\n            <CdtDbtInd>`);
    expect(parseCamt054(xml).credits[0]?.amountRappen).toBe(rappen);
  });

  it.each(['20.105', '-20.10', '2e1', '20,10', '+20.10', '12345678901234.00'])(
    'when the amount reads %s, then the document is refused at the amount without quoting it',
    (text) => {
      const xml = edited(QRR_V04, '<Amt Ccy="CHF">20.10</Amt>\n            <CdtDbtInd>', `<Amt Ccy="CHF">${text}</Amt>\n            <CdtDbtInd>`);
      const error = expectRefusal(xml, 'invalid-value', `${FIRST_TX}/Amt`);
      expect(error.message).not.toContain(text);
    },
  );

  it('when a transaction has no amount of its own, then the amount details and then the single entry amount are used', () => {
    const withoutAmount = edited(QRR_V04, '<Amt Ccy="CHF">20.10</Amt>\n            <CdtDbtInd>', '<CdtDbtInd>');
    const fromDetails = edited(withoutAmount, /<TxAmt>\s*<Amt Ccy="CHF">20.10<\/Amt>/, '<TxAmt><Amt Ccy="CHF">20.15</Amt>');
    expect(parseCamt054(fromDetails).credits[0]?.amountRappen).toBe(2015);

    const fromEntry = edited(withoutAmount, /<AmtDtls>[\s\S]*?<\/AmtDtls>/, '');
    expect(parseCamt054(fromEntry).credits[0]?.amountRappen).toBe(2010);
  });

  it('when an entry has no transaction details, then the entry itself is the credit, keyed by its bank reference', () => {
    const xml = edited(QRR_V04, /<NtryDtls>[\s\S]*<\/NtryDtls>/, '');
    expect(parseCamt054(xml).credits).toEqual([
      expect.objectContaining({ bankReference: 'ZV20260115/000417', amountRappen: 2010, reference: null }),
    ]);
  });

  it('when the transactions of a batch share one bank reference, then each is keyed by the entry reference and its position', () => {
    const xml = edited(BATCH_V04, 'ZV20260119/000902/2</AcctSvcrRef>', 'ZV20260119/000902/1</AcctSvcrRef>');
    expect(parseCamt054(xml).credits.map((credit) => credit.bankReference)).toEqual(['ZV20260119/000902#1', 'ZV20260119/000902#2']);
  });

  it.each([
    ['pending', '<Sts>BOOK</Sts>', '<Sts>PDNG</Sts>', { debits: 0, notBooked: 1, reversals: 0 }],
    ['a reversal', '<RvslInd>false</RvslInd>', '<RvslInd>true</RvslInd>', { debits: 0, notBooked: 0, reversals: 1 }],
    ['a debit', /<CdtDbtInd>CRDT<\/CdtDbtInd>/g, '<CdtDbtInd>DBIT</CdtDbtInd>', { debits: 1, notBooked: 0, reversals: 0 }],
  ])('when the entry is %s, then it is counted and not credited', (_case, from, to, skipped) => {
    const notification = parseCamt054(edited(QRR_V04, from, to));
    expect(notification.credits).toEqual([]);
    expect(notification.skipped).toEqual(skipped);
  });

  it('when a .08 entry is information only, then it is counted as not booked', () => {
    const notification = parseCamt054(edited(SCOR_V08, '<Cd>BOOK</Cd>', '<Cd>INFO</Cd>'));
    expect(notification.credits).toEqual([]);
    expect(notification.skipped.notBooked).toBe(1);
  });

  it.each([
    ['a camt.053 statement', edited(QRR_V04, 'xsd:camt.054.001.04"', 'xsd:camt.053.001.04"'), 'not-camt054', 'Document'],
    ['no namespace', edited(QRR_V04, /xmlns="[^"]*"/, ''), 'not-camt054', 'Document'],
    ['another message', edited(QRR_V04, /BkToCstmrDbtCdtNtfctn>/g, 'BkToCstmrStmt>'), 'not-camt054', ROOT],
    ['text that is not XML', 'Betrag: 20.10 CHF', 'malformed-xml', 'Document'],
    ['unclosed elements', QRR_V04.slice(0, 2000), 'malformed-xml', 'Document'],
    ['a document type declaration', edited(QRR_V04, '<Document ', '<!DOCTYPE Document [<!ENTITY x "y">]>\n<Document '), 'malformed-xml', 'Document'],
  ] as const)('when the input is %s, then it is refused', (_case, xml, problem, path) => {
    expectRefusal(xml, problem, path);
  });

  it.each([
    ['the account IBAN', /<IBAN>CH9300762011623852957<\/IBAN>/, '<Othr><Id>12345</Id></Othr>', 'missing-element', `${ROOT}/Ntfctn[1]/Acct/Id/IBAN`],
    ['the booking date', /<BookgDt>[\s\S]*?<\/BookgDt>/, '', 'missing-element', `${ROOT}/Ntfctn[1]/Ntry[1]/BookgDt/Dt`],
    ['a real booking date', '<Dt>2026-01-15</Dt>', '<Dt>2026-02-30</Dt>', 'invalid-value', `${ROOT}/Ntfctn[1]/Ntry[1]/BookgDt`],
    ['the currency', '<Amt Ccy="CHF">20.10</Amt>\n            <CdtDbtInd>', '<Amt>20.10</Amt>\n            <CdtDbtInd>', 'missing-element', `${FIRST_TX}/Amt/@Ccy`],
    ['a known indicator', '<CdtDbtInd>CRDT</CdtDbtInd>\n            <AmtDtls>', '<CdtDbtInd>CREDIT</CdtDbtInd>\n            <AmtDtls>', 'invalid-value', `${FIRST_TX}/CdtDbtInd`],
    ['the message id', /<MsgId>[^<]*<\/MsgId>/, '', 'missing-element', `${ROOT}/GrpHdr/MsgId`],
    ['a single status', '<Sts>BOOK</Sts>', '<Sts>BOOK</Sts><Sts>BOOK</Sts>', 'repeated-element', `${ROOT}/Ntfctn[1]/Ntry[1]/Sts`],
  ] as const)('when the document lacks %s, then it is refused naming the element', (_case, from, to, problem, path) => {
    expectRefusal(edited(QRR_V04, from, to), problem, path);
  });

  it('when no bank reference identifies a transaction, then the document is refused at the entry reference', () => {
    const xml = edited(MIXED_V08, '<AcctSvcrRef>B260120ZX0107</AcctSvcrRef>', '');
    expectRefusal(xml, 'missing-element', `${ROOT}/Ntfctn[1]/Ntry[1]/AcctSvcrRef`);
  });

  it('when two credits carry the same bank reference, then the document is refused rather than one of them lost', () => {
    const xml = edited(MIXED_V08, 'B260120ZX0109-0001', 'B260120ZX0107#1');
    const error = expectRefusal(xml, 'duplicate-reference', `${ROOT}/Ntfctn[2]/Ntry[1]/NtryDtls[1]/TxDtls[1]`);
    expect(error.message).not.toContain('B260120ZX0107');
  });
});
