import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

/** Everything the platform reads from the environment, validated once at start-up. */
export const ConfigSchema = Type.Object({
  /** PostgreSQL URL; unset means the embedded PGlite database under .cache/pglite. */
  DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  EMBEDDED_DB_DIR: Type.String({ default: '.cache/pglite' }),
  API_HOST: Type.String({ default: '127.0.0.1' }),
  API_PORT: Type.Integer({ default: 3000, minimum: 0, maximum: 65535 }),
  LOG_LEVEL: Type.String({ default: 'info' }),
  /**
   * Folders of service packages, comma-separated: the shipped processes/ and, e.g., a canton's or
   * municipality's own packages kept beside the platform (no code, only packages). Each is deployed
   * and registered at start; a service id or process id may be in one folder only.
   */
  SERVICE_PACKAGE_DIRS: Type.String({ default: 'processes', pattern: '\\S' }),
  /** Shared secret of the engine's record exporter (engine/application.yaml). */
  PORTAL_RECORDS_TOKEN: Type.String({ minLength: 16, default: 'dev-engine-records-token' }),
  ZEEBE_GRPC_ADDRESS: Type.String({ default: 'grpc://127.0.0.1:26500' }),
  ZEEBE_REST_ADDRESS: Type.String({ default: 'http://127.0.0.1:8080' }),
  /** Back-off of a failed job before the engine offers it again: base * 2^attempt, with jitter. */
  JOB_RETRY_BASE_MS: Type.Integer({ default: 2000, minimum: 0 }),
  JOB_RETRY_MAX_MS: Type.Integer({ default: 60000, minimum: 0 }),
  /** Upper bound of one back-office HTTP call, body included. */
  BACK_OFFICE_TIMEOUT_MS: Type.Integer({ default: 5000, minimum: 1 }),
  /** Consecutive outages of one back-office endpoint that open its circuit breaker. */
  BACK_OFFICE_BREAKER_FAILURES: Type.Integer({ default: 5, minimum: 1 }),
  /** How long an open breaker fails calls at once before a probe call may pass. */
  BACK_OFFICE_BREAKER_OPEN_MS: Type.Integer({ default: 30000, minimum: 1 }),
  /** How long an incident from a back-office outage waits before the platform retries it on its own. */
  BACK_OFFICE_INCIDENT_RETRY_MS: Type.Integer({ default: 300000, minimum: 1 }),
  /** Payrexx's API; the simulator in development and tests. */
  PAYREXX_BASE_URL: Type.String({ default: 'https://api.payrexx.com/v1.0/' }),
  /** Where citizens come back to after the payment page, and where Payrexx's webhooks arrive. */
  PORTAL_PUBLIC_URL: Type.String({ default: 'http://127.0.0.1:3000' }),
  /** Methods offered on the payment page, as Payrexx identifies them (comma-separated). */
  PAYMENT_METHODS: Type.String({ default: 'twint,post-finance-card,post-finance-e-finance,visa,mastercard' }),
  /** ISO 8601 durations: an unpaid online order is reminded, then cancelled (PAY-1). */
  PAYMENT_REMINDER_AFTER: Type.String({ default: 'P2D', pattern: '^P' }),
  // How long a clerk's question waits for the citizen's answer before the review goes on without it.
  INFORMATION_ANSWER_WITHIN: Type.String({ default: 'P30D', pattern: '^P' }),
  PAYMENT_CANCEL_AFTER: Type.String({ default: 'P5D', pattern: '^P' }),
  /** The same for invoices (PAY-2): payment terms are longer. */
  INVOICE_REMINDER_AFTER: Type.String({ default: 'P30D', pattern: '^P' }),
  INVOICE_CANCEL_AFTER: Type.String({ default: 'P30D', pattern: '^P' }),
  /** Invoice payment term in days, printed on the invoice. */
  INVOICE_DUE_DAYS: Type.Integer({ default: 30, minimum: 1 }),
  /** How often open online payments are compared with Payrexx, to heal lost webhooks. */
  PAYMENT_RECONCILE_EVERY_MS: Type.Integer({ default: 300000, minimum: 1 }),
  /** The staff directory's OpenID provider (the development provider under `npm start`). */
  OIDC_ISSUER: Type.String({ default: 'http://127.0.0.1:4300' }),
  OIDC_CLIENT_ID: Type.String({ default: 'gemeindeportal-tasklist' }),
  OIDC_CLIENT_SECRET: Type.String({ minLength: 16 }),
  /** AGOV, the federal login service with the Swiss e-ID (INT-5): the development stand-in under `npm start`. */
  AGOV_ISSUER: Type.String({ default: 'http://127.0.0.1:4310' }),
  AGOV_CLIENT_ID: Type.String({ default: 'gemeindeportal-agov' }),
  /** Unset: login with AGOV is off (its routes are not there). */
  AGOV_CLIENT_SECRET: Type.Optional(Type.String({ minLength: 16 })),
  /** Signs the short-lived login cookies (the pending OpenID logins of staff and AGOV). */
  SESSION_SECRET: Type.String({ minLength: 32 }),
  /** A staff session ends after this long unused, and this long after login in any case (one working day). */
  STAFF_SESSION_IDLE_MS: Type.Integer({ default: 1800000, minimum: 1 }),
  STAFF_SESSION_MAX_MS: Type.Integer({ default: 36000000, minimum: 1 }),
  /** How often the staff directory is asked again whether a member with a session is still there, and with which roles and groups. */
  STAFF_DIRECTORY_RECHECK_MS: Type.Integer({ default: 300000, minimum: 1 }),
  /**
   * Encrypts what the accounts must read back (TOTP secrets, the pending account mails with their
   * links): 32 random bytes in base64 (`openssl rand -base64 32`). Losing it switches off every second factor.
   */
  ACCOUNT_SECRETS_KEY: Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$' }),
  /** How often the account mails' outbox is run: refused mails tried again (after 1, 2, 4… runs, at most hourly, for a day), and those a stopped process left. */
  ACCOUNT_MAIL_EVERY_MS: Type.Integer({ default: 10000, minimum: 1 }),
  /** Open payments younger than this are left to their webhooks. */
  PAYMENT_RECONCILE_GRACE_MS: Type.Integer({ default: 60000, minimum: 0 }),
  /** Outgoing mail, e.g. smtps://user:password@mail.example.ch:465; unset sends no mail (and says so at start). */
  SMTP_URL: Type.Optional(Type.String({ pattern: '^smtps?://' })),
  MAIL_FROM: Type.String({ default: 'Gemeindeportal <noreply@gemeindeportal.example>' }),
  /** How often staff get their digest of new and assigned tasks (one mail per run at most). */
  TASK_DIGEST_EVERY_MS: Type.Integer({ default: 900000, minimum: 1 }),
  /** How often citizens are told by e-mail of new messages on their cases (CASE-3); one mail per case and run. */
  CASE_NOTICE_EVERY_MS: Type.Integer({ default: 60000, minimum: 1 }),
  /** Proxies whose X-Forwarded-For names the client (comma-separated addresses or CIDR); unset: the peer is the client. */
  API_TRUST_PROXY: Type.Optional(Type.String({ minLength: 1 })),
  /** How long the links of account mails work: activation and new e-mail address (ACC-3, ACC-5), password reset (ACC-4). */
  ACCOUNT_LINK_VALID_MS: Type.Integer({ default: 172800000, minimum: 1 }),
  PASSWORD_RESET_VALID_MS: Type.Integer({ default: 3600000, minimum: 1 }),
  /** A citizen's session ends after this long unused, and this long after login in any case. */
  SESSION_IDLE_MS: Type.Integer({ default: 1800000, minimum: 1 }),
  SESSION_MAX_MS: Type.Integer({ default: 43200000, minimum: 1 }),
  /** Login, registration and password reset: attempts per window, per client address and per e-mail address. */
  RATE_LIMIT_WINDOW_MS: Type.Integer({ default: 900000, minimum: 1 }),
  RATE_LIMIT_PER_IP: Type.Integer({ default: 50, minimum: 1 }),
  RATE_LIMIT_PER_ADDRESS: Type.Integer({ default: 5, minimum: 1 }),
  /** How often the account lifecycle runs: deletion of unused and inactive accounts, reminders (ACC-7), old drafts. */
  ACCOUNT_LIFECYCLE_EVERY_MS: Type.Integer({ default: 3600000, minimum: 1 }),
  /** Files uploaded with an application (the start form's filepickers): bytes of one file, and files of one application. */
  UPLOAD_MAX_BYTES: Type.Integer({ default: 10 * 1024 * 1024, minimum: 1 }),
  UPLOAD_MAX_FILES: Type.Integer({ default: 10, minimum: 1 }),
  /** Drafts of applications untouched this many months are deleted (ACC-9, INT-3). */
  DRAFT_RETENTION_MONTHS: Type.Integer({ default: 6, minimum: 1 }),
});

export type Config = Static<typeof ConfigSchema>;

const INTEGER_TEXT = /^-?\d+$/;

/** What to do about a missing or malformed value, where the schema's own message would not say. */
const HINTS: Partial<Record<keyof Config, string>> = {
  ACCOUNT_SECRETS_KEY: 'must be set to 32 random bytes in base64, e.g. from `openssl rand -base64 32` (it encrypts TOTP secrets and pending account mails)',
};

/** Environment text to the schema's types; an integer must be written as one (no 1e3, no 80.5). */
function convert(env: Record<string, string | undefined>): { values: Record<string, unknown>; errors: string[] } {
  const values: Record<string, unknown> = {};
  const errors: string[] = [];
  for (const [key, schema] of Object.entries(ConfigSchema.properties)) {
    const text = env[key];
    if (text === undefined || text === '') continue;
    if (schema.type === 'integer') {
      if (INTEGER_TEXT.test(text.trim())) values[key] = Number(text.trim());
      else errors.push(`${key}: must be a whole number, got "${text}"`);
    } else {
      values[key] = text;
    }
  }
  return { values, errors };
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const converted = convert(env);
  if (converted.errors.length > 0) throw new Error(`invalid configuration: ${converted.errors.join('; ')}`);
  const withDefaults = Value.Default(ConfigSchema, converted.values);
  const errors = [...Value.Errors(ConfigSchema, withDefaults)];
  if (errors.length > 0) {
    const list = [...new Set(errors.map((e) => {
      const field = e.path.slice(1);
      return `${field || '(root)'}: ${HINTS[field as keyof Config] ?? e.message}`;
    }))].join('; ');
    throw new Error(`invalid configuration: ${list}`);
  }
  return withDefaults as Config;
}
