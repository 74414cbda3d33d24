import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { normaliseEmail } from '../accounts/email-address.ts';
import { formatKontoId, parseKontoId } from '../accounts/konto-id.ts';
import { pageLink } from '../accounts/links.ts';
import type { SendAccountMail } from '../accounts/mail-delivery.ts';
import { hashToken, newSecretToken } from '../accounts/secret-tokens.ts';
import type { InvitationRow, OrganisationsRepository } from '../db/organisations-repository.ts';
import { LANGUAGES, type Language } from '../language.ts';
import { organisationErrors } from '../errors/organisation-errors.ts';
import { invitationStanding, isAddressedTo } from './organisation-rules.ts';
import { type OrganisationView, toOrganisationView } from './organisation-service.ts';
import { ORGANISATION_MAIL_TEXTS } from './organisation-texts.ts';

/**
 * The portal front end's pages the invitation mails link to; like the account pages, they read
 * `token` from the address and post it to the API (`POST /invitations/acceptance`).
 */
export const ORGANISATION_PAGES = {
  invitation: 'konto/einladung',
  registration: 'konto/registrieren',
} as const;

export interface InvitationSettings {
  publicUrl: string;
  validMs: number;
  /** Invitations one account may send per hour: each is a mail to an address of the inviter's choosing. */
  perInviterPerHour: number;
}

/** An invitation as the organisation's managers see it: whom it names, as they typed it. */
export interface SentInvitationView {
  id: string;
  invitee: { email: string } | { kontoId: string };
  state: 'pending' | 'expired' | 'declined';
  createdAt: string;
  expiresAt: string;
}

/** An invitation as its invitee sees it under "Mein Konto". */
export interface ReceivedInvitationView {
  id: string;
  organisation: { id: string; name: string; additionalDesignation: string | null };
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
}

export type InvitationService = ReturnType<typeof createInvitationService>;

const isLanguage = (value: string): value is Language => (LANGUAGES as readonly string[]).includes(value);
const days = (ms: number) => Math.max(1, Math.round(ms / 86_400_000));

function sentView(row: InvitationRow, now: Date): SentInvitationView {
  const standing = invitationStanding(row, now);
  return {
    id: row.id,
    invitee: row.inviteeEmail !== null ? { email: row.inviteeEmail } : { kontoId: formatKontoId(row.inviteeKontoId ?? '') },
    state: row.state === 'declined' ? 'declined' : standing === 'expired' ? 'expired' : 'pending',
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

const receivedView = (row: InvitationRow): ReceivedInvitationView => ({
  id: row.id,
  organisation: { id: row.organisationId, name: row.organisationName, additionalDesignation: row.organisationDesignation },
  invitedBy: row.inviterName,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt.toISOString(),
});

/**
 * ORG-2: managers invite by e-mail address or Konto-ID; the invitee accepts with an account of
 * their own, through the mailed link or under "Mein Konto", or declines. The answer to an
 * invitation is the same whether the address or Konto-ID belongs to an account, so invitations
 * do not tell who has one: a known invitee gets an invitation, an unknown address an invitation
 * to open an account first, and an unknown Konto-ID nothing (there is nobody to write to).
 */
export function createInvitationService(deps: {
  organisations: OrganisationsRepository;
  sendMail: SendAccountMail;
  settings: InvitationSettings;
  now: () => Date;
}) {
  const { organisations, sendMail, settings, now } = deps;

  async function requireManager(accountId: string, organisationId: string): Promise<void> {
    const role = await organisations.roleOf(organisationId, accountId);
    if (!role) throw organisationErrors.notFound();
    if (role !== 'manager') throw organisationErrors.managerRequired();
  }

  function inviteeOf(input: { email?: string; kontoId?: string }): { email: string } | { kontoId: string } {
    if (input.email !== undefined && input.kontoId !== undefined) throw organisationErrors.inviteeTwice();
    if (input.email !== undefined) return { email: normaliseEmail(input.email) };
    if (input.kontoId === undefined) throw organisationErrors.inviteeMissing();
    const kontoId = parseKontoId(input.kontoId);
    if (!kontoId) throw organisationErrors.kontoIdInvalid();
    return { kontoId };
  }

  /** Adds the account as a member and marks the invitation accepted, in the caller's transaction. */
  async function join(invitation: InvitationRow, accountId: string, trx: Knex.Transaction): Promise<OrganisationView> {
    const at = now();
    if (await organisations.addMember(invitation.organisationId, accountId, 'member', at, trx) === 'already-member') {
      throw organisationErrors.alreadyMember();
    }
    await organisations.answerInvitation(invitation.id, 'accepted', at, accountId, trx);
    const organisation = await organisations.find(invitation.organisationId, trx);
    if (!organisation) throw organisationErrors.invitationNotFound();
    return toOrganisationView(organisation, 'member');
  }

  /** The invitation of the "Mein Konto" routes: addressed to this account, still open. */
  async function ownOpenInvitation(accountId: string, invitationId: string, trx: Knex.Transaction): Promise<InvitationRow> {
    const account = await organisations.account(accountId, trx);
    const invitation = await organisations.lockInvitation({ id: invitationId }, trx);
    if (!account || !invitation || !isAddressedTo(invitation, account) || invitation.state === 'revoked') throw organisationErrors.invitationNotFound();
    const standing = invitationStanding(invitation, now());
    if (standing === 'answered') throw organisationErrors.invitationAnswered();
    if (standing === 'expired') throw organisationErrors.invitationExpired();
    return invitation;
  }

  /** The invitation of a mailed link: the token is single-use and expires. */
  async function openInvitationOfLink(token: string, trx: Knex.Transaction): Promise<InvitationRow> {
    const invitation = await organisations.lockInvitation({ tokenHash: hashToken(token) }, trx);
    if (!invitation) throw organisationErrors.linkInvalid();
    const standing = invitationStanding(invitation, now());
    if (standing === 'answered') throw organisationErrors.linkInvalid();
    if (standing === 'expired') throw organisationErrors.linkExpired();
    return invitation;
  }

  return {
    async invite(actorId: string, organisationId: string, input: { email?: string; kontoId?: string }): Promise<SentInvitationView> {
      const invitee = inviteeOf(input);
      await requireManager(actorId, organisationId);
      const createdAt = now();
      if (await organisations.countInvitationsBy(actorId, new Date(createdAt.getTime() - 3_600_000)) >= settings.perInviterPerHour) {
        throw organisationErrors.tooManyInvitations();
      }
      const [organisation, inviter] = await Promise.all([organisations.find(organisationId), organisations.account(actorId)]);
      if (!organisation || !inviter) throw organisationErrors.notFound();
      const account = 'email' in invitee
        ? await organisations.activeAccountByEmail(invitee.email)
        : await organisations.activeAccountByKontoId(invitee.kontoId);

      const token = newSecretToken('gpl');
      const id = randomUUID();
      await organisations.transaction(async (trx) => {
        await organisations.retirePendingInvitations(organisationId, invitee, createdAt, trx);
        await organisations.insertInvitation({
          id, organisationId, invitedBy: actorId,
          inviteeEmail: 'email' in invitee ? invitee.email : null,
          inviteeKontoId: 'kontoId' in invitee ? invitee.kontoId : null,
          // A Konto-ID names one account; an address is matched again when it is answered.
          inviteeAccountId: 'kontoId' in invitee ? account?.id ?? null : null,
          tokenHash: hashToken(token), createdAt, expiresAt: new Date(createdAt.getTime() + settings.validMs),
        }, trx);
      });

      const mail = {
        organisation: organisation.name, inviter: `${inviter.firstName} ${inviter.lastName}`,
        link: pageLink(settings.publicUrl, ORGANISATION_PAGES.invitation, token), validDays: days(settings.validMs),
      };
      if (account) {
        const texts = ORGANISATION_MAIL_TEXTS[isLanguage(account.language) ? account.language : 'de'];
        sendMail(account.email, texts.invitation({ ...mail, name: `${account.firstName} ${account.lastName}` }), 'organisation-invitation');
      } else if ('email' in invitee) {
        const texts = ORGANISATION_MAIL_TEXTS[isLanguage(inviter.language) ? inviter.language : 'de'];
        sendMail(invitee.email, texts.invitationToRegister({ ...mail, registerLink: pageLink(settings.publicUrl, ORGANISATION_PAGES.registration) }),
          'organisation-invitation-to-register');
      }
      return {
        id, invitee: 'email' in invitee ? invitee : { kontoId: formatKontoId(invitee.kontoId) }, state: 'pending',
        createdAt: createdAt.toISOString(), expiresAt: new Date(createdAt.getTime() + settings.validMs).toISOString(),
      };
    },

    /** The managers' view: pending, expired and declined invitations. */
    async sent(actorId: string, organisationId: string): Promise<SentInvitationView[]> {
      await requireManager(actorId, organisationId);
      const at = now();
      return (await organisations.invitationsOf(organisationId)).map((row) => sentView(row, at));
    },

    /** A manager withdraws a pending invitation; its link stops working. */
    async revoke(actorId: string, organisationId: string, invitationId: string): Promise<void> {
      await requireManager(actorId, organisationId);
      await organisations.transaction(async (trx) => {
        const invitation = await organisations.lockInvitation({ id: invitationId }, trx);
        if (!invitation || invitation.organisationId !== organisationId || invitation.state === 'revoked') throw organisationErrors.invitationNotFound();
        if (invitation.state !== 'pending') throw organisationErrors.invitationAnswered();
        await organisations.answerInvitation(invitation.id, 'revoked', now(), actorId, trx);
      });
    },

    /** "Mein Konto": the open invitations to this account's Konto-ID or address. */
    async received(accountId: string): Promise<ReceivedInvitationView[]> {
      const account = await organisations.account(accountId);
      if (!account) return [];
      return (await organisations.openInvitationsFor(account, now())).map(receivedView);
    },

    async acceptById(accountId: string, invitationId: string): Promise<OrganisationView> {
      return organisations.transaction(async (trx) => join(await ownOpenInvitation(accountId, invitationId, trx), accountId, trx));
    },

    async declineById(accountId: string, invitationId: string): Promise<void> {
      await organisations.transaction(async (trx) => {
        const invitation = await ownOpenInvitation(accountId, invitationId, trx);
        await organisations.answerInvitation(invitation.id, 'declined', now(), accountId, trx);
      });
    },

    /**
     * The mailed link, followed while logged in. The token proves the mailbox, so an invitation by
     * address may be accepted with any own account; one by Konto-ID only with that account.
     */
    async acceptByLink(accountId: string, token: string): Promise<OrganisationView> {
      return organisations.transaction(async (trx) => {
        const invitation = await openInvitationOfLink(token, trx);
        if (invitation.inviteeAccountId !== null && invitation.inviteeAccountId !== accountId) throw organisationErrors.invitationForAnotherAccount();
        return join(invitation, accountId, trx);
      });
    },

    /** Declining needs no account: whoever got the mail may say no. */
    async declineByLink(token: string): Promise<void> {
      await organisations.transaction(async (trx) => {
        const invitation = await openInvitationOfLink(token, trx);
        await organisations.answerInvitation(invitation.id, 'declined', now(), null, trx);
      });
    },
  };
}
