import { textsByLanguage } from '../../browser-shared/texts.js';

// The modeller's texts in German, which is complete; the other languages fall back to them.
const de = {
  servicesTitle: 'Dienste und ihre Prozesse',
  servicesIntro: 'Wählen Sie einen Dienst, um sein Diagramm und seine Formulare zu bearbeiten, zu prüfen und bereitzustellen.',
  service: 'Dienst',
  processId: 'Prozess-ID',
  versions: 'Bereitgestellte Versionen (laufende Fälle)',
  draft: 'Entwurf',
  noDraft: 'kein Entwurf',
  open: 'Öffnen',
  /** @param {number} n */
  running: (n) => (n === 1 ? '1 laufend' : `${n} laufend`),
  /** @param {number} v */
  version: (v) => `Version ${v}`,
  /** @param {{ revision: number, authorName: string }} d */
  draftBy: (d) => `Stand ${d.revision}, von ${d.authorName}`,
  back: 'Zurück zu den Diensten',
  diagramTab: 'Diagramm',
  formsTab: 'Formulare',
  save: 'Entwurf speichern',
  compare: 'Mit bereitgestellter Version vergleichen',
  deploy: 'Bereitstellen',
  simulate: 'Pfade durchspielen',
  simulateOff: 'Durchspielen beenden',
  exportFile: 'BPMN herunterladen',
  importFile: 'BPMN-Datei öffnen',
  lintTitle: 'Prüfung',
  lintOk: 'Prüfung bestanden: keine Fehler.',
  /** @param {number} errors @param {number} warnings */
  lintErrors: (errors, warnings) => `${errors} Fehler, ${warnings} Warnungen.`,
  /** @param {number} warnings */
  lintWarnings: (warnings) => `Keine Fehler, ${warnings} Warnungen.`,
  /** @param {number} revision */
  saved: (revision) => `Entwurf gespeichert (Stand ${revision}).`,
  /** @param {number} version */
  deployed: (version) => `Version ${version} ist bereitgestellt. Neue Bestellungen laufen darauf; laufende Fälle behalten ihre Version.`,
  notDeployedLint: 'Nicht bereitgestellt: Das Diagramm hat Fehler.',
  mayNotDeploy: 'Sie können ansehen und durchspielen; speichern und bereitstellen dürfen nur Prozessmodellierende.',
  /** @param {number} v */
  changesTitle: (v) => `Änderungen gegenüber Version ${v}`,
  noChanges: 'Keine Änderungen.',
  change: { added: 'hinzugefügt', removed: 'entfernt', changed: 'geändert', moved: 'verschoben' },
  element: 'Element',
  kind: 'Art',
  what: 'Änderung',
  properties: 'Eigenschaften',
  propertiesChanged: 'Eigenschaften (Aufgabentyp, Zuordnungen, …) geändert',
  versionsTitle: 'Versionen',
  /** @param {string} who @param {string} when */
  deployedByOn: (who, when) => `bereitgestellt von ${who}, ${when}`,
  fromRepository: 'aus dem Repository',
  chooseTemplate: 'Vorlage der Plattform wählen',
  /** @param {string} name */
  templateApplied: (name) => `Vorlage «${name}» angewendet.`,
  templateHelp: 'Eine Vorlage macht aus der Aufgabe einen Anschluss der Plattform: Aufgabentyp und Felder kommen aus der Vorlage.',
  templateHint: 'Vorlagen: Aufgabe wählen, dann unter «Vorlage» auf «Auswählen».',
  noTemplates: 'Für dieses Element gibt es keine Vorlage.',
  otherTemplates: 'Weitere',
  cancel: 'Abbrechen',
  /** @param {string} id */
  formFor: (id) => `Formular ${id}`,
  noForms: 'Das Diagramm verweist auf kein Formular.',
  formsLoading: 'Der Formular-Editor wird geladen …',
  loadFailed: 'Die Daten konnten nicht geladen werden.',
  unsaved: 'Ungespeicherte Änderungen',
  staleDraft: 'Der Entwurf wurde inzwischen geändert.',
  simulationNote: 'Durchspielen bewegt Marken durch das Diagramm im Browser; es startet nichts in der Engine.',
  /** @param {number} v */
  openedVersion: (v) => `Version ${v} geöffnet.`,
  /** @param {{ revision: number, authorName: string }} d */
  openedDraft: (d) => `Entwurf geöffnet (Stand ${d.revision}, von ${d.authorName}).`,
  canvasLabel: 'BPMN-Diagramm',
  propertiesLabel: 'Eigenschaften des gewählten Elements',
};

/** The texts of `language`, German where a text is missing. */
export const textsFor = textsByLanguage(de);

/** @typedef {typeof de} Texts */

/**
 * bpmn-js and its properties panel speak English; these are the texts a modeller sees most.
 * @type {Record<string, string>}
 */
export const bpmnJsGerman = {
  'Activate hand tool': 'Hand-Werkzeug',
  'Activate lasso tool': 'Lasso-Werkzeug',
  'Activate create/remove space tool': 'Platz schaffen oder entfernen',
  'Activate global connect tool': 'Verbinden',
  'Create start event': 'Startereignis anlegen',
  'Create end event': 'Endereignis anlegen',
  'Create task': 'Aufgabe anlegen',
  'Create gateway': 'Gateway anlegen',
  'Create intermediate/boundary event': 'Zwischenereignis anlegen',
  'Create expanded sub-process': 'Teilprozess anlegen',
  'Create data object reference': 'Datenobjekt anlegen',
  'Create data store reference': 'Datenspeicher anlegen',
  'Create pool/participant': 'Pool anlegen',
  'Create group': 'Gruppe anlegen',
  'Append task': 'Aufgabe anhängen',
  'Append end event': 'Endereignis anhängen',
  'Append gateway': 'Gateway anhängen',
  'Append intermediate/boundary event': 'Zwischenereignis anhängen',
  'Change type': 'Typ ändern',
  'Connect using Sequence/MessageFlow or Association': 'Verbinden',
  'Delete': 'Löschen',
  'Add text annotation': 'Anmerkung hinzufügen',
  General: 'Allgemein',
  Name: 'Name',
  ID: 'ID',
  Documentation: 'Dokumentation',
  'Element documentation': 'Dokumentation des Elements',
  'Task definition': 'Aufgabendefinition',
  Type: 'Typ',
  Retries: 'Wiederholungen',
  Inputs: 'Eingaben',
  'Input mapping': 'Eingaben',
  'Output mapping': 'Ausgaben',
  Outputs: 'Ausgaben',
  Headers: 'Kopfzeilen',
  'Extension properties': 'Erweiterte Eigenschaften',
  Form: 'Formular',
  Assignment: 'Zuweisung',
  'Candidate groups': 'Kandidatengruppen',
  Condition: 'Bedingung',
  'Condition expression': 'Bedingungsausdruck',
  Timer: 'Zeitgeber',
  Message: 'Nachricht',
  'Correlation key': 'Korrelationsschlüssel',
  Error: 'Fehler',
  'Execution listeners': 'Ausführungs-Listener',
  'Multi-instance': 'Mehrfachinstanz',
  'Process variable name': 'Name der Prozessvariablen',
  'Local variable name': 'Name der lokalen Variablen',
  'Variable assignment value': 'Zugewiesener Wert',
  // bpmn-js-bpmnlint's button on the canvas
  '{errors} Errors, {warnings} Warnings': '{errors} Fehler, {warnings} Warnungen',
  'No Issues': 'Keine Befunde',
  'Toggle linting overlays': 'Prüfbefunde im Diagramm ein- oder ausblenden',
  'Issues for child elements': 'Befunde untergeordneter Elemente',
  // token simulation's switch (see translated-toggle-mode.js)
  'Token Simulation': 'Pfade durchspielen',
  // bpmn-js-element-templates in the properties panel
  Template: 'Vorlage',
  Select: 'Auswählen',
  Applied: 'Angewendet',
  Change: 'Ändern',
  Unlink: 'Verknüpfung lösen',
  Remove: 'Entfernen',
  Update: 'Aktualisieren',
  'Update available': 'Neue Version',
  'A new version of the template is available: {templateVersion}': 'Eine neue Version der Vorlage ist verfügbar: {templateVersion}',
  'A version of this template is available that supports your environment: {templateVersion}': 'Eine Version der Vorlage für diese Umgebung ist verfügbar: {templateVersion}',
  'Not found': 'Nicht gefunden',
  'The template applied was not found. Therefore, its properties cannot be shown. Unlink to access the data.':
    'Die angewendete Vorlage ist unbekannt, ihre Felder können nicht angezeigt werden. Lösen Sie die Verknüpfung, um die Daten zu bearbeiten.',
  Incompatible: 'Nicht kompatibel',
  Deprecated: 'Veraltet',
  'This template is deprecated.': 'Diese Vorlage ist veraltet.',
  Description: 'Beschreibung',
  'Must not be empty.': 'Darf nicht leer sein.',
  '{label} must not be empty.': '{label} darf nicht leer sein.',
  'Must match pattern {pattern}.': 'Muss dem Muster {pattern} entsprechen.',
  '{label} must match pattern {pattern}.': '{label} muss dem Muster {pattern} entsprechen.',
  'Cannot exceed {maxLength} characters.': 'Höchstens {maxLength} Zeichen.',
  'Must be at least {minLength} characters.': 'Mindestens {minLength} Zeichen.',
  '<none>': '<keine>',
};
