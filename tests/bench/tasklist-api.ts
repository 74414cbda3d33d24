// The portal API for the tasklist benchmark: the real app and repositories on the benchmark's
// database, with stand-ins for everything that would reach the engine or a payment provider (the
// task list reads the read model only). A stand-in that is called fails the request loudly.
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { buildApp } from '../../portal-api/app.ts';
import { createAccounts } from '../../core/accounts/index.ts';
import { createAccountMailDelivery } from '../../core/accounts/mail-delivery.ts';
import { createSecretBox } from '../../core/db/secret-box.ts';
import { createAccountMailOutboxRepository } from '../../core/db/account-mail-outbox-repository.ts';
import { createCasesRepository } from '../../core/db/cases-repository.ts';
import { createCatalogueRepository } from '../../core/db/catalogue-repository.ts';
import { createDocumentsRepository } from '../../core/db/documents-repository.ts';
import { createIncidentsRepository } from '../../core/db/incidents-repository.ts';
import { createInstalmentsRepository } from '../../core/db/instalments-repository.ts';
import { createPaymentsRepository } from '../../core/db/payments-repository.ts';
import { createStaffRepository } from '../../core/db/staff-repository.ts';
import { createInternalTasksRepository } from '../../core/db/internal-tasks-repository.ts';
import { createTasksRepository } from '../../core/db/tasks-repository.ts';
import { createRecordProjector } from '../../core/engine/records/project-records.ts';
import { createStaffSessionsRepository } from '../../core/db/staff-sessions-repository.ts';
import { createStaffSessions, type StaffMember, type StaffSessions } from '../../core/staff/staff-sessions.ts';

/** The name of the staff session cookie (staff-session.ts). */
const STAFF_COOKIE = 'gp_staff';

const notInThisBenchmark = (part: string) => async (): Promise<never> => {
  throw new Error(`${part} is not part of the tasklist benchmark`);
};

export interface TasklistApi {
  app: FastifyInstance;
  url: string;
  staffSessions: StaffSessions;
}

/** Listens on a free loopback port; logging off (the answers hold personal data). */
export async function startTasklistApi(db: Knex): Promise<TasklistApi> {
  const sessionSecret = randomBytes(32).toString('hex');
  const staff = createStaffRepository(db);
  const accountSecrets = createSecretBox([randomBytes(32).toString('base64')]);
  // No directory to ask again: the benchmark's sessions keep the claims they start with.
  const staffSessions = createStaffSessions({
    sessions: createStaffSessionsRepository(db), secrets: accountSecrets, redescribe: (member) => staff.redescribe(member),
    settings: { idleMs: 1_800_000, maxMs: 36_000_000, recheckMs: 300_000 }, now: () => new Date(), logger: pino({ level: 'silent' }),
  });
  const accountMail = createAccountMailDelivery({
    outbox: createAccountMailOutboxRepository(db), secrets: accountSecrets, mailer: undefined, logger: pino({ level: 'silent' }), settings: { everyMs: 60_000 },
  });
  const app = await buildApp({
    // Citizens do not take part in the tasklist benchmark; accounts are there because the API always has them.
    accounts: createAccounts({
      db, secrets: accountSecrets, mail: accountMail,
      options: {
        publicUrl: 'http://127.0.0.1', activationValidMs: 3_600_000, emailChangeValidMs: 3_600_000, passwordResetValidMs: 3_600_000,
        sessions: { idleMs: 1_800_000, maxMs: 43_200_000 }, rateLimits: { windowMs: 60_000, perIp: 50, perAddress: 5 },
      },
    }),
    catalogue: createCatalogueRepository(db),
    searchCatalogue: notInThisBenchmark('searching the catalogue'),
    cases: createCasesRepository(db),
    documents: createDocumentsRepository(db),
    payments: createPaymentsRepository(db),
    instalments: createInstalmentsRepository(db),
    recordPaymentTransaction: notInThisBenchmark('recording a payment transaction'),
    finance: { importBankCredits: notInThisBenchmark('importing bank credits'), settleInvoice: notInThisBenchmark('settling an invoice') },
    tasklist: {
      tasks: createTasksRepository(db),
      userTasks: {
        assign: notInThisBenchmark('assigning a task in the engine'),
        unassign: notInThisBenchmark('unassigning a task in the engine'),
        complete: notInThisBenchmark('completing a task in the engine'),
        reschedule: notInThisBenchmark('rescheduling a task in the engine'),
      },
      colleagues: (municipalityId) => staff.colleagues(municipalityId),
      internalTasks: createInternalTasksRepository(db),
      institutionsServing: (municipalityId) => staff.institutionsServing(municipalityId),
      createInternalTask: notInThisBenchmark('creating an internal task'),
      postMessage: notInThisBenchmark('posting a message to a case'),
      incidents: createIncidentsRepository(db),
      incidentEngine: {
        updateJobRetries: notInThisBenchmark('giving a job retries in the engine'),
        resolveIncident: notInThisBenchmark('resolving an incident in the engine'),
      },
    },
    // Discovered on the first login only, which the benchmark never does.
    oidc: { issuer: 'http://127.0.0.1:9/no-identity-provider', clientId: 'gemeindeportal-tasklist', clientSecret: randomBytes(16).toString('hex'), publicUrl: 'http://127.0.0.1' },
    rememberStaff: (member) => staff.remember(member),
    servedMunicipalities: (institutionId) => staff.servedBy(institutionId),
    staffSessions,
    sessionSecret,
    startApplication: notInThisBenchmark('starting an application'),
    uploadLimits: { maxBytes: 10 * 1024 * 1024, maxFiles: 10 },
    loadStartFormData: notInThisBenchmark('loading the data of a start form'),
    answerQuestion: notInThisBenchmark('answering a question'),
    projector: createRecordProjector(db),
    readiness: [{ name: 'database', check: async () => Boolean(await db.raw('select 1')) }],
    recordsToken: randomBytes(16).toString('hex'),
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, url, staffSessions };
}

/**
 * The `cookie` header a browser sends after the login: a session started on the server as the
 * login's callback starts it. The API checks it with its normal code; an unknown token gets 401.
 */
export async function staffSessionCookie(api: TasklistApi, member: StaffMember): Promise<string> {
  const { token } = await api.staffSessions.start(member, undefined, 'tasklist benchmark');
  return `${STAFF_COOKIE}=${token}`;
}
