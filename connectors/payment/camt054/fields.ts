/** Readers for the typed ISO 20022 fields of a camt.054 entry: status, indicator, dates, IBANs, references. */
import { Camt054Error } from './camt054-error.ts';
import { child, children, descendant, optionalText, requireChild, requireOwnText, requireText, type XmlNode } from './xml-node.ts';

export type CreditorReference = { readonly type: 'QRR' | 'SCOR'; readonly value: string };

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;
const DATE = /^(\d{4}-\d{2}-\d{2})/;

/** The first structured QRR or SCOR reference, without spaces; null when the payer gave none. */
export function creditorReference(transaction: XmlNode): CreditorReference | null {
  const remittance = child(transaction, 'RmtInf');
  if (remittance === undefined) return null;
  for (const structured of children(remittance, 'Strd')) {
    const info = child(structured, 'CdtrRefInf');
    const value = info === undefined ? undefined : optionalText(info, 'Ref');
    const kind = info === undefined ? undefined : descendant(info, 'Tp', 'CdOrPrtry');
    const type = kind === undefined ? undefined : (optionalText(kind, 'Prtry') ?? optionalText(kind, 'Cd'));
    if (value === undefined) continue;
    if (type === 'QRR') return { type, value: value.replace(/\s+/g, '') };
    if (type === 'SCOR') return { type, value: value.replace(/\s+/g, '').toUpperCase() };
  }
  return null;
}

/** 'BOOK', 'PDNG', 'INFO' …: plain text in .04, a Cd (or Prtry) child from .07 on. */
export function entryStatus(entry: XmlNode): string {
  const status = requireChild(entry, 'Sts');
  return optionalText(status, 'Cd') ?? optionalText(status, 'Prtry') ?? requireText(entry, 'Sts');
}

export function creditDebitIndicator(node: XmlNode): 'CRDT' | 'DBIT' {
  const indicator = requireText(node, 'CdtDbtInd');
  if (indicator !== 'CRDT' && indicator !== 'DBIT') throw invalidValue(`${node.path}/CdtDbtInd`, 'neither CRDT nor DBIT');
  return indicator;
}

export function requireDate(entry: XmlNode, name: string): string {
  const date = optionalDate(entry, name);
  if (date === null) throw new Camt054Error('missing-element', `${entry.path}/${name}/Dt`, 'required element is missing');
  return date;
}

/** A DateAndDateTime choice as 'YYYY-MM-DD': Dt, or the bank's local date of DtTm. */
export function optionalDate(entry: XmlNode, name: string): string | null {
  const holder = child(entry, name);
  if (holder === undefined) return null;
  const text = optionalText(holder, 'Dt') ?? optionalText(holder, 'DtTm');
  if (text === undefined) return null;
  const date = DATE.exec(text)?.[1];
  if (date === undefined || !isCalendarDate(date)) throw invalidValue(holder.path, 'not an ISO date');
  return date;
}

function isCalendarDate(date: string): boolean {
  const at = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(date);
}

export function readIban(node: XmlNode): string {
  const iban = requireOwnText(node).replace(/\s+/g, '');
  if (!IBAN.test(iban)) throw invalidValue(node.path, 'not an IBAN');
  return iban;
}

function invalidValue(path: string, detail: string): Camt054Error {
  return new Camt054Error('invalid-value', path, detail);
}
