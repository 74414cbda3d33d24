import type { FastifyRequest } from 'fastify';
import { ProblemError } from './problem-details.ts';

export type StaffRole = 'finance';

export interface StaffMember {
  id: string;
  role: StaffRole;
  /** The municipalities whose data this person may see. */
  municipalities: readonly string[];
}

/**
 * Staff authenticate with the same signed bearer tokens as citizens, carrying a `role` and the
 * `municipalities` they work for; the clerks' issue replaces the issuer with the cantonal login
 * (OIDC). A token without the role is refused (403), and so is a municipality outside the list.
 */
export async function authenticateStaff(request: FastifyRequest, role: StaffRole, municipalityId: string): Promise<StaffMember> {
  let payload: { sub?: unknown; role?: unknown; municipalities?: unknown };
  try {
    payload = await request.jwtVerify();
  } catch {
    throw new ProblemError(401, 'unauthenticated', 'Anmeldung erforderlich', 'A valid bearer token is required.');
  }
  const municipalities = Array.isArray(payload.municipalities) ? payload.municipalities.filter((m): m is string => typeof m === 'string') : [];
  if (typeof payload.sub !== 'string' || payload.role !== role) {
    throw new ProblemError(403, 'forbidden', 'Keine Berechtigung', `This requires the ${role} role.`);
  }
  if (!municipalities.includes(municipalityId)) {
    throw new ProblemError(403, 'forbidden', 'Keine Berechtigung', 'You do not work for this municipality.');
  }
  return { id: payload.sub, role, municipalities };
}
