// Mints a development citizen token: node scripts/token.ts <citizen-id> (npm run token -- <id>)
import { createSigner } from 'fast-jwt';
import { TOKEN_ISSUER } from '../portal-api/plugins/citizen-auth.ts';
import { loadDevSecrets } from './dev-secrets.ts';

export function mintCitizenToken(secret: string, citizenId: string, ttlSeconds = 8 * 3600): string {
  const sign = createSigner({ key: secret, algorithm: 'HS256', iss: TOKEN_ISSUER, expiresIn: ttlSeconds * 1000 });
  return sign({ sub: citizenId });
}

if (import.meta.main) {
  const citizenId = process.argv[2];
  if (!citizenId || !/^[\w.@-]{1,100}$/.test(citizenId)) {
    console.error('usage: npm run token -- <citizen-id>   (letters, digits, . _ @ -)');
    process.exitCode = 2;
  } else {
    console.log(mintCitizenToken(loadDevSecrets().PORTAL_TOKEN_SECRET, citizenId));
  }
}
