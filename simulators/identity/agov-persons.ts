/**
 * The persons of the development stand-in for AGOV (the federal login service, which also carries
 * the Swiss e-ID): who may log in there, and the claims AGOV releases about them. No passwords
 * here; whoever starts the provider adds them.
 */
import type { PersonAccount } from './staff-accounts.ts';

/** The scope that releases AGOV's assurance level (`loa`): 'loa-100' self-declared … 'loa-400' e-ID. */
export const AGOV_SCOPE = 'agov';

/** Which claims each scope releases at the AGOV stand-in. */
export const AGOV_CLAIMS_BY_SCOPE = {
  openid: ['sub'],
  profile: ['given_name', 'family_name', 'birthdate', 'locale'],
  email: ['email', 'email_verified'],
  [AGOV_SCOPE]: ['loa'],
} as const;

const person = (username: string, sub: string, claims: Record<string, unknown>): PersonAccount => ({ username, sub, claims });

export const DEVELOPMENT_AGOV_PERSONS: readonly PersonAccount[] = [
  person('anna.muster', 'agov-3f1c9e2a-5b7d-4c8e-9a0f-1d2e3c4b5a61', {
    given_name: 'Anna', family_name: 'Muster', birthdate: '1985-04-12', locale: 'de-CH',
    email: 'anna.muster@agov.example', email_verified: true, loa: 'loa-400',
  }),
  person('peter.beispiel', 'agov-8a2b4c6d-1e3f-4a5b-8c7d-9e0f1a2b3c4d', {
    given_name: 'Peter', family_name: 'Beispiel', birthdate: '1972-11-03', locale: 'de-CH',
    email: 'peter.beispiel@agov.example', email_verified: true, loa: 'loa-300',
  }),
  person('lea.link', 'agov-c5d6e7f8-a9b0-4c1d-8e2f-3a4b5c6d7e8f', {
    given_name: 'Lea', family_name: 'Link', birthdate: '1990-02-28', locale: 'fr-CH',
    email: 'lea.link@agov.example', email_verified: true, loa: 'loa-400',
  }),
  person('marco.zweit', 'agov-1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e', {
    given_name: 'Marco', family_name: 'Zweit', birthdate: '1968-07-19', locale: 'it-CH',
    email: 'marco.zweit@agov.example', email_verified: true, loa: 'loa-300',
  }),
];
