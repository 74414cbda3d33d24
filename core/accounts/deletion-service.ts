import type { Knex } from 'knex';
import type { AccountDeletionRepository, HandedOnManagement, LifecycleAccount } from '../db/account-deletion-repository.ts';
import type { AccountsRepository } from '../db/accounts-repository.ts';
import { LANGUAGES, type Language } from '../language.ts';
import { accountErrors } from '../errors/account-errors.ts';
import { deletionErrors } from '../errors/deletion-errors.ts';
import { DELETION_MAIL_TEXTS, type DeletionMailTexts } from './deletion-texts.ts';
import type { ConfirmHolder } from './holder-confirmation.ts';
import { ACCOUNT_PAGES, pageLink } from './links.ts';
import type { SendAccountMail } from './mail-delivery.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';
import type { AccountSession } from './session-service.ts';
import { accessErrors } from '../errors/access-errors.ts';

export interface DeletionSettings {
  publicUrl: string;
  /** How long the confirmation link of a self-deletion works. */
  deletionLinkValidMs: number;
}

export type DeletionService = ReturnType<typeof createDeletionService>;

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);
export const deletionTextsOf = (account: { language: string }): DeletionMailTexts => DELETION_MAIL_TEXTS[isLanguage(account.language) ? account.language : 'de'];
export const nameOf = (account: { firstName: string; lastName: string }) => `${account.firstName} ${account.lastName}`;

/**
 * Deletes an account inside `trx` (ACC-8): an organisation it managed alone keeps a manager (the
 * longest-standing other member), then the row goes and with it sessions, tokens, memberships and
 * drafts; cases keep their `citizen_id` and are processed on, seen by nobody's session. Answers
 * whether it was deleted and who became manager where (to be told once the transaction is committed).
 */
export async function eraseAccount(deletion: AccountDeletionRepository, accountId: string, trx: Knex.Transaction): Promise<{ deleted: boolean; handedOn: HandedOnManagement[] }> {
  const handedOn = await deletion.handOnManagement(accountId, trx);
  return { deleted: await deletion.deleteAccount(accountId, trx), handedOn };
}

/** ACC-6: self-deletion, confirmed through a link mailed to the account's address. */
export function createDeletionService(deps: {
  accounts: AccountsRepository;
  deletion: AccountDeletionRepository;
  sendMail: SendAccountMail;
  /** The password, or for an account without one a fresh AGOV login. */
  confirmHolder: ConfirmHolder;
  settings: DeletionSettings;
  now: () => Date;
}) {
  const { accounts, deletion, sendMail, settings, now } = deps;

  async function refuseIfBlocked(accountId: string, trx?: Knex): Promise<void> {
    const blockers = await deletion.blockers(accountId, trx);
    if (blockers.pendingCases > 0) throw deletionErrors.pendingCase(blockers.pendingCases);
    if (blockers.lastManagerOf.length > 0) throw deletionErrors.lastManager(blockers.lastManagerOf);
  }

  return {
    /**
     * Needs the password (an account without one: a fresh AGOV login); refused while a personal
     * case is pending or the account alone manages an organisation with members.
     */
    async request(session: AccountSession, password: string | undefined): Promise<void> {
      const accountId = session.accountId;
      const account = await accounts.findById(accountId);
      if (!account) throw accessErrors.bearerTokenRequired();
      await deps.confirmHolder(account, session, password, '/body/password');
      await refuseIfBlocked(accountId);
      const token = newSecretToken('gpl');
      const at = now();
      await accounts.retireLinkTokens(accountId, 'deletion', at);
      await accounts.insertLinkToken({ tokenHash: hashToken(token), accountId, purpose: 'deletion', createdAt: at, expiresAt: new Date(at.getTime() + settings.deletionLinkValidMs) });
      await deletion.markDeletionRequested(accountId, at);
      sendMail(account.email, deletionTextsOf(account).confirmDeletion({
        name: nameOf(account), link: pageLink(settings.publicUrl, ACCOUNT_PAGES.deletion, token),
        validHours: Math.max(1, Math.round(settings.deletionLinkValidMs / 3_600_000)),
      }), 'deletion-confirmation');
    },

    /**
     * The link of the confirmation mail, once. The rules are checked again: a case submitted after
     * the request blocks it, and then the link stays usable (the transaction is rolled back).
     */
    async confirm(token: string): Promise<void> {
      const deleted = await deletion.transaction(async (trx): Promise<LifecycleAccount | undefined> => {
        const at = now();
        const link = await accounts.consumeLinkToken(hashToken(token), 'deletion', at, trx);
        if (!link) throw accountErrors.linkInvalid();
        if (link.expiresAt <= at) return undefined;
        const account = await deletion.lock(link.accountId, trx);
        if (!account) throw accountErrors.linkInvalid();
        await refuseIfBlocked(account.id, trx);
        await eraseAccount(deletion, account.id, trx);
        return account;
      });
      // An expired link stays used up, as the other account links do.
      if (!deleted) throw accountErrors.linkExpired();
      sendMail(deleted.email, deletionTextsOf(deleted).deleted({ name: nameOf(deleted) }), 'account-deleted');
    },
  };
}
