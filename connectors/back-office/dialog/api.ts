/**
 * The Dialog resident register API, version 1, as this adapter uses it. The simulator serves the
 * same contract, so these schemas are the single description of it.
 *
 * Authentication: header `X-Api-Key: <key>`; 401 with a problem body when missing or wrong.
 * Tracing: the adapter sends `X-Correlation-Id`; Dialog echoes it into its own logs.
 * Errors: `application/problem+json` bodies (RFC 9457) with a `type` URN from `DialogProblemType`.
 *
 * `POST /api/v1/municipalities/{bfs}/residents/search`
 *   Body `DialogSearchRequest`: either { officialName, firstName, dateOfBirth } or { vn }.
 *   A POST so that names, dates of birth and AHV numbers never appear in URLs, and so never in
 *   access logs or proxies. Names match case-insensitively and exactly, dates exactly.
 *   200 `DialogSearchResponse`: all matching persons of the register, current and former
 *   residents; an empty list when nobody matches.
 *   400 invalid body, 401 bad key, 404 `municipality-not-found`.
 *
 * `GET /api/v1/municipalities/{bfs}/residents/{id}/residence`
 *   200 `DialogResidence`: the person's residence in that municipality.
 *   401 bad key, 404 `resident-not-found` or `municipality-not-found`.
 *
 * Codes follow eCH-0011: `typeOfResidence` 1 = main (Hauptwohnsitz), 2 = secondary
 * (Nebenwohnsitz); `dataLock` 0 = none, 1 = address lock (Adresssperre), 2 = disclosure lock
 * (Auskunftssperre). Dialog reports only these values through this API.
 */
import { Type, type Static } from '@sinclair/typebox';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Name = Type.String({ minLength: 1, maxLength: 100 });

export const DialogProblemType = {
  residentNotFound: 'urn:dialog:problem:resident-not-found',
  municipalityNotFound: 'urn:dialog:problem:municipality-not-found',
  unauthorized: 'urn:dialog:problem:unauthorized',
  invalidRequest: 'urn:dialog:problem:invalid-request',
  unavailable: 'urn:dialog:problem:service-unavailable',
} as const;

export const DialogProblem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.Optional(Type.String()),
});
export type DialogProblem = Static<typeof DialogProblem>;

export const DialogSearchByName = Type.Object(
  { officialName: Name, firstName: Name, dateOfBirth: IsoDate },
  { additionalProperties: false },
);
export const DialogSearchByVn = Type.Object(
  { vn: Type.String({ pattern: '^756\\d{10}$' }) },
  { additionalProperties: false },
);
export const DialogSearchRequest = Type.Union([DialogSearchByName, DialogSearchByVn]);
export type DialogSearchRequest = Static<typeof DialogSearchRequest>;

export const DialogPerson = Type.Object({
  id: Type.String({ minLength: 1 }),
  officialName: Name,
  firstName: Name,
  dateOfBirth: IsoDate,
});
export type DialogPerson = Static<typeof DialogPerson>;

export const DialogSearchResponse = Type.Object({
  persons: Type.Array(DialogPerson),
});
export type DialogSearchResponse = Static<typeof DialogSearchResponse>;

export const DialogResidence = Type.Object({
  personId: Type.String({ minLength: 1 }),
  typeOfResidence: Type.Union([Type.Literal(1), Type.Literal(2)]),
  arrivalDate: IsoDate,
  departureDate: Type.Union([IsoDate, Type.Null()]),
  municipality: Type.Object({
    bfsNumber: Type.Integer({ minimum: 1, maximum: 9999 }),
    name: Type.String({ minLength: 1 }),
  }),
  dwellingAddress: Type.Object({
    street: Type.String({ minLength: 1 }),
    houseNumber: Type.Union([Type.String(), Type.Null()]),
    swissZipCode: Type.String({ pattern: '^\\d{4}$' }),
    town: Type.String({ minLength: 1 }),
  }),
  dataLock: Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)]),
});
export type DialogResidence = Static<typeof DialogResidence>;

export const dialogPaths = {
  searchResidents: (bfs: number) => `/api/v1/municipalities/${bfs}/residents/search`,
  residence: (bfs: number, personId: string) =>
    `/api/v1/municipalities/${bfs}/residents/${encodeURIComponent(personId)}/residence`,
} as const;
