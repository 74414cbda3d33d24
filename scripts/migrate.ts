// `npm run migrate`: brings the portal's database schema up to date (DATABASE_URL, or the embedded
// database when unset; the embedded one only while `npm start` is not running).
import { loadConfig } from '../core/config.ts';
import { createDatabase } from '../core/db/database.ts';
import { migrateToLatest } from '../core/db/migrate.ts';
import { loadDevSecrets } from './dev-secrets.ts';

const secrets = loadDevSecrets();
// Only the database settings matter here; the secrets are there because the configuration requires them.
const config = loadConfig({
  ...process.env, OIDC_CLIENT_SECRET: secrets.OIDC_CLIENT_SECRET, SESSION_SECRET: secrets.SESSION_SECRET, ACCOUNT_SECRETS_KEY: secrets.ACCOUNT_SECRETS_KEY,
});
const db = createDatabase({ databaseUrl: config.DATABASE_URL, embeddedDir: config.EMBEDDED_DB_DIR });
try {
  const ran = await migrateToLatest(db);
  console.log(ran.length > 0 ? `migrated: ${ran.join(', ')}` : 'schema already up to date');
} finally {
  await db.destroy();
}
