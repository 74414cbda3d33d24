import { randomUUID } from 'node:crypto';
import type { OrganisationChanges, OrganisationRow, OrganisationsRepository } from '../db/organisations-repository.ts';
import { formatKontoId } from '../accounts/konto-id.ts';
import { organisationErrors } from '../errors/organisation-errors.ts';
import { type MembershipRefusal, type OrganisationRole, removalRefusal, roleChangeRefusal } from './organisation-rules.ts';
import { normalisePostalAddress, type PostalAddressInput, type SwissPostalAddress } from './postal-address.ts';

/** An organisation as its members see it, with the viewer's role. */
export interface OrganisationView {
  id: string;
  name: string;
  additionalDesignation: string | null;
  postalAddress: SwissPostalAddress;
  billingAddress: SwissPostalAddress | null;
  role: OrganisationRole;
  createdAt: string;
  updatedAt: string;
}

export interface MemberView {
  accountId: string;
  firstName: string;
  lastName: string;
  kontoId: string;
  role: OrganisationRole;
  joinedAt: string;
}

export interface OrganisationInput {
  name: string;
  additionalDesignation?: string | null;
  postalAddress: PostalAddressInput;
  billingAddress?: PostalAddressInput | null;
}

/** A role that really changed, by another member's hand. */
export interface RoleChange {
  organisationId: string;
  actorId: string;
  targetId: string;
  role: OrganisationRole;
}

export type OrganisationService = ReturnType<typeof createOrganisationService>;

export const toOrganisationView = (row: OrganisationRow, role: OrganisationRole): OrganisationView => ({
  id: row.id,
  name: row.name,
  additionalDesignation: row.additionalDesignation,
  postalAddress: row.postalAddress,
  billingAddress: row.billingAddress,
  role,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

const squeeze = (text: string) => text.trim().replace(/\s+/g, ' ');
const designation = (text: string | null | undefined) => (text == null ? null : squeeze(text) || null);

/** The refusal of a membership rule as the API answers it. */
export function membershipProblem(refusal: MembershipRefusal, pointer: string) {
  switch (refusal) {
    case 'not-member': return organisationErrors.notFound();
    case 'manager-required': return organisationErrors.managerRequired();
    case 'member-not-found': return organisationErrors.memberNotFound();
    case 'last-manager': return organisationErrors.lastManager(pointer);
  }
}

/**
 * ORG-1 and ORG-3: organisations, their data and their members' roles. `roleChanged` hears of a
 * role that changed after it is committed (the notice to the member concerned); a manager who
 * steps down themselves is not told.
 */
export function createOrganisationService(deps: { organisations: OrganisationsRepository; now: () => Date; roleChanged?: (change: RoleChange) => Promise<void> }) {
  const { organisations, now } = deps;

  /** The organisation and the viewer's role; a non-member gets 404 as if it did not exist. */
  async function asMember(accountId: string, organisationId: string): Promise<{ row: OrganisationRow; role: OrganisationRole }> {
    const role = await organisations.roleOf(organisationId, accountId);
    const row = role ? await organisations.find(organisationId) : undefined;
    if (!role || !row) throw organisationErrors.notFound();
    return { row, role };
  }

  async function get(accountId: string, organisationId: string): Promise<OrganisationView> {
    const { row, role } = await asMember(accountId, organisationId);
    return toOrganisationView(row, role);
  }

  return {
    asMember,
    get,

    /** ORG-1: the creator becomes the first manager. */
    async create(accountId: string, input: OrganisationInput): Promise<OrganisationView> {
      const id = randomUUID();
      await organisations.create({
        id,
        name: squeeze(input.name),
        additionalDesignation: designation(input.additionalDesignation),
        postalAddress: normalisePostalAddress(input.postalAddress, '/body/postalAddress'),
        billingAddress: input.billingAddress ? normalisePostalAddress(input.billingAddress, '/body/billingAddress') : null,
        createdAt: now(),
      }, accountId);
      const row = await organisations.find(id);
      if (!row) throw new Error(`organisation ${id} vanished after it was created`);
      return toOrganisationView(row, 'manager');
    },

    async list(accountId: string): Promise<OrganisationView[]> {
      return (await organisations.ofAccount(accountId)).map((row) => toOrganisationView(row, row.role));
    },

    /** ORG-1, ORG-3: managers edit name, designation and addresses; `null` removes the designation or the billing address. */
    async update(accountId: string, organisationId: string, changes: Partial<OrganisationInput>): Promise<OrganisationView> {
      const { role } = await asMember(accountId, organisationId);
      if (role !== 'manager') throw organisationErrors.managerRequired();
      const values: OrganisationChanges = {
        ...(changes.name !== undefined ? { name: squeeze(changes.name) } : {}),
        ...(changes.additionalDesignation !== undefined ? { additionalDesignation: designation(changes.additionalDesignation) } : {}),
        ...(changes.postalAddress !== undefined ? { postalAddress: normalisePostalAddress(changes.postalAddress, '/body/postalAddress') } : {}),
        ...(changes.billingAddress !== undefined
          ? { billingAddress: changes.billingAddress && normalisePostalAddress(changes.billingAddress, '/body/billingAddress') }
          : {}),
      };
      await organisations.update(organisationId, values, now());
      return get(accountId, organisationId);
    },

    /** Every member sees who else belongs to the organisation, with their role. */
    async members(accountId: string, organisationId: string): Promise<MemberView[]> {
      await asMember(accountId, organisationId);
      return (await organisations.members(organisationId)).map((member) => ({
        accountId: member.accountId, firstName: member.firstName, lastName: member.lastName, kontoId: formatKontoId(member.kontoId),
        role: member.role, joinedAt: member.joinedAt.toISOString(),
      }));
    },

    /** ORG-3: a manager designates managers among the members, or makes one a member again. */
    async changeRole(actorId: string, organisationId: string, targetId: string, role: OrganisationRole): Promise<void> {
      const changed = await organisations.transaction(async (trx) => {
        const members = await organisations.lockMembers(organisationId, trx);
        const refusal = roleChangeRefusal(members, actorId, targetId, role);
        if (refusal) throw membershipProblem(refusal, '/params/accountId');
        if (members.find((m) => m.accountId === targetId)?.role === role) return false;
        await organisations.setRole(organisationId, targetId, role, trx);
        return true;
      });
      if (changed && targetId !== actorId) await deps.roleChanged?.({ organisationId, actorId, targetId, role });
    },

    /** ORG-3: a manager removes a member, or a member leaves. */
    async removeMember(actorId: string, organisationId: string, targetId: string): Promise<void> {
      await organisations.transaction(async (trx) => {
        const refusal = removalRefusal(await organisations.lockMembers(organisationId, trx), actorId, targetId);
        if (refusal) throw membershipProblem(refusal, '/params/accountId');
        await organisations.removeMember(organisationId, targetId, trx);
      });
    },
  };
}
