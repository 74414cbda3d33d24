// An in-memory OrganisationsRepository for the organisations' use cases; transactions run the work at once.
import type { Knex } from 'knex';
import type {
  AccountContact, InvitationRow, MemberRow, NewInvitation, OrganisationRow, OrganisationsRepository,
} from '../../../../core/db/organisations-repository.ts';
import type { OrganisationRole } from '../../../../core/organisations/organisation-rules.ts';

type StoredInvitation = NewInvitation & { state: InvitationRow['state']; answeredAt: Date | null; answeredBy: string | null };

export class InMemoryOrganisations implements OrganisationsRepository {
  readonly organisations = new Map<string, OrganisationRow>();
  readonly memberships: { organisationId: string; accountId: string; role: OrganisationRole; joinedAt: Date }[] = [];
  readonly accounts = new Map<string, AccountContact & { state: 'active' | 'pending' }>();
  readonly invitations: StoredInvitation[] = [];

  async transaction<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return work({} as Knex.Transaction);
  }
  async create(organisation: Parameters<OrganisationsRepository['create']>[0], founderId: string) {
    this.organisations.set(organisation.id, { ...organisation, updatedAt: organisation.createdAt });
    this.memberships.push({ organisationId: organisation.id, accountId: founderId, role: 'manager', joinedAt: organisation.createdAt });
  }
  async find(id: string) {
    return this.organisations.get(id);
  }
  async update(id: string, changes: Partial<OrganisationRow>, at: Date) {
    const row = this.organisations.get(id);
    if (row) this.organisations.set(id, { ...row, ...changes, updatedAt: at });
  }
  async ofAccount(accountId: string) {
    return this.memberships.filter((m) => m.accountId === accountId).map((m) => ({ ...this.organisations.get(m.organisationId)!, role: m.role }));
  }
  async organisationIdsOf(accountId: string) {
    return this.memberships.filter((m) => m.accountId === accountId).map((m) => m.organisationId);
  }
  async roleOf(organisationId: string, accountId: string) {
    return this.memberships.find((m) => m.organisationId === organisationId && m.accountId === accountId)?.role;
  }
  async lockMembers(organisationId: string) {
    return this.memberships.filter((m) => m.organisationId === organisationId).map(({ accountId, role }) => ({ accountId, role }));
  }
  async addMember(organisationId: string, accountId: string, role: OrganisationRole, at: Date) {
    if (await this.roleOf(organisationId, accountId)) return 'already-member' as const;
    this.memberships.push({ organisationId, accountId, role, joinedAt: at });
    return 'added' as const;
  }
  async setRole(organisationId: string, accountId: string, role: OrganisationRole) {
    const member = this.memberships.find((m) => m.organisationId === organisationId && m.accountId === accountId);
    if (member) member.role = role;
  }
  async removeMember(organisationId: string, accountId: string) {
    const index = this.memberships.findIndex((m) => m.organisationId === organisationId && m.accountId === accountId);
    if (index >= 0) this.memberships.splice(index, 1);
  }
  async account(id: string) {
    return this.accounts.get(id);
  }
  async activeAccountByEmail(email: string) {
    return [...this.accounts.values()].find((a) => a.state === 'active' && a.email.toLowerCase() === email.toLowerCase());
  }
  async activeAccountByKontoId(kontoId: string) {
    return [...this.accounts.values()].find((a) => a.state === 'active' && a.kontoId === kontoId);
  }
  async insertInvitation(invitation: NewInvitation) {
    this.invitations.push({ ...invitation, state: 'pending', answeredAt: null, answeredBy: null });
  }
  async countInvitationsBy(accountId: string, since: Date) {
    return this.invitations.filter((i) => i.invitedBy === accountId && i.createdAt > since).length;
  }
  async retirePendingInvitations(organisationId: string, invitee: { email: string } | { kontoId: string }, at: Date) {
    for (const i of this.invitations) {
      const same = 'email' in invitee ? i.inviteeEmail === invitee.email : i.inviteeKontoId === invitee.kontoId;
      if (i.organisationId === organisationId && i.state === 'pending' && same) Object.assign(i, { state: 'revoked', answeredAt: at });
    }
  }
  private view(i: StoredInvitation): InvitationRow {
    const organisation = this.organisations.get(i.organisationId)!;
    const inviter = this.accounts.get(i.invitedBy);
    return {
      id: i.id, organisationId: i.organisationId, organisationName: organisation.name, organisationDesignation: organisation.additionalDesignation,
      inviterName: inviter ? `${inviter.firstName} ${inviter.lastName}` : null, inviteeEmail: i.inviteeEmail, inviteeKontoId: i.inviteeKontoId,
      inviteeAccountId: i.inviteeAccountId, state: i.state, createdAt: i.createdAt, expiresAt: i.expiresAt, answeredAt: i.answeredAt,
    };
  }
  async invitationsOf(organisationId: string) {
    return this.invitations.filter((i) => i.organisationId === organisationId && (i.state === 'pending' || i.state === 'declined')).map((i) => this.view(i));
  }
  async lockInvitation(by: { id: string } | { tokenHash: string }) {
    const found = this.invitations.find((i) => ('id' in by ? i.id === by.id : i.tokenHash === by.tokenHash));
    return found ? this.view(found) : undefined;
  }
  async openInvitationsFor(account: { id: string; email: string }, now: Date) {
    return this.invitations.filter((i) => i.state === 'pending' && i.expiresAt > now
      && (i.inviteeAccountId === account.id || i.inviteeEmail?.toLowerCase() === account.email.toLowerCase())).map((i) => this.view(i));
  }
  async answerInvitation(id: string, state: 'accepted' | 'declined' | 'revoked', at: Date, by: string | null) {
    const found = this.invitations.find((i) => i.id === id);
    if (found) Object.assign(found, { state, answeredAt: at, answeredBy: by });
  }
  async members(organisationId: string): Promise<MemberRow[]> {
    return this.memberships.filter((m) => m.organisationId === organisationId).map((m) => {
      const account = this.accounts.get(m.accountId)!;
      return { accountId: m.accountId, role: m.role, joinedAt: m.joinedAt, firstName: account.firstName, lastName: account.lastName, kontoId: account.kontoId };
    });
  }
}
