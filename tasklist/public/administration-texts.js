import { textsByLanguage } from '../../browser-shared/texts.js';

// The administrators' view in German, which is complete; the other languages fall back to it.

/**
 * The API's details of a refused field (English, as every pointer's), in the administrator's words.
 * @type {Array<[RegExp, (match: RegExpExecArray) => string]>}
 */
const fieldRefusals = [
  [/^must be at least (.+)$/, (m) => `Der Wert muss mindestens ${m[1]} betragen.`],
  [/^must be at most (.+)$/, (m) => `Der Wert darf höchstens ${m[1]} betragen.`],
  [/^must be a whole number$/, () => 'Bitte geben Sie eine ganze Zahl ein.'],
  [/^must be a number$/, () => 'Bitte geben Sie eine Zahl ein.'],
  [/^must be true or false$/, () => 'Bitte wählen Sie Ja oder Nein.'],
  [/^is longer than (\d+) characters$/, (m) => `Bitte geben Sie höchstens ${m[1]} Zeichen ein.`],
  [/^must NOT have more than (\d+) characters$/, (m) => `Bitte geben Sie höchstens ${m[1]} Zeichen ein.`],
  [/^is not a setting of this service$/, () => 'Diese Einstellung kennt der Dienst nicht.'],
  [/^is required to offer the service$/, () => 'Um den Dienst anzubieten, ist diese Angabe nötig.'],
  [/^is required for a service with a fee$/, () => 'Für einen Dienst mit Gebühr ist diese Angabe nötig.'],
  [/^is not a group of this municipality/, () => 'Diese Gruppe gehört nicht zu Ihrer Gemeinde.'],
  [/^must match pattern/, () => 'Die Eingabe hat nicht das erwartete Format.'],
  [/^the service's package allows no payment/, () => 'Dieser Dienst ist kostenlos: Die Gebühr muss 0 sein.'],
  [/^could not be paid/, () => 'Die Gebühr könnte nicht bezahlt werden: Ihre Gemeinde hat keine Online-Zahlung, und Rechnungen sind nicht erlaubt.'],
  [/^a service free of charge is not invoiced$/, () => 'Ein kostenloser Dienst wird nicht in Rechnung gestellt.'],
  [/^the service's package does not allow payment by invoice$/, () => 'Dieser Dienst kann nicht auf Rechnung bezahlt werden.'],
  [/^the municipality has no creditor for QR-bills$/, () => 'Ihre Gemeinde hat keinen Rechnungssteller für QR-Rechnungen.'],
];

const de = {
  title: 'Gemeinde-Einstellungen',
  intro: 'Welche Dienste Ihre Gemeinde anbietet und wie: Gebühr, Konto, Buchungstext, Rechnung und die Einstellungen jedes Dienstes. Jede Änderung wird mit Ihrem Namen festgehalten.',
  notAdministrator: 'Diese Ansicht ist der Administration Ihrer Gemeinde vorbehalten.',
  loadFailed: 'Die Einstellungen konnten nicht geladen werden.',
  /** @param {string} name @param {number} bfsNumber */
  municipality: (name, bfsNumber) => `Gemeinde ${name} (BFS-Nr. ${bfsNumber})`,

  paymentTitle: 'Zahlung und Fachanwendung',
  online: 'Online-Zahlung (Payrexx)',
  /** @param {string} instance */
  onlineSetUp: (instance) => `eingerichtet (Instanz ${instance})`,
  onlineMissing: 'nicht eingerichtet',
  creditor: 'Rechnungssteller (QR-Rechnung)',
  creditorMissing: 'keiner: Rechnungen sind nicht möglich',
  qrIban: 'QR-IBAN',
  iban: 'IBAN',
  backOffice: 'Fachanwendung',

  servicesTitle: 'Dienste',
  offered: 'Angeboten',
  notOffered: 'nicht angeboten',
  free: 'kostenlos',
  fee: 'Gebühr (CHF)',
  feeNote: 'Zum Beispiel 20.00; 0 für einen kostenlosen Dienst.',
  paymentAccount: 'Konto',
  paymentAccountNote: 'Das Ertragskonto der Gebühr, z. B. 4001-4260.01.',
  bookingText: 'Buchungstext',
  bookingTextNote: 'Höchstens 80 Zeichen.',
  invoiceAllowed: 'Bezahlung auf Rechnung erlaubt',
  invoiceNotByPackage: 'Dieser Dienst kann nicht auf Rechnung bezahlt werden.',
  invoiceNoCreditor: 'Ohne Rechnungssteller sind keine Rechnungen möglich.',
  candidateGroup: 'Zuständige Gruppe',
  /** @param {number} bfsNumber */
  candidateGroupNote: (bfsNumber) => `Die Gruppe der Sachbearbeitung, die prüft, z. B. ${bfsNumber}-einwohnerkontrolle.`,
  settingsTitle: 'Einstellungen des Dienstes',
  /** @param {string} shown the default as shown */
  settingDefault: (shown) => `Leer lassen für den Standard: ${shown}.`,
  /** @param {number | undefined} minimum @param {number | undefined} maximum */
  settingBounds: (minimum, maximum) => (minimum !== undefined && maximum !== undefined ? ` Erlaubt: ${minimum} bis ${maximum}.`
    : minimum !== undefined ? ` Mindestens ${minimum}.` : maximum !== undefined ? ` Höchstens ${maximum}.` : ''),
  /** @param {string} shown */
  settingStandard: (shown) => `Standard (${shown})`,
  yes: 'Ja',
  no: 'Nein',
  homepageLink: 'Adresse für Ihre Homepage',
  save: 'Speichern',
  /** @param {string} service */
  saved: (service) => `«${service}» ist gespeichert.`,
  /** @param {string} service */
  refused: (service) => `«${service}» wurde nicht gespeichert. Bitte korrigieren Sie:`,
  saveFailed: 'Die Einstellungen konnten nicht gespeichert werden.',

  feeInvalid: 'Bitte geben Sie einen Betrag in Franken ein, z. B. 20.00.',
  required: 'Für einen Dienst mit Gebühr ist diese Angabe nötig.',
  candidateGroupInvalid: 'Bitte geben Sie eine Gruppe wie 4001-einwohnerkontrolle ein.',
  tooLong: 'Bitte geben Sie höchstens 80 Zeichen ein.',
  wholeNumber: 'Bitte geben Sie eine ganze Zahl ein.',
  number: 'Bitte geben Sie eine Zahl ein.',
  /** @param {number} minimum */
  atLeast: (minimum) => `Der Wert muss mindestens ${minimum} betragen.`,
  /** @param {number} maximum */
  atMost: (maximum) => `Der Wert darf höchstens ${maximum} betragen.`,

  historyTitle: 'Änderungen',
  historyNone: 'Noch keine Änderungen.',
  /** @param {number} n */
  historyCaption: (n) => `Die letzten Änderungen: ${n}`,
  changedAt: 'Zeitpunkt',
  changedBy: 'Wer',
  subject: 'Was',
  before: 'Vorher',
  after: 'Nachher',
  /** @param {string} service */
  subjectOffering: (service) => `Dienst «${service}»`,
  subjectCreditor: 'Rechnungssteller',
  subjectBackOffice: 'Fachanwendung',
  none: 'nicht angeboten',
  noCreditor: 'keiner',
  account: 'Konto',
  group: 'Gruppe',
  invoice: 'Rechnung',

  /**
   * The administrator's words for the API's detail of a refused field.
   * @param {string} detail
   */
  fieldRefusal(detail) {
    for (const [pattern, german] of fieldRefusals) {
      const match = pattern.exec(detail);
      if (match) return german(match);
    }
    return 'Bitte prüfen Sie diese Angabe.';
  },
};

/** The texts of `language`, German where a text is missing. */
export const textsFor = textsByLanguage(de);

/** @typedef {ReturnType<typeof textsFor>} AdministrationTexts */
