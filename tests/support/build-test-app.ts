// The portal API for route tests through app.inject, where no engine or database is needed: the
// real app (plugins, autoloaded routes and their folder hooks) over in-memory stand-ins. A
// stand-in that a test did not give answers its call with an error (so the request with 500),
// naming what was called.
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import type { AppDeps, TasklistParts } from '../../portal-api/app-deps.ts';
import { buildApp } from '../../portal-api/app.ts';
import type { Accounts } from '../../core/accounts/index.ts';
import type { AccountSession } from '../../core/accounts/session-service.ts';
import type { InstalmentsRepository } from '../../core/db/instalments-repository.ts';
import type { RateLimitHitsRepository } from '../../core/db/rate-limit-hits-repository.ts';
import type { StaffSession, StaffSessions } from '../../core/staff/staff-sessions.ts';

/** The name of the staff session cookie (staff-session.ts). */
const STAFF_COOKIE = 'gp_staff';

const notInThisTest = (name: string) => (): never => {
  throw new Error(`${name} is not part of this test`);
};

/** An object of type T that has what `given` gives; any other method answers with an error naming it. */
export function standIn<T extends object>(name: string, given: Partial<T> = {}): T {
  return new Proxy(given, {
    get: (target, property) => {
      // Not a thenable, and no getter or setter for Fastify's decorate to find.
      if (typeof property === 'symbol' || property === 'then' || property === 'getter' || property === 'setter') return undefined;
      return Object.hasOwn(target, property) ? target[property as keyof typeof target] : notInThisTest(`${name}.${property}`);
    },
  }) as T;
}

/** Rate-limit counters in memory: a fixed window per key, as the PostgreSQL store counts. */
export function inMemoryRateLimitHits(): RateLimitHitsRepository {
  const windows = new Map<string, { hits: number; windowEndsAt: Date }>();
  const live = (key: string, at: Date) => {
    const window = windows.get(key);
    return window && window.windowEndsAt > at ? window : undefined;
  };
  return standIn<RateLimitHitsRepository>('rateLimitHits', {
    async hit(key, windowMs, at) {
      const window = live(key, at) ?? { hits: 0, windowEndsAt: new Date(at.getTime() + windowMs) };
      window.hits += 1;
      windows.set(key, window);
      return { ...window };
    },
    async read(key, at) {
      const window = live(key, at);
      return window ? { ...window } : undefined;
    },
  });
}

export interface TestApp {
  app: FastifyInstance;
  /** A bearer token of a live citizen session (a new account unless one is given), and the session. */
  citizen(accountId?: string): { authorization: string; session: AccountSession };
  /** The cookie of a live staff session of a member with these roles, working for these municipalities (aarau unless told). */
  staff(roles: string[], municipalities?: string[]): { cookie: string; session: StaffSession };
}

export interface TestAppOptions {
  /** Deps of the app to replace; the rest are stand-ins (optional parts: organisations, drafts, AGOV, the modeller are left out). */
  deps?: Partial<Omit<AppDeps, 'tasklist'>>;
  /** The tasklist's parts to replace, the rest stand-ins. */
  tasklist?: Partial<TasklistParts>;
  /** What `accounts` has beside its sessions, which the test app keeps (tokens from `citizen()`). */
  accounts?: Partial<Omit<Accounts, 'sessions'>> & { sessions?: Partial<Accounts['sessions']> };
  server?: FastifyServerOptions;
}

/** The app, ready for `app.inject`; closed by the caller. */
export async function buildTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const citizenSessions = new Map<string, AccountSession>();
  const staffSessions = new Map<string, StaffSession>();
  const accounts: Accounts = {
    service: standIn('accounts.service'),
    secondFactor: standIn('accounts.secondFactor'),
    deletion: standIn('accounts.deletion'),
    rateLimits: { windowMs: 60_000, perIp: 1_000, perAddress: 1_000 },
    rateLimitHits: inMemoryRateLimitHits(),
    pseudonymise: (value, purpose) => `${purpose}:${value}`,
    sweepState: notInThisTest('accounts.sweepState'),
    mailIdle: async () => undefined,
    ...options.accounts,
    sessions: standIn<Accounts['sessions']>('accounts.sessions', {
      authenticate: async (token) => citizenSessions.get(token),
      ...options.accounts?.sessions,
    }),
  };
  const deps: AppDeps = {
    accounts,
    catalogue: standIn('catalogue'),
    searchCatalogue: notInThisTest('searchCatalogue'),
    cases: standIn('cases'),
    documents: standIn('documents'),
    payments: standIn('payments'),
    // A case without an instalment plan, unless a test gives one.
    instalments: standIn<InstalmentsRepository>('instalments', { ofCase: async () => [] }),
    recordPaymentTransaction: notInThisTest('recordPaymentTransaction'),
    finance: { importBankCredits: notInThisTest('finance.importBankCredits'), settleInvoice: notInThisTest('finance.settleInvoice') },
    tasklist: {
      tasks: standIn('tasklist.tasks'),
      userTasks: standIn('tasklist.userTasks'),
      postMessage: notInThisTest('tasklist.postMessage'),
      incidents: standIn('tasklist.incidents'),
      incidentEngine: standIn('tasklist.incidentEngine'),
      internalTasks: standIn('tasklist.internalTasks'),
      createInternalTask: notInThisTest('tasklist.createInternalTask'),
      institutionsServing: notInThisTest('tasklist.institutionsServing'),
      colleagues: notInThisTest('tasklist.colleagues'),
      ...options.tasklist,
    },
    // Discovered on the first login only, which a route test does not do.
    oidc: { issuer: 'http://127.0.0.1:9/no-identity-provider', clientId: 'gemeindeportal-tasklist', clientSecret: 'not-a-secret', publicUrl: 'http://127.0.0.1' },
    rememberStaff: notInThisTest('rememberStaff'),
    staffSessions: standIn<StaffSessions>('staffSessions', { authenticate: async (token) => staffSessions.get(token) }),
    servedMunicipalities: notInThisTest('servedMunicipalities'),
    sessionSecret: randomBytes(32).toString('hex'),
    startApplication: notInThisTest('startApplication'),
    uploadLimits: { maxBytes: 10 * 1024 * 1024, maxFiles: 10 },
    loadStartFormData: notInThisTest('loadStartFormData'),
    answerQuestion: notInThisTest('answerQuestion'),
    projector: standIn('projector'),
    readiness: [],
    recordsToken: randomBytes(16).toString('hex'),
    ...options.deps,
  };
  const app = await buildApp(deps, { logger: false, ...options.server });
  await app.ready();
  return {
    app,
    citizen(accountId = randomUUID()) {
      const token = `gps_${randomBytes(16).toString('hex')}`;
      const session = { accountId, sessionId: randomUUID(), method: 'password', authenticatedAt: new Date() };
      citizenSessions.set(token, session);
      return { authorization: `Bearer ${token}`, session };
    },
    staff(roles, municipalities = ['aarau']) {
      const token = `gpm_${randomBytes(16).toString('hex')}`;
      const session: StaffSession = {
        id: randomUUID(), sessionId: randomUUID(), name: 'Test Staff', organisation: municipalities[0] ?? 'aarau', organisationKind: 'municipality',
        municipalities, roles, groups: [],
      };
      staffSessions.set(token, session);
      return { cookie: `${STAFF_COOKIE}=${token}`, session };
    },
  };
}
