import type { TestProject } from 'vitest/node';
import { ensureEngineRunning, stopEngine } from '../../../scripts/engine.ts';
import { startTestPlatform } from '../../support/test-platform.ts';
import { engineRecordsCaughtUp } from './engine-records-caught-up.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    staffDirectoryUrl: string;
    databaseUrl: string;
    accountSecretsKey: string;
    simulatorUrls: Record<string, string>;
    payrexxUrl: string;
    mailUrl: string;
    smtpUrl: string;
    staffPasswords: Record<string, string>;
    agovPasswords: Record<string, string>;
    engineRestUrl: string;
    engineGrpcAddress: string;
  }
}

/**
 * Starts the real engine (or reuses a running one) and one platform for all integration files.
 * The API takes the exporter's port 3000, so `npm start` must not run at the same time.
 */
export default async function setup(project: TestProject) {
  const engine = await ensureEngineRunning();
  const platform = await startTestPlatform({
    database: 'portal_test',
    logLevel: process.env.TEST_LOG_LEVEL ?? 'warn',
    // Short, so that retries and incidents happen within a test.
    env: {
      JOB_RETRY_BASE_MS: '300',
      JOB_RETRY_MAX_MS: '2000',
      BACK_OFFICE_TIMEOUT_MS: '1500',
      BACK_OFFICE_BREAKER_FAILURES: '5',
      BACK_OFFICE_BREAKER_OPEN_MS: '2000',
      BACK_OFFICE_INCIDENT_RETRY_MS: '4000',
      // An unpaid order is reminded, then cancelled, within a test; every other test pays at once.
      PAYMENT_REMINDER_AFTER: 'PT6S',
      PAYMENT_CANCEL_AFTER: 'PT6S',
      INVOICE_REMINDER_AFTER: 'PT6S',
      INVOICE_CANCEL_AFTER: 'PT6S',
      PAYMENT_RECONCILE_EVERY_MS: '2000',
      // A question to the citizen that nobody answers goes back to review within a test.
      INFORMATION_ANSWER_WITHIN: 'PT15S',
      TASK_DIGEST_EVERY_MS: '1500',
      // Staff sessions ask the directory again every second: a test sees changed roles at once, and every staff call of the suite goes through the check.
      STAFF_DIRECTORY_RECHECK_MS: '1000',
      CASE_NOTICE_EVERY_MS: '1000',
      // Refused account mails are tried again after 1, 2, 4… s, so that a test sees them arrive once the mail server is back.
      ACCOUNT_MAIL_EVERY_MS: '1000',
      PAYMENT_RECONCILE_GRACE_MS: '3000',
      // The tests are the loopback proxy: X-Forwarded-For gives each test citizen its own client address.
      API_TRUST_PROXY: '127.0.0.1',
      // Low and short, so that accounts.test.ts sees 429 and its recovery within a test.
      RATE_LIMIT_WINDOW_MS: '3000',
      RATE_LIMIT_PER_IP: '10',
      RATE_LIMIT_PER_ADDRESS: '8',
    },
  });
  const stopAll = async () => {
    await platform.stop();
    if (engine.startedByUs) await stopEngine();
  };
  // A 5xx is a defect unless a test stopped a dependency on purpose; the run fails on any other.
  const stopAndCheckServerErrors = async () => {
    await stopAll();
    const unexpected = platform.serverErrors();
    if (unexpected.length > 0) {
      throw new Error(`the API answered ${unexpected.length} request(s) with 5xx:\n${unexpected.map((e) => `  ${e.statusCode} ${e.method} ${e.url.slice(0, 200)}`).join('\n')}`);
    }
  };
  // Stopped here if the records never arrive: a failed setup gets no teardown, and running servers would keep the run from ending.
  const catchUpMs = await engineRecordsCaughtUp({ grpcAddress: platform.engineGrpcAddress, restAddress: platform.engineRestUrl, databaseUrl: platform.databaseUrl })
    .catch(async (error: unknown) => {
      await stopAll();
      throw error;
    });
  console.log(`[global-setup] the engine's earlier records reached the test platform after ${(catchUpMs / 1000).toFixed(1)} s`);
  project.provide('apiUrl', platform.apiUrl);
  project.provide('staffDirectoryUrl', platform.staffDirectoryUrl);
  project.provide('databaseUrl', platform.databaseUrl);
  project.provide('accountSecretsKey', platform.accountSecretsKey);
  project.provide('simulatorUrls', platform.simulatorUrls);
  project.provide('payrexxUrl', platform.payrexxUrl);
  project.provide('mailUrl', platform.mailUrl);
  project.provide('smtpUrl', platform.smtpUrl);
  project.provide('staffPasswords', platform.staffPasswords);
  project.provide('agovPasswords', platform.agovPasswords);
  project.provide('engineRestUrl', platform.engineRestUrl);
  project.provide('engineGrpcAddress', platform.engineGrpcAddress);

  return stopAndCheckServerErrors;
}
