import { ProblemError } from './problem-error.ts';

/** A field of a configuration change and why it was refused (detail in English, as every pointer's). */
export interface ConfigurationFieldProblem {
  pointer: string;
  detail: string;
}

/** The refusals of a municipality's configuration by its administrator (ADM-3), with stable codes. */
export const configurationErrors = {
  /** Values that do not fit together or not the service's package; every refused field is named. */
  invalidConfiguration: (errors: ConfigurationFieldProblem[]) =>
    new ProblemError(400, 'invalid-configuration', 'Ungültige Einstellungen', 'Bitte prüfen Sie die markierten Angaben.', errors),
  serviceNotFound: (serviceId: string) =>
    new ProblemError(404, 'service-not-found', 'Dienst nicht gefunden', `Einen Dienst «${serviceId}» gibt es auf der Plattform nicht.`,
      [{ pointer: '/params/serviceId', detail: 'is not a registered service' }]),
  /** The installation has no endpoint of that vendor's back office to connect the municipality to. */
  backOfficeNotConnected: (vendor: string) =>
    new ProblemError(409, 'back-office-not-connected', 'Fachanwendung nicht angebunden',
      `Die Plattform ist mit der Fachanwendung «${vendor}» noch nicht verbunden. Bitte wenden Sie sich an den Betrieb.`,
      [{ pointer: '/body/backOfficeVendor', detail: 'has no endpoint on this installation' }]),
};
