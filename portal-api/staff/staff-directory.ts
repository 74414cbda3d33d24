import * as oidc from 'openid-client';
import { lazyDiscovery } from '../oidc/discovery.ts';
import type { AskDirectory, StaffMember } from '../../core/staff/staff-sessions.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The portal's public URL; the login returns to `<it>/tasklist/callback`. */
  publicUrl: string;
}

/** Keeps what the directory said at login (for handing over and e-mail digests); the address is not in the session. */
export type RememberStaff = (member: StaffMember) => Promise<void>;

/** What the portal asks the directory for: the member's municipality or institution, roles and groups come with `gemeindeportal`. */
export const STAFF_SCOPE = 'openid profile email gemeindeportal';

/** Where a login may return to: the staff applications' own pages, nothing else (no open redirect). */
const RETURN_PATHS = ['/tasklist/', '/modeler/'] as const;
export const safeReturnPath = (next: unknown): string =>
  (typeof next === 'string' && RETURN_PATHS.includes(next as (typeof RETURN_PATHS)[number]) ? next : '/tasklist/');

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The municipalities an institution serves (configuration: municipality_institutions). */
export type ServedMunicipalities = (institutionId: string) => Promise<string[]>;

/** The member an ID token describes, or undefined when it names no place of work. */
export async function memberOf(claims: oidc.IDToken | undefined, servedBy: ServedMunicipalities): Promise<StaffMember | undefined> {
  // Staff work for a municipality, or for an institution that serves several (a civil registry office).
  const home = typeof claims?.municipality === 'string' ? { kind: 'municipality' as const, id: claims.municipality }
    : typeof claims?.institution === 'string' ? { kind: 'institution' as const, id: claims.institution } : undefined;
  if (!claims || !home) return undefined;
  return {
    id: claims.sub,
    name: typeof claims.name === 'string' ? claims.name : claims.sub,
    email: typeof claims.email === 'string' ? claims.email : null,
    organisation: home.id,
    organisationKind: home.kind,
    municipalities: home.kind === 'municipality' ? [home.id] : await servedBy(home.id),
    roles: strings(claims.roles),
    groups: strings(claims.groups),
  };
}

/**
 * Asks the staff directory again with a session's refresh token (staff-sessions.ts): the fresh
 * ID token says whether the member is still there and with which roles and groups. The directory
 * refusing the grant (`invalid_grant`: member disabled, logged out there, grant expired) ends the
 * session; anything else leaves it as it is until the next check.
 */
export function askStaffDirectory(settings: OidcSettings, servedBy: ServedMunicipalities): AskDirectory {
  const discovered = lazyDiscovery(settings);
  return async (refreshToken) => {
    try {
      const tokens = await oidc.refreshTokenGrant(await discovered(), refreshToken);
      const member = await memberOf(tokens.claims(), servedBy);
      return member ? { outcome: 'confirmed', member, refreshToken: tokens.refresh_token ?? null } : { outcome: 'refused' };
    } catch (error) {
      return error instanceof oidc.ResponseBodyError && error.error === 'invalid_grant' ? { outcome: 'refused' } : { outcome: 'unreachable' };
    }
  };
}
