/**
 * The provider's own interaction pages (oidc-provider's development ones are switched off):
 * `GET /interaction/{uid}` shows the login form, `POST /interaction/{uid}` checks username and
 * password and hands the result back to oidc-provider, which continues the authorization.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors, type InteractionDetails, type Provider } from 'oidc-provider';
import type { Logger } from 'pino';
import { LOGIN_FORM, loginPage, noticePage, type HtmlPage } from './pages.ts';
import type { StaffDirectory } from './staff-directory.ts';

export type LoginInteractionDependencies = {
  readonly provider: Provider;
  readonly directory: StaffDirectory;
  readonly logger?: Logger;
};

/** Serves one interaction request; `uid` is the path's last segment. */
export type LoginInteraction = (req: IncomingMessage, res: ServerResponse, uid: string) => Promise<void>;

const MAX_FORM_BYTES = 8 * 1024;

export function interactionPath(uid: string): string {
  return `/interaction/${encodeURIComponent(uid)}`;
}

export function createLoginInteraction({ provider, directory, logger }: LoginInteractionDependencies): LoginInteraction {
  const showLogin = (res: ServerResponse, uid: string) => send(res, 200, loginPage({ action: interactionPath(uid) }));

  const submitLogin = async (req: IncomingMessage, res: ServerResponse, uid: string) => {
    const form = await readForm(req);
    if (form === 'too-large') return send(res, 413, noticePage('Ungültige Eingabe', 'Die Eingabe ist zu lang.'));
    if (form === 'not-a-form') return send(res, 415, noticePage('Ungültige Eingabe', 'Bitte verwenden Sie das Anmeldeformular.'));
    const username = form.get(LOGIN_FORM.usernameField) ?? '';
    const password = form.get(LOGIN_FORM.passwordField) ?? '';
    const action = interactionPath(uid);
    if (username.trim() === '' || password === '') {
      return send(res, 200, loginPage({ action, username, error: 'incomplete' }));
    }
    const account = directory.authenticate(username, password);
    if (account === undefined) {
      logger?.info('staff login refused: wrong username or password');
      return send(res, 200, loginPage({ action, username, error: 'failed' }));
    }
    logger?.info('staff login succeeded');
    await provider.interactionFinished(req, res, { login: { accountId: account.sub, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
  };

  return async (req, res, uid) => {
    try {
      const interaction = await currentInteraction(provider, req, res, uid);
      if (interaction === undefined) {
        return send(res, 400, noticePage('Anmeldung abgelaufen', 'Diese Anmeldung ist abgelaufen oder ungültig. Bitte starten Sie die Anmeldung in der Anwendung erneut.'));
      }
      const prompt = interaction.prompt.name;
      if (prompt === 'consent') return await grantConsent(provider, req, res, interaction);
      if (prompt !== 'login') {
        return send(res, 400, noticePage('Anmeldung nicht möglich', 'Diese Anfrage wird nicht unterstützt.'));
      }
      if (req.method === 'GET' || req.method === 'HEAD') return showLogin(res, uid);
      if (req.method === 'POST') return await submitLogin(req, res, uid);
      res.setHeader('allow', 'GET, HEAD, POST');
      return send(res, 405, noticePage('Ungültige Anfrage', 'Diese Anfrage wird nicht unterstützt.'));
    } catch (error) {
      logger?.error({ err: error }, 'login interaction failed');
      if (!res.headersSent) send(res, 500, noticePage('Fehler', 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.'));
      else res.end();
    }
  };
}

/** The interaction this browser is in, provided it is the one the URL names. */
async function currentInteraction(provider: Provider, req: IncomingMessage, res: ServerResponse, uid: string): Promise<InteractionDetails | undefined> {
  try {
    const interaction = await provider.interactionDetails(req, res);
    return interaction.uid === uid ? interaction : undefined;
  } catch (error) {
    if (error instanceof errors.SessionNotFound) return undefined;
    throw error;
  }
}

/**
 * Consent is implicit (see `grantEverythingRequested`); this prompt still comes up when an
 * application asks for it with `prompt=consent`, and is answered without asking the staff member.
 */
async function grantConsent(provider: Provider, req: IncomingMessage, res: ServerResponse, interaction: InteractionDetails): Promise<void> {
  const { details } = interaction.prompt;
  const existing = interaction.grantId === undefined ? undefined : await provider.Grant.find(interaction.grantId);
  const accountId = interaction.session?.accountId;
  if (accountId === undefined) throw new Error('consent prompt without a logged-in account');
  const grant = existing ?? new provider.Grant({ accountId, clientId: interaction.params.client_id });
  if (details.missingOIDCScope) grant.addOIDCScope(details.missingOIDCScope.join(' '));
  if (details.missingOIDCClaims) grant.addOIDCClaims(details.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(details.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(' '));
  }
  await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | 'too-large' | 'not-a-form'> {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return 'not-a-form';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) return 'too-large';
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function send(res: ServerResponse, status: number, page: HtmlPage): void {
  res.statusCode = status;
  for (const [name, value] of Object.entries(page.headers)) res.setHeader(name, value);
  if (status === 413) res.setHeader('connection', 'close');
  res.end(page.html);
}
