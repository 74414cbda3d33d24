// A development citizen's session token:
//   npm run token -- <name>   the account <name>@buerger.example is opened and activated through the
//       mail catcher the first time (needs `npm start` running), then logged in over the API.
// Staff, the finance department included, log in through the staff directory (/tasklist/login).
import { createHash } from 'node:crypto';
import { citizenSession } from './citizen-session.ts';
import { loadDevSecrets } from './dev-secrets.ts';

/** The development citizen's password: derived from a development seed, so it is the same at every call. */
export function developmentCitizenPassword(seed: string, name: string): string {
  return `Dev-${createHash('sha256').update(`${seed}:${name}`).digest('base64url').slice(0, 16)}-1a`;
}

if (import.meta.main) {
  const [name] = process.argv.slice(2);
  // A leading dash is an option, never a name (`--finance` is gone: see the usage).
  if (name && /^\w[\w.-]{0,59}$/.test(name)) {
    const token = await citizenSession({
      apiUrl: process.env.PORTAL_API_URL ?? 'http://127.0.0.1:3000',
      mailUrl: process.env.MAIL_CATCHER_URL ?? `http://127.0.0.1:${process.env.MAIL_CATCHER_HTTP_PORT ?? 4402}`,
      email: `${name.toLowerCase()}@buerger.example`,
      password: developmentCitizenPassword(loadDevSecrets().citizenPasswordSeed, name),
      firstName: 'Dev',
      lastName: name,
    });
    console.log(token);
  } else {
    console.error('usage: npm run token -- <citizen-name>   (letters, digits, . _ -; needs npm start)\n'
      + 'Staff, the finance department included, log in at http://127.0.0.1:3000/tasklist/ (passwords in .cache/dev-secrets.json).');
    process.exitCode = 2;
  }
}
