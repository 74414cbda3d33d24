// Mints a development citizen token: node scripts/token.ts <citizen-id> (npm run token -- <id>)
import { createSigner } from 'fast-jwt';
import { TOKEN_ISSUER } from '../portal-api/plugins/citizen-auth.ts';
import { loadDevSecrets } from './dev-secrets.ts';

export function mintCitizenToken(secret: string, citizenId: string, ttlSeconds = 8 * 3600): string {
  const sign = createSigner({ key: secret, algorithm: 'HS256', iss: TOKEN_ISSUER, expiresIn: ttlSeconds * 1000 });
  return sign({ sub: citizenId });
}

/** A development token for a finance clerk of the given municipalities. */
export function mintFinanceToken(secret: string, staffId: string, municipalities: readonly string[], ttlSeconds = 8 * 3600): string {
  const sign = createSigner({ key: secret, algorithm: 'HS256', iss: TOKEN_ISSUER, expiresIn: ttlSeconds * 1000 });
  return sign({ sub: staffId, role: 'finance', municipalities });
}

const ID = /^[\w.@-]{1,100}$/;

if (import.meta.main) {
  const [first, second, third] = process.argv.slice(2);
  const secret = loadDevSecrets().PORTAL_TOKEN_SECRET;
  if (first === '--finance' && second && ID.test(second) && third && third.split(',').every((m) => ID.test(m))) {
    console.log(mintFinanceToken(secret, second, third.split(',')));
  } else if (first && first !== '--finance' && ID.test(first)) {
    console.log(mintCitizenToken(secret, first));
  } else {
    console.error('usage: npm run token -- <citizen-id>\n       npm run token -- --finance <staff-id> <municipality,...>   (letters, digits, . _ @ -)');
    process.exitCode = 2;
  }
}
