import { describe, expect, it } from 'vitest';
import {
  creditorReference,
  formatPaymentReference,
  isQrIban,
  isReferenceValidForAccount,
  isValidCreditorReference,
  isValidQrReference,
  isValidSwissIban,
  qrReference,
  referenceForInvoice,
} from '../../../../connectors/payment/payment-reference.ts';

// Published examples: SIX's QR-bill implementation guidelines and style guide, ISO 11649.
const SIX_QR_REFERENCE = '210000000003139471430009017';
const SIX_CREDITOR_REFERENCE = 'RF18539007547034';
const SIX_QR_IBAN = 'CH4431999123000889012';
const SIX_IBAN = 'CH5800791123000889012';
const LIECHTENSTEIN_IBAN = 'LI21 0881 0000 2324 013A A';

describe('QR reference (QRR)', () => {
  it('when the published example is built from its 26 digits, then the check digit is 7', () => {
    expect(qrReference('21000000000313947143000901')).toBe(SIX_QR_REFERENCE);
    expect(isValidQrReference(SIX_QR_REFERENCE)).toBe(true);
    expect(isValidQrReference('21 00000 00003 13947 14300 09017')).toBe(true);
  });

  it('when a sequence is short, then it is padded with zeros to 26 digits before the check digit', () => {
    const reference = qrReference(42n);
    expect(reference).toHaveLength(27);
    expect(reference.startsWith('0000000000000000000000004')).toBe(true);
    expect(isValidQrReference(reference)).toBe(true);
    expect(qrReference('42')).toBe(reference);
  });

  it.each(Array.from({ length: 9 }, (_, offset) => offset + 1))('when the check digit is off by %i, then the reference is invalid', (offset) => {
    const wrong = `${SIX_QR_REFERENCE.slice(0, 26)}${(7 + offset) % 10}`;
    expect(isValidQrReference(wrong)).toBe(false);
  });

  it('when two neighbouring digits are swapped, then the reference is invalid', () => {
    expect(isValidQrReference('120000000003139471430009017')).toBe(false);
  });

  it.each(['21000000000313947143000901', '2100000000031394714300090170', '21000000000313947143000901A', ''])(
    'when %j is not 27 digits, then it is no QR reference',
    (text) => expect(isValidQrReference(text)).toBe(false),
  );

  it.each(['0', '000', '-1', '1.5', 'A1', '123456789012345678901234567', ''])('when the sequence is %j, then no QR reference is made', (sequence) => {
    expect(() => qrReference(sequence)).toThrow(RangeError);
  });
});

describe('creditor reference (ISO 11649 SCOR)', () => {
  it('when the published example is built from its base, then the check digits are 18', () => {
    expect(creditorReference('539007547034')).toBe(SIX_CREDITOR_REFERENCE);
    expect(isValidCreditorReference(SIX_CREDITOR_REFERENCE)).toBe(true);
    expect(isValidCreditorReference('RF18 5390 0754 7034')).toBe(true);
  });

  it('when the base has letters, then they count as 10 to 35 and case does not matter', () => {
    expect(creditorReference('ABC123')).toBe(creditorReference('abc 123'));
    expect(isValidCreditorReference(creditorReference('INV2026X42'))).toBe(true);
  });

  it('when the check digits would be below 10, then they are written with a leading zero', () => {
    const references = Array.from({ length: 200 }, (_, index) => creditorReference(String(index + 1)));
    const small = references.find((reference) => reference.slice(2, 4).startsWith('0'));
    expect(small).toBeDefined();
    expect(references.every((reference) => isValidCreditorReference(reference))).toBe(true);
  });

  it.each(['RF19539007547034', 'RF17539007547034', 'RF18539007547043', 'RF18539007547035'])(
    'when %s has a wrong check digit or a typo, then it is invalid',
    (reference) => expect(isValidCreditorReference(reference)).toBe(false),
  );

  it.each(['RF18', 'XX18539007547034', 'RF1A539007547034', `RF00${'1'.repeat(22)}`, 'RF18-539007547034'])(
    'when %j is malformed, then it is invalid',
    (reference) => expect(isValidCreditorReference(reference)).toBe(false),
  );

  it.each(['', '1'.repeat(22), 'ABC-1', 'ÄBC'])('when the base is %j, then no creditor reference is made', (base) => {
    expect(() => creditorReference(base)).toThrow(RangeError);
  });
});

describe('Swiss IBAN and QR-IBAN', () => {
  it('when published IBANs are checked, then CH and LI checksums hold, with or without spaces', () => {
    expect(isValidSwissIban(SIX_QR_IBAN)).toBe(true);
    expect(isValidSwissIban(SIX_IBAN)).toBe(true);
    expect(isValidSwissIban('CH93 0076 2011 6238 5295 7')).toBe(true);
    expect(isValidSwissIban(LIECHTENSTEIN_IBAN)).toBe(true);
  });

  it.each(['CH4431999123000889013', 'CH4531999123000889012', 'DE89370400440532013000', 'CH44319991230008890', 'AT611904300234573201', ''])(
    'when %j is no valid CH or LI IBAN, then it is rejected',
    (iban) => {
      expect(isValidSwissIban(iban)).toBe(false);
      expect(isQrIban(iban)).toBe(false);
    },
  );

  it('when the institution id is 30000 to 31999, then it is a QR-IBAN, otherwise not', () => {
    expect(isQrIban(SIX_QR_IBAN)).toBe(true);
    expect(isQrIban('CH44 3199 9123 0008 8901 2')).toBe(true);
    expect(isQrIban(SIX_IBAN)).toBe(false);
    expect(isQrIban(LIECHTENSTEIN_IBAN)).toBe(false);
  });
});

describe('reference for an invoice', () => {
  it('when the account is a QR-IBAN, then the invoice carries a QR reference', () => {
    const reference = referenceForInvoice({ iban: SIX_QR_IBAN, sequence: 20260000123n });
    expect(reference.type).toBe('QRR');
    expect(isValidQrReference(reference.value)).toBe(true);
    expect(reference.value.endsWith(`20260000123${reference.value.slice(-1)}`)).toBe(true);
    expect(isReferenceValidForAccount(reference, SIX_QR_IBAN)).toBe(true);
    expect(isReferenceValidForAccount(reference, SIX_IBAN)).toBe(false);
  });

  it('when the account is an ordinary IBAN, then the invoice carries a creditor reference', () => {
    const reference = referenceForInvoice({ iban: SIX_IBAN, sequence: '539007547034' });
    expect(reference).toEqual({ type: 'SCOR', value: SIX_CREDITOR_REFERENCE });
    expect(isReferenceValidForAccount(reference, SIX_IBAN)).toBe(true);
    expect(isReferenceValidForAccount(reference, SIX_QR_IBAN)).toBe(false);
  });

  it('when the IBAN is invalid, then no reference is made and the IBAN is not in the message', () => {
    expect(() => referenceForInvoice({ iban: 'CH4431999123000889013', sequence: 1n })).toThrow(RangeError);
    expect(() => referenceForInvoice({ iban: 'CH4431999123000889013', sequence: 1n })).not.toThrow(/CH44/);
  });

  it('when the sequence is too long for a creditor reference, then no reference is made', () => {
    expect(() => referenceForInvoice({ iban: SIX_IBAN, sequence: '1'.repeat(22) })).toThrow(RangeError);
    expect(() => referenceForInvoice({ iban: SIX_IBAN, sequence: '0' })).toThrow(RangeError);
  });

  it('when references are printed, then they are grouped as the standard shows them', () => {
    expect(formatPaymentReference({ type: 'QRR', value: SIX_QR_REFERENCE })).toBe('21 00000 00003 13947 14300 09017');
    expect(formatPaymentReference({ type: 'SCOR', value: SIX_CREDITOR_REFERENCE })).toBe('RF18 5390 0754 7034');
  });
});
