// Login with AGOV, the federal login service that also carries the Swiss e-ID (INT-5): what happens
// once AGOV has said who the person is. The OpenID Connect exchange itself is the API's
// (portal-api/routes/public/agov-login.ts). Nothing is created or merged by e-mail address on its own.
import { randomUUID } from 'node:crypto';
import type { AccountIdentitiesRepository } from '../db/account-identities-repository.ts';
import type { AccountRow, AccountsRepository } from '../db/accounts-repository.ts';
import type { AgovHandOffsRepository } from '../db/agov-hand-offs-repository.ts';
import type { SecretBox } from '../db/secret-box.ts';
import { accountErrors } from '../errors/account-errors.ts';
import { createAgovHandOffCodes, type AgovPerson } from './agov-hand-offs.ts';
import { normaliseEmail } from './email-address.ts';
import { newKontoId } from './konto-id.ts';
import { hashToken, newSecretToken } from './secret-tokens.ts';
import type { SessionSettings, SessionView } from './session-service.ts';
import { agovErrors } from '../errors/agov-errors.ts';

export const AGOV_PROVIDER = 'agov';

/** A session opened with AGOV: its bearer token, shown once. */
export interface AgovSessionStarted {
  token: string;
  accountId: string;
  session: SessionView;
}

/** How a linking begun by a logged-in account ends at AGOV's callback. */
export type LinkHandOff = { outcome: 'confirmable'; code: string } | { outcome: 'account-gone' } | { outcome: 'linked-elsewhere' };

export type AgovLogin = ReturnType<typeof createAgovLogin>;

const LANGUAGES = ['de', 'fr', 'it', 'en'];
const languageOf = (locale: string | null) => {
  const language = locale?.slice(0, 2).toLowerCase();
  return language && LANGUAGES.includes(language) ? language : 'de';
};

/**
 * A known identity gets its account's session; an unknown one may open an account from AGOV's
 * verified claims; a logged-in account links its AGOV identity with a one-time code that only it
 * can confirm. The birth date AGOV gives is kept sealed with the session it opened, for pre-filling only.
 */
export function createAgovLogin(deps: {
  accounts: AccountsRepository;
  identities: AccountIdentitiesRepository;
  handOffs: AgovHandOffsRepository;
  /** The box of ACCOUNT_SECRETS_KEY: hand-off codes' contents are stored encrypted. */
  secrets: SecretBox;
  sessions: SessionSettings;
  now?: () => Date;
}) {
  const { accounts, identities, sessions } = deps;
  const now = deps.now ?? (() => new Date());
  const codes = createAgovHandOffCodes({ handOffs: deps.handOffs, secrets: deps.secrets, now });

  async function startSession(account: AccountRow, person: AgovPerson, userAgent: string | undefined): Promise<AgovSessionStarted> {
    const at = now();
    const token = newSecretToken('gps');
    const session = {
      id: randomUUID(), accountId: account.id, tokenHash: hashToken(token), method: 'agov',
      userAgent: userAgent?.slice(0, 200) ?? null, createdAt: at, expiresAt: new Date(at.getTime() + sessions.maxMs),
    };
    // The birth date goes with the session, sealed, for pre-filling only.
    await accounts.insertSession({ ...session, agovBirthdate: person.birthdate });
    await accounts.update(account.id, { lastLoginAt: at });
    return {
      token, accountId: account.id,
      session: {
        id: session.id, createdAt: at.toISOString(), lastSeenAt: at.toISOString(),
        expiresAt: new Date(Math.min(session.expiresAt.getTime(), at.getTime() + sessions.idleMs)).toISOString(),
        userAgent: session.userAgent, current: true,
      },
    };
  }

  /** A new, activated account from AGOV's verified claims, linked to the identity. */
  async function openAccount(person: AgovPerson): Promise<AccountRow> {
    if (!person.email || !person.emailVerified) {
      throw agovErrors.emailUnverified();
    }
    const email = normaliseEmail(person.email);
    for (let attempt = 0; attempt < 5; attempt++) {
      const at = now();
      const id = randomUUID();
      const outcome = await accounts.transaction(async (trx) => {
        const inserted = await accounts.insert({
          id, kontoId: newKontoId(), email, firstName: person.givenName, lastName: person.familyName,
          language: languageOf(person.locale), passwordHash: null, createdAt: at, activatedAt: at,
        }, trx);
        if (inserted !== 'inserted') return inserted;
        const linked = await identities.link(id, AGOV_PROVIDER, person.subject, at, trx);
        if (linked !== 'linked') throw agovErrors.identityLinked('Dieses AGOV-Login gehört bereits zu einem Konto.');
        return inserted;
      });
      if (outcome === 'email-taken') {
        throw agovErrors.emailTaken();
      }
      if (outcome === 'inserted') return (await accounts.findById(id))!;
    }
    throw new Error('no free Konto-ID found');
  }

  return {
    /** After AGOV's callback of a login: the code the front end logs in with, or opens an account with when the identity is unknown. */
    async handOffLogin(person: AgovPerson): Promise<string> {
      const accountId = await identities.accountOf(AGOV_PROVIDER, person.subject);
      return codes.issue(accountId ? { kind: 'login', accountId, person } : { kind: 'unknown', person });
    },

    /** After AGOV's callback of a linking the account began: the code it confirms with, unless the identity is another account's. */
    async handOffLink(accountId: string, person: AgovPerson): Promise<LinkHandOff> {
      if (!await accounts.findById(accountId)) return { outcome: 'account-gone' };
      const holder = await identities.accountOf(AGOV_PROVIDER, person.subject);
      if (holder !== undefined && holder !== accountId) return { outcome: 'linked-elsewhere' };
      return { outcome: 'confirmable', code: await codes.issue({ kind: 'link', accountId, person }) };
    },

    /** The session of a known identity's code; an unknown identity's code answers 404 and stays valid. */
    async logIn(code: string, userAgent: string | undefined): Promise<AgovSessionStarted> {
      const handOff = await codes.read(code);
      if (handOff.kind === 'link') throw agovErrors.codeInvalid();
      if (handOff.kind === 'unknown') {
        throw agovErrors.identityUnknown();
      }
      await codes.consume(code);
      const account = await accounts.findById(handOff.accountId);
      if (!account) throw agovErrors.codeInvalid();
      return startSession(account, handOff.person, userAgent);
    },

    /** A new account from an unknown identity's code, and its session. */
    async openAccount(code: string, userAgent: string | undefined): Promise<AgovSessionStarted> {
      const handOff = await codes.read(code);
      if (handOff.kind !== 'unknown') throw agovErrors.codeInvalid();
      await codes.consume(code);
      const account = await openAccount(handOff.person);
      return startSession(account, handOff.person, userAgent);
    },

    /** Links the identity of a linking's code, with a session of the account that began it. */
    async confirmLink(accountId: string, code: string): Promise<void> {
      const handOff = await codes.read(code);
      if (handOff.kind !== 'link' || handOff.accountId !== accountId) throw agovErrors.codeInvalid();
      await codes.consume(code);
      const outcome = await identities.link(accountId, AGOV_PROVIDER, handOff.person.subject, now());
      if (outcome === 'linked-elsewhere') throw agovErrors.identityLinked('Dieses AGOV-Login ist bereits mit einem anderen Konto verknüpft.');
    },

    /** Unlinks AGOV, provided the account has a password to log in with afterwards. */
    async unlink(accountId: string): Promise<void> {
      const account = await accounts.findById(accountId);
      if (!account) throw accountErrors.invalidCredentials();
      if (!account.passwordHash) {
        throw agovErrors.onlyLogin();
      }
      if (!await identities.unlink(account.id, AGOV_PROVIDER)) throw agovErrors.notLinked();
    },

    /** The external logins linked to the account. */
    async linkedIdentities(accountId: string): Promise<{ provider: string; linkedAt: string }[]> {
      const linked = await identities.list(accountId);
      return linked.map((identity) => ({ provider: identity.provider, linkedAt: identity.linkedAt.toISOString() }));
    },
  };
}
