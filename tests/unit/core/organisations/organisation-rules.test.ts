import { describe, expect, it } from 'vitest';
import {
  audienceRefusal, invitationStanding, isAddressedTo, mayReadCase, type Membership, removalRefusal, roleChangeRefusal,
} from '../../../../core/organisations/organisation-rules.ts';

const anna: Membership = { accountId: 'anna', role: 'manager' };
const beat: Membership = { accountId: 'beat', role: 'member' };
const carla: Membership = { accountId: 'carla', role: 'manager' };

describe('roleChangeRefusal (ORG-3)', () => {
  it.each([
    { situation: 'a manager designates a member', members: [anna, beat], actor: 'anna', target: 'beat', role: 'manager' as const, refusal: undefined },
    { situation: 'a manager demotes another manager', members: [anna, carla], actor: 'anna', target: 'carla', role: 'member' as const, refusal: undefined },
    { situation: 'a manager demotes themselves while another stays', members: [anna, carla], actor: 'anna', target: 'anna', role: 'member' as const, refusal: undefined },
    { situation: 'the last manager demotes themselves', members: [anna, beat], actor: 'anna', target: 'anna', role: 'member' as const, refusal: 'last-manager' },
    { situation: 'a member promotes themselves', members: [anna, beat], actor: 'beat', target: 'beat', role: 'manager' as const, refusal: 'manager-required' },
    { situation: 'a non-member acts', members: [anna, beat], actor: 'dora', target: 'beat', role: 'manager' as const, refusal: 'not-member' },
    { situation: 'the target is no member', members: [anna, beat], actor: 'anna', target: 'dora', role: 'manager' as const, refusal: 'member-not-found' },
    { situation: 'the last manager is "demoted" to manager', members: [anna, beat], actor: 'anna', target: 'anna', role: 'manager' as const, refusal: undefined },
  ])('when $situation, then the refusal is $refusal', ({ members, actor, target, role, refusal }) => {
    expect(roleChangeRefusal(members, actor, target, role)).toBe(refusal);
  });
});

describe('removalRefusal (ORG-3)', () => {
  it.each([
    { situation: 'a member leaves', members: [anna, beat], actor: 'beat', target: 'beat', refusal: undefined },
    { situation: 'a manager removes a member', members: [anna, beat], actor: 'anna', target: 'beat', refusal: undefined },
    { situation: 'a manager leaves while another stays', members: [anna, carla], actor: 'anna', target: 'anna', refusal: undefined },
    { situation: 'the last manager leaves', members: [anna, beat], actor: 'anna', target: 'anna', refusal: 'last-manager' },
    { situation: 'a member removes another', members: [anna, beat, { accountId: 'emil', role: 'member' as const }], actor: 'beat', target: 'emil', refusal: 'manager-required' },
    { situation: 'a member removes the manager', members: [anna, beat], actor: 'beat', target: 'anna', refusal: 'manager-required' },
    { situation: 'a non-member removes someone', members: [anna, beat], actor: 'dora', target: 'beat', refusal: 'not-member' },
    { situation: 'a manager removes a non-member', members: [anna, beat], actor: 'anna', target: 'dora', refusal: 'member-not-found' },
  ])('when $situation, then the refusal is $refusal', ({ members, actor, target, refusal }) => {
    expect(removalRefusal(members, actor, target)).toBe(refusal);
  });
});

describe('mayReadCase (ORG-4)', () => {
  it('when the viewer submitted the case, then it is readable, with or without an organisation', () => {
    expect(mayReadCase('anna', { citizenId: 'anna', organisationId: null }, new Set())).toBe(true);
    expect(mayReadCase('anna', { citizenId: 'anna', organisationId: 'org-1' }, new Set())).toBe(true);
  });
  it('when the case concerns an organisation of the viewer, then it is readable; otherwise not', () => {
    expect(mayReadCase('beat', { citizenId: 'anna', organisationId: 'org-1' }, new Set(['org-1']))).toBe(true);
    expect(mayReadCase('beat', { citizenId: 'anna', organisationId: 'org-1' }, new Set(['org-2']))).toBe(false);
  });
  it('when another citizen\'s case is personal, then membership in any organisation does not open it', () => {
    expect(mayReadCase('beat', { citizenId: 'anna', organisationId: null }, new Set(['org-1']))).toBe(false);
  });
});

describe('audienceRefusal (ORG-5)', () => {
  it.each([
    { audience: 'both' as const, organisationId: undefined, refusal: undefined },
    { audience: 'both' as const, organisationId: 'org-1', refusal: undefined },
    { audience: 'personal' as const, organisationId: undefined, refusal: undefined },
    { audience: 'personal' as const, organisationId: 'org-1', refusal: 'personal-only' },
    { audience: 'organisation' as const, organisationId: 'org-1', refusal: undefined },
    { audience: 'organisation' as const, organisationId: undefined, refusal: 'organisation-required' },
  ])('when a service for $audience gets organisationId $organisationId, then the refusal is $refusal', ({ audience, organisationId, refusal }) => {
    expect(audienceRefusal(audience, organisationId)).toBe(refusal);
  });
});

describe('invitations (ORG-2)', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it.each([
    { state: 'pending' as const, expiresAt: '2026-11-24T10:00:00Z', standing: 'open' },
    { state: 'pending' as const, expiresAt: '2026-11-23T10:00:00Z', standing: 'expired' },
    { state: 'accepted' as const, expiresAt: '2026-11-24T10:00:00Z', standing: 'answered' },
    { state: 'declined' as const, expiresAt: '2026-11-22T10:00:00Z', standing: 'answered' },
    { state: 'revoked' as const, expiresAt: '2026-11-24T10:00:00Z', standing: 'answered' },
  ])('when an invitation is $state and expires at $expiresAt, then it is $standing', ({ state, expiresAt, standing }) => {
    expect(invitationStanding({ state, expiresAt: new Date(expiresAt) }, now)).toBe(standing);
  });

  it('when an invitation names a Konto-ID, then it is addressed to that account only, whatever its address', () => {
    const invitation = { inviteeAccountId: 'anna', inviteeEmail: null };
    expect(isAddressedTo(invitation, { id: 'anna', email: 'x@example.ch' })).toBe(true);
    expect(isAddressedTo(invitation, { id: 'beat', email: 'x@example.ch' })).toBe(false);
  });

  it('when an invitation names an address, then it is addressed to the account with that address, in any case', () => {
    const invitation = { inviteeAccountId: null, inviteeEmail: 'anna@example.ch' };
    expect(isAddressedTo(invitation, { id: 'anna', email: 'Anna@Example.ch' })).toBe(true);
    expect(isAddressedTo(invitation, { id: 'anna', email: 'anna@example.com' })).toBe(false);
  });

  it('when a Konto-ID named no account, then nobody is addressed', () => {
    expect(isAddressedTo({ inviteeAccountId: null, inviteeEmail: null }, { id: 'anna', email: 'anna@example.ch' })).toBe(false);
  });
});
