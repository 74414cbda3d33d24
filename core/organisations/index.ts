import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { AccountMailDelivery } from '../accounts/mail-delivery.ts';
import { createOrganisationsRepository } from '../db/organisations-repository.ts';
import { createInvitationService, type InvitationService, type InvitationSettings } from './invitation-service.ts';
import { createOrganisationService, type OrganisationService } from './organisation-service.ts';
import { createRoleNotices } from './role-notices.ts';

/** Who may see an organisation's cases and act for it (ORG-4, ORG-5). */
export interface OrganisationMemberships {
  /** The ids of the organisations the account belongs to. */
  organisationIdsOf(accountId: string): Promise<string[]>;
}

/** For a part of the platform built without organisations: citizens see their own cases only. */
export const NO_MEMBERSHIPS: OrganisationMemberships = { organisationIdsOf: async () => [] };

/** Organisations (ORG-1…5) as the API uses them. */
export interface Organisations {
  service: OrganisationService;
  invitations: InvitationService;
  memberships: OrganisationMemberships;
  /** Resolves once the invitation and role mails handed over so far are stored in the outbox and tried once. */
  mailIdle(): Promise<void>;
}

/** Invitations stay valid two weeks unless configured otherwise. */
export const INVITATION_VALID_MS = 14 * 24 * 3600 * 1000;
/** Enough for a manager filling a club's member list, too few to use the portal as a mail cannon. */
export const INVITATIONS_PER_INVITER_PER_HOUR = 100;

/** Composes the organisations' use cases over the database and the account mails' outbox (shared with the accounts). */
export function createOrganisations(deps: {
  db: Knex;
  mail: AccountMailDelivery;
  logger: Logger;
  options: { publicUrl: string; invitationValidMs?: number; invitationsPerInviterPerHour?: number };
  now?: () => Date;
}): Organisations {
  const now = deps.now ?? (() => new Date());
  const organisations = createOrganisationsRepository(deps.db);
  const sendMail = deps.mail.send;
  const settings: InvitationSettings = {
    publicUrl: deps.options.publicUrl,
    validMs: deps.options.invitationValidMs ?? INVITATION_VALID_MS,
    perInviterPerHour: deps.options.invitationsPerInviterPerHour ?? INVITATIONS_PER_INVITER_PER_HOUR,
  };
  return {
    service: createOrganisationService({ organisations, now, roleChanged: createRoleNotices({ organisations, sendMail, logger: deps.logger }) }),
    invitations: createInvitationService({ organisations, sendMail, settings, now }),
    memberships: { organisationIdsOf: (accountId) => organisations.organisationIdsOf(accountId) },
    mailIdle: () => deps.mail.idle(),
  };
}
