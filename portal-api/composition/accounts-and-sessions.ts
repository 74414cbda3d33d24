// The portal API's people: citizens' accounts and organisations with their mail outbox, and staff
// sessions against the directory; each API instance runs the outbox and the sweeps.
import { createSmtpMailer } from '../../connectors/email/mailer.ts';
import { ACCOUNT_STATE_SWEEP_EVERY_MS } from '../../core/accounts/account-state-sweep.ts';
import { createAccounts, type Accounts } from '../../core/accounts/index.ts';
import { createAccountMailDelivery } from '../../core/accounts/mail-delivery.ts';
import { createSecretBox, type SecretBox } from '../../core/db/secret-box.ts';
import type { Config } from '../../core/config.ts';
import { createAccountMailOutboxRepository } from '../../core/db/account-mail-outbox-repository.ts';
import { createAccountsRepository } from '../../core/db/accounts-repository.ts';
import { createStaffRepository } from '../../core/db/staff-repository.ts';
import { createStaffSessionsRepository } from '../../core/db/staff-sessions-repository.ts';
import { createOrganisations, type Organisations } from '../../core/organisations/index.ts';
import { askStaffDirectory, type OidcSettings } from '../staff/staff-directory.ts';
import { createStaffSessions, type StaffSessions } from '../../core/staff/staff-sessions.ts';
import { runPeriodically } from '../../core/periodic.ts';
import type { Parts } from '../../core/platform-parts.ts';

/** How the portal is registered at the staff directory. */
export const staffDirectorySettings = (config: Config): OidcSettings => ({
  issuer: config.OIDC_ISSUER, clientId: config.OIDC_CLIENT_ID, clientSecret: config.OIDC_CLIENT_SECRET, publicUrl: config.PORTAL_PUBLIC_URL,
});

/** A citizen's session ends unused, and after login in any case: password logins and AGOV logins alike. */
export const citizenSessionSettings = (config: Config) => ({ idleMs: config.SESSION_IDLE_MS, maxMs: config.SESSION_MAX_MS });

export interface AccountsAndSessions {
  accounts: Accounts;
  organisations: Organisations;
  staffSessions: StaffSessions;
  /** ACCOUNT_SECRETS_KEY's box, for what else the API seals (AGOV hand-offs). */
  accountSecrets: SecretBox;
  /** Stops the outbox and the sweeps; mails handed over are in the outbox and tried once. */
  close(): Promise<void>;
}

export async function openAccountsAndSessions({ config, logger, db }: Parts): Promise<AccountsAndSessions> {
  const staff = createStaffRepository(db);
  const accountSecrets = createSecretBox([config.ACCOUNT_SECRETS_KEY]);
  // Each start, not a migration: only the running code knows the key, and an instance of the previous version may still write in clear.
  const sealed = await createAccountsRepository(db, accountSecrets).sealClearTotpSecrets();
  if (sealed > 0) logger.info({ accounts: sealed }, 'TOTP secrets stored in clear are encrypted now');
  const accountMailer = config.SMTP_URL ? createSmtpMailer({ url: config.SMTP_URL, from: config.MAIL_FROM }) : undefined;
  if (!accountMailer) logger.warn('SMTP_URL is not set: account mails (activation, password reset) are not sent');
  // One outbox for the accounts' and the organisations' mails; every API instance runs it, each mail is claimed by one.
  const accountMail = createAccountMailDelivery({
    outbox: createAccountMailOutboxRepository(db), secrets: accountSecrets, mailer: accountMailer,
    logger: logger.child({ component: 'account-mails' }), settings: { everyMs: config.ACCOUNT_MAIL_EVERY_MS },
  });
  const accountMailRuns = runPeriodically('account-mails', config.ACCOUNT_MAIL_EVERY_MS, accountMail.deliverDue, logger);
  const accounts = createAccounts({
    db, secrets: accountSecrets, mail: accountMail,
    options: {
      publicUrl: config.PORTAL_PUBLIC_URL,
      activationValidMs: config.ACCOUNT_LINK_VALID_MS,
      emailChangeValidMs: config.ACCOUNT_LINK_VALID_MS,
      passwordResetValidMs: config.PASSWORD_RESET_VALID_MS,
      sessions: citizenSessionSettings(config),
      rateLimits: { windowMs: config.RATE_LIMIT_WINDOW_MS, perIp: config.RATE_LIMIT_PER_IP, perAddress: config.RATE_LIMIT_PER_ADDRESS },
    },
  });
  // Rate-limit counts, hand-off codes and AGOV birth dates are shared in the database; every instance sweeps what has run out.
  const accountStateSweeps = runPeriodically('account-state-sweep', ACCOUNT_STATE_SWEEP_EVERY_MS, accounts.sweepState, logger);
  const staffSessions = createStaffSessions({
    sessions: createStaffSessionsRepository(db),
    secrets: accountSecrets,
    askDirectory: askStaffDirectory(staffDirectorySettings(config), (institutionId) => staff.servedBy(institutionId)),
    redescribe: (member) => staff.redescribe(member),
    settings: { idleMs: config.STAFF_SESSION_IDLE_MS, maxMs: config.STAFF_SESSION_MAX_MS, recheckMs: config.STAFF_DIRECTORY_RECHECK_MS },
    now: () => new Date(),
    logger: logger.child({ component: 'staff-sessions' }),
  });
  const staffSessionSweeps = runPeriodically('staff-session-sweep', ACCOUNT_STATE_SWEEP_EVERY_MS, staffSessions.sweep, logger);
  const organisations = createOrganisations({
    db, mail: accountMail, logger: logger.child({ component: 'organisations' }), options: { publicUrl: config.PORTAL_PUBLIC_URL },
  });
  return {
    accounts,
    organisations,
    staffSessions,
    accountSecrets,
    async close() {
      accountMailRuns.stop();
      accountStateSweeps.stop();
      staffSessionSweeps.stop();
      // What is left waits in the outbox for the next start.
      await accounts.mailIdle();
      await organisations.mailIdle();
      accountMailer?.close();
    },
  };
}
