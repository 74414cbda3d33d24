// Instalment plans as the integration tests apply for them: Greta Sperrli's bills in Aarau, the
// case filed and the process started as the generic intake (POST /applications) will.
import type { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { effectiveSettings } from '../../../core/catalogue/service-settings.ts';
import { createCasesRepository } from '../../../core/db/cases-repository.ts';
import { createCatalogueRepository } from '../../../core/db/catalogue-repository.ts';
import type { createZeebeClient } from '../../../core/engine/engine-client.ts';
import { SEEDED_OPEN_ITEMS, SEEDED_RESIDENTS } from '../../../simulators/back-office/seed.ts';
import { accountIdOf, citizenToken } from './citizens.ts';

// Greta Sperrli's bills in Aarau's finance module (simulators/back-office/seed.ts); each test plans other ones.
const greta = SEEDED_RESIDENTS.aarauBlocked;

export interface Application {
  itemIds: string[];
  instalments: number;
  language?: 'de' | 'fr' | 'it' | 'en';
  /** The municipality's settings to change for this case. */
  settings?: Record<string, unknown>;
}

/**
 * Applies for a plan as the generic intake (POST /applications) will: the case filed as
 * start-application files it, the process started with the intake's variables: the start form's
 * fields, the settings of Aarau's offering, and the chosen items as the finance module lists them.
 */
export async function applyForPlan(db: Knex, zeebe: ReturnType<typeof createZeebeClient>, citizen: string, application: Application): Promise<{ token: string; caseId: string }> {
  const token = await citizenToken(citizen);
  const offering = await createCatalogueRepository(db).findOffering('aarau', 'instalment-plan');
  if (!offering) throw new Error('Aarau does not offer the instalment plan');
  const openItems = (SEEDED_OPEN_ITEMS[greta.id] ?? [])
    .filter((item) => application.itemIds.includes(item.itemId))
    .map(({ itemId, description, amountRappen, dueDate }) => ({ itemId, description, amountRappen, dueDate }));
  const applicant = { firstName: greta.firstName, lastName: greta.lastName, dateOfBirth: greta.dateOfBirth };
  const data = { applicant, openItemIds: application.itemIds, instalments: application.instalments };
  const caseId = randomUUID();
  const language = application.language ?? 'de';
  const cases = createCasesRepository(db);
  await cases.insert({
    id: caseId, citizenId: await accountIdOf(citizen), serviceId: 'instalment-plan', municipalityId: 'aarau', language,
    idempotencyKey: null, requestFingerprint: caseId, createdAt: new Date(), applicant, organisationId: null,
    serviceRequest: { openItemIds: application.itemIds, instalments: application.instalments, openItems },
  });
  const started = await zeebe.createProcessInstance({
    bpmnProcessId: 'instalment-plan',
    variables: {
      caseId, serviceId: 'instalment-plan', municipalityId: 'aarau', language, feeRappen: offering.feeRappen,
      residentsOfficeGroup: offering.candidateGroup, informationAnswerWithin: 'PT15S',
      settings: { ...effectiveSettings(offering.settingDeclarations, offering.settingValues), ...application.settings },
      ...data, openItems, residentId: greta.id,
    } as never,
  });
  await cases.attachProcessInstance(caseId, String(started.processInstanceKey));
  return { token, caseId };
}

/** The calendar day `days` after today in Zurich, 'YYYY-MM-DD'. */
export function zurichDaysFromToday(days: number): string {
  const day = new Date(`${new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Zurich' })}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}
