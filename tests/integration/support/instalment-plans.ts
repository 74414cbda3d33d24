// Instalment plans as the integration tests apply for them: Greta Sperrli, with an account in her
// own name, asks Aarau through POST /applications to pay some of her bills in instalments.
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { SEEDED_RESIDENTS } from '../../../simulators/back-office/seed.ts';
import { activatedAccount, logIn } from './citizens.ts';
import { callApi } from './http.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

// Greta Sperrli's bills in Aarau's finance module (simulators/back-office/seed.ts); each test plans other ones.
export const greta = SEEDED_RESIDENTS.aarauBlocked;

/** A new account of Greta Sperrli (her name as the register has it: the start form takes the account's), logged in. */
export async function gretasToken(tag: string): Promise<string> {
  const email = await activatedAccount({ firstName: greta.firstName, lastName: greta.lastName, email: `greta.${tag}.${randomUUID().slice(0, 8)}@buerger.example` });
  return logIn(email);
}

export interface Application {
  itemIds: string[];
  instalments: number;
  language?: 'de' | 'fr' | 'it' | 'en';
}

/** Applies in Aarau through the generic intake, the start form's data as form-js submits it; answers the case's id. */
export async function applyForPlan(token: string, application: Application): Promise<string> {
  const response = await callApi<Body>('POST', '/applications', {
    token,
    body: {
      serviceId: 'instalment-plan', municipalityId: 'aarau', language: application.language ?? 'de',
      data: { applicant: { dateOfBirth: greta.dateOfBirth }, openItemIds: application.itemIds, instalments: application.instalments },
    },
  });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.id as string;
}

/**
 * Runs `during` while Aarau's offering of the instalment plan has these settings (as its
 * administrator sets them), then sets back what it had: a case takes the settings of its start.
 */
export async function withAarauSettings<T>(db: Knex, settings: Record<string, unknown>, during: () => Promise<T>): Promise<T> {
  const offering = db('municipality_services').where({ municipality_id: 'aarau', service_id: 'instalment-plan' });
  const before = (await offering.clone().first('settings')) as { settings: unknown };
  await offering.clone().update({ settings: JSON.stringify(settings) });
  try {
    return await during();
  } finally {
    await offering.clone().update({ settings: JSON.stringify(before.settings) });
  }
}

/** The calendar day `days` after today in Zurich, 'YYYY-MM-DD'. */
export function zurichDaysFromToday(days: number): string {
  const day = new Date(`${new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Zurich' })}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
