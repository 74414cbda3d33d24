/** How often login, registration and password reset may be tried, and how the counters name who tried. */
export interface RateLimitSettings {
  windowMs: number;
  /** Attempts per client address and window, per kind (login, registration, password reset). */
  perIp: number;
  /** Attempts per e-mail address and window, per kind. */
  perAddress: number;
}

export type RateLimitedKind = 'login' | 'registration' | 'password-reset';

/** A keyed name of a client or e-mail address (the secret box's pseudonym): the counters hold neither. */
export type Pseudonymise = (value: string, purpose: string) => string;
