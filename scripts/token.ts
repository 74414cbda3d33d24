// Development tokens.
//   npm run token -- <name>                                 a citizen's session token: the account
//       <name>@buerger.example is opened and activated through the mail catcher the first time
//       (needs `npm start` running), then logged in over the API.
//   npm run token -- --finance <staff-id> <municipality,...>  a finance clerk's signed token (HS256)
import { createHash } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import { TOKEN_ISSUER } from '../portal-api/plugins/citizen-auth.ts';
import { citizenSession } from './citizen-session.ts';
import { loadDevSecrets } from './dev-secrets.ts';

/** A development token for a finance clerk of the given municipalities. */
export function mintFinanceToken(secret: string, staffId: string, municipalities: readonly string[], ttlSeconds = 8 * 3600): string {
  const sign = createSigner({ key: secret, algorithm: 'HS256', iss: TOKEN_ISSUER, expiresIn: ttlSeconds * 1000 });
  return sign({ sub: staffId, role: 'finance', municipalities });
}

/** The development citizen's password: derived from the development secret, so it is the same at every call. */
export function developmentCitizenPassword(secret: string, name: string): string {
  return `Dev-${createHash('sha256').update(`${secret}:${name}`).digest('base64url').slice(0, 16)}-1a`;
}

const ID = /^[\w.@-]{1,100}$/;

if (import.meta.main) {
  const [first, second, third] = process.argv.slice(2);
  const secret = loadDevSecrets().PORTAL_TOKEN_SECRET;
  if (first === '--finance' && second && ID.test(second) && third && third.split(',').every((m) => ID.test(m))) {
    console.log(mintFinanceToken(secret, second, third.split(',')));
  } else if (first && first !== '--finance' && /^[\w.-]{1,60}$/.test(first)) {
    const token = await citizenSession({
      apiUrl: process.env.PORTAL_API_URL ?? 'http://127.0.0.1:3000',
      mailUrl: process.env.MAIL_CATCHER_URL ?? `http://127.0.0.1:${process.env.MAIL_CATCHER_HTTP_PORT ?? 4402}`,
      email: `${first.toLowerCase()}@buerger.example`,
      password: developmentCitizenPassword(secret, first),
      firstName: 'Dev',
      lastName: first,
    });
    console.log(token);
  } else {
    console.error('usage: npm run token -- <citizen-name>   (letters, digits, . _ -; needs npm start)\n       npm run token -- --finance <staff-id> <municipality,...>   (letters, digits, . _ @ -)');
    process.exitCode = 2;
  }
}
