import { ProblemError } from './problem-error.ts';

/** The refusals of applications and cases, with stable codes that clients and tests rely on. */
export const caseErrors = {
  // Another citizen's case answers exactly like a missing one.
  notFound: () => new ProblemError(404, 'case-not-found', 'Vorgang nicht gefunden'),
  noOpenQuestion: () => new ProblemError(409, 'no-open-question', 'Keine offene Rückfrage', 'Zu diesem Vorgang ist keine Rückfrage offen.'),
  alreadyAnswered: () => new ProblemError(409, 'already-answered', 'Bereits beantwortet', 'Sie haben diese Rückfrage bereits beantwortet.'),
  paymentMethodNotOffered: (detail: string, field: string) =>
    new ProblemError(422, 'payment-method-not-offered', 'Zahlungsart nicht angeboten', detail, [{ pointer: '/body/paymentMethod', detail: field }]),
  idempotencyKeyReused: () =>
    new ProblemError(422, 'idempotency-key-reused', 'Idempotency-Key bereits verwendet', 'This Idempotency-Key was used for a different application.'),
  municipalityNotParticipating: (municipality: string) =>
    new ProblemError(422, 'municipality-not-participating', 'Gemeinde nimmt nicht teil',
      `${municipality} does not offer services on this portal.`, [{ pointer: '/body/municipalityId', detail: 'does not take part in the portal' }]),
  serviceNotOffered: (municipality: string, serviceId: string) =>
    new ProblemError(422, 'service-not-offered', 'Dienst nicht angeboten',
      `${municipality} does not offer ${serviceId}.`, [{ pointer: '/body/serviceId', detail: 'is not offered by this municipality' }]),
  // Another citizen's document answers exactly like a missing one.
  documentNotFound: () => new ProblemError(404, 'document-not-found', 'Dokument nicht gefunden'),
  /** A municipality the catalogue does not know; with `pointer`, the field that named it. */
  municipalityNotFound: (pointer?: string) =>
    new ProblemError(404, 'municipality-not-found', 'Gemeinde nicht gefunden', undefined, pointer ? [{ pointer, detail: 'is not a known municipality' }] : undefined),
  /** The application's data does not fill in the service's start form as it asks: each field named. */
  applicationDataInvalid: (errors: { pointer: string; detail: string }[]) =>
    new ProblemError(400, 'validation', 'Die Anfrage ist ungültig.', errors.map((e) => `${e.pointer}: ${e.detail}`).join('; '), errors),
  /** The municipality's register does not know the person by the name and date of birth the form gives. */
  personNotInRegister: () =>
    new ProblemError(422, 'person-not-in-register', 'Person nicht gefunden',
      'Die Gemeinde findet Sie mit diesem Namen und Geburtsdatum nicht in ihrem Register.', [{ pointer: '/body/data/applicant/dateOfBirth', detail: 'names no person in the municipality\'s register' }]),
  /** What the form offers could not be read from the back office; nothing was stored. */
  backOfficeUnavailable: (cause: unknown) =>
    new ProblemError(503, 'back-office-unavailable', 'Dienst vorübergehend nicht verfügbar',
      'Die Angaben der Gemeinde konnten nicht gelesen werden; es wurde nichts gespeichert. Bitte versuchen Sie es später noch einmal.', undefined, { cause }),
  startFormNotFound: (serviceId: string) =>
    new ProblemError(404, 'start-form-not-found', 'Formular nicht gefunden', `Zum Dienst "${serviceId}" gibt es kein Bestellformular.`,
      [{ pointer: '/params/id', detail: 'is no service with a start form' }]),
  concurrentSubmit: () =>
    new ProblemError(409, 'concurrent-submit', 'Gleichzeitige Übermittlung', 'The same application is being submitted concurrently; please retry.'),
};
