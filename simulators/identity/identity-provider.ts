/**
 * The development OpenID Connect provider: stands in for a municipality's staff directory, so
 * that the clerk tasklist logs in exactly as it will against the real one. oidc-provider (panva)
 * on a plain node HTTP server; everything (keys, sessions, codes) lives in memory and is new at
 * each start. Plain http on localhost is fine: oidc-provider only marks cookies secure when the
 * request came over TLS, and does not trust proxy headers (`proxy` stays false).
 *
 * Endpoints under the issuer: /.well-known/openid-configuration, /auth, /token, /me (userinfo),
 * /jwks, /session/end (logout), and the login page at /interaction/{uid}. As a stand-in it also
 * lets tests do what a directory administrator does: `PUT /__sim/accounts/{username}` with
 * `{roles?, groups?, disabled?}` changes an account's claims or disables it.
 */
import { generateKeyPair, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { Provider, type Jwk } from 'oidc-provider';
import type { Logger } from 'pino';
import { createLoginInteraction, type LoginInteraction } from './login-interaction.ts';
import { providerConfiguration, type IdentityClient } from './provider-configuration.ts';
import type { DirectoryAccountWithPassword } from './staff-accounts.ts';
import { createStaffDirectory, type DirectoryChange, type StaffDirectory } from './staff-directory.ts';

export type { IdentityClient } from './provider-configuration.ts';
export { CLAIMS_BY_SCOPE, PORTAL_SCOPE, SESSION_TTL_SECONDS } from './provider-configuration.ts';
export { LOGIN_FORM } from './pages.ts';

export type IdentityProviderOptions = {
  /** 0 picks a free port. */
  readonly port: number;
  /** Default '127.0.0.1'. */
  readonly host?: string;
  /** Default `http://{host}:{port}`; set it when browsers reach the provider by another name. No path. */
  readonly issuer?: string;
  readonly clients: readonly IdentityClient[];
  readonly accounts: readonly DirectoryAccountWithPassword[];
  /** Which claims each scope releases; the staff directory's (CLAIMS_BY_SCOPE) unless told. */
  readonly claimsByScope?: Readonly<Record<string, readonly string[]>>;
  /** Logins and errors go here, never who logged in; silent when absent. */
  readonly logger?: Logger;
};

export type IdentityProvider = {
  /** e.g. 'http://127.0.0.1:4400', without trailing slash. */
  readonly issuer: string;
  readonly port: number;
  close(): Promise<void>;
};

const INTERACTION_PATH = /^\/interaction\/([A-Za-z0-9_-]{1,64})$/;
const ACCOUNT_CONTROL_PATH = /^\/__sim\/accounts\/([A-Za-z0-9._%-]{1,100})$/;

export async function startIdentityProvider(options: IdentityProviderOptions): Promise<IdentityProvider> {
  const host = options.host ?? '127.0.0.1';
  const directory = createStaffDirectory(options.accounts);
  const signingKey = await generateSigningKey();

  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  try {
    const issuer = issuerOf(options.issuer ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`);
    const provider = new Provider(issuer, providerConfiguration({
      clients: options.clients,
      directory,
      signingKey,
      cookieKey: randomBytes(32).toString('base64url'),
      ...(options.claimsByScope === undefined ? {} : { claimsByScope: options.claimsByScope }),
    }));
    logProviderEvents(provider, options.logger);
    const interaction = createLoginInteraction({ provider, directory, logger: options.logger });
    handle = route(provider.callback(), interaction, directory);
    options.logger?.info({ issuer, clients: options.clients.length, accounts: options.accounts.length }, 'identity provider listening');
    return { issuer, port, close: () => close(server) };
  } catch (error) {
    await close(server);
    throw error;
  }
}

function route(oidc: (req: IncomingMessage, res: ServerResponse) => Promise<void>, interaction: LoginInteraction, directory: StaffDirectory) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const uid = INTERACTION_PATH.exec(path)?.[1];
    const username = ACCOUNT_CONTROL_PATH.exec(path)?.[1];
    if (username !== undefined) {
      void changeAccount(req, res, directory, decodeURIComponent(username));
      return;
    }
    void (uid === undefined ? oidc(req, res) : interaction(req, res, uid));
  };
}

/** `PUT /__sim/accounts/{username}`: what an administrator of the directory changes. */
async function changeAccount(req: IncomingMessage, res: ServerResponse, directory: StaffDirectory, username: string): Promise<void> {
  const answer = (status: number) => {
    res.statusCode = status;
    res.end();
  };
  if (req.method !== 'PUT') return answer(405);
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let change: unknown;
  try {
    change = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return answer(400);
  }
  if (!isDirectoryChange(change)) return answer(400);
  return answer(directory.change(username, change) ? 204 : 404);
}

const stringList = (value: unknown) => value === undefined || (Array.isArray(value) && value.every((item) => typeof item === 'string'));

function isDirectoryChange(value: unknown): value is DirectoryChange {
  if (typeof value !== 'object' || value === null) return false;
  const { roles, groups, disabled } = value as Record<string, unknown>;
  return stringList(roles) && stringList(groups) && (disabled === undefined || typeof disabled === 'boolean');
}

/** An issuer without trailing slash; the provider is served at the root, so a path is refused. */
function issuerOf(value: string): string {
  const url = new URL(value);
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new Error(`identity provider: the issuer must be an origin without path, got ${value}`);
  }
  return url.origin;
}

async function generateSigningKey(): Promise<Jwk> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' } as Jwk;
}

function logProviderEvents(provider: Provider, logger: Logger | undefined): void {
  if (logger === undefined) return;
  provider.on('server_error', (_ctx, error) => logger.error({ err: error }, 'identity provider error'));
  for (const event of ['authorization.error', 'grant.error', 'end_session.error', 'userinfo.error']) {
    // OAuth errors name the protocol fault (invalid_grant, invalid_redirect_uri), never a person.
    provider.on(event, (_ctx, error) => {
      const { error: code, error_description: description } = error as { error?: string; error_description?: string };
      logger.warn({ event, error: code, description }, 'identity provider refused a request');
    });
  }
}

function close(server: ReturnType<typeof createServer>): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
