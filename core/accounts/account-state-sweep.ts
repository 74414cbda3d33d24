import type { AccountsRepository } from '../db/accounts-repository.ts';
import type { AgovHandOffsRepository } from '../db/agov-hand-offs-repository.ts';
import type { RateLimitHitsRepository } from '../db/rate-limit-hits-repository.ts';
import type { SecretFailuresRepository } from '../db/secret-failures-repository.ts';
import type { SessionSettings } from './session-service.ts';

/** How often each API instance sweeps; the deletes use indexes and find little, so running on every instance costs nothing. */
export const ACCOUNT_STATE_SWEEP_EVERY_MS = 60_000;

/** What one sweep removed; counts only, so that it can be logged. */
export interface AccountStateSweepSummary {
  rateLimitHits: number;
  secretFailures: number;
  agovHandOffs: number;
  agovBirthdates: number;
}

/**
 * Removes the shared account state that no longer means anything: rate-limit and secret-check
 * counts whose window has passed, expired AGOV hand-off codes, and the AGOV birth dates of
 * sessions that have ended (a revoked session loses it at once; this catches expired and idle ones).
 */
export function createAccountStateSweep(deps: {
  accounts: AccountsRepository;
  rateLimitHits: RateLimitHitsRepository;
  secretFailures: SecretFailuresRepository;
  agovHandOffs: AgovHandOffsRepository;
  sessions: SessionSettings;
  now: () => Date;
}): () => Promise<AccountStateSweepSummary> {
  return async () => {
    const at = deps.now();
    return {
      rateLimitHits: await deps.rateLimitHits.deleteExpired(at),
      secretFailures: await deps.secretFailures.deleteExpired(at),
      agovHandOffs: await deps.agovHandOffs.deleteExpired(at),
      agovBirthdates: await deps.accounts.forgetEndedSessionBirthdates(at, new Date(at.getTime() - deps.sessions.idleMs)),
    };
  };
}
