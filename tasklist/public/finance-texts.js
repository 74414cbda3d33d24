import { textsByLanguage } from '../../browser-shared/texts.js';

// The finance view's texts in German, which is complete; the other languages fall back to them.
/** "1 Rechnung", "3 Rechnungen". @param {number} n @param {string} one @param {string} many */
const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;

const de = {
  title: 'Finanzen',
  intro: 'Bezahlte Dienste, Kontoauszüge der Bank und offene Rechnungen Ihrer Gemeinde.',
  notFinance: 'Diese Ansicht ist der Finanzabteilung vorbehalten.',
  municipality: 'Gemeinde',
  loadFailed: 'Die Daten konnten nicht geladen werden.',

  reportTitle: 'Bezahlte Dienste',
  reportIntro: 'Jede Zahlung des Zeitraums mit Dienst, Betrag, Zahlungsart, Konto und Buchungstext. Der Zeitraum umfasst höchstens 366 Tage (nach Schweizer Zeit).',
  from: 'Von',
  to: 'Bis und mit',
  downloadCsv: 'CSV herunterladen',
  downloadXlsx: 'Excel herunterladen (XLSX)',
  /** @param {string} fileName */
  downloaded: (fileName) => `Die Liste «${fileName}» ist heruntergeladen.`,
  reportRefused: 'Die Liste wurde nicht erstellt. Bitte korrigieren Sie:',
  reportFailed: 'Die Liste konnte nicht erstellt werden.',
  fromMissing: 'Bitte geben Sie den ersten Tag ein.',
  toMissing: 'Bitte geben Sie den letzten Tag ein.',
  incompleteDate: 'Bitte geben Sie ein vollständiges Datum ein.',
  toBeforeFrom: 'Der letzte Tag darf nicht vor dem ersten liegen.',
  tooLong: 'Der Zeitraum darf höchstens 366 Tage umfassen.',

  statementTitle: 'Kontoauszug einlesen (camt.054)',
  statementIntro: 'Eine Gutschrift mit der Referenz und dem Betrag einer offenen Rechnung begleicht diese. Die übrigen bleiben zur Abklärung unten stehen. Eine Datei zweimal einzulesen ändert nichts.',
  statementFile: 'Datei der Bank (camt.054, XML)',
  statementSubmit: 'Kontoauszug einlesen',
  statementMissing: 'Bitte wählen Sie die Datei der Bank.',
  statementUnreadable: 'Die Datei ist keine lesbare camt.054-Meldung.',
  statementRefused: 'Der Kontoauszug wurde nicht eingelesen. Bitte korrigieren Sie:',
  statementFailed: 'Der Kontoauszug konnte nicht eingelesen werden.',
  /** @param {string} fileName */
  statementResultTitle: (fileName) => `Ergebnis: ${fileName}`,
  statementImported: 'Neue Gutschriften',
  statementSettled: 'Rechnungen beglichen',
  statementUnmatched: 'Nicht zugeordnet',
  statementAlreadyImported: 'Schon früher eingelesen',
  statementUnsupported: 'Nicht in CHF (von Hand zu buchen)',
  /** @param {import('./finance-api.js').StatementResult} r */
  statementDone: (r) => `Kontoauszug eingelesen: ${count(r.imported, 'neue Gutschrift', 'neue Gutschriften')}, ${count(r.settled, 'Rechnung', 'Rechnungen')} beglichen, ${r.unmatched} nicht zugeordnet.`,

  unmatchedTitle: 'Nicht zugeordnete Gutschriften',
  unmatchedNone: 'Keine Gutschriften zur Abklärung.',
  /** @param {number} n */
  unmatchedCaption: (n) => `Nicht zugeordnete Gutschriften: ${n}`,
  bookedOn: 'Gebucht am',
  amount: 'Betrag',
  creditorReference: 'Referenz',
  bankReference: 'Bankreferenz',
  account: 'Konto',
  noReference: 'keine',
  newlyImported: 'neu',

  invoicesTitle: 'Offene Rechnungen',
  invoicesNone: 'Keine offenen Rechnungen.',
  /** @param {number} n */
  invoicesCaption: (n) => `Offene Rechnungen: ${n}`,
  caseNumber: 'Fall',
  dueOn: 'Fällig am',
  overdue: 'überfällig',
};

/** The texts of `language`, German where a text is missing. */
export const textsFor = textsByLanguage(de);
