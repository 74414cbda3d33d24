import { ProblemError } from './problem-error.ts';

/** The refusals of organisations and invitations, with stable codes that clients and tests rely on. */
export const organisationErrors = {
  // A non-member learns nothing, not even that the organisation exists.
  notFound: () => new ProblemError(404, 'organisation-not-found', 'Organisation nicht gefunden'),
  managerRequired: () =>
    new ProblemError(403, 'organisation-manager-required', 'Nur Organisationsverantwortliche dürfen das.',
      'Only the organisation\'s managers may invite, remove members, change roles or edit the organisation.'),
  memberNotFound: () =>
    new ProblemError(404, 'member-not-found', 'Mitglied nicht gefunden', '/params/accountId: is not a member of this organisation',
      [{ pointer: '/params/accountId', detail: 'is not a member of this organisation' }]),
  lastManager: (pointer: string) =>
    new ProblemError(409, 'last-manager', 'Die Organisation braucht mindestens eine verantwortliche Person.',
      `${pointer}: is the last manager; designate another manager first`, [{ pointer, detail: 'is the last manager; designate another manager first' }]),
  inviteeMissing: () =>
    new ProblemError(400, 'validation', 'Die Anfrage ist ungültig.', '/body: give either email or kontoId',
      [{ pointer: '/body/email', detail: 'give either email or kontoId' }, { pointer: '/body/kontoId', detail: 'give either email or kontoId' }]),
  inviteeTwice: () =>
    new ProblemError(400, 'validation', 'Die Anfrage ist ungültig.', '/body: give email or kontoId, not both',
      [{ pointer: '/body/kontoId', detail: 'give email or kontoId, not both' }]),
  kontoIdInvalid: () =>
    new ProblemError(400, 'validation', 'Die Anfrage ist ungültig.', '/body/kontoId: is not a Konto-ID (12 digits, the last a check digit)',
      [{ pointer: '/body/kontoId', detail: 'is not a Konto-ID (12 digits, the last a check digit)' }]),
  invitationNotFound: () => new ProblemError(404, 'invitation-not-found', 'Einladung nicht gefunden'),
  invitationAnswered: () =>
    new ProblemError(409, 'invitation-answered', 'Die Einladung wurde schon beantwortet oder zurückgezogen.'),
  invitationExpired: () =>
    new ProblemError(410, 'invitation-expired', 'Die Einladung ist abgelaufen.', 'Ask a manager of the organisation for a new invitation.'),
  linkInvalid: () =>
    new ProblemError(400, 'link-invalid', 'Der Link ist ungültig oder wurde schon verwendet.', '/body/token: unknown or already used',
      [{ pointer: '/body/token', detail: 'unknown or already used' }]),
  linkExpired: () =>
    new ProblemError(410, 'link-expired', 'Der Link ist abgelaufen.', '/body/token: expired; ask for a new invitation',
      [{ pointer: '/body/token', detail: 'expired' }]),
  invitationForAnotherAccount: () =>
    new ProblemError(403, 'invitation-for-another-account', 'Diese Einladung gilt einem anderen Konto.',
      'The invitation names another Konto-ID; log in with that account to accept it.'),
  tooManyInvitations: () =>
    new ProblemError(429, 'too-many-invitations', 'Zu viele Einladungen. Bitte versuchen Sie es später wieder.',
      'An account may send a limited number of invitations per hour.'),
  alreadyMember: () => new ProblemError(409, 'already-member', 'Sie sind bereits Mitglied dieser Organisation.'),
  serviceNeedsOrganisation: (service: string) =>
    new ProblemError(422, 'service-needs-organisation', 'Dieser Dienst steht nur Organisationen offen.',
      `${service} is available only through an organisation.`, [{ pointer: '/body/organisationId', detail: 'required: this service is available only through an organisation' }]),
  servicePersonalOnly: (service: string) =>
    new ProblemError(422, 'service-personal-only', 'Dieser Dienst steht nur Personen offen.',
      `${service} is available only personally.`, [{ pointer: '/body/organisationId', detail: 'this service is available only personally; leave it out' }]),
  // Also for an organisation that does not exist: the answer does not tell which.
  notOrganisationMember: () =>
    new ProblemError(403, 'not-organisation-member', 'Sie sind nicht Mitglied dieser Organisation.',
      '/body/organisationId: you are not a member of this organisation', [{ pointer: '/body/organisationId', detail: 'you are not a member of this organisation' }]),
};
