// The one-time codes that carry an AGOV login from its callback to the front end (INT-5).
import type { AgovHandOffsRepository, StoredHandOff } from '../db/agov-hand-offs-repository.ts';
import type { SecretBox } from '../db/secret-box.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';
import { agovErrors } from '../errors/agov-errors.ts';

/** What AGOV said about a person, as far as the portal keeps it. */
export interface AgovPerson {
  subject: string;
  givenName: string;
  familyName: string;
  email: string | null;
  emailVerified: boolean;
  birthdate: string | null;
  locale: string | null;
  loa: string | null;
}

/** What a code stands for: a known identity's login, an identity linked to no account, or a linking to confirm. */
export type AgovHandOff =
  | { kind: 'login'; accountId: string; person: AgovPerson }
  | { kind: 'unknown'; person: AgovPerson }
  | { kind: 'link'; accountId: string; person: AgovPerson };

export interface AgovHandOffCodes {
  issue(handOff: AgovHandOff): Promise<string>;
  /** The hand-off of a valid code, which stays valid; 400 agov-code-invalid otherwise. */
  read(code: string): Promise<AgovHandOff>;
  /** Uses a code up; of requests racing with the same code, one gets the hand-off and the others 400. */
  consume(code: string): Promise<AgovHandOff>;
}

const CODE_VALID_MS = 2 * 60_000;

/** A hand-off is sealed for its code: a body copied into another code's row does not open. */
const handOffContext = (codeHash: string) => `agov-hand-off:${codeHash}`;


/**
 * Codes valid two minutes, kept in PostgreSQL by SHA-256 of the code with what they carry sealed
 * (ACCOUNT_SECRETS_KEY), so that a code issued by one API instance is redeemed at another, once.
 * Expired codes are removed by the accounts' periodic sweep (account-state-sweep.ts).
 */
export function createAgovHandOffCodes(deps: { handOffs: AgovHandOffsRepository; secrets: SecretBox; now: () => Date }): AgovHandOffCodes {
  const { handOffs, secrets, now } = deps;
  const opened = (codeHash: string, stored: StoredHandOff | undefined): AgovHandOff => {
    if (!stored) throw agovErrors.codeInvalid();
    let handOff: AgovHandOff;
    try {
      handOff = JSON.parse(secrets.open(stored.body, handOffContext(codeHash))) as AgovHandOff;
    } catch {
      // Altered, or sealed under a key no longer configured: as good as unknown.
      throw agovErrors.codeInvalid();
    }
    if (handOff.kind !== stored.kind) throw agovErrors.codeInvalid();
    return handOff;
  };
  return {
    async issue(handOff) {
      const code = newSecretToken('gpl');
      const codeHash = hashToken(code);
      await handOffs.insert({
        codeHash, kind: handOff.kind, body: secrets.seal(JSON.stringify(handOff), handOffContext(codeHash)),
        expiresAt: new Date(now().getTime() + CODE_VALID_MS),
      });
      return code;
    },
    async read(code) {
      const codeHash = hashToken(code);
      return opened(codeHash, await handOffs.find(codeHash, now()));
    },
    async consume(code) {
      const codeHash = hashToken(code);
      return opened(codeHash, await handOffs.take(codeHash, now()));
    },
  };
}
