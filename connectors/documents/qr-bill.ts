/**
 * The Swiss QR-bill's data (swissqrbill's `Data`) for a payment to a municipality: the creditor's
 * account and the reference checked against each other, names and addresses in the characters the
 * QR code may carry, the amount in francs. Every mistake is a RangeError that names the field and
 * the renderer that asked (`caller`), never a value: it may be personal data.
 */
import type { Data, Debtor } from 'swissqrbill/types';
import { isReferenceValidForAccount, isValidSwissIban, type PaymentReference } from '../payment/payment-reference.ts';
import { toWinAnsi } from './win-ansi.ts';

/** A structured address as the QR-bill writes it (address type 'S'). */
export type StructuredAddress = {
  readonly street: string;
  readonly buildingNumber: string | null;
  readonly postalCode: string;
  readonly town: string;
  /** ISO 3166-1 alpha-2, e.g. 'CH'. */
  readonly country: string;
};

export type QrBill = {
  /** The municipality that is paid. */
  readonly creditor: {
    readonly name: string;
    readonly address: StructuredAddress & { readonly country: 'CH' };
    /** IBAN or QR-IBAN (CH/LI), spaces allowed; a QR-IBAN needs a QRR reference, an IBAN a SCOR. */
    readonly account: string;
  };
  /** Who pays; null leaves the payment part's debtor box empty, to be filled in by hand. */
  readonly debtor: { readonly name: string; readonly address: StructuredAddress } | null;
  /** Whole Rappen, at least 1; 2010 is CHF 20.10. */
  readonly amountRappen: number;
  readonly reference: PaymentReference;
  /** The unstructured message, e.g. the booking text; cut to 140 characters. */
  readonly message: string;
};

/** A municipality's creditor account, as its configuration holds it, as the QR-bill's creditor. */
export function qrCreditor(account: { name: string; street: string; buildingNumber: string; postalCode: string; town: string; iban: string }): QrBill['creditor'] {
  return {
    name: account.name,
    address: { street: account.street, buildingNumber: account.buildingNumber, postalCode: account.postalCode, town: account.town, country: 'CH' },
    account: account.iban,
  };
}

/** An address in Switzerland as the residents register gives it (house number apart), as a structured address. */
export function swissAddress(address: { street: string; houseNumber: string | null; postalCode: string; town: string }): StructuredAddress {
  return { street: address.street, buildingNumber: address.houseNumber, postalCode: address.postalCode, town: address.town, country: 'CH' };
}

/** 999 999 999.99 francs: the most the QR-bill's amount field holds. */
const MAX_RAPPEN = 99_999_999_999;
const QR_MESSAGE_MAX = 140;

/** The bill's QR-bill data, checked first; `caller` names the renderer in the RangeError. */
export function qrBillData(bill: QrBill, caller: string): Data {
  const account = bill.creditor.account.replace(/\s+/g, '').toUpperCase();
  if (!isValidSwissIban(account)) {
    throw new RangeError(`${caller}: creditor account is no valid CH or LI IBAN`);
  }
  const reference = bill.reference.value.replace(/\s+/g, '').toUpperCase();
  if (!isReferenceValidForAccount({ type: bill.reference.type, value: reference }, account)) {
    throw new RangeError(`${caller}: reference is invalid or does not suit the account (QRR needs a QR-IBAN, SCOR an IBAN)`);
  }
  const message = qrText(bill.message);
  return {
    currency: 'CHF',
    amount: francsForQrBill(caller, bill.amountRappen),
    creditor: { account, ...qrParty(caller, 'creditor', bill.creditor.name, bill.creditor.address) },
    ...(bill.debtor ? { debtor: qrParty(caller, 'debtor', bill.debtor.name, bill.debtor.address) } : {}),
    reference,
    ...(message === '' ? {} : { message: message.slice(0, QR_MESSAGE_MAX) }),
  };
}

/** Name and structured address in swissqrbill's fields: address is the street, zip the postal code. */
function qrParty(caller: string, role: string, name: string, address: StructuredAddress): Debtor {
  const party = {
    name: qrText(name),
    address: qrText(address.street),
    ...(address.buildingNumber === null || address.buildingNumber.trim() === '' ? {} : { buildingNumber: qrText(address.buildingNumber) }),
    zip: qrText(address.postalCode),
    city: qrText(address.town),
    country: address.country,
  };
  const limits: ReadonlyArray<readonly [string, string, number]> = [
    ['name', party.name, 70],
    ['street', party.address, 70],
    ['buildingNumber', party.buildingNumber ?? '', 16],
    ['postalCode', party.zip, 16],
    ['town', party.city, 35],
  ];
  for (const [field, value, max] of limits) {
    if (value.length > max) throw new RangeError(`${caller}: ${role} ${field} is longer than ${max} characters`);
  }
  if (party.name === '' || party.zip === '' || party.city === '' || !/^[A-Z]{2}$/.test(party.country)) {
    throw new RangeError(`${caller}: ${role} needs a name, postal code, town and a two-letter country code`);
  }
  return party;
}

// Characters that pdfkit's Helvetica can show (WinAnsi) but the Swiss QR Code may not carry.
const QR_REPLACEMENTS: Readonly<Record<string, string>> = {
  '‘': "'", '’': "'", '‚': "'", '‹': "'", '›': "'", '“': '"', '”': '"', '„': '"',
  '–': '-', '—': '-', '•': '-', '…': '...', '™': 'TM', 'ƒ': 'f', '˜': '~', 'ˆ': '^',
};
const QR_EXTRAS = new Set('ŒœŠšŽžŸ€');

/**
 * Text for the QR code and the payment part: what both the code's character set (Latin, Latin-1,
 * Latin Extended-A, €) and the payment part's Helvetica can hold, on one line.
 */
function qrText(text: string): string {
  let result = '';
  for (const char of toWinAnsi(text.replace(/[\r\n\t]+/g, ' ').trim())) {
    const code = char.codePointAt(0) ?? 0;
    const allowed = (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || QR_EXTRAS.has(char);
    result += allowed ? char : (QR_REPLACEMENTS[char] ?? '?');
  }
  return result;
}

/**
 * Francs for the library, which writes `amount.toFixed(2)`: the double nearest to a two-decimal
 * number always prints back as that number, which is checked rather than trusted.
 */
function francsForQrBill(caller: string, amountRappen: number): number {
  if (!Number.isSafeInteger(amountRappen) || amountRappen < 1 || amountRappen > MAX_RAPPEN) {
    throw new RangeError(`${caller}: amountRappen must be a whole number from 1 to 99999999999`);
  }
  const francs = `${Math.trunc(amountRappen / 100)}.${String(amountRappen % 100).padStart(2, '0')}`;
  const amount = Number(francs);
  if (amount.toFixed(2) !== francs) throw new RangeError(`${caller}: amount not exactly representable`);
  return amount;
}

/** The address as a letter prints it: street and number, then postal code and town (with the country for abroad). */
export function addressLines(address: StructuredAddress): string[] {
  const street = address.buildingNumber === null ? address.street : `${address.street} ${address.buildingNumber}`;
  const place = `${address.country === 'CH' ? '' : `${address.country}-`}${address.postalCode} ${address.town}`;
  return [street, place].map(toWinAnsi);
}
