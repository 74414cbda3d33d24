/**
 * Reads the bank's credit notifications (ISO 20022 camt.054, BkToCstmrDbtCdtNtfctn) into the
 * credits the payment import books against open invoices. Pure: text in, data out.
 *
 * Follows the Swiss Payment Standards' Implementation Guidelines for Cash Management
 * (camt.054.001.04 in SPS 1.7.x, and camt.054.001.08 in the later editions); any camt.054.001.xx
 * namespace is accepted because the elements read here are the same in all of them:
 * - GrpHdr/MsgId and GrpHdr/CreDtTm identify the message;
 * - Ntfctn/Acct/Id/IBAN is the credited account; Ntry/Sts is 'BOOK' (.04) or Sts/Cd 'BOOK' (.08);
 * - one credit per Ntry/NtryDtls/TxDtls (a batch booking carries several), amount from TxDtls/Amt,
 *   else TxDtls/AmtDtls/TxAmt/Amt, else Ntry/Amt when the entry holds a single transaction;
 * - RmtInf/Strd/CdtrRefInf/Ref with Tp/CdOrPrtry/Prtry 'QRR' (QR reference) or Cd 'SCOR' (ISO 11649);
 * - TxDtls/Refs/AcctSvcrRef is the bank's reference of the transaction, Ntry/AcctSvcrRef plus the
 *   transaction's position when the transactions do not carry distinct ones.
 * Debtor names, addresses and IBANs are personal data and are not read at all.
 */
import { decimalToRappen, isIsoAmount } from './camt054/amount.ts';
import { Camt054Error } from './camt054/camt054-error.ts';
import {
  creditDebitIndicator,
  creditorReference,
  entryStatus,
  optionalDate,
  readIban,
  requireDate,
  type CreditorReference,
} from './camt054/fields.ts';
import {
  attribute,
  child,
  children,
  descendant,
  optionalText,
  readNotificationRoot,
  requireChild,
  requireOwnText,
  requireText,
  type XmlNode,
} from './camt054/xml-node.ts';

export { Camt054Error, type Camt054Problem } from './camt054/camt054-error.ts';
export type { CreditorReference } from './camt054/fields.ts';

/** Where a credit was booked: the bank's references and the credited account. */
type Booking = {
  /** The bank's unique reference of the transaction: with the account, the key of an idempotent import. */
  readonly bankReference: string;
  readonly notificationId: string;
  /** Ntfctn/Acct/Id/IBAN: the account the notification is about. */
  readonly accountIban: string;
  /** TxDtls/RltdPties/CdtrAcct/Id/IBAN: the account the payer paid to (a QR-bill's QR-IBAN), when given. */
  readonly creditorAccountIban: string | null;
  /** 'YYYY-MM-DD' */
  readonly bookingDate: string;
  /** 'YYYY-MM-DD', or null when the bank gives none. */
  readonly valueDate: string | null;
  /** The creditor reference the payer gave, or null (then only a manual match is possible). */
  readonly reference: CreditorReference | null;
};

/** A CHF credit to the account. */
export type Camt054Credit = Booking & { readonly amountRappen: number };

/** A credit in another currency: listed for manual handling, never imported. */
export type Camt054UnsupportedCredit = Booking & {
  readonly currency: string;
  /** The amount as delivered, e.g. '30.00'. */
  readonly amount: string;
};

export type Camt054Notification = {
  /** GrpHdr/MsgId: the same file delivered twice has the same id. */
  readonly messageId: string;
  /** GrpHdr/CreDtTm as delivered (ISO 8601, the offset may be missing). */
  readonly createdAt: string;
  readonly credits: readonly Camt054Credit[];
  readonly unsupportedCredits: readonly Camt054UnsupportedCredit[];
  /** Transactions left out: debits, entries not booked (pending, information) and reversals. */
  readonly skipped: { readonly debits: number; readonly notBooked: number; readonly reversals: number };
};

type Account = { readonly notificationId: string; readonly accountIban: string };

type Collected = {
  credits: Camt054Credit[];
  unsupportedCredits: Camt054UnsupportedCredit[];
  skipped: { debits: number; notBooked: number; reversals: number };
  bankReferences: Set<string>;
};

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

/** Parses a camt.054 document; throws Camt054Error naming the element path for anything it cannot read. */
export function parseCamt054(xml: string): Camt054Notification {
  const root = readNotificationRoot(xml);
  const header = requireChild(root, 'GrpHdr');
  const messageId = requireText(header, 'MsgId');
  const createdAt = requireText(header, 'CreDtTm');
  if (!DATE_TIME.test(createdAt)) throw new Camt054Error('invalid-value', `${header.path}/CreDtTm`, 'not an ISO date-time');

  const collected: Collected = {
    credits: [],
    unsupportedCredits: [],
    skipped: { debits: 0, notBooked: 0, reversals: 0 },
    bankReferences: new Set(),
  };
  const notifications = children(root, 'Ntfctn');
  if (notifications.length === 0) {
    throw new Camt054Error('missing-element', `${root.path}/Ntfctn`, 'required element is missing');
  }
  for (const notification of notifications) {
    const accountIban = readIban(requireChild(requireChild(requireChild(notification, 'Acct'), 'Id'), 'IBAN'));
    const account = { notificationId: requireText(notification, 'Id'), accountIban };
    for (const entry of children(notification, 'Ntry')) readEntry(entry, account, collected);
  }
  const { credits, unsupportedCredits, skipped } = collected;
  return { messageId, createdAt, credits, unsupportedCredits, skipped };
}

function readEntry(entry: XmlNode, account: Account, collected: Collected): void {
  const transactions = children(entry, 'NtryDtls').flatMap((details) => children(details, 'TxDtls'));
  const count = Math.max(1, transactions.length);
  if (entryStatus(entry) !== 'BOOK') {
    collected.skipped.notBooked += count;
    return;
  }
  if (optionalText(entry, 'RvslInd') === 'true') {
    collected.skipped.reversals += count;
    return;
  }
  const entryIndicator = creditDebitIndicator(entry);
  const dates = { bookingDate: requireDate(entry, 'BookgDt'), valueDate: optionalDate(entry, 'ValDt') };

  if (transactions.length === 0) {
    if (entryIndicator === 'DBIT') {
      collected.skipped.debits += 1;
      return;
    }
    const booking = { ...account, ...dates, creditorAccountIban: null, reference: null };
    collect(entry, requireChild(entry, 'Amt'), requireText(entry, 'AcctSvcrRef'), booking, collected);
    return;
  }
  const bankReferenceAt = bankReferences(entry, transactions);
  transactions.forEach((transaction, index) => {
    const indicator = child(transaction, 'CdtDbtInd') ? creditDebitIndicator(transaction) : entryIndicator;
    if (indicator === 'DBIT') {
      collected.skipped.debits += 1;
      return;
    }
    const amount =
      child(transaction, 'Amt') ??
      descendant(transaction, 'AmtDtls', 'TxAmt', 'Amt') ??
      (transactions.length === 1 ? requireChild(entry, 'Amt') : requireChild(transaction, 'Amt'));
    const booking = {
      ...account,
      ...dates,
      creditorAccountIban: creditorAccountIban(transaction),
      reference: creditorReference(transaction),
    };
    collect(transaction, amount, bankReferenceAt(index), booking, collected);
  });
}

function collect(
  at: XmlNode,
  amountNode: XmlNode,
  bankReference: string,
  booking: Omit<Booking, 'bankReference'>,
  collected: Collected,
): void {
  if (collected.bankReferences.has(bankReference)) {
    throw new Camt054Error('duplicate-reference', at.path, 'bank reference occurs twice in the document');
  }
  collected.bankReferences.add(bankReference);
  const currency = attribute(amountNode, 'Ccy');
  if (currency === undefined) throw new Camt054Error('missing-element', `${amountNode.path}/@Ccy`, 'currency is missing');
  const amount = requireOwnText(amountNode);
  if (!isIsoAmount(amount)) throw new Camt054Error('invalid-value', amountNode.path, 'not an ISO 20022 amount');
  const credit = { ...booking, bankReference };
  if (currency !== 'CHF') {
    collected.unsupportedCredits.push({ ...credit, currency, amount });
    return;
  }
  const amountRappen = decimalToRappen(amount);
  if (amountRappen === undefined) throw new Camt054Error('invalid-value', amountNode.path, 'not a whole number of Rappen');
  collected.credits.push({ ...credit, amountRappen });
}

/**
 * The transactions' own AcctSvcrRef when each has a distinct one; otherwise the entry's plus the
 * position, for all of them, so that the same file always yields the same keys.
 */
function bankReferences(entry: XmlNode, transactions: readonly XmlNode[]): (index: number) => string {
  const own = transactions.map((transaction) => {
    const refs = child(transaction, 'Refs');
    return refs === undefined ? undefined : optionalText(refs, 'AcctSvcrRef');
  });
  const distinct = own.every((reference) => reference !== undefined) && new Set(own).size === own.length;
  return (index) => (distinct ? own[index] : undefined) ?? `${requireText(entry, 'AcctSvcrRef')}#${index + 1}`;
}

function creditorAccountIban(transaction: XmlNode): string | null {
  const node = descendant(transaction, 'RltdPties', 'CdtrAcct', 'Id', 'IBAN');
  return node === undefined ? null : readIban(node);
}
