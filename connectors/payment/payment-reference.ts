/**
 * Payment references for Swiss QR-bills: the QR reference (QRR, 27 digits, recursive modulo 10)
 * that a QR-IBAN requires, and the ISO 11649 creditor reference (SCOR, 'RF', mod 97) that goes
 * with an ordinary IBAN. Pure: strings and bigints in, strings out.
 */

export type PaymentReferenceType = 'QRR' | 'SCOR';

/** A reference as stored and as written into the QR code: no spaces, upper case. */
export type PaymentReference = {
  readonly type: PaymentReferenceType;
  readonly value: string;
};

const MOD10_RECURSIVE = [0, 9, 4, 6, 8, 2, 7, 1, 3, 5] as const;
const QRR_PAYLOAD_DIGITS = 26;
const SCOR_MAX_BASE = 21;

/** Check digit of the Swiss payment standards' recursive modulo 10 over a string of digits. */
function mod10RecursiveCheckDigit(digits: string): number {
  let carry = 0;
  for (const digit of digits) {
    carry = MOD10_RECURSIVE[(carry + Number(digit)) % 10] ?? 0;
  }
  return (10 - carry) % 10;
}

/** Remainder modulo 97 of an alphanumeric string read as ISO 7064 digits (A = 10 … Z = 35). */
function mod97(alphanumeric: string): number {
  let remainder = 0;
  for (const char of alphanumeric) {
    const value = Number.parseInt(char, 36);
    remainder = (value < 10 ? remainder * 10 + value : remainder * 100 + value) % 97;
  }
  return remainder;
}

function compact(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/**
 * The QR reference for a positive sequence number of at most 26 digits: zero-padded to 26 digits
 * plus the check digit. Throws RangeError for anything else.
 */
export function qrReference(sequence: bigint | string): string {
  const digits = typeof sequence === 'bigint' ? sequence.toString() : sequence;
  if (!/^\d+$/.test(digits) || digits.length > QRR_PAYLOAD_DIGITS || /^0+$/.test(digits)) {
    throw new RangeError('qrReference expects a positive sequence of at most 26 digits');
  }
  const payload = digits.padStart(QRR_PAYLOAD_DIGITS, '0');
  return `${payload}${mod10RecursiveCheckDigit(payload)}`;
}

/** True for 27 digits whose last one is the recursive modulo 10 check digit; spaces are ignored. */
export function isValidQrReference(reference: string): boolean {
  const value = compact(reference);
  if (!/^\d{27}$/.test(value)) return false;
  return mod10RecursiveCheckDigit(value.slice(0, QRR_PAYLOAD_DIGITS)) === Number(value.slice(QRR_PAYLOAD_DIGITS));
}

/**
 * The ISO 11649 creditor reference for 1–21 letters and digits (case and spaces ignored):
 * 'RF' + two check digits + the base. Throws RangeError for anything else.
 */
export function creditorReference(base: string): string {
  const value = compact(base);
  if (!/^[0-9A-Z]{1,21}$/.test(value)) {
    throw new RangeError(`creditorReference expects 1 to ${SCOR_MAX_BASE} letters or digits`);
  }
  const check = 98 - mod97(`${value}RF00`);
  return `RF${String(check).padStart(2, '0')}${value}`;
}

/** True for 'RF', two check digits and 1–21 alphanumerics that together are 1 modulo 97. */
export function isValidCreditorReference(reference: string): boolean {
  const value = compact(reference);
  if (!/^RF\d{2}[0-9A-Z]{1,21}$/.test(value)) return false;
  return mod97(`${value.slice(4)}${value.slice(0, 4)}`) === 1;
}

/** True for a Swiss or Liechtenstein IBAN (21 characters) with a correct checksum; spaces are ignored. */
export function isValidSwissIban(iban: string): boolean {
  const value = compact(iban);
  if (!/^(CH|LI)\d{2}\d{5}[0-9A-Z]{12}$/.test(value)) return false;
  return mod97(`${value.slice(4)}${value.slice(0, 4)}`) === 1;
}

/** True for a valid CH/LI IBAN whose institution id is 30000–31999, i.e. a QR-IBAN. */
export function isQrIban(iban: string): boolean {
  if (!isValidSwissIban(iban)) return false;
  const institutionId = Number(compact(iban).slice(4, 9));
  return institutionId >= 30000 && institutionId <= 31999;
}

/**
 * The reference an invoice to this account carries: a QRR for a QR-IBAN (which admits no other),
 * a SCOR otherwise. The sequence is the invoice's unique number, digits only; a SCOR holds 21 of
 * them at most. Throws RangeError for an invalid IBAN or sequence (the IBAN is not repeated).
 */
export function referenceForInvoice(input: { readonly iban: string; readonly sequence: bigint | string }): PaymentReference {
  if (!isValidSwissIban(input.iban)) {
    throw new RangeError('referenceForInvoice expects a valid CH or LI IBAN');
  }
  if (isQrIban(input.iban)) {
    return { type: 'QRR', value: qrReference(input.sequence) };
  }
  const digits = typeof input.sequence === 'bigint' ? input.sequence.toString() : input.sequence;
  if (!/^\d+$/.test(digits) || /^0+$/.test(digits)) {
    throw new RangeError('referenceForInvoice expects a positive sequence of digits');
  }
  return { type: 'SCOR', value: creditorReference(digits) };
}

/** True when the reference is well formed, its check digits hold and its type suits the account. */
export function isReferenceValidForAccount(reference: PaymentReference, iban: string): boolean {
  if (!isValidSwissIban(iban)) return false;
  if (reference.type === 'QRR') return isQrIban(iban) && isValidQrReference(reference.value);
  return !isQrIban(iban) && isValidCreditorReference(reference.value);
}

/** Grouped for print: QRR as '21 00000 00003 13947 14300 09017', SCOR in blocks of four. */
export function formatPaymentReference(reference: PaymentReference): string {
  const value = compact(reference.value);
  if (reference.type === 'QRR') {
    return `${value.slice(0, 2)} ${(value.slice(2).match(/.{1,5}/g) ?? []).join(' ')}`;
  }
  return (value.match(/.{1,4}/g) ?? []).join(' ');
}
