import { randomBytes } from 'node:crypto';
import type pino from 'pino';
import { startDevelopmentBackOffices, type DevelopmentBackOffices } from '../../simulators/back-office/development-back-offices.ts';
import { BACK_OFFICE_VENDORS } from '../../connectors/back-office/vendors.ts';
import { exportBackOfficeCredentials } from '../../scripts/dev-secrets.ts';
import { startDevelopmentPayrexx } from '../../scripts/development-payrexx.ts';
import { startDevelopmentIdentity } from '../../scripts/development-identity.ts';
import { startDevelopmentAgov } from '../../scripts/development-agov.ts';
import { DEVELOPMENT_AGOV_PERSONS } from '../../simulators/identity/agov-persons.ts';
import { DEVELOPMENT_STAFF, type StaffAccount } from '../../simulators/identity/staff-accounts.ts';
import { loadConfig } from '../../core/config.ts';
import { startPlatform } from '../../scripts/platform.ts';
import { createFreshDatabase } from './test-database.ts';
import { loggerRecordingServerErrors, type ServerError } from './server-errors.ts';
import { startMailCatcher } from '../../simulators/mail/mail-catcher.ts';

/**
 * Staff accounts only the tests have: the staff-session test changes their roles and disables
 * them at the directory, which must not pull the floor from under tests that use the others.
 * Wohlen's administrator is another municipality's for Aarau's, and changes Wohlen's creditor and
 * back office, which no other test uses.
 */
export const TEST_ONLY_STAFF: readonly StaffAccount[] = [
  {
    username: 'theo.test',
    sub: 'b3a1f0de-2c4b-4e8a-9f61-5d7c2e9a0b14',
    name: 'Theo Test',
    email: 'theo.test@aarau.example',
    home: { kind: 'municipality', id: 'aarau' },
    roles: ['clerk'],
    groups: ['4001-einwohnerkontrolle'],
  },
  {
    username: 'wendy.admin',
    sub: '3e8f5a27-9c41-4b6d-8a0e-71d2c6b94f35',
    name: 'Wendy Admin',
    email: 'wendy.admin@wohlen.example',
    home: { kind: 'municipality', id: 'wohlen' },
    roles: ['municipal-admin'],
    groups: [],
  },
];

export interface TestPlatform {
  apiUrl: string;
  /** The development staff directory: `PUT /__sim/accounts/{username}` changes an account as its administrator would. */
  staffDirectoryUrl: string;
  /** Per vendor, the base URL of its simulator. */
  simulatorUrls: Record<string, string>;
  /** The Payrexx simulator: payment pages, `/__sim/...` controls. */
  payrexxUrl: string;
  /** The mail catcher's HTTP side: `/__sim/mails?to=`, `/__sim/faults`. */
  mailUrl: string;
  /** The mail catcher's SMTP side, for jobs a test runs itself (the account lifecycle). */
  smtpUrl: string;
  /** Passwords of the development staff accounts at the test's OpenID provider, by username. */
  staffPasswords: Record<string, string>;
  /** Passwords of the development persons at the test's AGOV stand-in, by username. */
  agovPasswords: Record<string, string>;
  databaseUrl: string;
  /** ACCOUNT_SECRETS_KEY of the platform: tests open what it sealed. */
  accountSecretsKey: string;
  engineRestUrl: string;
  engineGrpcAddress: string;
  /** The API's 5xx answers so far (its request log). */
  serverErrors(): ServerError[];
  stop(): Promise<void>;
}

/**
 * The platform on a fresh PostgreSQL database with a back-office simulator per vendor on free ports and
 * fresh secrets. The API listens where the engine's exporter posts (PORTAL_RECORDS_URL, port 3000
 * by default), so only one such platform runs per engine.
 */
export async function startTestPlatform(options: { database: string; logLevel: string; env?: Record<string, string> }): Promise<TestPlatform> {
  const databaseUrl = await createFreshDatabase(options.database);
  const credentials = Object.fromEntries(Object.values(BACK_OFFICE_VENDORS).map((vendor) => [vendor.name, vendor.generateCredential()]));
  exportBackOfficeCredentials(credentials);
  const { logger, serverErrors } = loggerRecordingServerErrors(options.logLevel as pino.LevelWithSilent);
  const backOffices: DevelopmentBackOffices = await startDevelopmentBackOffices({ firstPort: 0, credentials });
  const recordsUrl = new URL(process.env.PORTAL_RECORDS_URL ?? 'http://127.0.0.1:3000/internal/engine-records');
  const publicUrl = `${recordsUrl.protocol}//${recordsUrl.host}`;
  const payrexx = await startDevelopmentPayrexx({ port: 0, publicUrl });
  Object.assign(process.env, payrexx.environment);
  const mailCatcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  const oidcClientSecret = randomBytes(24).toString('hex');
  const staffPasswords = Object.fromEntries([...DEVELOPMENT_STAFF, ...TEST_ONLY_STAFF].map((account) => [account.username, randomBytes(9).toString('base64url')]));
  const identity = await startDevelopmentIdentity({
    port: 0, publicUrl, clientId: 'gemeindeportal-tasklist', clientSecret: oidcClientSecret, passwords: staffPasswords, extraAccounts: TEST_ONLY_STAFF,
  });
  const agovClientSecret = randomBytes(24).toString('hex');
  const accountSecretsKey = randomBytes(32).toString('base64');
  const agovPasswords = Object.fromEntries(DEVELOPMENT_AGOV_PERSONS.map((person) => [person.username, randomBytes(9).toString('base64url')]));
  const agov = await startDevelopmentAgov({
    port: 0, publicUrl, clientId: 'gemeindeportal-agov', clientSecret: agovClientSecret, passwords: agovPasswords,
  });
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    API_HOST: recordsUrl.hostname,
    API_PORT: recordsUrl.port || '80',
    PORTAL_PUBLIC_URL: publicUrl,
    OIDC_ISSUER: identity.issuer,
    OIDC_CLIENT_ID: 'gemeindeportal-tasklist',
    OIDC_CLIENT_SECRET: oidcClientSecret,
    AGOV_ISSUER: agov.issuer,
    AGOV_CLIENT_ID: 'gemeindeportal-agov',
    AGOV_CLIENT_SECRET: agovClientSecret,
    SESSION_SECRET: randomBytes(32).toString('hex'),
    ACCOUNT_SECRETS_KEY: accountSecretsKey,
    ...payrexx.environment,
    SMTP_URL: mailCatcher.smtpUrl,
    ...options.env,
  });
  const platform = await startPlatform({ config, backOffices: backOffices.endpoints, logger });
  return {
    apiUrl: platform.apiUrl,
    staffDirectoryUrl: identity.issuer,
    simulatorUrls: Object.fromEntries(Object.entries(backOffices.endpoints).map(([vendor, { url }]) => [vendor, url])),
    payrexxUrl: payrexx.simulator.url,
    mailUrl: mailCatcher.url,
    smtpUrl: mailCatcher.smtpUrl,
    staffPasswords,
    agovPasswords,
    databaseUrl,
    accountSecretsKey,
    engineRestUrl: config.ZEEBE_REST_ADDRESS,
    engineGrpcAddress: config.ZEEBE_GRPC_ADDRESS,
    serverErrors,
    async stop() {
      await platform.stop();
      await backOffices.close();
      await payrexx.simulator.close();
      await identity.close();
      await agov.close();
      await mailCatcher.close();
    },
  };
}
