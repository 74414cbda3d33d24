import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config.ts';

const SECRET = 'a-test-secret-of-at-least-32-chars!';
// The tasklist's OpenID client secret and session key are required as well, and the key of the accounts' secrets.
const ACCOUNT_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');
const STAFF = { OIDC_CLIENT_SECRET: 'an-oidc-client-secret', SESSION_SECRET: 'a-session-secret-of-at-least-32-chars', ACCOUNT_SECRETS_KEY };

describe('loadConfig', () => {
  it('when only the required secrets are set, then every default is applied', () => {
    expect(loadConfig(STAFF)).toEqual({
      EMBEDDED_DB_DIR: '.cache/pglite',
      API_HOST: '127.0.0.1',
      API_PORT: 3000,
      LOG_LEVEL: 'info',
      SERVICE_PACKAGE_DIRS: 'processes',
      ...STAFF,
      OIDC_ISSUER: 'http://127.0.0.1:4300',
      OIDC_CLIENT_ID: 'gemeindeportal-tasklist',
      AGOV_ISSUER: 'http://127.0.0.1:4310',
      AGOV_CLIENT_ID: 'gemeindeportal-agov',
      PORTAL_RECORDS_TOKEN: 'dev-engine-records-token',
      ZEEBE_GRPC_ADDRESS: 'grpc://127.0.0.1:26500',
      ZEEBE_REST_ADDRESS: 'http://127.0.0.1:8080',
      JOB_RETRY_BASE_MS: 2000,
      JOB_RETRY_MAX_MS: 60000,
      BACK_OFFICE_TIMEOUT_MS: 5000,
      BACK_OFFICE_BREAKER_FAILURES: 5,
      BACK_OFFICE_BREAKER_OPEN_MS: 30000,
      BACK_OFFICE_INCIDENT_RETRY_MS: 300000,
      PAYREXX_BASE_URL: 'https://api.payrexx.com/v1.0/',
      PORTAL_PUBLIC_URL: 'http://127.0.0.1:3000',
      PAYMENT_METHODS: 'twint,post-finance-card,post-finance-e-finance,visa,mastercard',
      PAYMENT_REMINDER_AFTER: 'P2D',
      INFORMATION_ANSWER_WITHIN: 'P30D',
      PAYMENT_CANCEL_AFTER: 'P5D',
      INVOICE_REMINDER_AFTER: 'P30D',
      INVOICE_CANCEL_AFTER: 'P30D',
      INVOICE_DUE_DAYS: 30,
      PAYMENT_RECONCILE_EVERY_MS: 300000,
      PAYMENT_RECONCILE_GRACE_MS: 60000,
      MAIL_FROM: 'Gemeindeportal <noreply@gemeindeportal.example>',
      TASK_DIGEST_EVERY_MS: 900000,
      CASE_NOTICE_EVERY_MS: 60000,
      ACCOUNT_MAIL_EVERY_MS: 10000,
      ACCOUNT_LINK_VALID_MS: 172800000,
      PASSWORD_RESET_VALID_MS: 3600000,
      SESSION_IDLE_MS: 1800000,
      STAFF_SESSION_IDLE_MS: 1800000,
      STAFF_SESSION_MAX_MS: 36000000,
      STAFF_DIRECTORY_RECHECK_MS: 300000,
      SESSION_MAX_MS: 43200000,
      RATE_LIMIT_WINDOW_MS: 900000,
      RATE_LIMIT_PER_IP: 50,
      RATE_LIMIT_PER_ADDRESS: 5,
      ACCOUNT_LIFECYCLE_EVERY_MS: 3600000,
      DRAFT_RETENTION_MONTHS: 6,
      UPLOAD_MAX_BYTES: 10485760,
      UPLOAD_MAX_FILES: 10,
    });
  });

  it.each([
    { name: 'API_PORT', raw: '8081', value: 8081 },
    { name: 'API_PORT', raw: '0', value: 0 },
    { name: 'JOB_RETRY_BASE_MS', raw: '250', value: 250 },
    { name: 'JOB_RETRY_MAX_MS', raw: '120000', value: 120000 },
    { name: 'BACK_OFFICE_TIMEOUT_MS', raw: '1500', value: 1500 },
  ])('when $name is $raw, then it is read as the number $value', ({ name, raw, value }) => {
    const config = loadConfig({ ...STAFF, [name]: raw });
    expect(config[name as keyof typeof config]).toBe(value);
  });

  it('when variables are set, then they override the defaults', () => {
    const config = loadConfig({
      ...STAFF,
      DATABASE_URL: 'postgres://portal@db/portal',
      API_HOST: '0.0.0.0',
      LOG_LEVEL: 'debug',
    });
    expect(config).toMatchObject({ DATABASE_URL: 'postgres://portal@db/portal', API_HOST: '0.0.0.0', LOG_LEVEL: 'debug' });
  });

  it('when a variable is empty, then it counts as unset and its default applies', () => {
    const config = loadConfig({ ...STAFF, API_PORT: '', DATABASE_URL: '' });
    expect(config.API_PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('when the environment holds unrelated variables, then they are left out', () => {
    // PORTAL_TOKEN_SECRET signed the finance department's former HS256 tokens: an old environment still loads.
    const config = loadConfig({ ...STAFF, PORTAL_TOKEN_SECRET: SECRET, HOME: '/home/portal', PATH: '/usr/bin' });
    expect(Object.keys(config)).not.toContain('PORTAL_TOKEN_SECRET');
    expect(Object.keys(config)).not.toContain('HOME');
    expect(Object.keys(config)).not.toContain('PATH');
  });

  it.each([
    { env: { ...STAFF, SESSION_SECRET: 'x'.repeat(31) }, field: 'SESSION_SECRET' },
    { env: {}, field: 'SESSION_SECRET' },
    { env: { ...STAFF, PORTAL_RECORDS_TOKEN: 'short' }, field: 'PORTAL_RECORDS_TOKEN' },
    { env: { ...STAFF, API_PORT: 'eighty' }, field: 'API_PORT' },
    { env: { ...STAFF, API_PORT: '70000' }, field: 'API_PORT' },
    { env: { ...STAFF, BACK_OFFICE_TIMEOUT_MS: '0' }, field: 'BACK_OFFICE_TIMEOUT_MS' },
    { env: { ...STAFF, JOB_RETRY_BASE_MS: '-1' }, field: 'JOB_RETRY_BASE_MS' },
  ])('when $field is invalid, then the error names the field', ({ env, field }) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^invalid configuration: .*\\b${field}: `));
  });

  // Written as in an environment file: anything but a plain whole number is refused, not truncated.
  it.each([
    { name: 'API_PORT', raw: '80.5' },
    { name: 'JOB_RETRY_MAX_MS', raw: '1e3' },
    { name: 'API_PORT', raw: 'true' },
    { name: 'BACK_OFFICE_TIMEOUT_MS', raw: '2.5' },
  ])('when $name is $raw, which is no integer, then the error names the field', ({ name, raw }) => {
    expect(() => loadConfig({ ...STAFF, [name]: raw })).toThrow(new RegExp(`\\b${name}: `));
  });

  it('when the secret is too short, then its value is not echoed in the error', () => {
    const shortSecret = 'short-secret-value';
    const message = (() => {
      try {
        loadConfig({ ...STAFF, SESSION_SECRET: shortSecret });
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      return 'accepted';
    })();
    expect(message).toMatch(/SESSION_SECRET/);
    expect(message).not.toContain(shortSecret);
  });

  it.each([
    { name: 'missing', env: { OIDC_CLIENT_SECRET: STAFF.OIDC_CLIENT_SECRET, SESSION_SECRET: STAFF.SESSION_SECRET }, echoed: undefined },
    { name: '31 bytes', env: { ...STAFF, ACCOUNT_SECRETS_KEY: Buffer.alloc(31, 9).toString('base64') }, echoed: Buffer.alloc(31, 9).toString('base64') },
    { name: 'hex', env: { ...STAFF, ACCOUNT_SECRETS_KEY: Buffer.alloc(32, 9).toString('hex') }, echoed: Buffer.alloc(32, 9).toString('hex') },
  ])('when the accounts\' secrets key is $name, then the platform refuses to start and says how to make one, without echoing it', ({ env, echoed }) => {
    const message = (() => {
      try {
        loadConfig(env);
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
      return 'accepted';
    })();
    expect(message).toMatch(/^invalid configuration: ACCOUNT_SECRETS_KEY: must be set to 32 random bytes in base64, e.g. from `openssl rand -base64 32`/);
    expect(message.match(/ACCOUNT_SECRETS_KEY/g)).toHaveLength(1);
    if (echoed) expect(message).not.toContain(echoed);
  });

  it('when the secret is exactly 32 characters, then it is accepted', () => {
    expect(loadConfig({ ...STAFF, SESSION_SECRET: 's'.repeat(32) }).SESSION_SECRET).toBe('s'.repeat(32));
  });
});
