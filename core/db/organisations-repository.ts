import type { Knex } from 'knex';
import type { AccountRow } from './accounts-repository.ts';
import type { InvitationState, Membership, OrganisationRole } from '../organisations/organisation-rules.ts';
import type { SwissPostalAddress } from '../organisations/postal-address.ts';

export interface OrganisationRow {
  id: string;
  name: string;
  additionalDesignation: string | null;
  postalAddress: SwissPostalAddress;
  billingAddress: SwissPostalAddress | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewOrganisation {
  id: string;
  name: string;
  additionalDesignation: string | null;
  postalAddress: SwissPostalAddress;
  billingAddress: SwissPostalAddress | null;
  createdAt: Date;
}

export type OrganisationChanges = Partial<Pick<OrganisationRow, 'name' | 'additionalDesignation' | 'postalAddress' | 'billingAddress'>>;

export interface MemberRow extends Membership {
  firstName: string;
  lastName: string;
  kontoId: string;
  joinedAt: Date;
}

/** What an invitation needs to know of an account: whom to write to, in which language. */
export type AccountContact = Pick<AccountRow, 'id' | 'kontoId' | 'email' | 'firstName' | 'lastName' | 'language'>;

export interface InvitationRow {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationDesignation: string | null;
  inviterName: string | null;
  inviteeEmail: string | null;
  inviteeKontoId: string | null;
  inviteeAccountId: string | null;
  state: InvitationState;
  createdAt: Date;
  expiresAt: Date;
  answeredAt: Date | null;
}

export interface NewInvitation {
  id: string;
  organisationId: string;
  invitedBy: string;
  inviteeEmail: string | null;
  inviteeKontoId: string | null;
  inviteeAccountId: string | null;
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Organisations, their members and invitations (ORG-1…3); every writing method takes an optional transaction. */
export interface OrganisationsRepository {
  transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T>;
  /** Inserts the organisation with its founder as first manager. */
  create(organisation: NewOrganisation, founderId: string, trx?: Knex): Promise<void>;
  find(id: string, trx?: Knex): Promise<OrganisationRow | undefined>;
  update(id: string, changes: OrganisationChanges, at: Date, trx?: Knex): Promise<void>;
  /** The account's organisations with its role in each, by name. */
  ofAccount(accountId: string): Promise<(OrganisationRow & { role: OrganisationRole })[]>;
  organisationIdsOf(accountId: string): Promise<string[]>;
  roleOf(organisationId: string, accountId: string, trx?: Knex): Promise<OrganisationRole | undefined>;
  /** Locks the organisation (for the rest of the transaction) and answers its members, so that rules like "one manager at least" hold under concurrent changes. */
  lockMembers(organisationId: string, trx: Knex.Transaction): Promise<Membership[]>;
  members(organisationId: string): Promise<MemberRow[]>;
  addMember(organisationId: string, accountId: string, role: OrganisationRole, at: Date, trx?: Knex): Promise<'added' | 'already-member'>;
  setRole(organisationId: string, accountId: string, role: OrganisationRole, trx?: Knex): Promise<void>;
  removeMember(organisationId: string, accountId: string, trx?: Knex): Promise<void>;

  account(id: string, trx?: Knex): Promise<AccountContact | undefined>;
  activeAccountByEmail(email: string): Promise<AccountContact | undefined>;
  activeAccountByKontoId(kontoId: string): Promise<AccountContact | undefined>;

  insertInvitation(invitation: NewInvitation, trx?: Knex): Promise<void>;
  /** How many invitations the account has sent since `since`, to any organisation. */
  countInvitationsBy(accountId: string, since: Date): Promise<number>;
  /** An earlier pending invitation of the same invitee stops working when a new one is sent. */
  retirePendingInvitations(organisationId: string, invitee: { email: string } | { kontoId: string }, at: Date, trx?: Knex): Promise<void>;
  /** The organisation's invitations that are pending or were declined, newest first. */
  invitationsOf(organisationId: string): Promise<InvitationRow[]>;
  /** Locks and answers the invitation. */
  lockInvitation(by: { id: string } | { tokenHash: string }, trx: Knex.Transaction): Promise<InvitationRow | undefined>;
  /** Pending, unexpired invitations to the account's Konto-ID or current address. */
  openInvitationsFor(account: { id: string; email: string }, now: Date): Promise<InvitationRow[]>;
  answerInvitation(id: string, state: 'accepted' | 'declined' | 'revoked', at: Date, by: string | null, trx?: Knex): Promise<void>;
}

const parseJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) as T : value as T);

function toOrganisation(row: Record<string, unknown>): OrganisationRow {
  return {
    id: row.id as string,
    name: row.name as string,
    additionalDesignation: (row.additional_designation as string | null) ?? null,
    postalAddress: parseJson<SwissPostalAddress>(row.postal_address),
    billingAddress: row.billing_address ? parseJson<SwissPostalAddress>(row.billing_address) : null,
    createdAt: new Date(row.created_at as string),
    updatedAt: new Date(row.updated_at as string),
  };
}

function toContact(row: Record<string, unknown>): AccountContact {
  return {
    id: row.id as string, kontoId: row.konto_id as string, email: row.email as string,
    firstName: row.first_name as string, lastName: row.last_name as string, language: row.language as string,
  };
}

function toInvitation(row: Record<string, unknown>): InvitationRow {
  return {
    id: row.id as string,
    organisationId: row.organisation_id as string,
    organisationName: row.organisation_name as string,
    organisationDesignation: (row.organisation_designation as string | null) ?? null,
    inviterName: row.inviter_first_name ? `${row.inviter_first_name as string} ${row.inviter_last_name as string}` : null,
    inviteeEmail: (row.invitee_email as string | null) ?? null,
    inviteeKontoId: (row.invitee_konto_id as string | null) ?? null,
    inviteeAccountId: (row.invitee_account_id as string | null) ?? null,
    state: row.state as InvitationState,
    createdAt: new Date(row.created_at as string),
    expiresAt: new Date(row.expires_at as string),
    answeredAt: row.answered_at ? new Date(row.answered_at as string) : null,
  };
}

const ORGANISATION_COLUMNS = {
  name: 'name', additionalDesignation: 'additional_designation', postalAddress: 'postal_address', billingAddress: 'billing_address',
} as const;

export function createOrganisationsRepository(db: Knex): OrganisationsRepository {
  const invitationView = (q: Knex) =>
    q('organisation_invitations as i')
      .join('organisations as o', 'o.id', 'i.organisation_id')
      .leftJoin('accounts as a', 'a.id', 'i.invited_by')
      .select('i.*', 'o.name as organisation_name', 'o.additional_designation as organisation_designation',
        'a.first_name as inviter_first_name', 'a.last_name as inviter_last_name');
  const activeAccounts = () => db('accounts').where({ state: 'active' })
    .first('id', 'konto_id', 'email', 'first_name', 'last_name', 'language');

  return {
    transaction: (work) => db.transaction(work),

    async create(organisation, founderId, trx = db) {
      await trx.transaction(async (inner) => {
        await inner('organisations').insert({
          id: organisation.id, name: organisation.name, additional_designation: organisation.additionalDesignation,
          postal_address: JSON.stringify(organisation.postalAddress),
          billing_address: organisation.billingAddress ? JSON.stringify(organisation.billingAddress) : null,
          created_at: organisation.createdAt, updated_at: organisation.createdAt,
        });
        await inner('organisation_members').insert({
          organisation_id: organisation.id, account_id: founderId, role: 'manager', joined_at: organisation.createdAt,
        });
      });
    },

    async find(id, trx = db) {
      const row = await trx('organisations').where({ id }).first();
      return row ? toOrganisation(row) : undefined;
    },

    async update(id, changes, at, trx = db) {
      const values: Record<string, unknown> = { updated_at: at };
      for (const [key, value] of Object.entries(changes)) {
        const column = ORGANISATION_COLUMNS[key as keyof typeof ORGANISATION_COLUMNS];
        values[column] = (key === 'postalAddress' || key === 'billingAddress') && value !== null ? JSON.stringify(value) : value;
      }
      await trx('organisations').where({ id }).update(values);
    },

    async ofAccount(accountId) {
      const rows = await db('organisations as o').join('organisation_members as m', 'm.organisation_id', 'o.id')
        .where('m.account_id', accountId).orderBy([{ column: 'o.name' }, { column: 'o.id' }]).select('o.*', 'm.role');
      return rows.map((row) => ({ ...toOrganisation(row), role: row.role as OrganisationRole }));
    },

    async organisationIdsOf(accountId) {
      const rows = await db('organisation_members').where({ account_id: accountId }).select('organisation_id');
      return rows.map((row) => row.organisation_id as string);
    },

    async roleOf(organisationId, accountId, trx = db) {
      const row = await trx('organisation_members').where({ organisation_id: organisationId, account_id: accountId }).first('role');
      return row?.role as OrganisationRole | undefined;
    },

    async lockMembers(organisationId, trx) {
      await trx('organisations').where({ id: organisationId }).forUpdate().first('id');
      const rows = await trx('organisation_members').where({ organisation_id: organisationId }).select('account_id', 'role');
      return rows.map((row) => ({ accountId: row.account_id as string, role: row.role as OrganisationRole }));
    },

    async members(organisationId) {
      const rows = await db('organisation_members as m').join('accounts as a', 'a.id', 'm.account_id')
        .where('m.organisation_id', organisationId)
        .orderBy([{ column: 'a.last_name' }, { column: 'a.first_name' }, { column: 'a.id' }])
        .select('m.account_id', 'm.role', 'm.joined_at', 'a.first_name', 'a.last_name', 'a.konto_id');
      return rows.map((row) => ({
        accountId: row.account_id, role: row.role, joinedAt: new Date(row.joined_at),
        firstName: row.first_name, lastName: row.last_name, kontoId: row.konto_id,
      }));
    },

    async addMember(organisationId, accountId, role, at, trx = db) {
      const inserted = await trx('organisation_members')
        .insert({ organisation_id: organisationId, account_id: accountId, role, joined_at: at })
        .onConflict(['organisation_id', 'account_id']).ignore().returning('account_id');
      return inserted.length === 1 ? 'added' : 'already-member';
    },

    async setRole(organisationId, accountId, role, trx = db) {
      await trx('organisation_members').where({ organisation_id: organisationId, account_id: accountId }).update({ role });
    },

    async removeMember(organisationId, accountId, trx = db) {
      await trx('organisation_members').where({ organisation_id: organisationId, account_id: accountId }).delete();
    },

    async account(id, trx = db) {
      const row = await trx('accounts').where({ id }).first('id', 'konto_id', 'email', 'first_name', 'last_name', 'language');
      return row ? toContact(row) : undefined;
    },

    async activeAccountByEmail(email) {
      const row = await activeAccounts().whereRaw('lower(email) = lower(?)', [email]);
      return row ? toContact(row) : undefined;
    },

    async activeAccountByKontoId(kontoId) {
      const row = await activeAccounts().where({ konto_id: kontoId });
      return row ? toContact(row) : undefined;
    },

    async insertInvitation(invitation, trx = db) {
      await trx('organisation_invitations').insert({
        id: invitation.id, organisation_id: invitation.organisationId, invited_by: invitation.invitedBy,
        invitee_email: invitation.inviteeEmail, invitee_konto_id: invitation.inviteeKontoId, invitee_account_id: invitation.inviteeAccountId,
        token_hash: invitation.tokenHash, state: 'pending', created_at: invitation.createdAt, expires_at: invitation.expiresAt,
      });
    },

    async countInvitationsBy(accountId, since) {
      const row = await db('organisation_invitations').where({ invited_by: accountId }).where('created_at', '>', since).count<{ count: string }[]>('* as count').first();
      return Number(row?.count ?? 0);
    },

    async retirePendingInvitations(organisationId, invitee, at, trx = db) {
      const query = trx('organisation_invitations').where({ organisation_id: organisationId, state: 'pending' });
      if ('email' in invitee) query.whereRaw('lower(invitee_email) = lower(?)', [invitee.email]);
      else query.where({ invitee_konto_id: invitee.kontoId });
      await query.update({ state: 'revoked', answered_at: at });
    },

    async invitationsOf(organisationId) {
      const rows = await invitationView(db).where('i.organisation_id', organisationId).whereIn('i.state', ['pending', 'declined'])
        .orderBy('i.created_at', 'desc').limit(200);
      return rows.map(toInvitation);
    },

    async lockInvitation(by, trx) {
      const locked = await trx('organisation_invitations').where('id' in by ? { id: by.id } : { token_hash: by.tokenHash }).forUpdate().first('id');
      if (!locked) return undefined;
      const row = await invitationView(trx).where('i.id', locked.id).first();
      return row ? toInvitation(row) : undefined;
    },

    async openInvitationsFor(account, now) {
      const rows = await invitationView(db).where('i.state', 'pending').where('i.expires_at', '>', now)
        .where((q) => q.where('i.invitee_account_id', account.id).orWhereRaw('lower(i.invitee_email) = lower(?)', [account.email]))
        .orderBy('i.created_at', 'desc');
      return rows.map(toInvitation);
    },

    async answerInvitation(id, state, at, by, trx = db) {
      await trx('organisation_invitations').where({ id }).update({ state, answered_at: at, answered_by: by });
    },
  };
}
