import { type StaffSession } from '../../core/staff/staff-sessions.ts';
import { accessErrors } from '../../core/errors/access-errors.ts';

/** Roles of the staff directory that parts of the API outside the tasklist ask for. */
export type StaffRole = 'finance' | 'municipal-admin';

/** What a refusal tells a staff member who lacks a role. */
const ROLE_REFUSALS: Record<StaffRole, string> = {
  finance: 'Dazu braucht es die Rolle «finance» (Finanzabteilung).',
  'municipal-admin': 'Dazu braucht es die Rolle «municipal-admin» (Administration der Gemeinde).',
};

/** OpenAPI: staff calls carry the session cookie of the staff login (`/tasklist/login`). */
export const staffSessionSecurity = [{ staffSession: [] }];

/**
 * A logged-in staff member's call that needs `role` for `municipalityId`: 403 naming the missing
 * role, or the municipality the member does not work for.
 */
export function requireStaffRole(staff: StaffSession, role: StaffRole, municipalityId: string): void {
  if (!staff.roles.includes(role)) throw accessErrors.roleRequired(role, ROLE_REFUSALS[role]);
  if (!staff.municipalities.includes(municipalityId)) {
    throw accessErrors.municipalityNotYours(municipalityId);
  }
}

/**
 * The municipality's administrator (ADM-3): the role `municipal-admin`, given by the directory to
 * staff of that very municipality. Staff of an office serving several municipalities administer
 * none of them.
 */
export function requireMunicipalAdministrator(staff: StaffSession, municipalityId: string): void {
  requireStaffRole(staff, 'municipal-admin', municipalityId);
  if (staff.organisationKind !== 'municipality' || staff.organisation !== municipalityId) {
    throw accessErrors.municipalityNotYours(municipalityId);
  }
}
