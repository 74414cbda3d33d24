import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { checkDateOfBirth, type StartApplication, type StartApplicationResult } from '../cases/start-application.ts';
import { invalidField } from '../errors/problem-error.ts';
import { CONTACT_FIELDS, DATA_STANDARD_FIELDS, type ContactDataChangeRequest } from './contact-data-request.ts';

export const CONTACT_DATA_CHANGE_SERVICE = 'contact-data-change';

/** What the case keeps and the process gets as `request` (ADM-4). */
export type ContactDataChange = {
  kind: typeof CONTACT_DATA_CHANGE_SERVICE;
  /** The fields that change: a field in `changes` with null is removed, one not listed stays. */
  fields: (typeof CONTACT_FIELDS)[number][];
  changes: { phone?: string | null; email?: string | null };
  /** The account's identity was confirmed through AGOV / e-ID: the clerk sees it in the review. */
  identityVerified: boolean;
};

export interface RequestContactDataChangeDeps {
  startApplication: StartApplication;
  /** The account's own name: a citizen changes their own contact data only. */
  nameOf(accountId: string): Promise<{ firstName: string; lastName: string }>;
  identityVerified(accountId: string): Promise<boolean>;
  now?: () => Date;
}

/**
 * Refuses, naming the field, anything in `changes` that the data standard owns (ADM-4); the
 * schema refuses every other unknown field. Runs before schema validation so that the answer
 * says why.
 */
export function refuseDataStandardFields(body: unknown): void {
  const changes = (body as { changes?: unknown } | null)?.changes;
  if (typeof changes !== 'object' || changes === null) return;
  const owned = Object.keys(changes).find((key) => (DATA_STANDARD_FIELDS as readonly string[]).includes(key));
  if (owned) {
    throw invalidField(`/body/changes/${owned}`, 'belongs to the data standard: only the residents office changes it');
  }
}

/** A phone number in E.164, Swiss numbers written the Swiss way ('079 123 45 67') included. */
export function normalisePhone(input: string): string {
  const parsed = parsePhoneNumberFromString(input, 'CH');
  if (!parsed?.isValid()) throw invalidField('/body/changes/phone', 'is not a valid phone number');
  return parsed.number;
}

function normaliseChanges(changes: ContactDataChangeRequest['changes']): ContactDataChange['changes'] {
  const normalised: ContactDataChange['changes'] = {};
  if (changes.phone !== undefined) normalised.phone = changes.phone === null ? null : normalisePhone(changes.phone);
  if (changes.email !== undefined) normalised.email = changes.email === null ? null : changes.email.trim();
  return normalised;
}

/**
 * Files a change of the contact data the municipality holds as a case of the service
 * `contact-data-change`: its process looks the person up, a clerk approves, and only then the
 * register is written (ADM-4).
 */
export function createRequestContactDataChange(deps: RequestContactDataChangeDeps) {
  return async function requestContactDataChange(
    accountId: string, request: ContactDataChangeRequest, idempotencyKey?: string,
  ): Promise<StartApplicationResult> {
    checkDateOfBirth(request.dateOfBirth, (deps.now ?? (() => new Date()))(), '/body/dateOfBirth');
    const changes = normaliseChanges(request.changes);
    const [name, identityVerified] = await Promise.all([deps.nameOf(accountId), deps.identityVerified(accountId)]);
    const fields = CONTACT_FIELDS.filter((field) => changes[field] !== undefined);
    const serviceRequest: ContactDataChange = { kind: CONTACT_DATA_CHANGE_SERVICE, fields, changes, identityVerified };
    return deps.startApplication(accountId, {
      serviceId: CONTACT_DATA_CHANGE_SERVICE,
      municipalityId: request.municipalityId,
      language: request.language,
      applicant: { firstName: name.firstName, lastName: name.lastName, dateOfBirth: request.dateOfBirth },
    }, idempotencyKey, serviceRequest);
  };
}

export type RequestContactDataChange = ReturnType<typeof createRequestContactDataChange>;
