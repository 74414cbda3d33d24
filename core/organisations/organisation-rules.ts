// The rules of ORG-3 and ORG-4 as pure functions: the services apply them to rows they hold locked.

export type OrganisationRole = 'manager' | 'member';

export interface Membership {
  accountId: string;
  role: OrganisationRole;
}

/** Why a change to the members is refused, or undefined when it is allowed. */
export type MembershipRefusal = 'not-member' | 'manager-required' | 'member-not-found' | 'last-manager';

const managers = (members: readonly Membership[]) => members.filter((m) => m.role === 'manager').length;

/** ORG-3: only managers change roles, and the last manager cannot be demoted (not even by themselves). */
export function roleChangeRefusal(members: readonly Membership[], actorId: string, targetId: string, role: OrganisationRole): MembershipRefusal | undefined {
  const actor = members.find((m) => m.accountId === actorId);
  if (!actor) return 'not-member';
  if (actor.role !== 'manager') return 'manager-required';
  const target = members.find((m) => m.accountId === targetId);
  if (!target) return 'member-not-found';
  if (target.role === 'manager' && role !== 'manager' && managers(members) === 1) return 'last-manager';
  return undefined;
}

/** ORG-3: a member may leave, a manager may remove anyone; the last manager can do neither to themselves. */
export function removalRefusal(members: readonly Membership[], actorId: string, targetId: string): MembershipRefusal | undefined {
  const actor = members.find((m) => m.accountId === actorId);
  if (!actor) return 'not-member';
  if (actorId !== targetId && actor.role !== 'manager') return 'manager-required';
  const target = members.find((m) => m.accountId === targetId);
  if (!target) return 'member-not-found';
  if (target.role === 'manager' && managers(members) === 1) return 'last-manager';
  return undefined;
}

/** ORG-4: a case is readable by whoever submitted it and by the members of the organisation it concerns. */
export function mayReadCase(viewerId: string, theCase: { citizenId: string; organisationId: string | null }, viewerOrganisations: ReadonlySet<string>): boolean {
  if (theCase.citizenId === viewerId) return true;
  return theCase.organisationId !== null && viewerOrganisations.has(theCase.organisationId);
}

export type ServiceAudience = 'personal' | 'organisation' | 'both';

/**
 * ORG-5: whether a submission fits the service's audience; a refusal names why. Whether the
 * citizen is a member of the organisation is checked apart.
 */
export function audienceRefusal(audience: ServiceAudience, organisationId: string | undefined): 'organisation-required' | 'personal-only' | undefined {
  if (audience === 'organisation' && !organisationId) return 'organisation-required';
  if (audience === 'personal' && organisationId) return 'personal-only';
  return undefined;
}

export type InvitationState = 'pending' | 'accepted' | 'declined' | 'revoked';

/** Where an invitation stands for someone answering it at `now`. */
export function invitationStanding(invitation: { state: InvitationState; expiresAt: Date }, now: Date): 'open' | 'answered' | 'expired' {
  if (invitation.state !== 'pending') return 'answered';
  return invitation.expiresAt <= now ? 'expired' : 'open';
}

/**
 * Whether an invitation is addressed to the account: by its Konto-ID, or by its current e-mail
 * address. (A mailed link proves the mailbox and is judged apart.)
 */
export function isAddressedTo(invitation: { inviteeAccountId: string | null; inviteeEmail: string | null }, account: { id: string; email: string }): boolean {
  if (invitation.inviteeAccountId !== null) return invitation.inviteeAccountId === account.id;
  return invitation.inviteeEmail !== null && invitation.inviteeEmail.toLowerCase() === account.email.toLowerCase();
}
