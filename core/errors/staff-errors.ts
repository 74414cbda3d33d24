import { ProblemError } from './problem-error.ts';

/** The refusals of staff work (internal tasks, ADM-2), with stable codes. */
export const staffErrors = {
  /** A field of a clerk's request that does not fit their municipality or office; `text` tells the clerk in German. */
  invalidRequest: (pointer: string, detail: string, text: string) =>
    new ProblemError(400, 'invalid-request', 'Ungültige Eingabe', text, [{ pointer, detail }]),
  // A task of another municipality answers exactly like one that does not exist.
  taskNotFound: () => new ProblemError(404, 'task-not-found', 'Aufgabe nicht gefunden', 'Die Aufgabe gibt es nicht, oder sie ist nicht Ihre.'),
  taskHeldByOther: () => new ProblemError(409, 'task-held', 'Aufgabe vergeben', 'Jemand anders bearbeitet diese Aufgabe.'),
  taskWithoutCase: () => new ProblemError(409, 'task-without-case', 'Kein Vorgang', 'Diese Aufgabe gehört zu keinem Vorgang.'),
  /** The clerk must claim the task first; `detail` says for what. */
  taskNotClaimed: (detail: string) => new ProblemError(409, 'task-not-claimed', 'Aufgabe nicht übernommen', detail),
  formIncomplete: (errors: { pointer: string; detail: string }[]) =>
    new ProblemError(400, 'invalid-form', 'Formular unvollständig', 'Bitte prüfen Sie die markierten Felder.', errors),
  decisionNotPdf: () =>
    new ProblemError(400, 'invalid-document', 'Kein PDF', 'Laden Sie den Entscheid als PDF hoch.', [{ pointer: '/body', detail: 'is not a PDF document' }]),
  incidentNotFound: () => new ProblemError(404, 'incident-not-found', 'Störung nicht gefunden', 'Die Störung ist behoben oder nicht Ihre.'),
  invoiceNotFound: () => new ProblemError(404, 'invoice-not-found', 'Rechnung nicht gefunden'),
};
